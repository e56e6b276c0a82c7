"""One writer per project file: an ``flock`` on the database file itself, held for the store's life.

The lock is taken on a descriptor of the project file (so it is keyed by the file, not by a
path: a second path to the same file finds it held), is never a separate file that could be
deleted while held, and is released by the operating system when the holder exits or dies.
SQLite's own locks are POSIX ``fcntl`` byte-range locks, which are independent of ``flock``
on local file systems, so readers (export, validate, check-targets, replay) are never blocked.
"""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

from .errors import ProjectFileError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no lock (documented); SQLite keeps the file consistent
    fcntl = None  # type: ignore[assignment]


PROBE_GRACE = 0.2
"""Seconds a writer keeps trying while the lock may only be a reader's momentary probe."""


class WriterLock:
    """The exclusive right to edit one project file; ``release`` (or the process ending) gives it up."""

    def __init__(self, path: Path, fd: int | None) -> None:
        """Use ``WriterLock.acquire``; this only records an already locked descriptor."""
        self.path = path
        self._fd = fd

    @classmethod
    def acquire(cls, path: str | Path, *, wait: float = PROBE_GRACE) -> WriterLock:
        """Lock ``path`` for editing, or raise ProjectFileError saying why it cannot be had."""
        path = Path(path)
        refuse_second_names(path)
        if fcntl is None:  # pragma: no cover
            return cls(path, None)
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
        except OSError as exc:
            raise ProjectFileError(f"{path.name}: cannot be opened ({exc.strerror})") from None
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise ProjectFileError(f"{path.name}: not a regular file")
            _lock_exclusive(fd, wait)
        except BlockingIOError:
            os.close(fd)
            raise ProjectFileError(
                f"{path.name} is open in another Guide Studio window; edit it there (or close that one first)"
            ) from None
        except BaseException:
            os.close(fd)
            raise
        return cls(path, fd)

    @property
    def held(self) -> bool:
        """True until released."""
        return self._fd is not None or fcntl is None

    def release(self) -> None:
        """Give up the lock (closing the descriptor releases the flock); safe to call twice."""
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)


def _lock_exclusive(fd: int, wait: float) -> None:
    # A reader's shared probe (writer_active) holds the lock for microseconds: retry briefly
    # rather than call that a second writer.
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise
            time.sleep(0.01)


def writer_active(path: Path) -> bool:
    """True when a store holds ``path`` for editing right now (a shared probe, dropped at once)."""
    if fcntl is None:  # pragma: no cover
        return False
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)  # also drops the shared probe
    return False


def refuse_second_names(path: Path) -> None:
    """Refuse a symbolic link or a hard-linked file: SQLite names its journal after the path, so a
    second name for one file would keep a second journal and could mix or lose edits."""
    try:
        info = os.lstat(path)
    except OSError as exc:
        raise ProjectFileError(f"{path.name}: cannot be opened ({exc.strerror})") from None
    if stat.S_ISLNK(info.st_mode):
        raise ProjectFileError(
            f"{path.name}: is a symbolic link; open the file it points to ({os.path.realpath(path)})"
        )
    if stat.S_ISREG(info.st_mode) and info.st_nlink > 1:
        raise ProjectFileError(
            f"{path.name}: the file has {info.st_nlink} names (hard links); SQLite keeps its journal "
            "by name, so edit a copy with one name"
        )
