"""The SQLite project file: the only package that speaks SQL."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import ProjectFileError
from .migrations import FORMAT_VERSION

if TYPE_CHECKING:
    from .project_store import GuideSummary, ProjectStore

__all__ = ["FORMAT_VERSION", "GuideSummary", "ProjectFileError", "ProjectStore"]


def __getattr__(name: str) -> Any:
    # The store pulls in SQLModel and the domain; the lock and the errors need neither, so a
    # process that only locks (or only reports an error) starts quickly.
    if name in ("ProjectStore", "GuideSummary"):
        from . import project_store

        return getattr(project_store, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
