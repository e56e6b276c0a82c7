"""Step text in the studio: what the editor writes back is small, clean HTML, whatever came in."""

from __future__ import annotations

from studio.ui.richtext import RichTextEdit


def test_formatting_lists_links_and_images_round_trip(qtbot):
    editor = RichTextEdit()
    qtbot.addWidget(editor)
    source = (
        '<p>Read <strong>this</strong> and <em>that</em>, then <a href="https://example.com/help">ask</a>.</p>'
        "<ul><li>one</li><li>two</li></ul><ol><li>first</li></ol>"
        '<p><img src="https://example.com/a.png" alt="A chart"></p>'
    )
    editor.set_value(source)
    assert editor.value() == source.replace(
        'help">', 'help" rel="noopener noreferrer">'
    )  # the export's canonical form


def test_hostile_html_is_dropped_not_run(qtbot):
    editor = RichTextEdit()
    qtbot.addWidget(editor)
    seen = []
    editor.edited.connect(seen.append)
    editor.set_value(
        '<p onclick="steal()">Hi<script>alert(1)</script><a href="javascript:alert(2)">x</a>'
        '<img src="x" onerror="alert(3)"><span style="position:fixed">y</span></p>'
    )
    value = editor.value()
    for bad in ("script", "onclick", "onerror", "javascript:", "style="):
        assert bad not in value
    assert value.startswith("<p>Hi")
    assert seen == []  # showing stored text is not an edit


def test_typing_with_bold_emits_clean_html(qtbot):
    editor = RichTextEdit()
    qtbot.addWidget(editor)
    seen = []
    editor.edited.connect(seen.append)
    qtbot.keyClicks(editor.text, "Save ")
    editor.toolbar.actions()[0].trigger()
    qtbot.keyClicks(editor.text, "now")
    assert seen[-1] == "<p>Save <strong>now</strong></p>"
