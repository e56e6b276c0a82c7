"""Replay results and their JUnit XML form (a test suite per guide and layout, a test case per step)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree as ET

if TYPE_CHECKING:
    from ..browser.context import Layout
    from ..domain import Target

LOW_CONFIDENCE = 0.7
"""Below this a found element is reported as low confidence (the resolver refuses below 0.5)."""

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass
class StepResult:
    """How one step fared: passed, failed (with a reason) or skipped (not reached, optional)."""

    step_id: str
    index: int
    title: str
    status: str = "passed"
    reason: str | None = None
    """not_found, ambiguous, hidden, covered, offscreen, clipped, overlap, overflow, missing,
    http_error, login_required, timeout, unresponsive, unreachable, error, cancelled."""
    detail: str = ""
    confidence: float | None = None
    seconds: float = 0.0
    screenshot: bytes | None = field(default=None, repr=False)
    url: str = ""
    """The page the step was checked on, where known."""
    notes: str = ""
    """What was seen but not failed (the app's own accessibility problems)."""
    error: bool = False
    """The check could not finish (timeout, a hung page, the app unreachable): a JUnit error."""
    weighed: tuple[str, ...] = ()
    """For an element not surely found: the two or three elements the runtime weighed, best first —
    confidence, what it is, why ("0.62 button "Send" (text+role)") — so a re-pick takes one look."""

    @property
    def unsure(self) -> bool:
        """Passed, but its element was found only with low confidence: it may have changed, and the author
        should pick it again (check-targets counts it as a problem; a replay passes it)."""
        return self.status == "passed" and self.confidence is not None and self.confidence < LOW_CONFIDENCE


@dataclass
class GuideResult:
    """One guide's steps, in order, in one layout of the matrix."""

    guide_id: str
    name: str
    kind: str
    steps: list[StepResult] = field(default_factory=list)
    seconds: float = 0.0
    layout: str = ""
    """The viewport and options it ran in (``1280x800``); empty in the element check."""
    timings: dict[str, float] = field(default_factory=dict, repr=False)
    """Seconds per phase of its replay (context, navigation, waits, probes, actions, screenshots)."""

    @property
    def passed(self) -> bool:
        """No step failed."""
        return all(step.status != "failed" for step in self.steps)


def xml_text(text: str | None) -> str:
    """Text XML 1.0 can hold: control characters and lone surrogates become U+FFFD."""
    return _NOT_XML.sub("\ufffd", text or "")


def _count(steps: list[StepResult], status: str, error: bool | None = None) -> str:
    return str(sum(s.status == status and (error is None or s.error == error) for s in steps))


def suite_name(result: GuideResult, several_layouts: bool) -> str:
    """``Name (id)``, plus ``@ layout`` when the run covered more than one layout."""
    name = f"{result.name} ({result.guide_id})"
    return xml_text(f"{name} @ {result.layout}" if several_layouts and result.layout else name)


def junit_xml(results: list[GuideResult]) -> str:
    """JUnit XML: a suite per guide (and layout), a case per step; errors where a check could not end."""
    steps = [s for r in results for s in r.steps]
    several = len({r.layout for r in results}) > 1
    suites = ET.Element(
        "testsuites",
        name="guide replay",
        tests=str(len(steps)),
        failures=_count(steps, "failed", False),
        errors=_count(steps, "failed", True),
        skipped=_count(steps, "skipped"),
    )
    for result in results:
        suite = ET.SubElement(
            suites,
            "testsuite",
            name=suite_name(result, several),
            tests=str(len(result.steps)),
            failures=_count(result.steps, "failed", False),
            skipped=_count(result.steps, "skipped"),
            errors=_count(result.steps, "failed", True),
            time=f"{result.seconds:.3f}",
        )
        classname = result.guide_id + (f"[{result.layout}]" if several and result.layout else "")
        for step in result.steps:
            case = ET.SubElement(
                suite,
                "testcase",
                classname=xml_text(classname),
                name=xml_text(f"step {step.index + 1}: {step.title or step.step_id}"),
                time=f"{step.seconds:.3f}",
            )
            if step.status == "failed":
                failure = ET.SubElement(
                    case,
                    "error" if step.error else "failure",
                    message=xml_text(f"{step.reason}: {step.detail}"[:500]),
                    type=xml_text(step.reason or "failed"),
                )
                failure.text = xml_text(step.detail)
            elif step.status == "skipped":
                ET.SubElement(case, "skipped", message=xml_text(step.detail or "not reached"))
            if step.notes:
                ET.SubElement(case, "system-out").text = xml_text(step.notes)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


def first_line(exc: BaseException) -> str:
    """An exception's first line, short enough for a report."""
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:240]


def describe_target(target: Target | None) -> str:
    """A target as a QA engineer reads it: its best selectors."""
    if target is None:
        return "(none)"
    candidates = ", ".join(
        f"{c.kind.value}={c.value!r}" + (f" name={c.name!r}" if c.name else "") for c in target.candidates[:4]
    )
    return candidates or json.dumps(target.fingerprint.model_dump(mode="json"))[:200]


def unfinished(guide: Any, layout: Layout, reason: str, detail: str, *, error: bool = True) -> GuideResult:
    """A guide that never ran: its first step says why, the rest are not reached."""
    steps = getattr(guide, "steps", None) or [None]
    result = GuideResult(guide.id, guide.name, guide.kind, layout=layout.label)
    for index, step in enumerate(steps):
        title = step.title if step is not None else getattr(guide, "title", guide.kind)
        step_id = step.id if step is not None else guide.kind
        if index == 0:
            status = "skipped" if reason == "cancelled" else "failed"
            result.steps.append(StepResult(step_id, 0, title, status, reason, detail, error=error))
        else:
            result.steps.append(StepResult(step_id, index, title, "skipped", None, "not reached"))
    return result
