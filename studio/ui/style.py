"""The studio's look: icons from ``assets/icons``, light and dark palettes that follow the system."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from ..paths import ICONS_DIR

_LIGHT = {
    "window": "#f5f6f8",
    "base": "#ffffff",
    "alt": "#f0f2f5",
    "text": "#1f2937",
    "muted": "#5b6270",
    "button": "#ffffff",
    "highlight": "#2563eb",
    "border": "#d9dde3",
}
_DARK = {
    "window": "#1e2127",
    "base": "#262a31",
    "alt": "#2c3038",
    "text": "#e5e7eb",
    "muted": "#9ca3af",
    "button": "#2f343c",
    "highlight": "#2563eb",
    "border": "#3a3f48",
}


@cache
def icon(name: str) -> QIcon:
    """An icon from assets/icons by name (empty when the file is missing)."""
    path = ICONS_DIR / f"{name}.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()


def system_is_dark() -> bool:
    """Whether the desktop asks for a dark appearance."""
    from PySide6.QtCore import Qt  # not before the first paint (before_paint.py): see palette_is_dark

    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def palette_is_dark() -> bool:
    """Whether the desktop's own palette is dark: the guess before the first paint, which
    ``system_is_dark`` confirms right after it."""
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def colors(dark: bool) -> dict[str, str]:
    """The palette's named colours."""
    return _DARK if dark else _LIGHT


def apply_theme(app: QApplication, dark: bool | None = None) -> bool:
    """Use the Fusion style with our light or dark palette; returns whether dark was chosen."""
    dark = system_is_dark() if dark is None else dark
    c = colors(dark)
    if app.style().name().lower() != "fusion":  # Qt's default on Linux; making it again costs start-up time
        app.setStyle("Fusion")
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: c["window"],
        QPalette.ColorRole.WindowText: c["text"],
        QPalette.ColorRole.Base: c["base"],
        QPalette.ColorRole.AlternateBase: c["alt"],
        QPalette.ColorRole.Text: c["text"],
        QPalette.ColorRole.Button: c["button"],
        QPalette.ColorRole.ButtonText: c["text"],
        QPalette.ColorRole.Highlight: c["highlight"],
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: c["base"],
        QPalette.ColorRole.ToolTipText: c["text"],
        QPalette.ColorRole.PlaceholderText: c["muted"],
        QPalette.ColorRole.Link: c["highlight"],
        QPalette.ColorRole.Mid: c["border"],
    }
    for role, value in roles.items():
        palette.setColor(role, QColor(value))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor(c["muted"]))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor(c["muted"]))
    app.setPalette(palette)
    app.setStyleSheet(stylesheet(c))
    app.setWindowIcon(icon("app"))
    return dark


def stylesheet(c: dict[str, str]) -> str:
    """Spacing and accents the palette cannot express."""
    return f"""
    QLabel#formTitle {{ font-size: 16px; font-weight: 600; padding: 4px 0 6px 0; }}
    QLabel#hint {{ color: {c["muted"]}; font-size: 11px; }}
    QLabel#paneTitle {{ font-weight: 600; color: {c["muted"]}; text-transform: uppercase; padding: 2px 2px; }}
    QTreeWidget, QListWidget, QTableWidget {{ border: 1px solid {c["border"]}; border-radius: 6px; }}
    QTreeWidget::item, QListWidget::item {{ padding: 4px 2px; }}
    QToolBar {{ spacing: 6px; padding: 4px; border: none; border-bottom: 1px solid {c["border"]}; }}
    QStatusBar::item {{ border: none; border-left: 1px solid {c["border"]}; }}
    QStatusBar QLabel {{ padding: 0 8px; }}
    QToolButton {{ padding: 4px 8px; border-radius: 6px; }}
    QToolButton:hover {{ background: {c["alt"]}; }}
    QTabWidget::pane {{ border: 1px solid {c["border"]}; border-radius: 6px; }}
    QPushButton#kindButton {{ text-align: left; padding: 10px 14px; border: 1px solid {c["border"]};
        border-radius: 8px; background: {c["base"]}; }}
    QPushButton#kindButton:hover {{ border-color: {c["highlight"]}; }}
    QLineEdit, QPlainTextEdit, QTextEdit, QSpinBox, QComboBox, QDateTimeEdit {{ padding: 3px 5px; }}
    """
