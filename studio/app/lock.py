"""One studio per project file: an advisory lock beside the file, released by the OS if the studio dies."""

from __future__ import annotations

import os
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no lock (documented), the file stays consistent (WAL)
    fcntl = None  # type: ignore[assignment]


class ProjectLock:
    """``acquire`` fails while another studio (or window) has the same project open for editing."""

    def __init__(self, project: Path) -> None:
        """The lock file is ``<project>.lock`` beside the project."""
        self.path = project.with_name(project.name + ".lock")
        self._fd: int | None = None

    def acquire(self) -> bool:
        """Take the lock; False when someone else holds it (an flock, so a crash never leaves it stuck)."""
        if fcntl is None or self._fd is not None:
            return True
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd
        return True

    def release(self) -> None:
        """Let go of the lock and remove the lock file."""
        if self._fd is None:
            return
        try:
            self.path.unlink(missing_ok=True)
        finally:
            os.close(self._fd)  # closing releases the flock
            self._fd = None
