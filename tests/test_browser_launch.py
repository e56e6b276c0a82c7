"""The replay's own browser launch: Playwright's switches, nothing left behind, a clear failure."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from studio.browser import HEADLESS_ARGS, LAUNCH_ARGS, launch_options
from studio.browser.launch import PLAYWRIGHT_SWITCHES, LocalBrowser, profile_parent
from studio.replay import replay

from .conftest import ROOT
from .runtime_helpers import html
from .test_replay import EXAMPLE

PLAYWRIGHT_LAUNCH = """
from playwright.sync_api import sync_playwright
from studio.browser import launch_options
with sync_playwright() as p:
    p.chromium.launch(**launch_options(headless=True)).close()
"""


def launched(**env: str) -> tuple[subprocess.CompletedProcess, str]:
    """Launch a browser through Playwright with launch_options in a child process: the process and the
    command line Playwright logged for the browser."""
    done = subprocess.run(
        [sys.executable, "-c", PLAYWRIGHT_LAUNCH],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env={**os.environ, "DEBUG": "pw:browser", "PYTHONPATH": str(ROOT), **env},
    )
    return done, next((line for line in done.stderr.splitlines() if "<launching>" in line), "")


def test_the_switches_are_the_ones_playwright_launches_with():
    """A Playwright upgrade that changes its switches fails here until PLAYWRIGHT_SWITCHES follows."""
    _, line = launched()
    words = line.split("<launching>", 1)[1].split()
    assert words[0] == str(launch_options()["executable_path"])
    theirs = words[1 : words.index(LAUNCH_ARGS[0])]  # what Playwright puts before the studio's own
    assert tuple(theirs) == PLAYWRIGHT_SWITCHES


def test_one_list_of_features_holds_playwrights_and_the_studios():
    """Chromium reads only the last --disable-features: Playwright's own list must not be lost."""
    command = LocalBrowser().command()
    joined = {}
    for kind in ("--disable-features=", "--enable-features="):
        (joined[kind],) = [switch for switch in command if switch.startswith(kind)]
        given = [s.split("=", 1)[1] for s in (*PLAYWRIGHT_SWITCHES, *HEADLESS_ARGS) if s.startswith(kind)]
        wanted = [f for value in given for f in value.split(",")]
        assert joined[kind].split("=", 1)[1].split(",") == list(dict.fromkeys(wanted))
    disabled = joined["--disable-features="].split("=", 1)[1].split(",")
    assert {"PaintHolding", "ThirdPartyStoragePartitioning", "WebUIOmniboxPopup"} <= set(disabled)


def test_the_profile_goes_in_memory_unless_tmpdir_says_where(monkeypatch, tmp_path):
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    assert profile_parent() is None  # tempfile then uses TMPDIR
    monkeypatch.delenv("TMPDIR")
    shm = Path("/dev/shm")
    expected = (
        "/dev/shm" if sys.platform.startswith("linux") and shm.is_dir() and os.access(shm, os.W_OK) else None
    )
    assert profile_parent() in (expected, None)  # None only when /dev/shm has under 256 MB free
    if expected and os.statvfs(shm).f_bavail * os.statvfs(shm).f_frsize > 2**30:
        assert profile_parent() == expected


def test_a_local_browser_is_killed_and_its_profile_removed():
    async def run() -> tuple[Path, int, str]:
        from playwright.async_api import async_playwright

        local = LocalBrowser()
        endpoint = await asyncio.wait_for(local.start(), 30)
        assert local.folder is not None
        folder, pid = Path(local.folder), local.process.pid
        async with async_playwright() as p:
            browser = await p.chromium.connect_over_cdp(endpoint, timeout=30_000)
            page = await (await browser.new_context()).new_page()
            agent = await page.evaluate("navigator.userAgent")
            await local.close()
        return folder, pid, agent

    with ThreadPoolExecutor(1) as pool:  # a loop of its own: the session's sync Playwright runs one here
        folder, pid, agent = pool.submit(asyncio.run, run()).result(timeout=120)
    assert "HeadlessChrome" in agent  # headless, as Playwright's launch would have it
    assert process_gone(pid) and not folder.exists()


