"""The Qt-free application layer: edits as undoable commands over the project store."""

from .commands import Command, DeleteGuide, MoveGuide, PutGuide, SetProject
from .workspace import Workspace

__all__ = ["Command", "DeleteGuide", "MoveGuide", "PutGuide", "SetProject", "Workspace"]
