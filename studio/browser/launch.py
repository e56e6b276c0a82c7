"""A local headless Chromium the replay starts itself rather than through Playwright's driver.

Playwright can only launch a browser once its driver (a Node.js process) is up, so the two
started one after the other (~0.25 s and ~0.2 s on a quiet machine). Started here, the browser
comes up while the driver does, and Playwright attaches to it over CDP. It gets the switches
Playwright's own launch would give it (``PLAYWRIGHT_SWITCHES``, checked against the installed
Playwright by a test), a fresh profile folder, and DevTools on a port of 127.0.0.1 only; when
done it is killed with its helper processes (its contexts are closed by then) and the folder
removed, which is quicker than a graceful shutdown that saves a profile nobody reads.
"""

from __future__ import annotations

import asyncio
import ctypes
import os
import re
import shutil
import signal
import sys
import tempfile
from collections.abc import Callable

from . import launch_options

PLAYWRIGHT_SWITCHES = (
    # What Playwright 1.65 passes to a headless Chromium it launches (its chromiumSwitches and
    # headless switches), before the studio's own; tests/test_browser_launch.py compares them.
    "--disable-field-trial-config",
    "--disable-background-networking",
    "--disable-background-timer-throttling",
    "--disable-backgrounding-occluded-windows",
    "--disable-back-forward-cache",
    "--disable-breakpad",
    "--disable-component-extensions-with-background-pages",
    "--disable-component-update",
    "--no-default-browser-check",
    "--disable-default-apps",
    "--disable-dev-shm-usage",
    "--disable-edgeupdater",
    "--disable-extensions",
    "--disable-features=AvoidUnnecessaryBeforeUnloadCheckSync,DestroyProfileOnBrowserClose,HttpsUpgrades,"
    "HttpsFirstBalancedModeAutoEnable,LensOverlay,MediaRouter,PaintHolding,ThirdPartyStoragePartitioning,"
    "AvoidCorsURLLoaderRestartOnRedirect,TcpPortRandomizationWin,OptimizationHints,NetworkTimeServiceQuerying,"
    "AimEnabled,PreconnectToSearch,msForceBrowserSignIn,msEdgeUpdateLaunchServicesPreferredVersion",
    "--enable-features=CDPScreenshotNewSurface,SkipListAccountsWithoutGaiaCookies",
    "--allow-pre-commit-input",
    "--disable-hang-monitor",
    "--disable-ipc-flooding-protection",
    "--disable-popup-blocking",
    "--disable-prompt-on-repost",
    "--disable-renderer-backgrounding",
    "--disable-updater-scheduler",
    "--force-color-profile=srgb",
    "--metrics-recording-only",
    "--no-first-run",
    "--password-store=basic",
    "--use-mock-keychain",
    "--no-service-autorun",
    "--disable-search-engine-choice-screen",
    "--unsafely-disable-devtools-self-xss-warnings",
    "--enable-unsafe-swiftshader",
    "--edge-skip-compat-layer-relaunch",
    "--disable-stack-profiler",
    "--disable-infobars",
    "--disable-sync",
    "--do-not-de-elevate",
    "--headless",
    "--hide-scrollbars",
    "--mute-audio",
    "--blink-settings=primaryHoverType=2,availableHoverTypes=2,primaryPointerType=4,availablePointerTypes=4",
)
_PR_SET_PDEATHSIG = 1
_LISTENING = re.compile(r"DevTools listening on (ws://\S+)")


def _die_with_parent() -> Callable[[], None] | None:
    """On Linux, what makes the browser end when the thread that started it does, however it ends
    (a cancelled CI job's SIGKILL included), as Playwright's driver ends the browsers it launched;
    looked up before the fork, so the child only makes one system call before it runs Chromium."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    return lambda: prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


def merged_features(switches: list[str]) -> list[str]:
    """The switches with every ``--disable-features`` / ``--enable-features`` list joined into the
    first of its kind: Chromium reads only the last one given, so Playwright's own list (paint
    holding, storage partitioning, background requests...) was lost behind the studio's."""
    lists: dict[str, list[str]] = {}
    out: list[str] = []
    for switch in switches:
        name, _, value = switch.partition("=")
        if name in ("--disable-features", "--enable-features"):
            if name not in lists:
                lists[name] = []
                out.append(name)
            lists[name] += [f for f in value.split(",") if f and f not in lists[name]]
        else:
            out.append(switch)
    return [f"{s}={','.join(lists[s])}" if s in lists else s for s in out]


