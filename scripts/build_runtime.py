"""Rebuild the runtime (``make runtime``): concatenate the sources, then minify with terser.

Needs Node.js and npm only here, at build time; the studio and its tests use the
committed files. Installs terser from package.json (``npm ci``) when it is missing.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from studio import __version__  # noqa: E402
from studio.export.runtime import MINIFIED_PATH, RUNTIME_PATH, gzip_size, minified_runtime  # noqa: E402
from studio.paths import RUNTIME_DIR  # noqa: E402

SOURCE_DIR = RUNTIME_DIR / "src"
SOURCE_MARK = re.compile(r"source sha256:([0-9a-f]{16})")


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


def minified_is_current() -> bool:
    """Whether the committed minified file was built from the committed source."""
    mark = SOURCE_MARK.search(minified_runtime()[:400])
    return bool(mark) and mark.group(1) == source_digest(RUNTIME_PATH.read_text(encoding="utf-8"))


def main() -> None:
    """Write guide-runtime.js and guide-runtime.min.js."""
    source = build_runtime()
    RUNTIME_PATH.write_text(source, encoding="utf-8")
    if not shutil.which("npx"):
        sys.exit("Node.js and npm are needed to minify the runtime: sudo apt-get install nodejs npm")
    if not (ROOT / "node_modules" / ".bin" / "terser").exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=ROOT, check=True)
    preamble = f"/*! Guide Studio runtime {__version__} | MIT | source sha256:{source_digest(source)} */"
    with tempfile.TemporaryDirectory() as tmp:
        arrows = Path(tmp) / "arrows.js"
        # Function declarations that may safely be arrows become arrows first (scripts/runtime_arrows.js).
        subprocess.run(
            ["node", str(ROOT / "scripts" / "runtime_arrows.js"), str(RUNTIME_PATH), str(arrows)],
            cwd=ROOT,
            check=True,
        )
        _terser(arrows)
    shipped = preamble + "\n" + MINIFIED_PATH.read_text(encoding="utf-8").strip() + "\n"
    MINIFIED_PATH.write_text(shipped, encoding="utf-8")
    print(
        f"wrote {RUNTIME_PATH.name} and {MINIFIED_PATH.name}: "
        f"{len(shipped):,} bytes minified, {gzip_size(shipped):,} gzipped"
    )


def _terser(source: Path) -> None:
    """Minify source into guide-runtime.min.js."""
    subprocess.run(
        [
            "npx",
            "--no-install",
            "terser",
            str(source),
            "--ecma",
            "2020",
            "--compress",
            "passes=3,ecma=2020,unsafe_arrows=true,unsafe_methods=true",
            "--mangle",
            # Internal fields and methods are spelled _name (nothing public is): renamed too.
            "--mangle-props",
            "regex=/^_/",
            "--comments",
            "false",
            "-o",
            str(MINIFIED_PATH),
        ],
        cwd=ROOT,
        check=True,
    )


if __name__ == "__main__":
    main()
