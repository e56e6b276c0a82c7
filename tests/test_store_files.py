"""Damaged, half-made, special and busy project files: refused read-only, in one line, byte for byte untouched."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
import uuid
from pathlib import Path

import pytest

from studio.domain import Modal, Project, Step
from studio.store import ProjectFileError, ProjectStore
from studio.store.migrations import APPLICATION_ID

from .test_store import snapshot

ROOT = Path(__file__).resolve().parents[1]


def studio(*args: str) -> subprocess.CompletedProcess[str]:
    """The real CLI, bounded so a hang fails instead of stalling the suite."""
    return subprocess.run(
        [sys.executable, "-m", "studio", *args], capture_output=True, text=True, cwd=ROOT, timeout=60
    )


def _sql(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    for statement in statements:
        conn.execute(statement)
    conn.close()


HALF_MADE = {
    "no-draft": (("DROP TABLE draft",), "incomplete (no 'draft' table for format 5)"),
    "no-guide": (("DROP TABLE guide",), "incomplete (no 'guide' table for format 5)"),
    "no-media": (("DROP TABLE media",), "incomplete (no 'media' table for format 5)"),
    "no-step-image": (("DROP TABLE step_image",), "incomplete (no 'step_image' table"),
    "no-project-row": (("DELETE FROM project",), "incomplete (no project record)"),
    "text-position": (
        ("UPDATE guide SET position = 'first' WHERE id = 'tip'",),
        "guide 'Tip' has a position that is not integer",
    ),
    "missing-column": (
        ("ALTER TABLE draft RENAME COLUMN data TO stuff",),
        "table 'draft' has no column 'data'",
    ),
}


@pytest.mark.parametrize("case", sorted(HALF_MADE))
def test_half_made_files_are_refused_the_same_everywhere_and_untouched(project_file: Path, case: str):
    statements, reason = HALF_MADE[case]
    _sql(project_file, *statements)
    before = snapshot(project_file.parent)
    messages = set()
    for readonly in (True, False):
        with pytest.raises(ProjectFileError) as info:
            ProjectStore.open(project_file, readonly=readonly)
        messages.add(str(info.value))
        assert snapshot(project_file.parent) == before
    (message,) = messages  # the studio's message and the read-only one are the same line
    assert reason in message and "\n" not in message, message
    if case in ("no-guide", "text-position"):
        result = studio("export", str(project_file), "-o", str(project_file.with_suffix(".json")))
        assert result.returncode == 2 and result.stderr == f"error: {message}\n"
        assert snapshot(project_file.parent) == before


def test_a_file_with_our_mark_but_no_tables_is_not_converted(tmp_path: Path):
    path = tmp_path / "marked.gstudio"
    _sql(path, f"PRAGMA application_id = {APPLICATION_ID}", "PRAGMA user_version = 4", "CREATE TABLE x (a)")
    before = snapshot(tmp_path)
    for readonly in (True, False):
        with pytest.raises(ProjectFileError, match="incomplete \\(no 'project' table"):
            ProjectStore.open(path, readonly=readonly)
    assert snapshot(tmp_path) == before  # still a rollback-journal file, no -wal or -shm beside it


def test_pipes_and_devices_are_not_project_files(tmp_path: Path):
    fifo = tmp_path / "pipe.gstudio"
    os.mkfifo(fifo)
    for path in (fifo, Path("/dev/zero"), Path("/dev/null")):
        for readonly in (True, False):
            with pytest.raises(ProjectFileError, match="not a regular file"):
                ProjectStore.open(path, readonly=readonly)


def test_a_file_locked_by_another_program_is_said_so(project_file: Path):
    other = sqlite3.connect(project_file, isolation_level=None, timeout=0)
    other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    other.execute("UPDATE project SET name = 'theirs'")
    try:
        started = time.monotonic()
        with pytest.raises(ProjectFileError, match="locked by another program; close it there"):
            ProjectStore.open(project_file)
        assert time.monotonic() - started < 15
    finally:
        other.execute("ROLLBACK")
        other.close()
    ProjectStore.open(project_file).close()


@pytest.fixture
def small_disk(tmp_path: Path):
    """A 400 KB tmpfs, or skip where mounting is not allowed."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=400k", "tmpfs", str(mount)], capture_output=True
    ).returncode:
        pytest.skip("cannot mount a small file system here")
    yield mount
    subprocess.run(["umount", str(mount)], check=True)


def _fill(folder: Path) -> None:
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    try:
        while True:
            os.write(fd, b"x" * 1024)
    except OSError:
        pass
    finally:
        os.close(fd)


def test_a_full_disk_is_said_so_and_leaves_nothing_behind(small_disk: Path):
    path = small_disk / "p.gstudio"
    ProjectStore.create(path, Project(name="P")).close()
    _fill(small_disk)
    before = snapshot(small_disk)
    with pytest.raises(ProjectFileError, match="the disk is full; free some space"):
        ProjectStore.open(path)
    with pytest.raises(ProjectFileError, match="the disk is full"):
        ProjectStore.create(small_disk / "q.gstudio", Project(name="Q"))
    assert snapshot(small_disk) == before
    with ProjectStore.open(path, readonly=True) as store:  # still healthy, not "damaged"
        assert store.header().name == "P"
    (small_disk / "filler").unlink()
    with ProjectStore.open(path) as store:
        store.put_guide(Modal(id="m", name="M", steps=[Step(id="s", title="T")]))
        _fill(small_disk)
        with pytest.raises(ProjectFileError, match="the disk is full"):
            store.put_step_images("m", "s", screenshot=os.urandom(300_000), thumbnail=None)
        (small_disk / "filler").unlink()
        assert store.step_image("m", "s", "screenshot") is None  # the failed edit left nothing half-way
        assert [s.id for s in store.guide_summaries()] == ["m"]


CREATOR = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from studio.domain import Project
    from studio.store import ProjectStore
    folder = Path(sys.argv[1])
    ProjectStore.create(folder / "warm.gstudio", Project(name="Warm")).close()
    print("ready", flush=True)
    i = 0
    while True:  # create files one after another until killed, part-way through one of them
        ProjectStore.create(folder / f"k{i}.gstudio", Project(name=f"Killed {i}")).close()
        i += 1
    """
)


def test_killing_studio_new_never_leaves_a_half_made_file(tmp_path: Path):
    rng = random.Random(14)
    created = 0
    for attempt in range(4):
        folder = tmp_path / str(attempt)
        folder.mkdir()
        proc = subprocess.Popen(
            [sys.executable, "-c", CREATOR, str(folder)], stdout=subprocess.PIPE, text=True, cwd=ROOT
        )
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.2, 0.6))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        made = sorted(folder.glob("k*.gstudio"), key=lambda p: int(p.stem[1:]))
        for path in made:  # every file at a project's name is a whole project
            with ProjectStore.open(path, readonly=True) as store:
                assert store.header().name == f"Killed {path.stem[1:]}"
        created += len(made)
        interrupted = folder / f"k{len(made)}.gstudio"
        assert not interrupted.exists()
        with ProjectStore.create(interrupted, Project(name="Again")) as store:  # the name is free
            assert store.header().name == "Again"
    assert created > 0


def test_studio_new_builds_beside_the_target_and_refuses_an_existing_name(tmp_path: Path):
    path = tmp_path / f"{uuid.uuid4().hex[:6]}.gstudio"
    result = studio("new", str(path))
    assert result.returncode == 0 and sorted(p.name for p in tmp_path.iterdir()) == [path.name]
    result = studio("new", str(path))
    assert (
        result.returncode == 2
        and result.stderr == f"error: {path.name}: a file with this name already exists\n"
    )
