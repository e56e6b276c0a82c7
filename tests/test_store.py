"""The project store: real SQLite files, round trips, crash safety, refusing bad files untouched."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlmodel import SQLModel

from studio.domain import GUIDE_KINDS, Modal, Project, ProjectSettings, Step, Theme
from studio.store import FORMAT_VERSION, ProjectFileError, ProjectStore
from studio.store.migrations import APPLICATION_ID

from .samples import one_of_each_kind

ROOT = Path(__file__).resolve().parents[1]


def snapshot(folder: Path) -> dict[str, str]:
    """Every file in the folder with its content hash: proves nothing was touched or added."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_round_trip_of_every_kind(project_file: Path, sample_project: Project):
    with ProjectStore.open(project_file) as store:
        assert store.load() == sample_project
        assert [s.kind for s in store.guide_summaries()] == list(GUIDE_KINDS)


def test_edits_are_saved_as_they_happen(project_file: Path):
    store = ProjectStore.open(project_file)
    store.put_guide(Modal(id="news", name="News", steps=[Step(id="n", title="What's new")]))
    store.update_project(
        name="Renamed",
        theme=Theme(primary_color="#112233"),
        settings=ProjectSettings(app_url="http://127.0.0.1:9/"),
    )
    store.move_guide("news", 0)
    store.delete_guide("spot")
    # A second, independent connection sees every edit without any "save".
    with ProjectStore.open(project_file, readonly=True) as other:
        project = other.load()
    store.close()
    assert project.name == "Renamed"
    assert project.theme.primary_color == "#112233"
    assert project.settings.app_url == "http://127.0.0.1:9/"
    assert [g.id for g in project.guides] == [
        "news",
        "tour",
        "tip",
        "hello",
        "start",
        "notice",
        "pulse",
        "help",
        "center",
        "whats-new",
    ]


def test_updating_a_guide_keeps_its_place(project_file: Path):
    with ProjectStore.open(project_file) as store:
        tip = store.get_guide("tip")
        store.put_guide(tip.model_copy(update={"name": "Renamed tip"}))
        summaries = store.guide_summaries()
    assert [(s.id, s.name) for s in summaries][1] == ("tip", "Renamed tip")


def test_missing_guide_is_a_clear_error(project_file: Path):
    with ProjectStore.open(project_file) as store, pytest.raises(ProjectFileError, match="no guide 'nope'"):
        store.get_guide("nope")


def test_create_refuses_to_overwrite(project_file: Path):
    before = project_file.read_bytes()
    with pytest.raises(ProjectFileError, match="already exists"):
        ProjectStore.create(project_file, Project(name="Other"))
    assert project_file.read_bytes() == before


def test_file_is_marked_and_versioned(project_file: Path):
    conn = sqlite3.connect(project_file)
    try:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert conn.execute("PRAGMA user_version").fetchone()[0] == FORMAT_VERSION
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()


def test_migrated_schema_matches_the_table_models(tmp_path: Path, project_file: Path):
    conn = sqlite3.connect(project_file)
    try:
        for table in SQLModel.metadata.sorted_tables:
            columns = {row[1] for row in conn.execute(f"PRAGMA table_info({table.name})")}
            assert columns == {column.name for column in table.columns}, table.name
    finally:
        conn.close()


def _refused(path: Path, expected: str, *, readonly: bool = False) -> None:
    before = snapshot(path.parent)
    with pytest.raises(ProjectFileError) as info:
        ProjectStore.open(path, readonly=readonly)
    message = str(info.value)
    assert expected in message
    assert "\n" not in message
    assert snapshot(path.parent) == before


def test_non_sqlite_file_is_refused_untouched(tmp_path: Path):
    path = tmp_path / "notes.gstudio"
    path.write_text("just some notes\n")
    _refused(path, "not an SQLite file")


def test_empty_file_is_refused_untouched(tmp_path: Path):
    path = tmp_path / "empty.gstudio"
    path.write_bytes(b"")
    _refused(path, "not a Guide Studio project")


