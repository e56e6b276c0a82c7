"""One way to open a browser context: viewport, colour scheme, locale, motion and in-page scripts."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

DEFAULT_VIEWPORT = (1280, 800)
"""The window size the studio records, previews and replays at unless told otherwise."""

VIEWPORT_PRESETS = {"mobile": (390, 844), "tablet": (768, 1024), "desktop": DEFAULT_VIEWPORT}
_SIZE = re.compile(r"^(\d{2,5})x(\d{2,5})$")


@dataclass(frozen=True)
class Layout:
    """One combination of the layout matrix a guide is replayed in."""

    viewport: tuple[int, int] = DEFAULT_VIEWPORT
    color_scheme: str | None = None
    locale: str | None = None
    reduced_motion: bool = False

    @property
    def label(self) -> str:
        """A short name for reports: ``390x844 dark de-DE reduced-motion``."""
        parts = [f"{self.viewport[0]}x{self.viewport[1]}"]
        parts += [p for p in (self.color_scheme, self.locale) if p]
        return " ".join(parts + (["reduced-motion"] if self.reduced_motion else []))

    def options(self) -> dict[str, Any]:
        """Keyword arguments for Playwright's ``browser.new_context``."""
        width, height = self.viewport
        options: dict[str, Any] = {"viewport": {"width": width, "height": height}}
        if width < 600:
            options.update(is_mobile=True, has_touch=True, device_scale_factor=1)
        if self.color_scheme:
            options["color_scheme"] = self.color_scheme
        if self.locale:
            options["locale"] = self.locale
        if self.reduced_motion:
            options["reduced_motion"] = "reduce"
        return options


def parse_viewports(text: str) -> list[tuple[int, int]]:
    """``390x844,tablet,desktop`` as sizes; ValueError names the first entry that is neither."""
    sizes = []
    for item in (part.strip().lower() for part in text.split(",")):
        if item in VIEWPORT_PRESETS:
            sizes.append(VIEWPORT_PRESETS[item])
            continue
        found = _SIZE.match(item)
        if not found or not (100 <= int(found[1]) <= 10000 and 100 <= int(found[2]) <= 10000):
            raise ValueError(
                f"viewport {item!r} is not WIDTHxHEIGHT (100-10000) or one of {', '.join(VIEWPORT_PRESETS)}"
            )
        sizes.append((int(found[1]), int(found[2])))
    return list(dict.fromkeys(sizes))


def new_context(
    browser: Any, scripts: Iterable[str] = (), layout: Layout | None = None, **options: Any
) -> Any:
    """A fresh context of a sync Playwright ``browser`` with the layout and init scripts applied."""
    context = browser.new_context(**(layout or Layout()).options(), **options)
    for script in scripts:
        context.add_init_script(script=script)
    return context


async def new_context_async(
    browser: Any, scripts: Iterable[str] = (), layout: Layout | None = None, **options: Any
) -> Any:
    """The same as :func:`new_context` for an async Playwright ``browser``."""
    context = await browser.new_context(**(layout or Layout()).options(), **options)
    for script in scripts:
        await context.add_init_script(script=script)
    return context
