"""The runtime's shipped size against its budget (and the sizes of its parts)."""

from __future__ import annotations

import json
import subprocess

from studio.export.runtime import (
    MINIFIED_PATH,
    RUNTIME_PATH,
    SIZE_BUDGET_GZIP,
    SIZE_CEILING_GZIP,
    bundle_kinds,
    gzip_size,
    tailored_runtime,
)
from studio.paths import ROOT

EXAMPLE_BUNDLE = ROOT / "guides" / "example.bundle.json"

PEERS = {
    "Shepherd": ("shepherd.js", ["dist/esm/shepherd.mjs"], ["dist/css/shepherd.css"], "tours"),
    "Intro.js": ("intro.js", ["intro.module.js"], ["introjs.css"], "tours and hints"),
    "Driver.js": ("driver.js", ["dist/driver.js.mjs"], ["dist/driver.css"], "tours"),
}
"""Peers as their npm releases ship them (package.json pins the ranges): JS and CSS a page loads."""


def _minified(js: str) -> str:
    """The peer's JS through terser with default options, so every figure is minified alike."""
    done = subprocess.run(
        ["npx", "--no-install", "terser", "--module", "--compress", "--mangle"],
        input=js,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=True,
    )
    return done.stdout


def _css(text: str) -> str:
    from scripts.build_runtime import _minify_css

    return _minify_css(text)


def peer_rows(ours: int, tours: int) -> list[tuple[str, str]]:
    """Each peer's JS + CSS, minified and gzipped like ours, measured from node_modules in this run, and
    our shipped size (all ten kinds) and the export's for a tours-only bundle as ratios of it."""
    rows = []
    for name, (package, scripts, styles, what) in PEERS.items():
        folder = ROOT / "node_modules" / package
        if not folder.is_dir():
            rows.append((f"{name} (npm)", "not installed: npm ci"))
            continue
        version = json.loads((folder / "package.json").read_text())["version"]
        js = "".join(_minified((folder / s).read_text(encoding="utf-8")) for s in scripts)
        css = "".join(_css((folder / s).read_text(encoding="utf-8")) for s in styles)
        theirs = gzip_size(js + css)
        rows.append(
            (
                f"{name} {version} (npm, {what}), JS + CSS, gzip -9",
                f"{theirs:,} bytes (ours: all ten kinds {ours / theirs:.2f}x,"
                f" a tours-only bundle's export {tours / theirs:.2f}x)",
            )
        )
    return rows


LATER_KINDS = {
    "banner": "52-banner.js",
    "launcher": "53-launcher.js",
    "survey": "54-survey.js",
    "resource center and announcements": "55-center.js",
}
"""The kinds issue 16 added, each one source file: the first five kinds are the runtime without them."""


def built_without(files: tuple[str, ...]) -> int:
    """The gzipped size of the runtime built, as the shipped file is, without these source files."""
    import tempfile
    from pathlib import Path

    from scripts.build_runtime import build_runtime, minify

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "runtime.js"
        source.write_text(build_runtime(without=files), encoding="utf-8")
        return gzip_size(minify(source))


def part_rows() -> list[tuple[str, str]]:
    """What the first five kinds weigh alone (issue 13's bar) and what each later kind adds (its JS and its
    own styles), each built in this run, and what its chunk adds to an export's runtime."""
    full = built_without(())
    five = built_without(tuple(LATER_KINDS.values()))
    verdict = "within" if five <= SIZE_BUDGET_GZIP else "OVER"
    rows = [
        (
            "first five kinds + hardening, gzip -9 (built without the later kinds)",
            f"{five:,} bytes ({verdict} issue 13's {SIZE_BUDGET_GZIP:,} B)",
        )
    ]
    core = gzip_size(tailored_runtime(()).code)
    for (kind, file), chunk in zip(LATER_KINDS.items(), CHUNK_OF.values(), strict=True):
        alone = gzip_size(tailored_runtime((chunk,)).code) - core
        rows.append(
            (
                f"  + {kind} (its JS and styles)",
                f"{full - built_without((file,)):,} bytes (its chunk in an export: {alone:,})",
            )
        )
    return rows


CHUNK_OF = {
    "banner": "banner",
    "launcher": "launcher",
    "survey": "survey",
    "resource center and announcements": "resource_center",
}
"""A kind of each later kind's chunk, to ask the export for it."""


def tailored_rows() -> list[tuple[str, str]]:
    """What ``studio export --runtime`` writes: the runtime with only the kinds the bundle plays."""
    tours = gzip_size(tailored_runtime(()).code)
    example = tailored_runtime(bundle_kinds(EXAMPLE_BUNDLE))
    verdict = "within" if tours <= SIZE_BUDGET_GZIP else "OVER"
    held = "every kind" if example.full else f"{len(example.kinds)} kinds"
    return [
        (
            "export for a tours-only bundle (first five kinds), gzip -9",
            f"{tours:,} bytes ({verdict} issue 13's {SIZE_BUDGET_GZIP:,} B)",
        ),
        (
            f"export for the example project's bundle ({held}), gzip -9",
            f"{gzip_size(example.code):,} bytes",
        ),
    ]


def rows() -> list[tuple[str, str]]:
    """Figures for the table: (what, value)."""
    source = RUNTIME_PATH.read_text(encoding="utf-8")
    shipped = MINIFIED_PATH.read_text(encoding="utf-8")
    gz = gzip_size(shipped)
    return [
        ("guide-runtime.js (readable source)", f"{len(source.encode()):,} bytes"),
        ("guide-runtime.min.js (as shipped, JS + CSS)", f"{len(shipped.encode()):,} bytes"),
        (
            "shipped, gzip -9",
            f"{gz:,} bytes ({'within' if gz <= SIZE_CEILING_GZIP else 'OVER'} issue 16's"
            f" {SIZE_CEILING_GZIP:,} B for all ten kinds)",
        ),
        *part_rows(),
        *tailored_rows(),
        *peer_rows(gz, gzip_size(tailored_runtime(()).code)),
    ]


if __name__ == "__main__":
    for what, value in rows():
        print(f"{what:<70} {value}")
