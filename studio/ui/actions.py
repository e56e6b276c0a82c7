"""Menus, the toolbar and keyboard shortcuts of the main window: every action has all three where it fits."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QSize
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar, QToolButton

from ..domain import GUIDE_KINDS
from .before_paint import ACTIONS_CONTEXT_MENU, TEXT_BESIDE_ICON, WIDGET_WITH_CHILDREN_SHORTCUT
from .style import icon

Std = QKeySequence.StandardKey
EDITOR_CONTEXT_ACTIONS = (
    "add_step",
    "duplicate_step",
    "step_up",
    "step_down",
    "delete_step",
    "pick",
    "preview",
)
"""The right-click menu of the step list (added when the editor is built)."""


@dataclass
class Actions:
    """The window's actions by name, and the ones that need a selected guide."""

    by_name: dict[str, QAction] = field(default_factory=dict)
    guide_only: list[QAction] = field(default_factory=list)
    recent_menu: QMenu | None = None
    view_menu: QMenu | None = None

    def __getitem__(self, name: str) -> QAction:
        return self.by_name[name]

    def set_guide_actions(self, enabled: bool) -> None:
        """Enable what acts on the selected guide."""
        for action in self.guide_only:
            action.setEnabled(enabled)


def _help(name: str, window: QMainWindow) -> None:
    """Run a Help menu entry (the help module loads when first asked)."""
    from . import help as help_menu

    getattr(help_menu, name)(window)


