"""Replay results and their JUnit XML form (one test case per step)."""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.etree import ElementTree as ET

LOW_CONFIDENCE = 0.7
"""Below this a found element is reported as low confidence (the resolver refuses below 0.5)."""


@dataclass
class StepResult:
    """How one step fared: passed, failed (with a reason) or skipped (not reached, optional)."""

    step_id: str
    index: int
    title: str
    status: str = "passed"
    reason: str | None = None
    """not_found, ambiguous, hidden, covered, offscreen, clipped, timeout, error."""
    detail: str = ""
    confidence: float | None = None
    seconds: float = 0.0
    screenshot: bytes | None = field(default=None, repr=False)


@dataclass
class GuideResult:
    """One guide's steps, in order."""

    guide_id: str
    name: str
    kind: str
    steps: list[StepResult] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def passed(self) -> bool:
        """No step failed."""
        return all(step.status != "failed" for step in self.steps)


def junit_xml(results: list[GuideResult]) -> str:
    """JUnit XML: a test suite per guide, a test case per step, failures with reason and details."""
    suites = ET.Element(
        "testsuites",
        name="guide replay",
        tests=str(sum(len(r.steps) for r in results)),
        failures=str(sum(s.status == "failed" for r in results for s in r.steps)),
    )
    for result in results:
        suite = ET.SubElement(
            suites,
            "testsuite",
            name=f"{result.name} ({result.guide_id})",
            tests=str(len(result.steps)),
            failures=str(sum(s.status == "failed" for s in result.steps)),
            skipped=str(sum(s.status == "skipped" for s in result.steps)),
            errors="0",
            time=f"{result.seconds:.3f}",
        )
        for step in result.steps:
            case = ET.SubElement(
                suite,
                "testcase",
                classname=result.guide_id,
                name=f"step {step.index + 1}: {step.title or step.step_id}",
                time=f"{step.seconds:.3f}",
            )
            if step.status == "failed":
                failure = ET.SubElement(
                    case,
                    "failure",
                    message=f"{step.reason}: {step.detail}"[:500],
                    type=step.reason or "failed",
                )
                failure.text = step.detail
            elif step.status == "skipped":
                ET.SubElement(case, "skipped", message=step.detail or "not reached")
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
