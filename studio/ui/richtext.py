"""The step text editor: bold, italic, links, lists and images, stored as small clean HTML."""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QFont,
    QKeySequence,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextImageFormat,
    QTextListFormat,
)
from PySide6.QtWidgets import QInputDialog, QMessageBox, QTextEdit, QToolBar, QVBoxLayout, QWidget

from ..export.sanitize import sanitize_html
from .prompts import widen_modal_input

ALT_PROPERTY = 0x100100  # QTextFormat.UserProperty + 0x100: an image's alt text
_ORDERED = {
    QTextListFormat.Style.ListDecimal,
    QTextListFormat.Style.ListLowerAlpha,
    QTextListFormat.Style.ListUpperAlpha,
    QTextListFormat.Style.ListLowerRoman,
    QTextListFormat.Style.ListUpperRoman,
}


class _Alts(HTMLParser):
    """Collects each image's alt text by its address (Qt's HTML import drops alt)."""

    def __init__(self) -> None:
        super().__init__()
        self.alts: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            values = dict(attrs)
            if values.get("src"):
                self.alts[values["src"] or ""] = values.get("alt") or ""


def image_alts(html: str) -> dict[str, str]:
    """``{src: alt}`` for the images in ``html``."""
    parser = _Alts()
    parser.feed(html)
    return parser.alts


def _fragment_html(text: str, fmt: QTextCharFormat, alts: dict[str, str]) -> str:
    if fmt.isImageFormat():
        image = fmt.toImageFormat()
        alt = image.property(ALT_PROPERTY) or alts.get(image.name(), "")
        return f'<img src="{escape(image.name())}" alt="{escape(str(alt))}">'
    out = escape(text.replace("\u2028", "\n")).replace("\n", "<br>")
    if fmt.fontWeight() >= QFont.Weight.DemiBold:
        out = f"<strong>{out}</strong>"
    if fmt.fontItalic():
        out = f"<em>{out}</em>"
    if fmt.fontUnderline() and not fmt.isAnchor():
        out = f"<u>{out}</u>"
    if fmt.isAnchor() and fmt.anchorHref():
        out = f'<a href="{escape(fmt.anchorHref())}">{out}</a>'
    return out


def document_html(document: QTextDocument, alts: dict[str, str] | None = None) -> str:
    """The document as paragraphs, lists, strong/em/u, links and images — nothing else."""
    alts = alts or {}
    out: list[str] = []
    open_list: str | None = None
    block = document.begin()
    while block.isValid():
        text_list = block.textList()
        tag = None
        if text_list is not None:
            tag = "ol" if text_list.format().style() in _ORDERED else "ul"
        if tag != open_list:
            if open_list:
                out.append(f"</{open_list}>")
            if tag:
                out.append(f"<{tag}>")
            open_list = tag
        inner = []
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            inner.append(_fragment_html(fragment.text(), fragment.charFormat(), alts))
            fragments += 1
        content = "".join(inner)
        if tag:
            out.append(f"<li>{content}</li>")
        elif content.strip():
            out.append(f"<p>{content}</p>")
        block = block.next()
    if open_list:
        out.append(f"</{open_list}>")
    return sanitize_html("".join(out))


