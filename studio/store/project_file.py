"""Checks on a project file before anything is written to it.

Every check opens the file read-only, so a corrupt, foreign, half-made, newer or read-only
file is refused with one line and left exactly as it was (and so is a stray ``-wal``).
"""

from __future__ import annotations

import os
import sqlite3
import stat
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from .errors import ProjectFileError, sqlite_reason
from .lock import writer_active
from .migrations import APPLICATION_ID, FORMAT_VERSION
from .wal import DatabaseStamp, check_log, read_stamp

SQLITE_MAGIC = b"SQLite format 3\x00"

_COLUMNS = {
    "project": {"id", "name", "theme", "settings"},
    "guide": {"id", "kind", "name", "position", "enabled", "data"},
    "step_image": {"guide_id", "step_id", "kind", "png"},
    "draft": {"guide_id", "data"},
    "wal_stamp": {"id", "token", "previous"},
    "media": {"name", "data"},
}
TABLES_SINCE = {"project": 1, "guide": 1, "step_image": 2, "draft": 3, "wal_stamp": 4, "media": 5}
"""The format version that added each table (its columns have not changed since)."""


@dataclass(frozen=True)
class FileFacts:
    """What a read-only look at an existing project file found."""

    format_version: int
    replays_log: bool = False  # a -wal beside it that belongs to it and holds edits


def readonly_uri(path: Path, *, with_log: bool | None = None) -> str:
    """An SQLite URI that opens ``path`` without ever writing to it.

    Without a log to replay the file opens as immutable, so not even the WAL index files
    are created next to it; otherwise SQLite must read the (checked) log.
    """
    if with_log is None:
        wal = path.with_name(path.name + "-wal")
        with_log = wal.exists() and wal.stat().st_size > 0
    mode = "mode=ro" if with_log else "mode=ro&immutable=1"
    return f"{path.resolve().as_uri()}?{mode}"


def regular_file(path: Path) -> os.stat_result:
    """Stat ``path`` and refuse anything but a regular file (a folder, pipe or device) in words."""
    name = path.name or str(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise ProjectFileError(f"{name}: no such project file") from None
    except OSError as exc:
        raise ProjectFileError(f"{name}: cannot be read ({exc.strerror})") from None
    if stat.S_ISDIR(info.st_mode):
        raise ProjectFileError(f"{name}: is a folder, not a project file")
    if not stat.S_ISREG(info.st_mode):
        raise ProjectFileError(f"{name}: not a regular file (a pipe or a device), so not a project file")
    return info


def _read_head(path: Path) -> bytes:
    # O_NONBLOCK: if the path was swapped for a pipe after the stat, opening must not wait for a writer.
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        raise ProjectFileError(f"{path.name}: cannot be read ({exc.strerror})") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise ProjectFileError(f"{path.name}: not a regular file, so not a project file")
        return os.read(fd, 100)
    except OSError as exc:
        raise ProjectFileError(f"{path.name}: cannot be read ({exc.strerror})") from None
    finally:
        os.close(fd)


def looks_like_project(path: Path) -> bool:
    """True when ``path`` starts like an SQLite file; ProjectFileError for a missing or non-regular file."""
    regular_file(path)
    return _read_head(path).startswith(SQLITE_MAGIC)


def inspect(path: Path, *, writer: bool = False) -> FileFacts:
    """Confirm ``path`` is a healthy Guide Studio project this version can read.

    ``writer``: the caller holds the file's writer lock, so no live writer vouches for a log.
    """
    name = path.name
    regular_file(path)
    head = _read_head(path)
    if not head.startswith(SQLITE_MAGIC):
        raise ProjectFileError(f"{name}: not a Guide Studio project (not an SQLite file)")
    live = not writer and writer_active(path)
    try:
        if live:  # the writer checked its log when it opened; SQLite reads it consistently
            replays = True
        else:
            with closing(sqlite3.connect(readonly_uri(path, with_log=False), uri=True)) as conn:
                _check_identity(conn, name)
                db_stamp = read_stamp(conn) if _has_table(conn, "wal_stamp") else DatabaseStamp(0, None, None)
            replays = check_log(path, db_stamp)
        with closing(sqlite3.connect(readonly_uri(path, with_log=replays), uri=True)) as conn:
            version = _check_identity(conn, name)
            _check_tables(conn, name, version)
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
            if check == "ok":
                _check_contents(conn, name)
    except sqlite3.DatabaseError as exc:
        raise ProjectFileError(f"{name}: {sqlite_reason(exc, path, reading=True)}") from None
    if check != "ok":
        raise ProjectFileError(f"{name}: the project file is damaged ({check})")
    return FileFacts(format_version=version, replays_log=replays)


def _check_identity(conn: sqlite3.Connection, name: str) -> int:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if app_id != APPLICATION_ID:
        raise ProjectFileError(f"{name}: not a Guide Studio project (an SQLite file of another program)")
    if version > FORMAT_VERSION:
        raise ProjectFileError(
            f"{name}: made by a newer Guide Studio (file format {version}, this version reads "
            f"up to {FORMAT_VERSION}); update Guide Studio to open it"
        )
    if version < 1:
        raise ProjectFileError(f"{name}: the project file is incomplete (no format version)")
    return version


def _has_table(conn: sqlite3.Connection, table: str) -> bool:
    row = conn.execute("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?", (table,))
    return row.fetchone() is not None


def _check_tables(conn: sqlite3.Connection, name: str, version: int) -> None:
    for table, since in TABLES_SINCE.items():
        if since > version:
            continue
        columns = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        if not columns:
            raise ProjectFileError(
                f"{name}: the project file is incomplete (no '{table}' table for format {version})"
            )
        missing = sorted(_COLUMNS[table] - columns)
        if missing:
            raise ProjectFileError(
                f"{name}: the project file is damaged (table '{table}' has no column '{missing[0]}')"
            )


def _check_contents(conn: sqlite3.Connection, name: str) -> None:
    if conn.execute("SELECT count(*) FROM project WHERE id = 1").fetchone()[0] != 1:
        raise ProjectFileError(f"{name}: the project file is incomplete (no project record)")
    for column, kind in (("position", "integer"), ("enabled", "integer"), ("id", "text"), ("data", "text")):
        bad = conn.execute(
            f"SELECT name FROM guide WHERE typeof({column}) != '{kind}' LIMIT 1"  # noqa: S608 - fixed names
        ).fetchone()
        if bad is not None:
            raise ProjectFileError(
                f"{name}: the project file is damaged (guide '{bad[0]}' has a {column} that is not {kind})"
            )


def _writable(path: Path, mode: int) -> bool:
    # Root passes os.access on every file, so a file with no write bit at all also counts
    # as read-only: the owner marked it so on purpose.
    return os.access(path, mode) and bool(path.stat().st_mode & 0o222)


def ensure_writable(path: Path) -> None:
    """Refuse a file (or folder) the studio could not save edits to."""
    if not _writable(path, os.W_OK):
        raise ProjectFileError(f"{path.name}: the file is read-only; make it writable or open a copy")
    if not _writable(path.parent, os.W_OK | os.X_OK):
        raise ProjectFileError(
            f"{path.name}: its folder is read-only, so edits could not be saved; open a copy"
        )
