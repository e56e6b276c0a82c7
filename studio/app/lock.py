"""Compatibility shim: the one-writer lock now lives in the store (``studio.store.lock.WriterLock``).

Every writable ``ProjectStore.open`` takes it and ``close`` releases it, so this class holds
nothing of its own; it remains only until its last caller goes.
"""

from __future__ import annotations

from pathlib import Path


class ProjectLock:
    """Deprecated no-op: ``ProjectStore.open`` refuses a file another writer holds."""

    def __init__(self, project: Path) -> None:
        """Remember the project; no lock file is made any more."""
        self.path = project

    def acquire(self) -> bool:
        """Always True: the store took the real lock when it opened the file."""
        return True

    def release(self) -> None:
        """Nothing to release: closing the store releases the lock."""