class RichTextEdit(QWidget):
    """A text box with a small formatting toolbar; ``edited`` carries the clean HTML."""

    edited = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._alts: dict[str, str] = {}
        self._loading = False
        self.text = QTextEdit()
        self.text.setAcceptRichText(True)
        self.text.setMinimumHeight(90)
        self.text.setMaximumHeight(150)
        self.text.setAccessibleName("Step text")
        self.toolbar = QToolBar()
        self.toolbar.setIconSize(self.toolbar.iconSize() * 0.75)
        for label, tip, keys, slot in (
            ("B", "Bold", QKeySequence.StandardKey.Bold, self._bold),
            ("I", "Italic", QKeySequence.StandardKey.Italic, self._italic),
            ("Link", "Link the selected words", QKeySequence("Ctrl+K"), self._link),
            ("Unlink", "Remove the link under the cursor", QKeySequence("Ctrl+Shift+K"), self._unlink),
            ("• List", "Bulleted list", QKeySequence("Ctrl+Shift+8"), lambda: self._list(False)),
            ("1. List", "Numbered list", QKeySequence("Ctrl+Shift+7"), lambda: self._list(True)),
            ("Image", "Insert an image by address", QKeySequence(), self._image),
        ):
            action = QAction(label, self, toolTip=f"{tip} ({QKeySequence(keys).toString()})" if keys else tip)
            action.setShortcut(keys)
            action.setShortcutContext(action.shortcutContext().WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.toolbar.addAction(action)
            self.addAction(action)
            if label in ("B", "I"):
                font = QFont()
                font.setBold(label == "B")
                font.setItalic(label == "I")
                action.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.text)
        self.text.textChanged.connect(self._changed)

    def set_value(self, html: str | None) -> None:
        """Show stored HTML (without reporting it as an edit)."""
        html = html or ""
        if html == self.value():
            return  # the author's own edit coming back: keep the cursor and the format being typed
        self._loading = True
        try:
            self._alts = image_alts(html)
            self.text.setHtml(html)
            self.start_plain()
        finally:
            self._loading = False

    def start_plain(self) -> None:
        """What the author types next starts plain at the end: a link or bold at the end of another
        step's text never leaks into this one."""
        cursor = self.text.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        self.text.setTextCursor(cursor)
        self.text.setCurrentCharFormat(QTextCharFormat())

    def value(self) -> str:
        """The current text as clean HTML."""
        return document_html(self.text.document(), self._alts)

    def _changed(self) -> None:
        if not self._loading:
            self.edited.emit(self.value())

    def _bold(self) -> None:
        fmt = QTextCharFormat()
        bold = self.text.fontWeight() < QFont.Weight.DemiBold
        fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        self.text.mergeCurrentCharFormat(fmt)

    def _italic(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(not self.text.fontItalic())
        self.text.mergeCurrentCharFormat(fmt)

    def _safe_address(self, title: str, address: str) -> str | None:
        """``address`` when links may point there, else None after saying why (never silently dropped)."""
        from ..domain import check_safe_url

        try:
            return check_safe_url(address.strip())
        except ValueError as exc:
            QMessageBox.warning(self, title, f"That address is refused: {exc}")
            return None

    def _link(self) -> None:
        QTimer.singleShot(0, widen_modal_input)
        href, ok = QInputDialog.getText(self, "Link", "Address (https://…):")
        href = self._safe_address("Link", href) if ok and href.strip() else None
        if href:
            fmt = QTextCharFormat()
            fmt.setAnchor(True)
            fmt.setAnchorHref(href)
            fmt.setFontUnderline(True)
            cursor = self.text.textCursor()
            if cursor.hasSelection():
                self.text.mergeCurrentCharFormat(fmt)
            else:  # nothing selected: the address itself becomes the link's words
                cursor.insertText(href, fmt)
                self.text.setCurrentCharFormat(QTextCharFormat())
        self.text.setFocus()  # typing goes on in the text, not into the void

    def _unlink(self) -> None:
        """Remove the link from the selection, or from the whole link the cursor is in."""
        cursor = self.text.textCursor()
        if not cursor.hasSelection():
            block, position = cursor.block(), cursor.position()
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                inside = fragment.position() <= position <= fragment.position() + fragment.length()
                if inside and fragment.charFormat().isAnchor():
                    cursor.setPosition(fragment.position())
                    cursor.setPosition(
                        fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor
                    )
                    break
                iterator += 1
        plain = QTextCharFormat()
        plain.setAnchor(False)
        plain.setAnchorHref("")
        plain.setFontUnderline(False)
        plain.setForeground(self.text.palette().text())
        cursor.mergeCharFormat(plain)
        self.text.mergeCurrentCharFormat(plain)

    def _list(self, ordered: bool) -> None:
        style = QTextListFormat.Style.ListDecimal if ordered else QTextListFormat.Style.ListDisc
        self.text.textCursor().createList(style)

    def _image(self) -> None:
        QTimer.singleShot(0, widen_modal_input)
        src, ok = QInputDialog.getText(self, "Image", "Image address (https://…):")
        src = self._safe_address("Image", src) if ok and src.strip() else None
        if not src:
            return
        alt, ok = QInputDialog.getText(self, "Image", "Describe the image for screen-reader users:")
        image = QTextImageFormat()
        image.setName(src)
        image.setProperty(ALT_PROPERTY, alt.strip() if ok else "")
        image.setWidth(240)
        self.text.textCursor().insertImage(image)
