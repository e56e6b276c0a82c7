"""The guide model: pure data and validation (no Qt, no SQL, no browser).

Names load on first use (``studio.lazy``): the registry of kinds is cheap, the models are not.
"""

from ..lazy import lazy_exports

__getattr__, __all__ = lazy_exports(
    __name__,
    {
        ".base": (
            "Identifier",
            "Model",
            "SafeUrl",
            "check_safe_url",
        ),
        ".errors": (
            "describe_errors",
            "first_error",
        ),
        ".guide": (
            "AutomaticTrigger",
            "Banner",
            "Checklist",
            "ChecklistItem",
            "Frequency",
            "Guide",
            "GuideBase",
            "Hotspot",
            "ItemAction",
            "ItemCompletion",
            "Launcher",
            "LauncherTrigger",
            "ManualTrigger",
            "Modal",
            "Survey",
            "Tooltip",
            "Trigger",
            "Walkthrough",
        ),
        ".ids": ("next_free_id",),
        ".kinds": (
            "GUIDE_KINDS",
            "PLANNED_KINDS",
            "GuideKind",
            "guide_steps",
            "kind_of",
        ),
        ".media": (
            "MAX_IMAGE_BYTES",
            "image_type",
            "local_media",
            "media_name",
            "media_src",
            "media_type",
            "used_media",
        ),
        ".project": (
            "Pacing",
            "Project",
            "ProjectSettings",
            "Theme",
            "reference_problems",
        ),
        ".rules": (
            "AudienceRule",
            "Condition",
            "ConditionOp",
            "Schedule",
            "UrlMatch",
            "UrlRule",
        ),
        ".step": (
            "Advance",
            "AdvanceMode",
            "Button",
            "ButtonAction",
            "Media",
            "MissingTarget",
            "Placement",
            "Step",
        ),
        ".survey": (
            "ChoiceOption",
            "ChoiceQuestion",
            "CsatQuestion",
            "NpsFollowUp",
            "NpsQuestion",
            "OpenTextQuestion",
            "Question",
            "QUESTION_TYPES",
            "RatingQuestion",
            "ThankYou",
        ),
        ".target": (
            "Box",
            "Fingerprint",
            "SelectorCandidate",
            "SelectorKind",
            "Target",
        ),
    },
)
