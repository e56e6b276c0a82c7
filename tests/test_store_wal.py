"""A ``-wal`` beside a project is replayed only when it is that file's own (real files, a real crash)."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from studio.domain import GUIDE_KINDS, Modal, Project, Step
from studio.store import ProjectFileError, ProjectStore

from .test_store import snapshot

ROOT = Path(__file__).resolve().parents[1]

CRASHER = textwrap.dedent(
    """
    import sqlite3, sys
    from studio.domain import Modal, Step
    from studio.store import ProjectStore
    keep = sqlite3.connect(sys.argv[1])  # an open connection keeps the log from being folded back
    keep.execute("SELECT count(*) FROM guide").fetchone()
    store = ProjectStore.open(sys.argv[1])
    for i in range(int(sys.argv[2])):
        store.put_guide(Modal(id=f"crash{i}", name=f"Crash {i}", steps=[Step(id="s", title="x")]))
    print("done", flush=True)
    sys.stdin.read()
    """
)


def crash_with_log(path: Path, edits: int = 5) -> Path:
    """Make ``edits`` acknowledged edits in another process, then kill it: its -wal stays beside ``path``."""
    proc = subprocess.Popen(
        [sys.executable, "-c", CRASHER, str(path), str(edits)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "done"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    wal = path.with_name(path.name + "-wal")
    assert wal.stat().st_size > 0
    return wal


def _project(folder: Path, name: str, guide: str) -> Path:
    folder.mkdir()
    path = folder / "guides.gstudio"
    with ProjectStore.create(path, Project(name=name)) as store:
        store.put_guide(Modal(id=guide, name=guide.title(), steps=[Step(id="s", title=guide)]))
    return path


def _refused_untouched(path: Path, wal_name: str) -> None:
    before = snapshot(path.parent)
    for readonly in (True, False):
        with pytest.raises(ProjectFileError) as info:
            ProjectStore.open(path, readonly=readonly)
        message = str(info.value)
        assert message.startswith(f"{wal_name} beside {path.name} does not belong to it"), message
        assert f"move {wal_name} away" in message and "\n" not in message
        assert snapshot(path.parent) == before


def test_a_crashed_projects_log_opens_with_its_own_file(tmp_path: Path):
    path = _project(tmp_path / "a", "A", "alpha")
    crash_with_log(path)
    with ProjectStore.open(path, readonly=True) as store:
        assert {f"crash{i}" for i in range(5)} <= {s.id for s in store.guide_summaries()}
    with ProjectStore.open(path) as store:
        assert len(store.guide_summaries()) == 6


def test_a_stray_log_beside_another_project_is_refused_and_both_left_alone(tmp_path: Path):
    a = _project(tmp_path / "a", "A", "alpha")
    b = _project(tmp_path / "b", "B", "beta")
    wal = crash_with_log(a)
    shutil.copy2(wal, b.with_name(wal.name))  # a checkout replaced the file, the log stayed
    _refused_untouched(b, wal.name)
    shutil.copy2(wal, b.with_name(wal.name))
    b.with_name(wal.name).unlink()  # moving it away, as the message says, opens B as it was
    with ProjectStore.open(b, readonly=True) as store:
        assert [s.id for s in store.guide_summaries()] == ["beta"]


def test_a_log_from_another_version_of_the_same_project_is_refused(tmp_path: Path):
    a = _project(tmp_path / "a", "A", "alpha")
    (tmp_path / "b").mkdir()
    pristine = tmp_path / "b" / a.name
    shutil.copy2(a, pristine)
    (tmp_path / "c").mkdir()
    elsewhere = tmp_path / "c" / a.name
    shutil.copy2(a, elsewhere)
    with ProjectStore.open(elsewhere) as store:  # a colleague's edit, pulled later
        store.put_guide(Modal(id="theirs", name="Theirs", steps=[Step(id="s", title="t")]))
    wal = crash_with_log(a)
    shutil.copy2(wal, elsewhere.with_name(wal.name))
    _refused_untouched(elsewhere, wal.name)
    # The very state the log was written over accepts it: that is the file's own log.
    shutil.copy2(wal, pristine.with_name(wal.name))
    with ProjectStore.open(pristine, readonly=True) as store:
        assert len(store.guide_summaries()) == 6


def test_a_log_of_garbage_is_refused_and_an_empty_one_ignored(project_file: Path):
    wal = project_file.with_name(project_file.name + "-wal")
    wal.write_bytes(b"not a log at all" * 100)
    _refused_untouched(project_file, wal.name)
    wal.write_bytes(b"")
    with ProjectStore.open(project_file, readonly=True) as store:
        assert len(store.guide_summaries()) == len(GUIDE_KINDS)
