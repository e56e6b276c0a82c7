"""The project's own forms: the theme every guide wears and the project's settings."""

from __future__ import annotations

from ..domain import Pacing, Theme
from .forms import FieldSpec, limits

THEME_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(("primary_color",), "Accent colour", "color", "Buttons, highlights, beacons."),
    FieldSpec(("text_color",), "Text colour", "color"),
    FieldSpec(("background_color",), "Background", "color"),
    FieldSpec(("font_family",), "Font", "line", "A CSS font list, e.g. Inter, sans-serif."),
    FieldSpec(("border_radius",), "Corner radius", "int", suffix=" px", **limits(Theme, "border_radius")),
    FieldSpec(
        ("backdrop_opacity",),
        "Backdrop",
        "int",
        "How dark the page behind gets.",
        suffix=" %",
        **limits(Theme, "backdrop_opacity"),
    ),
)
"""The theme: colours, font, corners and backdrop every guide of the project wears."""

SETTINGS_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(("app_url",), "App address", "line", "Where recording and tests start.", optional=True),
    FieldSpec(("redact_inputs",), "Blur form fields in pictures", "bool"),
    FieldSpec(
        ("pacing", "cooldown_hours"),
        "Quiet time between guides",
        "int",
        "No survey, walkthrough or modal starts by itself within this many hours of another (0: no pause).",
        suffix=" h",
        **limits(Pacing, "cooldown_hours"),
    ),
)
"""The project's settings: where the app is, pictures, pacing."""