SHM = "/dev/shm"
SHM_FREE_BYTES = 256 * 2**20
"""The room /dev/shm must have for a profile to go there (a replay's profile takes ~1.5 MB)."""


SOCKET_ROOM = 60
"""The longest temporary directory Chromium is given: its singleton socket's path goes below it, and a
Unix socket's path may not pass 108 bytes (a longer TMPDIR made it exit at once: "zygote ... Broken pipe")."""


def browser_env() -> dict[str, str]:
    """The browser's environment: ours, with a temporary directory short enough for its sockets."""
    env = dict(os.environ)
    if len(tempfile.gettempdir()) > SOCKET_ROOM and os.path.isdir("/tmp"):
        env["TMPDIR"] = "/tmp"
    return env


def profile_parent() -> str | None:
    """Where the browser's fresh profile folder goes: the temporary directory when ``TMPDIR`` names
    one, else on Linux the memory-backed ``/dev/shm`` when it has room (Chromium writes ~150
    files there as it starts, and removing them from a disk took 0.1-0.25 s at the end of every
    run on a busy machine), else the system's temporary directory (``None``)."""
    if os.environ.get("TMPDIR") or not sys.platform.startswith("linux"):
        return None
    try:
        stats = os.statvfs(SHM)
    except OSError:
        return None
    if stats.f_bavail * stats.f_frsize < SHM_FREE_BYTES or not os.access(SHM, os.W_OK | os.X_OK):
        return None
    return SHM


class BrowserDidNotStart(Exception):
    """The browser exited before it listened (the message is its last words) or did not listen in time."""


class LocalBrowser:
    """One headless Chromium process of our own: ``start`` returns its DevTools address."""

    def __init__(self, explicit: str | None = None) -> None:
        self.options = launch_options(headless=True, explicit=explicit)  # BrowserNotFound first
        self.process: asyncio.subprocess.Process | None = None
        self.folder: str | None = None
        self._drain: asyncio.Future | None = None

    def command(self) -> list[str]:
        """The command line, profile folder and DevTools port included."""
        return [
            str(self.options["executable_path"]),
            *merged_features([*PLAYWRIGHT_SWITCHES, *self.options["args"]]),  # type: ignore[misc]
            f"--user-data-dir={self.folder}",
            "--remote-debugging-address=127.0.0.1",
            "--remote-debugging-port=0",
            "--no-startup-window",
        ]

    async def start(self) -> str:
        """Start the browser and wait until it listens (the caller bounds the wait)."""
        self.folder = tempfile.mkdtemp(prefix="guide-studio-browser-", dir=profile_parent())
        self.process = await asyncio.create_subprocess_exec(
            *self.command(),
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.PIPE,
            start_new_session=True,  # its helper processes go with it (see close)
            preexec_fn=_die_with_parent(),
            env=browser_env(),
        )
        assert self.process.stderr is not None
        last = ""
        while True:
            raw = await self.process.stderr.readline()
            if not raw:
                status = await self.process.wait()
                raise BrowserDidNotStart(last or f"it exited with status {status}")
            line = raw.decode(errors="replace").strip()
            found = _LISTENING.search(line)
            if found:
                # keep reading what it says, so it never blocks on a full pipe
                self._drain = asyncio.ensure_future(self._discard())
                return found[1]
            last = line or last

    async def _discard(self) -> None:
        assert self.process is not None and self.process.stderr is not None
        while await self.process.stderr.read(65536):
            pass

    async def kill(self) -> None:
        """Kill the browser and its helper processes (its profile folder stays until ``close``)."""
        process, self.process = self.process, None
        if process is not None and process.returncode is None:
            try:
                if hasattr(os, "killpg"):
                    os.killpg(process.pid, signal.SIGKILL)
                else:  # pragma: no cover - Windows: the browser ends its helpers itself
                    process.kill()
            except ProcessLookupError:
                pass
            try:
                await asyncio.wait_for(process.wait(), 5)
            except TimeoutError:
                pass
        drain, self._drain = self._drain, None
        if drain is not None:  # the pipe ends with the process (a helper still holding it is killed too)
            try:
                await asyncio.wait_for(drain, 2)
            except (TimeoutError, asyncio.CancelledError, OSError):
                pass

    async def close(self) -> None:
        """Kill the browser if it still runs and remove its profile folder (on a thread: a hundred
        files, slow to unlink on a busy disk, while the caller stops Playwright's driver)."""
        await self.kill()
        folder, self.folder = self.folder, None
        if folder is not None:
            await asyncio.to_thread(shutil.rmtree, folder, True)
