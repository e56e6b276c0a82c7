"""One writer per project file: the store's flock on the file itself, across windows, links and processes."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from studio.domain import GUIDE_KINDS, Modal, Project, Step
from studio.store import ProjectFileError, ProjectStore
from studio.store.lock import WriterLock

from .test_store import snapshot

ROOT = Path(__file__).resolve().parents[1]


def test_a_second_writer_is_refused_and_readers_are_not(project_file: Path):
    with ProjectStore.open(project_file) as writer:
        with pytest.raises(ProjectFileError, match="open in another Guide Studio window"):
            ProjectStore.open(project_file)
        with ProjectStore.open(project_file, readonly=True) as reader:  # export, validate, replay
            assert len(reader.load().guides) == len(GUIDE_KINDS)
        writer.put_guide(Modal(id="news", name="News", steps=[Step(id="n", title="New")]))
    with ProjectStore.open(project_file) as again:  # closing released it
        assert "news" in {s.id for s in again.guide_summaries()}
    assert sorted(p.name for p in project_file.parent.iterdir()) == ["sample.gstudio"]  # no lock file


def test_a_new_project_is_held_by_its_creator(tmp_path: Path):
    path = tmp_path / "fresh.gstudio"
    with ProjectStore.create(path, Project(name="Fresh")) as store:
        with pytest.raises(ProjectFileError, match="open in another"):
            ProjectStore.open(path)
        store.put_guide(Modal(id="a", name="A", steps=[Step(id="s", title="T")]))


def test_symbolic_and_hard_links_are_refused_for_editing(project_file: Path):
    link = project_file.with_name("link.gstudio")
    link.symlink_to(project_file)
    before = snapshot(project_file.parent)
    with pytest.raises(ProjectFileError, match="is a symbolic link; open the file it points to"):
        ProjectStore.open(link)
    link.unlink()
    hard = project_file.with_name("hard.gstudio")
    os.link(project_file, hard)
    for name in (hard, project_file):
        with pytest.raises(ProjectFileError, match="2 names \\(hard links\\)"):
            ProjectStore.open(name)
    hard.unlink()
    before.pop("link.gstudio")
    assert snapshot(project_file.parent) == before


def test_the_lock_follows_the_file_not_the_path(project_file: Path, tmp_path: Path):
    other_path = tmp_path / "." / "sub" / ".." / project_file.name
    (tmp_path / "sub").mkdir()
    with ProjectStore.open(project_file), pytest.raises(ProjectFileError, match="open in another"):
        ProjectStore.open(other_path)


RACER = textwrap.dedent(
    """
    import os, sys, time
    from studio.store import ProjectFileError
    from studio.store.lock import WriterLock
    path, marker, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
    held = overlaps = attempts = 0
    print("ready", flush=True)
    sys.stdin.readline()  # all three start racing together
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        attempts += 1
        try:
            lock = WriterLock.acquire(path, wait=0)
        except ProjectFileError:
            continue
        held += 1
        try:
            fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)  # fails if another holder exists
            os.close(fd)
        except FileExistsError:
            overlaps += 1
        else:
            os.unlink(marker)
        finally:
            lock.release()
    print(attempts, held, overlaps)
    """
)


def test_three_racing_processes_never_hold_it_at_once(project_file: Path, tmp_path: Path):
    marker = tmp_path / "holder"
    racers = [
        subprocess.Popen(
            [sys.executable, "-c", RACER, str(project_file), str(marker), "1.5"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        for _ in range(3)
    ]
    for racer in racers:
        assert racer.stdout is not None and racer.stdout.readline().strip() == "ready"
    for racer in racers:
        assert racer.stdin is not None
        racer.stdin.write("go\n")
        racer.stdin.flush()
    results = [tuple(map(int, racer.communicate(timeout=60)[0].split())) for racer in racers]
    attempts = sum(r[0] for r in results)
    assert all(r[1] > 0 for r in results), results  # each of them got it sometimes
    assert attempts > 300, results
    assert sum(r[2] for r in results) == 0, results


def test_a_released_lock_can_be_taken_again_and_release_is_idempotent(project_file: Path):
    lock = WriterLock.acquire(project_file)
    assert lock.held
    lock.release()
    lock.release()
    assert not lock.held
    WriterLock.acquire(project_file).release()