def process_gone(pid: int) -> bool:
    """No such process, or only its zombie (ended, not yet reaped by whoever adopted it)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] == "Z"
    except FileNotFoundError:
        return True
    except OSError:  # no /proc (not Linux): ask the kernel
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        return False


def test_a_browser_that_exits_at_once_is_named_on_every_guide(tmp_path, server, monkeypatch):
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))  # where its profile folder goes
    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\necho 'FATAL: no display and no headless, sorry' >&2\nexit 3\n")
    fake.chmod(0o755)
    server.page("/index.html", html("<h1>App</h1>"))
    results = replay(EXAMPLE, server.url + "/", browser=str(fake), timeout=60)
    assert results and all(not r.passed for r in results)
    first = results[0].steps[0]
    assert first.detail == "the browser did not start: FATAL: no display and no headless, sorry"
    assert not list(temp.iterdir())  # its profile folder was removed


def test_a_browser_that_never_listens_is_given_up_on_and_killed(tmp_path, server, monkeypatch):
    fake = tmp_path / "chromium"
    marker = tmp_path / "pid"
    fake.write_text(f"#!/bin/sh\necho $$ > {marker}\nexec sleep 60\n")
    fake.chmod(0o755)
    monkeypatch.setattr("studio.replay.runner.LAUNCH_SECONDS", 1.0)
    server.page("/index.html", html("<h1>App</h1>"))
    results = replay(EXAMPLE, server.url + "/", browser=str(fake), timeout=60)
    assert (
        results[0].steps[0].detail == "the browser did not start: it did not listen for DevTools within 1 s"
    )
    assert process_gone(int(marker.read_text()))


def test_no_browser_outlives_a_driver_that_fails_to_start(tmp_path, server, monkeypatch):
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    started: list[LocalBrowser] = []
    real_start = LocalBrowser.start

    async def start(self: LocalBrowser) -> str:
        started.append(self)
        return await real_start(self)

    class Broken:
        async def start(self) -> None:
            await asyncio.sleep(0.5)  # the browser is on its way meanwhile
            raise RuntimeError("the driver is broken")

    monkeypatch.setattr(LocalBrowser, "start", start)
    monkeypatch.setattr("playwright.async_api.async_playwright", Broken)
    server.page("/index.html", html("<h1>App</h1>"))
    with pytest.raises(RuntimeError, match="the driver is broken"):
        replay(EXAMPLE, server.url + "/", timeout=60)
    assert started and all(b.process is None for b in started)
    assert not list(temp.iterdir())


KILLED_MIDWAY = """
import asyncio, os, signal, sys, threading
from studio.browser.launch import LocalBrowser

async def main():
    local = LocalBrowser()
    await asyncio.wait_for(local.start(), 30)
    print(local.process.pid, flush=True)
    os.kill(os.getpid(), signal.SIGKILL)  # as a cancelled CI job ends: no finally runs

thread = threading.Thread(target=asyncio.run, args=(main(),))
thread.start()
thread.join()
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux ends a child with its parent")
def test_the_browser_ends_when_the_replay_is_killed():
    # a short folder: Chromium's socket paths under TMPDIR must stay under 108 bytes (xdist's are long)
    with tempfile.TemporaryDirectory(dir="/tmp") as temp:
        done = subprocess.run(
            [sys.executable, "-c", KILLED_MIDWAY],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=60,
            # a killed replay cannot remove its browser's profile folder: it goes in the test's own
            env={**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": temp},
        )
    assert done.stdout.split(), done.stderr[-2000:]
    pid = int(done.stdout.split()[0])
    end = time.monotonic() + 10
    while not process_gone(pid) and time.monotonic() < end:
        time.sleep(0.05)
    assert process_gone(pid)


def test_a_long_temporary_directory_does_not_stop_the_browser(tmp_path, monkeypatch):
    # Chromium's singleton socket goes below TMPDIR and a socket path may not pass 108 bytes
    long = tmp_path / ("deep-folder-" * 8)
    long.mkdir()
    monkeypatch.setenv("TMPDIR", str(long))
    monkeypatch.setattr(tempfile, "tempdir", None)  # read TMPDIR again

    async def run() -> int:
        local = LocalBrowser()
        try:
            await asyncio.wait_for(local.start(), 30)
            return local.process.pid
        finally:
            await local.close()

    with ThreadPoolExecutor(1) as pool:
        pid = pool.submit(asyncio.run, run()).result(timeout=60)
    assert process_gone(pid)


def test_a_browser_playwright_launches_keeps_its_features_and_starts_under_a_long_tmpdir(tmp_path):
    """The studio's previews and checks launch through Playwright: the same one list of features, and
    a temporary directory short enough for Chromium's sockets, as the replay's own browser gets."""
    long = tmp_path / ("deep-folder-" * 8)
    long.mkdir()
    done, line = launched(TMPDIR=str(long))
    assert done.returncode == 0, done.stderr[-2000:]
    lists = [w.split("=", 1)[1].split(",") for w in line.split() if w.startswith("--disable-features=")]
    assert {"PaintHolding", "ThirdPartyStoragePartitioning", "WebUIOmniboxPopup"} <= set(lists[-1])