def test_foreign_sqlite_file_is_refused_untouched(tmp_path: Path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.commit()
    conn.close()
    _refused(path, "an SQLite file of another program")


def test_newer_file_is_refused_untouched(project_file: Path):
    conn = sqlite3.connect(project_file)
    conn.execute(f"PRAGMA user_version = {FORMAT_VERSION + 1}")
    conn.commit()
    conn.close()
    _refused(project_file, "made by a newer Guide Studio")
    _refused(project_file, "made by a newer Guide Studio", readonly=True)


def test_corrupt_file_is_refused_untouched(project_file: Path):
    data = bytearray(project_file.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    data[page_size + 100 : page_size * 3] = os.urandom(page_size * 3 - page_size - 100)
    project_file.write_bytes(bytes(data))
    _refused(project_file, "damaged")


def test_truncated_file_is_refused_untouched(project_file: Path):
    data = project_file.read_bytes()
    project_file.write_bytes(data[: len(data) // 2])
    _refused(project_file, "damaged")


def test_read_only_file_is_refused_for_editing_but_exports(project_file: Path):
    project_file.chmod(stat.S_IRUSR | stat.S_IRGRP)
    try:
        _refused(project_file, "read-only")
        before = snapshot(project_file.parent)
        with ProjectStore.open(project_file, readonly=True) as store:
            assert len(store.load().guides) == len(GUIDE_KINDS)
            with pytest.raises(ProjectFileError, match="opened read-only"):
                store.delete_guide("tour")
        assert snapshot(project_file.parent) == before
    finally:
        project_file.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_missing_file_and_folder(tmp_path: Path):
    with pytest.raises(ProjectFileError, match="no such project file"):
        ProjectStore.open(tmp_path / "nope.gstudio")
    with pytest.raises(ProjectFileError, match="is a folder"):
        ProjectStore.open(tmp_path)


def test_invalid_guide_in_file_is_named(project_file: Path):
    conn = sqlite3.connect(project_file)
    conn.execute("UPDATE guide SET data = '{\"kind\": \"modal\"}' WHERE id = 'hello'")
    conn.commit()
    conn.close()
    with (
        ProjectStore.open(project_file) as store,
        pytest.raises(ProjectFileError, match="guide 'Hello' is not valid"),
    ):
        store.load()


WRITER = textwrap.dedent(
    """
    import sys
    from studio.domain import Modal, Step
    from studio.store import ProjectStore
    store = ProjectStore.open(sys.argv[1])
    i = 0
    while True:
        store.put_guide(Modal(id=f"g{i}", name=f"Guide {i}", steps=[Step(id="s", title="x" * 2000)]))
        print(i, flush=True)
        i += 1
    """
)


def test_killing_a_writer_loses_nothing_committed(tmp_path: Path):
    path = tmp_path / "crash.gstudio"
    ProjectStore.create(path, Project(name="Crash")).close()
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    acknowledged = []
    assert writer.stdout is not None
    for line in writer.stdout:
        acknowledged.append(int(line))
        if len(acknowledged) >= 40:
            break
    writer.send_signal(signal.SIGKILL)  # mid-way through the next edit
    writer.wait(timeout=10)
    with ProjectStore.open(path) as store:
        ids = {s.id for s in store.guide_summaries()}
        assert {f"g{i}" for i in acknowledged} <= ids
        assert len(store.load().guides) == len(ids)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def _v1_file(path: Path) -> None:
    """A project file exactly as format 1 wrote it."""
    from studio.store.migrations import MIGRATIONS

    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    MIGRATIONS[1](conn)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO project VALUES (1, 'Old', '{}', '{}')")
    guide = one_of_each_kind()[0]
    conn.execute(
        "INSERT INTO guide VALUES (?, ?, ?, 0, 1, ?)",
        (guide.id, guide.kind, guide.name, guide.model_dump_json(by_alias=True)),
    )
    conn.close()


def test_an_older_file_is_migrated_on_open_and_keeps_everything(tmp_path: Path):
    path = tmp_path / "old.gstudio"
    _v1_file(path)
    with ProjectStore.open(path, readonly=True) as store:  # read-only: readable, not upgraded
        assert store.load().guides[0].id == "tour"
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()
    with ProjectStore.open(path) as store:
        assert store.load().name == "Old" and [g.id for g in store.load().guides] == ["tour"]
        store.put_step_images("tour", "a", screenshot=b"\x89PNG big", thumbnail=b"\x89PNG small")
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == FORMAT_VERSION
    conn.close()


def test_step_images_change_only_when_told(project_file: Path):
    """Saving a guide never drops pictures by itself: the edit says which pictures go (undo needs them)."""
    with ProjectStore.open(project_file) as store:
        store.put_step_images("tour", "a", screenshot=b"\x89PNG 1", thumbnail=b"\x89PNG 2")
        store.put_step_images("tour", "b", screenshot=None, thumbnail=b"\x89PNG 3")
        assert store.step_image("tour", "a", "screenshot") == b"\x89PNG 1"
        assert (
            store.step_image("tour", "b") == b"\x89PNG 3"
            and store.step_image("tour", "b", "screenshot") is None
        )
        tour = store.get_guide("tour")
        store.put_guide(tour.model_copy(update={"steps": tour.steps[1:]}))  # step "a" deleted …
        assert store.step_image("tour", "a") == b"\x89PNG 2"  # … its pictures stay until told
        store.put_guide(
            tour.model_copy(update={"steps": tour.steps[1:]}),
            pictures={("a", "screenshot"): None, ("a", "thumbnail"): None},
        )
        assert store.step_image("tour", "a") is None and store.step_image("tour", "b") == b"\x89PNG 3"
        assert store.pictures("tour") == {("b", "thumbnail"): b"\x89PNG 3"}
        store.delete_guide("tour")
        assert store.step_image("tour", "b") is None
