"""The JavaScript runtime as shipped: one classic script built from assets/runtime/src.

The sources are split by concern (core, sanitiser, rules, resolution, UI, kinds, runtime)
and concatenated inside one IIFE; the result is committed as
``assets/runtime/guide-runtime.js`` (the contract path). ``scripts/build_runtime.py``
minifies it with terser (a build-time tool from npm) into ``guide-runtime.min.js``, which
is committed too and records the SHA-256 of the source it came from, so the studio ships
it without Node.js and a test notices when it is stale.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import re
from dataclasses import dataclass
from functools import cache
from html import escape
from pathlib import Path

from .. import __version__
from ..paths import RUNTIME_DIR

SOURCE_DIR = RUNTIME_DIR / "src"
RUNTIME_PATH = RUNTIME_DIR / "guide-runtime.js"
MINIFIED_NAME = "guide-runtime.min.js"
MINIFIED_PATH = RUNTIME_DIR / MINIFIED_NAME
SOURCE_MARK = re.compile(r"source sha256:([0-9a-f]{16})")
SIZE_BUDGET_GZIP = 12 * 1024


def _minify_css(css: str) -> str:
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = re.sub(r"\s+", " ", css)
    css = re.sub(r"\s*([{}:;,>])\s*", r"\1", css)
    return css.replace(";}", "}").strip()


def build_runtime() -> str:
    """The readable single-file runtime, exactly as committed."""
    parts = sorted(SOURCE_DIR.glob("*.js"))
    css = _minify_css((SOURCE_DIR / "styles.css").read_text(encoding="utf-8"))
    body = "\n".join(part.read_text(encoding="utf-8").rstrip() + "\n" for part in parts)
    return (
        f"/*! Guide Studio runtime {__version__} | MIT | built from assets/runtime/src by "
        "scripts/build_runtime.py: edit the sources, not this file */\n"
        "(function () {\n"
        '"use strict";\n'
        f"var VERSION = {json.dumps(__version__)};\n"
        f"var CSS = {json.dumps(css)};\n"
        f"{body}"
        "})();\n"
    )


def source_digest(text: str) -> str:
    """The SHA-256 prefix the minified file records of the source it was built from."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def minified_runtime() -> str:
    """The runtime as shipped to production (terser-minified, committed)."""
    return MINIFIED_PATH.read_text(encoding="utf-8")


@cache
def runtime_script() -> str:
    """The shipped runtime, read once: studio, recorder, QA replay and production run the same bytes."""
    return minified_runtime()


def minified_is_current() -> bool:
    """Whether the committed minified file was built from the committed source."""
    mark = SOURCE_MARK.search(minified_runtime()[:400])
    return bool(mark) and mark.group(1) == source_digest(RUNTIME_PATH.read_text(encoding="utf-8"))


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
