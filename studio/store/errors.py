"""Errors the project store raises, each with a one-line message for the author."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only named: catching ProjectFileError in the studio need not load SQLite
    import sqlite3

LOW_DISK_BYTES = 4 * 1024 * 1024
"""Below this much free space an SQLite I/O error is reported as a full disk."""


class ProjectFileError(Exception):
    """A project file cannot be created, opened or written; the message says why in one line."""


def disk_full(folder: Path) -> bool:
    """True when the file system holding ``folder`` has (almost) no space left."""
    try:
        return shutil.disk_usage(folder).free < LOW_DISK_BYTES
    except OSError:
        return False


def sqlite_reason(exc: sqlite3.Error, path: Path, *, reading: bool = False) -> str:
    """Word an SQLite error about ``path`` for an author (without the file name).

    ``reading``: the error came from checking the file, so anything unexplained means damage.
    """
    code = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if code.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text:
        return "the file is locked by another program; close it there and try again"
    if code.startswith("SQLITE_FULL") or "disk is full" in text:
        return "the disk is full; free some space and try again"
    if code.startswith("SQLITE_IOERR") or "disk I/O error" in text:
        if disk_full(path.parent):
            return "the disk is full; free some space and try again"
        return f"the file could not be read or written ({text})"
    if code.startswith(("SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_READONLY")):
        return f"the file cannot be opened ({text})"
    if reading or code.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return f"the project file is damaged ({text})"
    return text
