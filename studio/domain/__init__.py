"""The guide model: pure data and validation (no Qt, no SQL, no browser)."""

from .base import Identifier, Model, SafeUrl, check_safe_url
from .errors import describe_errors, first_error
from .guide import (
    GUIDE_KINDS,
    PLANNED_KINDS,
    AutomaticTrigger,
    Checklist,
    ChecklistItem,
    Frequency,
    Guide,
    GuideBase,
    Hotspot,
    ItemAction,
    ItemCompletion,
    LauncherTrigger,
    ManualTrigger,
    Modal,
    Tooltip,
    Trigger,
    Walkthrough,
)
from .project import Project, ProjectSettings, Theme, reference_problems
from .rules import AudienceRule, Condition, ConditionOp, Schedule, UrlMatch, UrlRule
from .step import Advance, AdvanceMode, Button, ButtonAction, Media, MissingTarget, Placement, Step
from .target import Box, Fingerprint, SelectorCandidate, SelectorKind, Target

__all__ = [name for name in dir() if not name.startswith("_")]
