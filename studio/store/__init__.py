"""The SQLite project file: the only package that speaks SQL.

Names load on first use (``studio.lazy``): catching ``ProjectFileError`` does not load SQLAlchemy.
"""

from ..lazy import lazy_exports

__getattr__, __all__ = lazy_exports(
    __name__,
    {
        ".errors": ("ProjectFileError",),
        ".migrations": ("FORMAT_VERSION",),
        ".project_store": ("GuideSummary", "Pictures", "ProjectStore"),
    },
)
