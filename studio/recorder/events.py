"""What the recorder reports: captures of the author's clicks and typing, and session changes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..domain import Target

CaptureKind = Literal["click", "input", "pick"]
EventKind = Literal["started", "capture", "mode", "page", "ended", "error"]


@dataclass(frozen=True)
class Capture:
    """One element the author clicked, typed into or picked, with where and how it looked."""

    kind: CaptureKind
    url: str
    target: Target
    role: str | None
    name: str | None
    confidence: float
    """How surely the runtime finds the element again from this capture, 0..1."""
    value: str | None = None
    """What was typed into a field that is not secret, when the session keeps values (its
    default); None for secret fields (password, one-time code, card) and when values are off."""
    sensitive: bool = False
    screenshot: bytes | None = field(default=None, repr=False)
    thumbnail: bytes | None = field(default=None, repr=False)


@dataclass(frozen=True)
class RecorderEvent:
    """A change the UI (or a test) reacts to; delivered on the recorder's own thread."""

    kind: EventKind
    capture: Capture | None = None
    mode: str | None = None
    url: str | None = None
    message: str = ""
