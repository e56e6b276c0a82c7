"""The guide editor: the selected guide's steps (or items) with pictures, and its property tabs."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QScrollArea, QSplitter, QStackedWidget, QTabWidget, QWidget

from ..app import GuideDraft, ProjectFileError, ProjectSession
from ..app.entry_forms import ENTRY_FIELDS
from ..app.forms import GUIDE_FIELDS
from ..app.item_forms import ITEM_FIELDS
from ..app.question_forms import QUESTION_FIELDS
from ..app.step_forms import STEP_FIELDS
from .form import FormView
from .parts import PartsList


def scrolled(widget: QWidget) -> QScrollArea:
    """``widget`` in a frameless scroll area (long forms)."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(widget)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area


class GuideEditor(QSplitter):
    """Edits one guide of a session; every change goes to the guide's draft (saved and undoable there).

    Signals say what the window must do around it: ``pick(path)`` the author wants to choose an
    element for ``path``; ``listing_changed(guide_id)`` the guide's line in the list changed;
    ``message(text)`` a line for the status bar.
    """

    pick = Signal(tuple)
    listing_changed = Signal(str)
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: ProjectSession | None = None
        self.guide_id: str | None = None
        self.part = 0
        self._guide_choices: list[tuple[str, str]] = []
        self.parts = PartsList()
        self.parts.selected.connect(self._part_selected)
        self.parts.moved.connect(lambda a, b: QTimer.singleShot(0, lambda: self.move_part(a, b)))
        self.parts.add.connect(self.add_part)
        self.parts.duplicate.connect(self.duplicate_part)
        self.parts.delete.connect(self.delete_part)
        self.step_form = FormView(STEP_FIELDS, "Step")
        self.item_form = FormView(ITEM_FIELDS, "Checklist item")
        self.question_form = FormView(QUESTION_FIELDS, "Question")
        self.entry_form = FormView(ENTRY_FIELDS, "Entry")
        self.guide_form = FormView(GUIDE_FIELDS, "Guide")
        self.part_forms = {
            "steps": self.step_form,
            "items": self.item_form,
            "questions": self.question_form,
            "entries": self.entry_form,
        }
        """The form of one part, by the list the guide is made of (``GuideKind.parts_key``)."""
        self.part_stack = QStackedWidget()
        for form in self.part_forms.values():
            self.part_stack.addWidget(scrolled(form))
        for form in self.part_forms.values():
            form.edited.connect(lambda path, value: self.edit((self.parts_key(), self.part, *path), value))
            form.pick.connect(lambda path: self.pick.emit((self.parts_key(), self.part, *path)))
        self.guide_form.edited.connect(lambda path, value: self.edit(path, value))
        self.guide_form.pick.connect(lambda path: self.pick.emit(tuple(path)))
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Properties")
        self.tabs.addTab(self.part_stack, "Step")
        self.tabs.addTab(scrolled(self.guide_form), "Guide")
        self.addWidget(self.parts)
        self.addWidget(self.tabs)
        self.setSizes([300, 620])

    def set_session(self, session: ProjectSession | None) -> None:
        """Edit guides of ``session`` (None: nothing open)."""
        self.session = session
        self.guide_id = None
        self.part = 0
        self.step_form.set_images(session)

    # -- what is shown ------------------------------------------------------------------------------

    def draft(self) -> GuideDraft | None:
        """The edited guide's draft, or None."""
        if self.session is None or self.guide_id is None:
            return None
        try:
            return self.session.guides.draft(self.guide_id)
        except ProjectFileError:
            return None

    def parts_key(self) -> str:
        """``steps``, ``items`` or ``questions``."""
        draft = self.draft()
        return draft.parts_key if draft else "steps"

    def show_guide(self, guide_id: str | None, part: int | None = None) -> bool:
        """Show a guide (at ``part``); False when there is no such guide."""
        self.guide_id = guide_id
        if part is not None:
            self.part = part
        draft = self.draft()
        if draft is None:
            self.guide_id = None
            return False
        info = draft.info
        self.part = max(0, min(self.part, len(draft.parts) - 1))
        rows = [
            (
                p["id"],
                p.get(info.part_title, ""),
                self.session.guides.picture(draft.id, p["id"]) if info.has_pictures else None,
            )
            for p in draft.parts
        ]
        self.parts.show_parts(info.part_plural, rows, self.part)
        self.parts.set_editable(info.multi_step)
        self.tabs.setTabText(0, info.part_noun)
        self.part_stack.setCurrentIndex(list(self.part_forms).index(info.parts_key))
        self._guide_choices = [(row.id, row.name) for row in self.session.guides.listing()]
        self._show_picture()
        self.show_forms()
        return True

    def show_forms(self) -> None:
        """Show the edited values with their messages (after every change)."""
        draft = self.draft()
        if draft is None:
            return
        info = draft.info
        guides = [(gid, name) for gid, name in self._guide_choices if gid != draft.id]
        scope = (draft.parts_key, self.part)
        form = self.part_forms[info.parts_key]
        form.title.setText(
            f"{info.part_noun} {self.part + 1} of {len(draft.parts)}" if info.multi_step else info.title
        )
        form.show_values(
            draft.kind,
            lambda path: draft.value(scope + path),
            draft.problems(scope, [s.path for s in form.specs]),
            guides,
            owner=(draft.id, draft.parts[self.part]["id"] if draft.parts else None),
        )
        self.guide_form.title.setText(f"{info.title}: {draft.data.get('name', '')}")
        self.guide_form.show_values(
            draft.kind,
            draft.value,
            draft.problems((), [s.path for s in GUIDE_FIELDS]),
            guides,
            owner=draft.id,
        )
        problem = draft.first_problem()
        self.message.emit(f"Not saved yet — {problem}" if problem else "")

    def _part_selected(self, index: int) -> None:
        self.part = index
        self._show_picture()
        self.show_forms()

    def _show_picture(self) -> None:
        draft = self.draft()
        if draft is not None and draft.info.has_pictures and 0 <= self.part < len(draft.parts):
            step_id = draft.parts[self.part]["id"]
            self.parts.show_picture(self.session.guides.picture(draft.id, step_id, "screenshot"))
        else:
            self.parts.show_picture(None)

    # -- editing -----------------------------------------------------------------------------------------

    def edit(self, path: tuple, value) -> None:
        """A field changed in a form: validate, save when valid, show messages."""
        draft = self.draft()
        if draft is None:
            return
        was_valid = draft.valid
        draft.set(path, value)
        if draft.valid != was_valid or path == ("name",):
            self.listing_changed.emit(draft.id)
        if len(path) == 3 and path[2] == draft.info.part_title:
            item = self.parts.list.item(path[1])
            if item is not None:
                item.setText(f"{path[1] + 1}. {value or '(untitled)'}")
        self.show_forms()

    def _multi_step(self) -> GuideDraft | None:
        """The edited guide's draft when it may have several parts; else None (and says why)."""
        draft = self.draft()
        if draft is not None and not draft.info.multi_step:
            self.message.emit(f"A {draft.kind} has exactly one step")
            return None
        return draft

    def add_part(self) -> None:
        """Add a step (or item) after the selected one."""
        draft = self._multi_step()
        if draft is not None:
            self.show_guide(self.guide_id, draft.add_part(self.part))

    def duplicate_part(self) -> None:
        """Copy the selected step (with its pictures) or item."""
        if self._multi_step() is not None:
            self.show_guide(self.guide_id, self.session.guides.duplicate_part(self.guide_id, self.part))

    def delete_part(self) -> None:
        """Delete the selected step or item (not the last one)."""
        draft = self.draft()
        if draft is None:
            return
        if not draft.delete_part(self.part):
            self.message.emit(
                f"A guide keeps at least one {draft.info.part_noun.lower()}; delete the guide instead"
            )
            return
        self.show_guide(self.guide_id, max(0, self.part - 1))

    def move_part(self, index: int, to: int) -> None:
        """Move a step or item (after a drag, or Move up / down)."""
        draft = self.draft()
        if draft is not None:
            draft.move_part(index, to)
            self.show_guide(self.guide_id, max(0, min(to, len(draft.parts) - 1)))
