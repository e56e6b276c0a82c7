"""Rebuild the runtime (``make runtime``): concatenate the sources, then minify with terser.

Needs Node.js and npm only here, at build time; the studio and its tests use the
committed files. Installs terser from package.json (``npm ci``) when it is missing.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from studio import __version__  # noqa: E402
from studio.export.runtime import (  # noqa: E402
    MINIFIED_PATH,
    RUNTIME_PATH,
    build_runtime,
    gzip_size,
    source_digest,
)


def main() -> None:
    """Write guide-runtime.js and guide-runtime.min.js."""
    source = build_runtime()
    RUNTIME_PATH.write_text(source, encoding="utf-8")
    if not shutil.which("npx"):
        sys.exit("Node.js and npm are needed to minify the runtime: sudo apt-get install nodejs npm")
    if not (ROOT / "node_modules" / ".bin" / "terser").exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=ROOT, check=True)
    preamble = f"/*! Guide Studio runtime {__version__} | MIT | source sha256:{source_digest(source)} */"
    subprocess.run(
        [
            "npx",
            "--no-install",
            "terser",
            str(RUNTIME_PATH),
            "--ecma",
            "2020",
            "--compress",
            "passes=3,ecma=2020,unsafe_arrows=true,unsafe_methods=true",
            "--mangle",
            "--comments",
            "false",
            "-o",
            str(MINIFIED_PATH),
        ],
        cwd=ROOT,
        check=True,
    )
    shipped = preamble + "\n" + MINIFIED_PATH.read_text(encoding="utf-8").strip() + "\n"
    MINIFIED_PATH.write_text(shipped, encoding="utf-8")
    print(
        f"wrote {RUNTIME_PATH.name} and {MINIFIED_PATH.name}: "
        f"{len(shipped):,} bytes minified, {gzip_size(shipped):,} gzipped"
    )


if __name__ == "__main__":
    main()
