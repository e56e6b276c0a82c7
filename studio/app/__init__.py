"""The Qt-free application layer: edits as undoable commands over the project store."""

from .commands import Command, DeleteGuide, MoveGuide, PutGuide, SetProject
from .controller import GuideRow, Studio
from .draft import GuideDraft
from .workspace import Workspace

__all__ = [
    "Command",
    "DeleteGuide",
    "GuideDraft",
    "GuideRow",
    "MoveGuide",
    "PutGuide",
    "SetProject",
    "Studio",
    "Workspace",
]
