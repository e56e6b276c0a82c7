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


def test_a_link_at_the_end_of_one_step_never_leaks_into_the_next(qtbot):
    """The bug an author met: step 1 ended with a link; typing into an empty step 2 stored a link."""
    editor = RichTextEdit()
    qtbot.addWidget(editor)
    editor.set_value('<p>See <a href="https://example.com/help">help</a></p>')
    editor.text.moveCursor(editor.text.textCursor().MoveOperation.End)
    editor.set_value("")  # the next, empty step
    qtbot.keyClicks(editor.text, "Plain words")
    assert editor.value() == "<p>Plain words</p>"


def test_a_link_can_be_removed_and_an_unsafe_one_is_refused_in_words(qtbot, dialogs):
    editor = RichTextEdit()
    qtbot.addWidget(editor)
    editor.set_value('<p>Go <a href="https://example.com/x">there</a> now</p>')
    cursor = editor.text.textCursor()
    cursor.setPosition(5)  # inside "there"
    editor.text.setTextCursor(cursor)
    editor._unlink()
    assert editor.value() == "<p>Go there now</p>"
    cursor.setPosition(0)
    cursor.setPosition(2, cursor.MoveMode.KeepAnchor)
    editor.text.setTextCursor(cursor)
    dialogs.texts.append("\x01javascript:alert(1)")
    editor._link()
    assert editor.value() == "<p>Go there now</p>"  # nothing linked
    assert dialogs.messages("warning") and "refused" in dialogs.messages("warning")[0]


def test_a_link_with_nothing_selected_inserts_the_address_and_typing_goes_on(qtbot, dialogs):
    editor = RichTextEdit()
    qtbot.addWidget(editor)
    editor.set_value("<p>See </p>")
    dialogs.texts.append("https://example.com/help")
    editor._link()
    qtbot.keyClicks(editor.text, " now")
    assert (
        editor.value()
        == '<p>See <a href="https://example.com/help" rel="noopener noreferrer">https://example.com/help</a> now</p>'
    )
