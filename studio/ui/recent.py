"""Recent project files, remembered in the studio's settings: clean, deduplicated, newest first."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

MAX_RECENT = 8
KEY = "recent"


class RecentProjects:
    """The project files opened lately (only those that still exist are offered)."""

    def __init__(self, settings: QSettings) -> None:
        """Kept in ``settings`` under ``recent``."""
        self.settings = settings

    def _stored(self) -> list[str]:
        # type=list: an INI file gives a single entry back as a plain string, which would be
        # iterated letter by letter
        value = self.settings.value(KEY, [], type=list) or []
        return [str(p) for p in value if isinstance(p, str) and len(p) > 1]

    def paths(self) -> list[str]:
        """Existing recent files, newest first, each once."""
        seen: list[str] = []
        for path in self._stored():
            if path not in seen and Path(path).exists():
                seen.append(path)
        return seen

    def remember(self, path: Path) -> None:
        """Put ``path`` first."""
        resolved = str(path.resolve())
        rest = [p for p in self._stored() if p != resolved]
        self.settings.setValue(KEY, [resolved, *rest][:MAX_RECENT])

    def last_folder(self) -> str:
        """Where file dialogs start: the folder of the newest project, or home."""
        recent = self.paths()
        return str(Path(recent[0]).parent) if recent else str(Path.home())
