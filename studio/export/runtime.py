"""The JavaScript runtime as shipped: the committed, minified ``guide-runtime.min.js``.

The sources live in assets/runtime/src; ``scripts/build_runtime.py`` concatenates them into
``assets/runtime/guide-runtime.js`` (the contract path) and minifies that with terser (a
build-time tool from npm) into ``guide-runtime.min.js``, which records the SHA-256 of the source
it came from, so the studio ships it without Node.js and a test notices when it is stale.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
from dataclasses import dataclass
from html import escape
from pathlib import Path

from ..browser.scripts import runtime_script
from ..paths import RUNTIME_DIR

RUNTIME_PATH = RUNTIME_DIR / "guide-runtime.js"
MINIFIED_NAME = "guide-runtime.min.js"
MINIFIED_PATH = RUNTIME_DIR / MINIFIED_NAME
SIZE_BUDGET_GZIP = 12 * 1024

__all__ = [
    "MINIFIED_PATH",
    "RUNTIME_PATH",
    "embed_snippet",
    "gzip_size",
    "runtime_script",
    "sri",
    "write_runtime",
]


def minified_runtime() -> str:
    """The runtime as shipped to production (terser-minified, committed)."""
    return MINIFIED_PATH.read_text(encoding="utf-8")


def gzip_size(text: str) -> int:
    """Bytes after gzip -9, the figure the size budget counts."""
    return len(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))


def sri(text: str) -> str:
    """A Subresource Integrity value (sha384) for a script's exact bytes."""
    digest = hashlib.sha384(text.encode("utf-8")).digest()
    return "sha384-" + base64.b64encode(digest).decode("ascii")


@dataclass(frozen=True)
class ShippedRuntime:
    """What ``studio export --runtime`` wrote beside the bundle."""

    script: Path
    snippet: Path
    gzip_bytes: int


def embed_snippet(script_name: str, bundle_name: str, integrity: str) -> str:
    """The copy-paste HTML that loads the runtime and plays the bundle."""
    return (
        "<!-- Guide Studio: paste before </body>; serve both files from your site. -->\n"
        f'<script src="{escape(script_name)}" integrity="{integrity}" crossorigin="anonymous"></script>\n'
        "<script>\n"
        "  GuideRuntime.init({\n"
        f"    bundleUrl: {json.dumps(bundle_name)},\n"
        "    user: { /* id, plan, role … for audience rules */ },\n"
        "    onEvent: function (name, detail) { /* send to your analytics */ }\n"
        "  });\n"
        "</script>\n"
    )


def write_runtime(bundle_path: Path) -> ShippedRuntime:
    """Write the minified runtime and an embed snippet beside ``bundle_path``."""
    code = minified_runtime()
    script = bundle_path.with_name(MINIFIED_NAME)
    snippet = bundle_path.with_name(bundle_path.stem + ".embed.html")
    script.write_text(code, encoding="utf-8")
    snippet.write_text(embed_snippet(script.name, bundle_path.name, sri(code)), encoding="utf-8")
    return ShippedRuntime(script=script, snippet=snippet, gzip_bytes=gzip_size(code))
