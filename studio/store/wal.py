"""Does a ``-wal`` file beside a project belong to it? Checked before SQLite may replay it.

SQLite replays any valid write-ahead log it finds next to a database, whichever database
wrote it: a crash's ``-wal`` left beside another copy of the project (a ``git checkout``
or ``pull`` after a crash) would mix two projects. So every edit also changes one small
row, ``wal_stamp``, to a fresh random token (keeping the one before), and the log's
versions of that row's page must chain onto the database's own token.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
import struct
from dataclasses import dataclass
from pathlib import Path

from .errors import ProjectFileError

_MAGIC = {0x377F0682: "<", 0x377F0683: ">"}
_HEADER = 32
_FRAME_HEADER = 24


def wal_path(path: Path) -> Path:
    """The write-ahead log SQLite keeps beside ``path``."""
    return path.with_name(path.name + "-wal")


def new_token() -> str:
    """A fresh random token for the stamp row (unique across every copy of every project)."""
    return secrets.token_hex(12)


STAMP_SQL = "UPDATE wal_stamp SET previous = token, token = ? WHERE id = 1"
"""Run in every write transaction, with ``new_token()``: puts the stamp page into the log."""


def stamp(conn: sqlite3.Connection) -> None:
    """Mark the current write transaction (migrations and creation use this; the store its session)."""
    conn.execute(STAMP_SQL, (new_token(),))


@dataclass(frozen=True)
class DatabaseStamp:
    """What the database file itself (read with its log ignored) says about its stamp."""

    page_size: int
    stamp_page: int | None  # None: an older format without the stamp
    token: str | None


def read_stamp(conn: sqlite3.Connection) -> DatabaseStamp:
    """Read the stamp through a connection that ignores the log (``immutable=1``)."""
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    row = conn.execute("SELECT rootpage FROM sqlite_schema WHERE name = 'wal_stamp'").fetchone()
    if row is None:
        return DatabaseStamp(page_size, None, None)
    token = conn.execute("SELECT token FROM wal_stamp WHERE id = 1").fetchone()
    return DatabaseStamp(page_size, row[0], token[0] if token else None)


def _checksum(data: bytes, order: str, s0: int, s1: int) -> tuple[int, int]:
    words = struct.unpack(f"{order}{len(data) // 4}I", data)
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & 0xFFFFFFFF
        s1 = (s1 + words[i + 1] + s0) & 0xFFFFFFFF
    return s0, s1


@dataclass(frozen=True)
class LogContents:
    """The committed transactions of a write-ahead log, and the versions of one page in them."""

    page_size: int
    commits: int
    versions: list[bytes]  # the watched page's committed versions, oldest first


def read_log(wal: Path, watched: int | None, limit: int) -> LogContents | None:
    """Parse ``wal`` as SQLite would (header and its checksum, salts, commit frames); None if no log.

    Frame checksums are not verified: a frame SQLite would drop (torn by a crash) can only be
    the writer's own last one, so counting it never makes a foreign log look like ours.
    """
    try:
        with wal.open("rb") as handle:
            header = handle.read(_HEADER)
            if len(header) < _HEADER:
                return None
            magic, version, page_size, _seq, salt1, salt2, c1, c2 = struct.unpack(">8I", header)
            order = _MAGIC.get(magic)
            if order is None or version != 3007000 or page_size < 512 or page_size & (page_size - 1):
                return None
            if _checksum(header[:24], order, 0, 0) != (c1, c2):
                return None
            versions: list[bytes] = []
            pending: list[bytes] = []
            commits = 0
            for _ in range(limit):
                frame = handle.read(_FRAME_HEADER)
                if len(frame) < _FRAME_HEADER:
                    break
                page, commit, f1, f2, _k1, _k2 = struct.unpack(">6I", frame)
                if (f1, f2) != (salt1, salt2) or page == 0:
                    break
                if page == watched:
                    data = handle.read(page_size)
                    if len(data) < page_size:
                        break
                    pending.append(data)
                else:
                    handle.seek(page_size, 1)
                if commit:
                    versions.extend(pending)
                    pending.clear()
                    commits += 1
    except OSError as exc:
        raise ProjectFileError(f"{wal.name}: cannot be read ({exc.strerror})") from None
    return LogContents(page_size, commits, versions)


MAX_LOG_FRAMES = 2_000_000
"""More frames than any log the studio writes (SQLite folds it back every 1,000 pages)."""


def check_log(path: Path, db: DatabaseStamp) -> bool:
    """Refuse a stray log beside ``path``; True when there is a log SQLite must replay."""
    wal = wal_path(path)
    if not wal.exists():
        return False
    if not wal.is_file():
        raise ProjectFileError(f"{wal.name}: beside {path.name} but not a file; move it away")
    log = read_log(wal, db.stamp_page, MAX_LOG_FRAMES)
    if log is None or log.commits == 0:
        if log is None and os.path.getsize(wal) > 0 and db.stamp_page is not None:
            raise _stray(path, wal, "it is not a log SQLite can read")
        return False  # empty, or nothing committed: SQLite replays nothing
    if db.stamp_page is None:
        return True  # an older format cannot tell; it has to be trusted
    if log.page_size != db.page_size:
        raise _stray(path, wal, "its page size differs")
    token = (db.token or "").encode()
    if not token or not any(token in version for version in log.versions):
        raise _stray(path, wal, "it continues another copy of the project")
    return True


def _stray(path: Path, wal: Path, why: str) -> ProjectFileError:
    return ProjectFileError(
        f"{wal.name} beside {path.name} does not belong to it ({why}: left by a crash before "
        f"the file was replaced?); move {wal.name} away to open {path.name} as it is"
    )
