"""What a test run or an element check reports, for the studio's results view."""

from ..replay.results import LOW_CONFIDENCE, GuideResult, StepResult

__all__ = ["LOW_CONFIDENCE", "GuideResult", "StepResult"]
