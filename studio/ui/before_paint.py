"""Qt enum values for the code that runs before the window's first paint, as plain numbers.

Touching Qt's ``Qt`` namespace builds all of its ~100 Python enums at once (12 ms here, more than
the rest of the window), so the window is built without it and sets these through Qt properties;
``tests/test_ui_style.py`` checks each number against its enum and that the window shows without
the namespace.
"""

USER_ROLE = 256
"""``Qt.ItemDataRole.UserRole``: where list items keep their guide id."""
ACTIONS_CONTEXT_MENU = 2
"""``Qt.ContextMenuPolicy.ActionsContextMenu``: a widget's right-click menu lists its actions."""
TEXT_BESIDE_ICON = 2
"""``Qt.ToolButtonStyle.ToolButtonTextBesideIcon``."""
WIDGET_WITH_CHILDREN_SHORTCUT = 3
"""``Qt.ShortcutContext.WidgetWithChildrenShortcut``: a shortcut that works while its widget has focus."""
