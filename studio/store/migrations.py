"""The project file's format versions and the steps that bring an older file up to date."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from .wal import new_token, stamp

APPLICATION_ID = 0x47756964  # "Guid": marks an SQLite file as a Guide Studio project
FORMAT_VERSION = 5


def _v1(conn: sqlite3.Connection) -> None:
    """Create the first format: the project row and the guide table."""
    for statement in (
        """CREATE TABLE project (
            id INTEGER NOT NULL PRIMARY KEY,
            name VARCHAR NOT NULL,
            theme VARCHAR NOT NULL,
            settings VARCHAR NOT NULL)""",
        """CREATE TABLE guide (
            id VARCHAR NOT NULL PRIMARY KEY,
            kind VARCHAR NOT NULL,
            name VARCHAR NOT NULL,
            position INTEGER NOT NULL,
            enabled BOOLEAN NOT NULL,
            data VARCHAR NOT NULL)""",
        "CREATE INDEX ix_guide_position ON guide (position)",
    ):
        conn.execute(statement)


def _v2(conn: sqlite3.Connection) -> None:
    """Add the screenshots and thumbnails the recorder takes for each step."""
    conn.execute(
        """CREATE TABLE step_image (
            guide_id VARCHAR NOT NULL,
            step_id VARCHAR NOT NULL,
            kind VARCHAR NOT NULL,
            png BLOB NOT NULL,
            PRIMARY KEY (guide_id, step_id, kind))"""
    )


def _v3(conn: sqlite3.Connection) -> None:
    """Add unfinished guide changes (not valid yet, so not in ``guide``), kept across a crash."""
    conn.execute(
        """CREATE TABLE draft (
            guide_id VARCHAR NOT NULL PRIMARY KEY,
            data VARCHAR NOT NULL)"""
    )


def _v4(conn: sqlite3.Connection) -> None:
    """Add the stamp every edit renews, so a stray ``-wal`` is told from the file's own (see wal.py)."""
    conn.execute(
        """CREATE TABLE wal_stamp (
            id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
            token VARCHAR NOT NULL,
            previous VARCHAR)"""
    )
    conn.execute("INSERT INTO wal_stamp (id, token) VALUES (1, ?)", (new_token(),))


def _v5(conn: sqlite3.Connection) -> None:
    """Add the images authors put in steps (exported beside the bundle under the same names)."""
    conn.execute(
        """CREATE TABLE media (
            name VARCHAR NOT NULL PRIMARY KEY,
            data BLOB NOT NULL)"""
    )


MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _v1, 2: _v2, 3: _v3, 4: _v4, 5: _v5}
"""Step N turns a format N-1 file (0 = new) into format N, using ``conn.execute`` only
(never ``executescript``, which would commit half-way); add one step per format change."""


def migrate(conn: sqlite3.Connection, current: int) -> None:
    """Bring the file from format ``current`` to FORMAT_VERSION in one transaction."""
    if current >= FORMAT_VERSION:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        for version in range(current + 1, FORMAT_VERSION + 1):
            MIGRATIONS[version](conn)
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {FORMAT_VERSION}")
        stamp(conn)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
