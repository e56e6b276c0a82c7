"""The SQLite project file: the only package that speaks SQL."""

from .errors import ProjectFileError
from .migrations import FORMAT_VERSION
from .project_store import GuideSummary, Pictures, ProjectStore

__all__ = ["FORMAT_VERSION", "GuideSummary", "Pictures", "ProjectFileError", "ProjectStore"]
