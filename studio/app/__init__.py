"""The Qt-free application layer: a project session, its one undo history, guide operations, long tasks.

The desktop studio (``studio/ui``) imports this package, the domain and pure helpers only. Names
load on first use (``studio.lazy``), so the window can show before the store and the browser load.
"""

from ..lazy import lazy_exports

__getattr__, __all__ = lazy_exports(
    __name__,
    {
        "..store.errors": ("ProjectFileError",),
        ".commands": ("Command", "MoveGuide", "SaveGuide", "SetProject"),
        ".draft": ("GuideDraft",),
        ".guides": ("GuideListing", "GuideOperations"),
        ".history": ("History",),
        ".session": ("ProjectSession",),
    },
)
