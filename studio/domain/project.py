"""A project: its theme, settings and guides, and the checks that span several guides."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated

from pydantic import Field, StringConstraints

from .base import Label, Model, SafeUrl
from .guide import Checklist, Guide, GuideBase
from .kinds import guide_steps
from .step import ButtonAction

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


class ProjectSettings(Model):
    """Per-project preferences of the studio."""

    app_url: SafeUrl | None = None
    """Where recording starts; remembered per project."""
    redact_inputs: bool = True
    """Blur input fields in captured screenshots."""


def reference_problems(guides: Iterable[GuideBase]) -> list[str]:
    """Dangling or duplicate guide references, worded for an author; empty when all is well."""
    guides = list(guides)
    problems: list[str] = []
    ids: dict[str, str] = {}
    for guide in guides:
        if guide.id in ids:
            problems.append(f"guides '{ids[guide.id]}' and '{guide.name}' share the id '{guide.id}'")
        ids.setdefault(guide.id, guide.name)
    for guide in guides:
        for step_no, step in enumerate(guide_steps(guide), 1):
            for button in step.buttons:
                if button.action is ButtonAction.start_guide and button.guide_id not in ids:
                    problems.append(
                        f"guide '{guide.name}', step {step_no}: button '{button.label}' "
                        f"starts guide '{button.guide_id}', which does not exist"
                    )
        if isinstance(guide, Checklist):
            for item in guide.items:
                if item.guide_id is not None and item.guide_id not in ids:
                    problems.append(
                        f"checklist '{guide.name}': item '{item.title}' starts guide "
                        f"'{item.guide_id}', which does not exist"
                    )
    return problems


class Project(Model):
    """Everything an author works on: settings, theme and guides."""

    name: Label
    theme: Theme = Field(default_factory=Theme)
    settings: ProjectSettings = Field(default_factory=ProjectSettings)
    guides: list[Guide] = Field(default_factory=list)

    def problems(self) -> list[str]:
        """Problems that span guides (dangling references, shared ids); export refuses them.

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
