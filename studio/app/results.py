"""What a test run or an element check reports, for the studio's results view."""

from ..recorder.drift import LOW_CONFIDENCE
from ..replay.results import GuideResult, StepResult

__all__ = ["LOW_CONFIDENCE", "GuideResult", "StepResult"]
