"""Headless replay of a bundle for QA: every step checked in real Chromium with the shipped runtime."""

from .login import ReplayError
from .results import GuideResult, StepResult, junit_xml
from .runner import replay

__all__ = ["GuideResult", "ReplayError", "StepResult", "junit_xml", "replay"]
