"""The studio's look: readable palettes in light and dark, and every icon it names exists."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from studio.domain import GUIDE_KINDS
from studio.paths import ICONS_DIR
from studio.ui.style import apply_theme, colors, icon


def luminance(hex_color: str) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    color = QColor(hex_color)
    return 0.2126 * channel(color.red()) + 0.7152 * channel(color.green()) + 0.0722 * channel(color.blue())


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.fixture
def restored_look(qapp):
    """Put the application's style, palette and style sheet back after the test."""
    style, palette, sheet = qapp.style().name(), qapp.palette(), qapp.styleSheet()
    yield qapp
    qapp.setStyle(style)
    qapp.setPalette(palette)
    qapp.setStyleSheet(sheet)


@pytest.mark.parametrize("dark", [False, True])
def test_palettes_are_readable(restored_look, dark):
    c = colors(dark)
    assert contrast(c["text"], c["window"]) >= 7  # WCAG AAA for body text
    assert contrast(c["text"], c["base"]) >= 7
    assert contrast(c["muted"], c["window"]) >= 4.5  # hints and placeholders: AA
    assert contrast("#ffffff", c["highlight"]) >= 4.5  # selected rows
    apply_theme(QApplication.instance(), dark=dark)
    palette = QApplication.instance().palette()
    assert palette.color(QPalette.ColorRole.Window).name() == c["window"]
    assert palette.color(QPalette.ColorRole.Text).name() == c["text"]


def test_every_icon_the_studio_names_exists(qapp):
    names = {
        *GUIDE_KINDS,
        "app",
        "record",
        "stop",
        "pick",
        "preview",
        "test",
        "export",
        "new",
        "open",
        "theme",
    }
    names |= {"duplicate", "delete"}
    for name in names:
        assert (ICONS_DIR / f"{name}.svg").is_file(), name
        assert not icon(name).pixmap(24, 24).isNull(), name


def test_the_numbers_used_before_the_first_paint_are_qt_s_own():
    from PySide6.QtCore import Qt

    from studio.ui import before_paint

    assert Qt.ItemDataRole.UserRole.value == before_paint.USER_ROLE
    assert Qt.ContextMenuPolicy.ActionsContextMenu.value == before_paint.ACTIONS_CONTEXT_MENU
    assert Qt.ToolButtonStyle.ToolButtonTextBesideIcon.value == before_paint.TEXT_BESIDE_ICON
    assert Qt.ShortcutContext.WidgetWithChildrenShortcut.value == before_paint.WIDGET_WITH_CHILDREN_SHORTCUT


def test_the_window_shows_before_qt_s_enums_are_made():
    """Qt's namespace costs more start-up time than the window: only what runs after the first paint uses it."""
    code = (
        "import PySide6.QtCore as C\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from studio.ui.launch import start\n"
        "_app, window, _ = start(None)\n"
        "assert window.isVisible()\n"
        "print('Qt' in C.__dict__, window.actions_['undo'].shortcut().toString(),\n"
        "      window.guide_panel.tree.contextMenuPolicy().name)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    loaded, undo, policy = done.stdout.split()
    assert loaded == "False", "something before the first paint touches PySide6.QtCore.Qt"
    assert (undo, policy) == ("Ctrl+Z", "ActionsContextMenu")
