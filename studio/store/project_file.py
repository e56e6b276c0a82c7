"""Checks on a project file before anything is written to it.

Every check opens the file read-only, so a corrupt, foreign, newer or read-only file is
refused with one line and left exactly as it was.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from .errors import ProjectFileError
from .migrations import APPLICATION_ID, FORMAT_VERSION

SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True)
class FileFacts:
    """What a read-only look at an existing project file found."""

    format_version: int


def readonly_uri(path: Path) -> str:
    """An SQLite URI that opens ``path`` without ever writing to it.

    A cleanly closed file (no ``-wal`` beside it) opens as immutable, so not even the
    WAL index files are created next to it; otherwise SQLite must read the WAL.
    """
    wal = path.with_name(path.name + "-wal")
    mode = "mode=ro" if wal.exists() else "mode=ro&immutable=1"
    return f"{path.resolve().as_uri()}?{mode}"


def inspect(path: Path) -> FileFacts:
    """Confirm ``path`` is a healthy Guide Studio project this version can read."""
    name = path.name
    if not path.exists():
        raise ProjectFileError(f"{name}: no such project file")
    if not path.is_file():
        raise ProjectFileError(f"{name}: is a folder, not a project file")
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise ProjectFileError(f"{name}: cannot be read ({exc.strerror})") from None
    if head != SQLITE_MAGIC:
        raise ProjectFileError(f"{name}: not a Guide Studio project (not an SQLite file)")
    try:
        with closing(sqlite3.connect(readonly_uri(path), uri=True)) as conn:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if app_id != APPLICATION_ID:
                raise ProjectFileError(
                    f"{name}: not a Guide Studio project (an SQLite file of another program)"
                )
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise ProjectFileError(f"{name}: the project file is damaged ({exc})") from None
    if check != "ok":
        raise ProjectFileError(f"{name}: the project file is damaged ({check})")
    if version > FORMAT_VERSION:
        raise ProjectFileError(
            f"{name}: made by a newer Guide Studio (file format {version}, this version reads "
            f"up to {FORMAT_VERSION}); update Guide Studio to open it"
        )
    if version < 1:
        raise ProjectFileError(f"{name}: the project file is incomplete (no format version)")
    return FileFacts(format_version=version)


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
