"""An earlier commit's shipped runtime, read from git: the peer of benches that compare our runtime with
itself before a change."""

from __future__ import annotations

import subprocess

from studio.paths import ROOT


def runtime_at(commit: str) -> str | None:
    """The minified runtime as ``commit`` shipped it, or None outside a clone (or an unknown commit)."""
    try:
        return subprocess.run(
            ["git", "show", f"{commit}:assets/runtime/guide-runtime.min.js"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
