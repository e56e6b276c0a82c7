"""Hostile bundles and odd input files: refused in one line with exit 2, never a traceback or a hang."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from studio.domain import Modal, Project, Step
from studio.export import BundleError, check_bundle, read_bundle
from studio.export.canonical import content_digest
from studio.replay.docs import write_docs
from studio.replay.results import GuideResult, StepResult

from .conftest import EXAMPLE_BUNDLE

ROOT = Path(__file__).resolve().parents[1]


def studio(*args: str) -> subprocess.CompletedProcess[str]:
    """The real CLI, bounded so a hang fails the test instead of stalling the suite."""
    return subprocess.run(
        [sys.executable, "-m", "studio", *args], capture_output=True, text=True, cwd=ROOT, timeout=30
    )


def resealed(mutate) -> str:
    data = json.loads(EXAMPLE_BUNDLE.read_text(encoding="utf-8"))
    mutate(data)
    data.pop("digest", None)
    data["digest"] = content_digest(data)
    return json.dumps(data)


HOSTILE = {
    "deep": ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    "deep-but-parseable": (
        '{"format": "guide-bundle", "a": ' + "[" * 500 + "]" * 500 + "}",
        "nested too deeply",
    ),
    "long-int": ('{"format": "guide-bundle", "n": ' + "7" * 5000 + "}", "not a usable JSON number"),
    "big-int": ('{"format": "guide-bundle", "n": ' + "7" * 40 + "}", "too large for JavaScript"),
    "no-guides": (resealed(lambda d: d.pop("guides")), 'no "guides" list'),
    "surrogate": (
        resealed(lambda d: None).replace('"name":', '"x":"\\ud800","name":', 1),
        "lone surrogate",
    ),
    "nul-in-name": (
        resealed(lambda d: d["guides"][0].update(name="Tour\u0000")),
        "name: contains a control character (U+0000)",
    ),
    "tab-in-title": (
        resealed(lambda d: d["guides"][0]["steps"][0].update(title="a\tb")),
        "title: contains a control character (U+0009)",
    ),
    "wrong-type": (
        resealed(lambda d: d["guides"][0].update(enabled="yes")),
        "enabled: Input should be a valid boolean",
    ),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_bundles_are_refused_in_words(tmp_path: Path, case: str):
    text, reason = HOSTILE[case]
    path = tmp_path / f"{case}.json"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    with pytest.raises(BundleError) as info:
        read_bundle(path)
    message = str(info.value)
    assert reason in message and "\n" not in message and len(message) < 300, message
    assert "{" not in message  # a reason, not a dump of the guide's JSON


def test_the_cli_says_one_line_for_each(tmp_path: Path):
    for case in ("deep", "long-int", "no-guides", "surrogate", "nul-in-name", "wrong-type"):
        text, reason = HOSTILE[case]
        path = tmp_path / f"{case}.json"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        result = studio("validate", str(path))
        assert result.returncode == 2, (case, result.stderr)
        assert result.stderr.count("\n") == 1 and reason in result.stderr, (case, result.stderr)


def test_pipes_devices_folders_and_huge_files_never_hang(tmp_path: Path):
    fifo = tmp_path / "bundle.json"
    os.mkfifo(fifo)
    huge = tmp_path / "huge.json"
    with huge.open("wb") as handle:
        handle.truncate(65 * 1024 * 1024)  # sparse: big without using the disk
    cases = [
        (("validate", str(fifo)), "not a regular file"),
        (("replay", str(fifo), "--url", "http://127.0.0.1:9/"), "not a regular file"),
        (("validate", "/dev/zero"), "not a regular file"),
        (("lint", str(fifo)), "not a regular file"),
        (("validate", str(tmp_path)), "a folder"),
        (("validate", str(huge)), "too large for a bundle"),
        (("export", str(fifo), "-o", str(tmp_path / "out.json")), "not a regular file"),
    ]
    for args, reason in cases:
        result = studio(*args)
        assert result.returncode == 2 and result.stderr.count("\n") == 1, (args, result.stderr)
        assert reason in result.stderr, (args, result.stderr)


def test_control_characters_are_refused_in_the_domain():
    for bad in ("a\x00b", "line\nbreak", "bell\x07", "del\x7f"):
        with pytest.raises(ValueError, match="control character"):
            Modal(id="m", name=bad, steps=[Step(id="s", title="T")])
        with pytest.raises(ValueError, match="control character"):
            Step(id="s", title=bad)
        with pytest.raises(ValueError, match="control character"):
            Project(name=bad)
    check_bundle(json.loads(EXAMPLE_BUNDLE.read_text()))  # ordinary text (accents, emoji) is fine
    Modal(id="m", name="Café ✓ «Überblick»", steps=[Step(id="s", title="Ça va?")])


def test_docs_markdown_escapes_titles_and_names(tmp_path: Path):
    bundle = {
        "name": "<script>alert(1)</script>",
        "guides": [{"id": "g", "steps": [{"id": "s", "body": ""}]}],
    }
    results = [
        GuideResult(
            guide_id="g",
            name="<img src=x onerror=alert(2)>",
            kind="modal",
            steps=[
                StepResult(
                    step_id="s", index=0, title="[click](javascript:alert(3)) *now*", screenshot=b"png"
                )
            ],
        )
    ]
    markdown, page = write_docs(results, bundle, tmp_path)
    text = markdown.read_text()
    for raw in ("<script>", "<img", "[click](javascript", "*now*"):
        assert raw not in text, text
    assert "&lt;img src=x onerror=alert(2)&gt;" in text and "\\[click\\]" in text
    assert "<script>" not in page.read_text() and "<img src=x" not in page.read_text()
