"""The real-release corpus: which packages, which page pairs, where their files live.

Packages come from the npm registry (``python -m benchmarks.locators.real.setup`` packs and
unpacks them into a cache outside git); truth files under ``truth/`` map every target an
author would point at on v1 to the same element on v2, or to null when the release deleted it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

CACHE = Path(os.environ.get("GUIDE_STUDIO_BENCH_CACHE", Path.home() / ".cache" / "guide-studio-bench"))
TRUTH = Path(__file__).with_name("truth")
ORIGIN = "http://real.bench"

PACKAGES = [
    "gentelella@1.3.0",
    "gentelella@1.4.0",
    "material-dashboard@1.2.0",
    "material-dashboard@2.0.2",
    "material-dashboard@2.1.0",
    "material-dashboard@3.0.9",
    "tabler-ui@0.0.31",
    "tabler-ui@0.0.34",
]
"""Every package version a page pair uses, pinned."""

SIBLINGS = {
    "maxcdn.bootstrapcdn.com/font-awesome/": "font-awesome@4.7.0",
}
"""CDN prefixes the pages load, answered from a pinned sibling package (path after the version)."""

# (product, upgrade size, v1 package, v1 page, v2 package, v2 page)
PAIRS = [
    (
        "gentelella",
        "minor",
        "gentelella@1.3.0",
        "production/index.html",
        "gentelella@1.4.0",
        "production/index.html",
    ),
    (
        "gentelella",
        "minor",
        "gentelella@1.3.0",
        "production/form.html",
        "gentelella@1.4.0",
        "production/form.html",
    ),
    (
        "gentelella",
        "minor",
        "gentelella@1.3.0",
        "production/inbox.html",
        "gentelella@1.4.0",
        "production/inbox.html",
    ),
    (
        "material-dashboard",
        "minor",
        "material-dashboard@2.0.2",
        "examples/dashboard.html",
        "material-dashboard@2.1.0",
        "examples/dashboard.html",
    ),
    (
        "material-dashboard",
        "minor",
        "material-dashboard@2.0.2",
        "examples/user.html",
        "material-dashboard@2.1.0",
        "examples/user.html",
    ),
    (
        "material-dashboard",
        "major",
        "material-dashboard@1.2.0",
        "examples/dashboard.html",
        "material-dashboard@2.0.2",
        "examples/dashboard.html",
    ),
    (
        "material-dashboard",
        "major",
        "material-dashboard@1.2.0",
        "examples/user.html",
        "material-dashboard@2.0.2",
        "examples/user.html",
    ),
    (
        "material-dashboard",
        "major",
        "material-dashboard@2.1.0",
        "examples/dashboard.html",
        "material-dashboard@3.0.9",
        "pages/dashboard.html",
    ),
    (
        "material-dashboard",
        "major",
        "material-dashboard@2.1.0",
        "examples/user.html",
        "material-dashboard@3.0.9",
        "pages/profile.html",
    ),
    (
        "material-dashboard",
        "major",
        "material-dashboard@2.1.0",
        "examples/tables.html",
        "material-dashboard@3.0.9",
        "pages/tables.html",
    ),
    ("tabler-ui", "minor", "tabler-ui@0.0.31", "dist/index.html", "tabler-ui@0.0.34", "dist/index.html"),
    ("tabler-ui", "minor", "tabler-ui@0.0.31", "dist/email.html", "tabler-ui@0.0.34", "dist/email.html"),
]


def folder(spec: str) -> Path:
    """Where a pinned package version is unpacked."""
    name, version = spec.rsplit("@", 1)
    return CACHE / "pkg" / f"{name.replace('/', '-').lstrip('@')}-{version}"


def url(spec: str, page: str) -> str:
    """The page's address on the benchmark origin."""
    return f"{ORIGIN}/{spec}/{page}"


def truth_path(pair: tuple) -> Path:
    """The truth file of one pair."""
    _product, _size, p1, page1, p2, _page2 = pair
    stem = f"{p1}__{page1}__{p2}".replace("/", "_").replace("@", "-")
    return TRUTH / f"{stem}.json"


def load_truth(pair: tuple) -> list[dict]:
    """The pair's targets: ``[{"v1": css, "v2": css|null, "what": ..., "change": ...}]``."""
    return json.loads(truth_path(pair).read_text(encoding="utf-8"))["targets"]


def available() -> bool:
    """Whether every package is unpacked (run the set-up script first)."""
    return all((folder(spec) / "package.json").exists() for spec in PACKAGES + list(SIBLINGS.values()))