def build_actions(window: QMainWindow) -> Actions:
    """Create the menus and toolbar of ``window`` (a MainWindow)."""
    actions = Actions()

    def make(name, text, slot, keys=None, tip="", icon_name=None, guide=False, context=None) -> QAction:
        action = QAction(text, window)
        if icon_name:
            action.setIcon(icon(icon_name))
        if keys is not None:
            # a list, not setShortcut(): its overloads would load Qt's enums before the first paint
            action.setShortcuts([QKeySequence.fromString(keys)] if isinstance(keys, str) else keys)
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(
            f"{tip or text.replace('&', '').rstrip('…')}" + (f" ({shortcut})" if shortcut else "")
        )
        action.setStatusTip(tip)
        if context is not None:
            action.setProperty("shortcutContext", context)
        action.triggered.connect(lambda _checked=False: slot())
        actions.by_name[name] = action
        if guide:
            actions.guide_only.append(action)
        return action

    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addAction(make("new_project", "&New project…", window.create_project, Std.New, icon_name="new"))
    file_menu.addAction(make("open", "&Open project…", window.choose_project, Std.Open, icon_name="open"))
    actions.recent_menu = file_menu.addMenu("Open &recent")
    file_menu.addSeparator()
    file_menu.addAction(
        make(
            "export",
            "&Export bundle…",
            lambda: window.work.export(False),
            "Ctrl+E",
            "Write the guide bundle",
            "export",
        )
    )
    file_menu.addAction(
        make(
            "export_runtime",
            "Export bundle and &runtime…",
            lambda: window.work.export(True),
            "Ctrl+Shift+E",
            "Write the bundle, the runtime and an embed snippet",
        )
    )
    file_menu.addSeparator()
    file_menu.addAction(make("quit", "&Quit", window.close, "Ctrl+Q"))

    edit_menu = bar.addMenu("&Edit")
    edit_menu.addAction(make("undo", "&Undo", window.undo, Std.Undo, "Take back the last change"))
    edit_menu.addAction(make("redo", "&Redo", window.redo, Std.Redo, "Do again what Undo took back"))
    edit_menu.addSeparator()
    edit_menu.addAction(make("find", "&Find guide", window.guide_panel.search.setFocus, Std.Find))
    edit_menu.addSeparator()
    edit_menu.addAction(
        make(
            "add_step",
            "&Add step",
            lambda: window.editor.add_part(),
            "Ctrl+Shift+N",
            guide=True,
            icon_name="new",
        )
    )
    edit_menu.addAction(
        make(
            "duplicate_step",
            "D&uplicate step",
            lambda: window.editor.duplicate_part(),
            "Ctrl+D",
            guide=True,
            icon_name="duplicate",
        )
    )
    edit_menu.addAction(
        make("delete_step", "Delete s&tep", lambda: window.editor.delete_part(), "Ctrl+Backspace", guide=True)
    )
    edit_menu.addAction(
        make(
            "step_up",
            "Move step &up",
            lambda: window.editor.move_part(window.editor.part, window.editor.part - 1),
            "Alt+Up",
            guide=True,
        )
    )
    edit_menu.addAction(
        make(
            "step_down",
            "Move step do&wn",
            lambda: window.editor.move_part(window.editor.part, window.editor.part + 1),
            "Alt+Down",
            guide=True,
        )
    )
    edit_menu.addSeparator()
    edit_menu.addAction(
        make(
            "duplicate_guide",
            "Duplicate &guide",
            window.guide_work.duplicate_selected,
            "Ctrl+Shift+D",
            guide=True,
        )
    )
    edit_menu.addAction(
        make(
            "guide_up",
            "Move guide u&p",
            lambda: window.guide_work.move_selected(-1),
            "Alt+Shift+Up",
            guide=True,
        )
    )
    edit_menu.addAction(
        make(
            "guide_down",
            "Move guide dow&n",
            lambda: window.guide_work.move_selected(1),
            "Alt+Shift+Down",
            guide=True,
        )
    )
    edit_menu.addAction(
        make(
            "delete_guide",
            "&Delete guide",
            window.guide_work.delete_selected,
            Std.Delete,
            guide=True,
            icon_name="delete",
            context=WIDGET_WITH_CHILDREN_SHORTCUT,
        )
    )
    window.guide_panel.tree.addAction(actions["delete_guide"])

    guide_menu = bar.addMenu("&Guide")
    new_menu = guide_menu.addMenu(icon("new"), "&New")
    for number, (kind, info) in enumerate(GUIDE_KINDS.items(), 1):
        new_menu.addAction(
            make(
                f"new_{kind}",
                f"&{info.title}",
                lambda k=kind: window.guide_work.new_guide(k),
                f"Ctrl+{number}",
                info.hint,
                kind,
            )
        )
    guide_menu.addSeparator()
    guide_menu.addAction(
        make(
            "pick",
            "&Pick element…",
            window.work.pick_current,
            "Ctrl+P",
            "Re-target the selected step in the browser",
            "pick",
            guide=True,
        )
    )
    guide_menu.addAction(
        make(
            "preview",
            "Pre&view",
            window.work.preview,
            "F5",
            "Play the guide from the selected step in the browser",
            "preview",
            guide=True,
        )
    )
    guide_menu.addAction(
        make(
            "test",
            "&Test guide",
            lambda: window.work.run_test(False),
            "F6",
            "Check the guide headless against your app",
            "test",
            guide=True,
        )
    )
    guide_menu.addAction(make("test_all", "Test &all guides", lambda: window.work.run_test(True), "Shift+F6"))
    guide_menu.addAction(
        make(
            "check",
            "&Check elements",
            window.work.run_check,
            "F7",
            "Quickly find every step's element on its page, without playing the guides",
        )
    )
    guide_menu.addAction(
        make(
            "test_elsewhere",
            "Test all against another &address…",
            lambda: window.work.run_test(True, elsewhere=True),
            "Ctrl+Shift+F6",
            "Check every guide on another build (staging, a branch preview) without changing the project",
        )
    )

    record_menu = bar.addMenu("&Record")
    record_menu.addAction(
        make(
            "record",
            "&Record walkthrough…",
            window.work.record,
            "Ctrl+R",
            "Open your app in a browser and turn each click into a step",
            "record",
        )
    )
    record_menu.addAction(
        make(
            "record_after",
            "Record &after this step…",
            window.work.record_here,
            "Ctrl+Alt+R",
            "Record more steps into the selected walkthrough, after the selected step",
            guide=True,
        )
    )
    record_menu.addAction(
        make(
            "record_before",
            "Record &before this step…",
            lambda: window.work.record_here(before=True),
            "Ctrl+Alt+Shift+R",
            "Record steps into the selected walkthrough, before the selected step",
            guide=True,
        )
    )
    stop = make(
        "stop", "&Stop recording", window.work.stop_browser, "Ctrl+Shift+R", "Close the browser", "stop"
    )
    stop.setEnabled(False)
    record_menu.addAction(stop)

    project_menu = bar.addMenu("&Project")
    project_menu.addAction(
        make("theme", "&Theme and settings…", window.edit_theme, "Ctrl+,", icon_name="theme")
    )

    actions.view_menu = view_menu = bar.addMenu("&View")  # the docks add their entries (docks.py)
    view_menu.addAction(make("start", "&Start page", lambda: window.select_guide(None), "Ctrl+Shift+H"))

    help_menu = bar.addMenu("&Help")
    help_menu.addAction(
        make("shortcuts", "&Keyboard shortcuts", lambda: _help("show_shortcuts", window), "F1")
    )
    help_menu.addAction(
        make("docs", "&Documentation", lambda: _help("show_docs", window), "Shift+F1", "Open the docs folder")
    )
    help_menu.addAction(
        make("where", "Where is the &project file?", lambda: _help("show_project_file", window), "Ctrl+Alt+F")
    )
    help_menu.addSeparator()
    help_menu.addAction(make("about", "&About Guide Studio", lambda: _help("show_about", window)))

    toolbar = QToolBar("Main")
    toolbar.setObjectName("main-toolbar")
    toolbar.setIconSize(QSize(20, 20))
    toolbar.setProperty("toolButtonStyle", TEXT_BESIDE_ICON)
    toolbar.setMovable(False)
    new_button = QToolButton()
    new_button.setText("New guide")
    new_button.setIcon(icon("new"))
    new_button.setProperty("toolButtonStyle", TEXT_BESIDE_ICON)
    new_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    new_button.setMenu(new_menu)
    new_button.setAccessibleName("New guide")
    toolbar.addWidget(new_button)
    toolbar.addSeparator()
    for name in ("record", "stop", "pick", "preview", "test"):
        toolbar.addAction(actions[name])
    toolbar.addSeparator()
    toolbar.addAction(actions["export"])
    toolbar.addAction(actions["theme"])
    window.addToolBar(toolbar)

    # right-click menus: the same actions where the author's pointer is
    window.guide_panel.tree.setProperty("contextMenuPolicy", ACTIONS_CONTEXT_MENU)
    for name in ("preview", "test", "duplicate_guide"):
        window.guide_panel.tree.addAction(actions[name])
    return actions
