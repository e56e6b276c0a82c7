"""Recording in a real browser: the Playwright session, captures turned into steps, drift checks."""

from .events import Capture, RecorderEvent
from .session import RecorderSession
from .steps import step_from_capture

__all__ = ["Capture", "RecorderEvent", "RecorderSession", "step_from_capture"]
