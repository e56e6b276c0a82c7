"""Build the guide bundle: the one JSON document the runtime plays and QA replays."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints

from ..domain import Guide, Model, Pacing, Project, Theme
from ..domain.base import Label
from .canonical import content_digest, file_bytes
from .sanitize import sanitize_html

BUNDLE_FORMAT = "guide-bundle"
SCHEMA_VERSION = 1


class ExportError(Exception):
    """The project cannot be exported; the message says why in one line."""


class Bundle(Model):
    """The exported document: a view of the project without studio-only settings."""

    format: Literal["guide-bundle"] = BUNDLE_FORMAT
    schema_version: Literal[1] = SCHEMA_VERSION
    name: Label
    theme: Theme
    guides: list[Guide] = Field(default_factory=list)
    pacing: Pacing = Field(default_factory=Pacing)
    """Written only when it asks for a cooldown (bundles without it play as before)."""
    digest: Annotated[str, StringConstraints(pattern=r"^sha256:[0-9a-f]{64}$")] = Field(
        description="SHA-256 of the canonical JSON of every other field of the bundle."
    )


def _sanitised(guide: Guide) -> Guide:
    thank_you = getattr(guide, "thank_you", None)
    if thank_you is not None:
        guide = guide.model_copy(
            update={"thank_you": thank_you.model_copy(update={"body": sanitize_html(thank_you.body)})}
        )
    entries = getattr(guide, "entries", None)
    if entries:
        clean = [entry.model_copy(update={"body": sanitize_html(entry.body)}) for entry in entries]
        guide = guide.model_copy(update={"entries": clean})
    steps = getattr(guide, "steps", None)
    if not steps:
        return guide
    clean = [step.model_copy(update={"body": sanitize_html(step.body)}) for step in steps]
    return guide.model_copy(update={"steps": clean})


def build_bundle(project: Project) -> dict[str, Any]:
    """The bundle as plain JSON data, sanitised and sealed with its digest."""
    guides = [_sanitised(guide) for guide in project.guides if guide.enabled]
    problems = project.problems()  # what would break the bundle; lint's other findings only warn
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise ExportError(problems[0] + more)
    data = {
        "format": BUNDLE_FORMAT,
        "schemaVersion": SCHEMA_VERSION,
        "name": project.name,
        "theme": project.theme.model_dump(mode="json", by_alias=True),
        "guides": [guide.model_dump(mode="json", by_alias=True) for guide in guides],
    }
    if project.settings.pacing.cooldown_hours:
        data["pacing"] = project.settings.pacing.model_dump(mode="json", by_alias=True)
    data["digest"] = content_digest(data)
    return data


def bundle_bytes(project: Project) -> bytes:
    """The exact bytes of the bundle file: the same project always gives the same bytes."""
    return file_bytes(build_bundle(project))


def write_bundle(project: Project, out: Path) -> int:
    """Write the bundle atomically (temp file + rename); returns its size in bytes."""
    payload = bundle_bytes(project)
    tmp = out.with_name(f".{out.name}.tmp")
    try:
        tmp.write_bytes(payload)
        tmp.replace(out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ExportError(f"cannot write {out}: {exc.strerror or exc}") from None
    return len(payload)
