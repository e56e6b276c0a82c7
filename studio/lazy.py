"""Package exports loaded on first use, so the studio's window shows before heavy modules load.

``from studio.domain import GUIDE_KINDS`` then imports only ``studio.domain.kinds``, not every
pydantic model; the studio shows its window first and loads the rest behind it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def lazy_exports(package: str, modules: dict[str, tuple[str, ...]]) -> tuple[Callable[[str], Any], list[str]]:
    """A module ``__getattr__`` and ``__all__`` for ``package``: ``{".module": ("Name", …)}``."""
    where = {name: module for module, names in modules.items() for name in names}

    def __getattr__(name: str) -> Any:  # noqa: N807 - the module hook's name
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(module, package), name)

    return __getattr__, sorted(where)
