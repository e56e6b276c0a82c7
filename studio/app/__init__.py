"""The Qt-free application layer: a project session, its one undo history, guide operations, long tasks.

The desktop studio (``studio/ui``) imports this package, the domain and pure helpers only.
"""

from ..store import ProjectFileError
from .commands import Command, MoveGuide, SaveGuide, SetProject
from .draft import GuideDraft
from .guides import GuideListing, GuideOperations
from .history import History
from .session import ProjectSession

__all__ = [
    "Command",
    "GuideDraft",
    "GuideListing",
    "GuideOperations",
    "History",
    "MoveGuide",
    "ProjectFileError",
    "ProjectSession",
    "SaveGuide",
    "SetProject",
]
