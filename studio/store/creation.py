"""Making a new project file all at once, and bringing an older one up to date, without leaving debris.

A new file is built under a hidden temporary name beside the target and linked into place
only when complete, so a crash (or kill) part-way leaves nothing at the target's name.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from .errors import ProjectFileError, sqlite_reason
from .migrations import migrate

_SIDE_FILES = ("-wal", "-shm", "-journal")
BUSY_SECONDS = 2.0
"""How long opening for editing waits for another program's lock on the file before saying so."""


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - some file systems cannot open folders
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


def _remove_with_side_files(path: Path) -> None:
    for suffix in ("", *_SIDE_FILES):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def build_new_file(path: Path, fill: Callable[[Path], None]) -> None:
    """Create ``path``: format it and ``fill(temp_path)`` under a temporary name, then link it into place."""
    if os.path.lexists(path):
        raise ProjectFileError(f"{path.name}: a file with this name already exists")
    if not path.parent.is_dir():
        raise ProjectFileError(f"{path.name}: cannot create the project file (no folder {path.parent})")
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise ProjectFileError(f"{path.name}: cannot create the project file (its folder is read-only)")
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.creating")
    try:
        with closing(sqlite3.connect(tmp, isolation_level=None)) as conn:
            conn.execute("PRAGMA journal_mode = WAL")
            migrate(conn, 0)
        fill(tmp)
        if os.path.exists(f"{tmp}-wal"):  # the last connection folds its log back in and removes it
            raise ProjectFileError(f"{path.name}: cannot create the project file (its log stayed open)")
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        try:
            os.link(tmp, path)  # unlike rename, never replaces a file that appeared meanwhile
        except FileExistsError:
            raise ProjectFileError(f"{path.name}: a file with this name already exists") from None
        except OSError:
            if os.path.lexists(path):
                raise
            os.rename(tmp, path)  # a file system without hard links: rename is still all-or-nothing
        tmp.unlink(missing_ok=True)
        _fsync_folder(path.parent)
    except ProjectFileError:
        _remove_with_side_files(tmp)
        raise
    except sqlite3.Error as exc:
        _remove_with_side_files(tmp)
        reason = sqlite_reason(exc, path)
        raise ProjectFileError(f"{path.name}: cannot create the project file ({reason})") from None
    except OSError as exc:
        _remove_with_side_files(tmp)
        reason = exc.strerror or exc
        raise ProjectFileError(f"{path.name}: cannot create the project file ({reason})") from None


def upgrade(path: Path, version: int) -> None:
    """Bring a checked file up to the current format in one transaction, tidying up after a failure."""
    existed = {suffix for suffix in _SIDE_FILES if os.path.exists(f"{path}{suffix}")}
    try:
        with closing(sqlite3.connect(path, isolation_level=None, timeout=BUSY_SECONDS)) as conn:
            conn.execute("PRAGMA journal_mode = WAL")
            migrate(conn, version)
    except sqlite3.Error as exc:
        for suffix in set(_SIDE_FILES) - existed:
            side = Path(f"{path}{suffix}")
            if side.exists() and (suffix == "-shm" or side.stat().st_size == 0):
                side.unlink(missing_ok=True)
        reason = sqlite_reason(exc, path)
        raise ProjectFileError(f"{path.name}: cannot open for editing ({reason})") from None
