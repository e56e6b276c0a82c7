"""Headless replay of a bundle for QA: every step checked in real Chromium with the shipped runtime."""

from .results import GuideResult, StepResult, junit_xml
from .runner import ReplayError, replay

__all__ = ["GuideResult", "ReplayError", "StepResult", "junit_xml", "replay"]
