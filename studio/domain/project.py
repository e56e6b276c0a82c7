"""A project: its theme, settings and guides, and the checks that span several guides."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated

from pydantic import Field, StringConstraints

from .base import Label, Model, SafeUrl
from .guide import Guide, GuideBase
from .lint import reference_check

Color = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]


class Theme(Model):
    """Brand styling the runtime applies through CSS custom properties."""

    primary_color: Color = "#2563eb"
    text_color: Color = "#1f2937"
    background_color: Color = "#ffffff"
    font_family: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9 ,'\"-]{1,200}$")] = (
        "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
    )
    border_radius: Annotated[int, Field(ge=0, le=32)] = 8
    backdrop_opacity: Annotated[int, Field(ge=0, le=90)] = 50
    """Percent opacity of the dimmed page behind modals and highlights."""
    z_index_base: Annotated[int, Field(ge=1, le=2_147_483_000)] = 2_147_480_000


class Pacing(Model):
    """Project-wide spacing of what interrupts users."""

    cooldown_hours: Annotated[int, Field(ge=0, le=720)] = 0
    """No survey or automatic walkthrough or modal starts within this many hours of another (0: none).
    Guides the user starts (launcher, checklist, a button, the API) ignore it."""


class ProjectSettings(Model):
    """Per-project preferences of the studio."""

    app_url: SafeUrl | None = None
    """Where recording starts; remembered per project."""
    redact_inputs: bool = True
    """Blur input fields in captured screenshots."""
    pacing: Pacing = Field(default_factory=Pacing)
    """Shipped in the bundle (``pacing``) when it asks for a cooldown."""


def reference_problems(guides: Iterable[GuideBase]) -> list[str]:
    """What makes a broken bundle (shared ids, starts of missing or turned-off guides), in words."""
    return [problem.message for problem in reference_check(guides)]


class Project(Model):
    """Everything an author works on: settings, theme and guides."""

    name: Label
    theme: Theme = Field(default_factory=Theme)
    settings: ProjectSettings = Field(default_factory=ProjectSettings)
    guides: list[Guide] = Field(default_factory=list)

    def problems(self) -> list[str]:
        """Problems that span guides and make a broken bundle; export refuses them.

        They are the ``blocks_export`` part of the project check (``domain.lint``): a shared
        id, or a shipped button or checklist item that starts a missing or turned-off guide.

        They are not validation errors so that deleting a guide never makes a project
        unopenable: the author sees the problem and fixes it.
        """
        return reference_problems(self.guides)

    def guide(self, guide_id: str) -> Guide:
        """The guide with this id; KeyError when there is none."""
        for guide in self.guides:
            if guide.id == guide_id:
                return guide
        raise KeyError(guide_id)
