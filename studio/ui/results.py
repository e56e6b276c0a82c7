"""Test results: each guide's steps as found / ambiguous / low confidence / missing / hidden."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:  # the result types load with the first results, not with the window
    from ..app.results import GuideResult, StepResult

VERDICTS = {
    "not_found": ("Missing", "#dc2626"),
    "ambiguous": ("Ambiguous", "#d97706"),
    "hidden": ("Hidden", "#d97706"),
    "covered": ("Covered", "#d97706"),
    "offscreen": ("Off screen", "#d97706"),
    "clipped": ("Callout clipped", "#d97706"),
    "timeout": ("Timed out", "#dc2626"),
    "error": ("Error", "#dc2626"),
    "cancelled": ("Cancelled", "#6b7280"),
}


def verdict(step: StepResult) -> tuple[str, str]:
    """The words and colour for a step's outcome."""
    if step.status == "passed":
        if step.unsure:
            return f"Low confidence ({step.confidence:.0%})", "#d97706"
        # no confidence: nothing was looked for (a modal, a survey question, a launcher in its corner)
        return ("Found" if step.confidence is not None else "Shown"), "#16a34a"
    if step.status == "skipped":
        return VERDICTS.get(step.reason or "", ("Skipped", "#6b7280"))[0], "#6b7280"
    return VERDICTS.get(step.reason or "", ("Failed", "#dc2626"))


class ResultsView(QWidget):
    """A tree of guides and steps beside the selected step's screenshot; offers re-pick on failures."""

    repick = Signal(str, str)
    """(guide id, step id) the author wants to re-target."""
    give_value = Signal(str, str)
    """(guide id, step id) of a secret field the test needs a value for."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.element_words = lambda _guide_id, _step_id: "The element"
        """``(guide id, step id) -> "The Settings link"``: the window hands in the session's answer."""
        self.summary = QLabel("Run Test (F6) to check the selected guide, or Test all (Shift+F6).")
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Guide and step", "Result", "Details"])
        self.tree.setAccessibleName("Test results")
        self.tree.setColumnWidth(0, 300)
        self.tree.setColumnWidth(1, 150)
        self.tree.currentItemChanged.connect(self._show)
        self.picture = QLabel("Select a step to see the page as the test saw it.")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setMinimumWidth(320)
        self.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.picture.setAccessibleName("Screenshot of the step")
        self.repick_button = QPushButton("Re-pick element…")
        self.repick_button.setEnabled(False)
        self.repick_button.clicked.connect(self._repick)
        right = QWidget()
        column = QVBoxLayout(right)
        column.addWidget(self.picture, 1)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self.repick_button)
        column.addLayout(row)
        split = QSplitter()
        split.addWidget(self.tree)
        split.addWidget(right)
        split.setSizes([700, 420])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        self.results: list[GuideResult] = []
        self.full: QPixmap | None = None

    def show_results(self, results: list[GuideResult], note: str = "") -> None:
        """List the results, failures first expanded."""
        from ..app.results import plain_words

        self.results = results
        self.tree.clear()
        failed_steps = unsure_steps = 0
        first_failure = None
        for result in results:
            cancelled = result.passed and any(step.reason == "cancelled" for step in result.steps)
            outcome, color = (
                ("Cancelled", "#6b7280")  # not run to the end: neither passed nor failed
                if cancelled
                else ("Passed", "#16a34a")
                if result.passed
                else ("Failed", "#dc2626")
            )
            guide_item = QTreeWidgetItem(self.tree, [result.name, outcome, ""])
            guide_item.setForeground(1, QBrush(QColor(color)))
            for step in result.steps:
                words, color = verdict(step)
                title = f"{step.index + 1}. {step.title or step.step_id}"
                plain = plain_words(step, self.element_words(result.guide_id, step.step_id)) or step.detail
                item = QTreeWidgetItem(guide_item, [title, words, plain])
                item.setForeground(1, QBrush(QColor(color)))
                item.setData(0, Qt.ItemDataRole.UserRole, (result.guide_id, step))
                # the technical detail, as QA reads it, with the elements the runtime weighed (a re-pick takes
                # one look: "0.47 canvas#chart_gauge_01 under “Profile Completion”") and what was assumed
                tip = [step.detail, *(f"candidate {line}" for line in step.weighed), step.notes]
                item.setToolTip(2, "\n".join(line for line in tip if line))
                unsure_steps += step.unsure
                if step.status == "failed":
                    failed_steps += 1
                    first_failure = first_failure or item
            guide_item.setExpanded(not result.passed or len(results) == 1)
        passed = sum(r.passed for r in results)
        # what check-targets counts as a problem too: an element found only "not surely"
        unsure = f", {unsure_steps} found only with low confidence" if unsure_steps else ""
        counts = f"{passed} of {len(results)} guide(s) passed, {failed_steps} step(s) failed{unsure}."
        self.summary.setText(f"{counts} {note}".strip())
        # a new run never shows the last run's picture: its first failure, else its first step
        first = self.tree.topLevelItem(0)
        shown = first_failure or (first.child(0) if first is not None and first.childCount() else first)
        if shown is not None:
            self.tree.setCurrentItem(shown)
        self._show()

    def _selected(self) -> tuple[str, StepResult] | None:
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item else None

    def _show(self, *_args) -> None:
        chosen = self._selected()
        step = chosen[1] if chosen else None
        self.full = None
        if step is not None and step.screenshot:
            self.full = QPixmap()
            self.full.loadFromData(step.screenshot)
            self._fit()
        else:
            self.picture.setText("No picture for this line.")
        needs_value = step is not None and step.reason == "needs_input"
        self.repick_button.setText("Give a test value…" if needs_value else "Re-pick element…")
        # a failed step, or one found only "not surely": its words say to pick it again, so the button lets it
        self.repick_button.setEnabled(
            step is not None and (step.status == "failed" or step.unsure) and step.step_id not in ("-",)
        )

    def _fit(self) -> None:
        if self.full is not None:
            self.picture.setPixmap(
                self.full.scaled(
                    max(self.picture.width() - 8, 320),
                    max(self.picture.height() - 8, 200),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Keep the picture as large as the pane."""
        super().resizeEvent(event)
        self._fit()

    def _repick(self) -> None:
        chosen = self._selected()
        if chosen:
            signal = self.give_value if chosen[1].reason == "needs_input" else self.repick
            signal.emit(chosen[0], chosen[1].step_id)
