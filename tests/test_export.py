"""Bundle export and validation, through the library and the real ``studio`` command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from studio.domain import GUIDE_KINDS, Modal, Project, Step, Walkthrough
from studio.export import (
    SCHEMA_PATH,
    BundleError,
    ExportError,
    build_bundle,
    bundle_bytes,
    check_bundle,
    generate_schema,
    read_bundle,
    sanitize_html,
)
from studio.export.canonical import content_digest
from studio.store import ProjectStore

from .conftest import EXAMPLE_BUNDLE, EXAMPLE_PROJECT

HOSTILE = (
    '<p onclick="steal()">Hi <b>there</b></p><script>alert(1)</script>'
    '<a href="javascript:alert(2)">link</a><img src="x" onerror="alert(3)" alt="x">'
    '<iframe src="https://evil.example"></iframe><style>body{display:none}</style>'
    '<a href="https://ok.example" target="_blank">ok</a>'
)


def studio(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real CLI in a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "studio", *args], capture_output=True, text=True, cwd=cwd, timeout=60
    )


def test_committed_schema_is_current():
    assert json.loads(SCHEMA_PATH.read_text()) == generate_schema(), (
        "the committed bundle schema is stale: run `make schema` and commit it"
    )


def test_committed_example_bundle_reexports_byte_for_byte():
    with ProjectStore.open(EXAMPLE_PROJECT, readonly=True) as store:
        project = store.load()
    assert bundle_bytes(project) == EXAMPLE_BUNDLE.read_bytes(), (
        "guides/example.bundle.json is stale: run `make example` and commit both files"
    )
    kinds = {guide.kind for guide in project.guides}
    assert kinds == set(GUIDE_KINDS), "the example has one guide or more of every kind"


def test_export_is_deterministic_and_self_describing(sample_project: Project):
    first, second = bundle_bytes(sample_project), bundle_bytes(sample_project.model_copy(deep=True))
    assert first == second
    data = json.loads(first)
    assert data["format"] == "guide-bundle" and data["schemaVersion"] == 1
    assert [g["kind"] for g in data["guides"]] == list(GUIDE_KINDS)  # samples: one of each kind, in order
    assert all(isinstance(g["id"], str) for g in data["guides"])
    jsonschema.Draft202012Validator(json.loads(SCHEMA_PATH.read_text())).validate(data)
    assert data["digest"] == content_digest(data)


def test_export_sanitises_hostile_body_html():
    project = Project(
        name="P", guides=[Modal(id="m", name="M", steps=[Step(id="s", title="T", body=HOSTILE)])]
    )
    body = build_bundle(project)["guides"][0]["steps"][0]["body"]
    for bad in ("script", "onclick", "onerror", "javascript:", "iframe", "style", "alert"):
        assert bad not in body
    assert "<b>there</b>" in body and 'href="https://ok.example"' in body
    assert 'rel="noopener noreferrer"' in body
    assert sanitize_html(body) == body


def test_disabled_guides_are_not_shipped_and_references_are_checked(sample_project: Project):
    off = ("hello", "help")  # the modal, and the launcher that opens it
    guides = [g.model_copy(update={"enabled": g.id not in off}) for g in sample_project.guides]
    data = build_bundle(Project(name="P", guides=guides))
    assert not set(off) & {g["id"] for g in data["guides"]}
    guides = [g.model_copy(update={"enabled": g.id != "hello"}) for g in sample_project.guides]
    with pytest.raises(ExportError, match="launcher 'Help' starts guide 'Hello', which is turned off"):
        build_bundle(Project(name="P", guides=guides))
    guides = [g.model_copy(update={"enabled": g.id != "tour"}) for g in sample_project.guides]
    with pytest.raises(ExportError, match="starts guide 'Tour', which is turned off"):
        build_bundle(Project(name="P", guides=guides))


def _write(tmp_path: Path, data: dict, *, reseal: bool = True) -> Path:
    if reseal:
        data["digest"] = content_digest(data)
    path = tmp_path / "bundle.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def example() -> dict:
    return json.loads(EXAMPLE_BUNDLE.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("mutate", "reseal", "reason"),
    [
        (lambda d: d.update(schemaVersion=99), True, "unsupported schemaVersion 99"),
        (lambda d: d.update(format="something-else"), True, "not a guide bundle"),
        (lambda d: d["guides"][0].update(name="Edited by hand"), False, "digest mismatch"),
        (
            lambda d: next(g for g in d["guides"] if g["kind"] == "checklist")["items"][0].update(
                guideId="ghost"
            ),
            True,
            "starts guide 'ghost', which does not exist",
        ),
        (lambda d: d["guides"][0].update(kind="banner"), True, "schema violation at guides/0"),
        (
            lambda d: d["guides"][0]["steps"][0].update(body="<img src=x onerror=alert(1)>"),
            True,
            "HTML that is not allowed",
        ),
        (lambda d: d["guides"][1]["steps"][4].update(advance={"mode": "click"}), True, "needs an element"),
        (lambda d: d.pop("digest"), False, "schema violation at top level"),
    ],
)
def test_validate_refuses_broken_bundles(tmp_path: Path, mutate, reseal, reason):
    data = example()
    mutate(data)
    path = _write(tmp_path, data, reseal=reseal and "digest" in data)
    with pytest.raises(BundleError, match=reason):
        read_bundle(path)
    result = studio("validate", str(path))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and reason.split("'")[0] in result.stderr


def test_validate_refuses_unreadable_input(tmp_path: Path):
    for content, reason in (
        (b"{not json", "not valid JSON"),
        (b"\xff\xfe", "not UTF-8"),
        (b"[]", "not a guide"),
    ):
        path = tmp_path / "b.json"
        path.write_bytes(content)
        with pytest.raises(BundleError, match=reason):
            read_bundle(path)
    result = studio("validate", str(tmp_path / "missing.json"))
    assert result.returncode == 2 and "cannot read" in result.stderr


def test_check_bundle_accepts_the_example():
    bundle = check_bundle(example())
    assert len(bundle.guides) == 13


def test_cli_export_then_validate(tmp_path: Path):
    out = tmp_path / "x.json"
    result = studio("export", str(EXAMPLE_PROJECT), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "13 guides" in result.stdout
    first = out.read_bytes()
    assert studio("export", str(EXAMPLE_PROJECT), "-o", str(out)).returncode == 0
    assert out.read_bytes() == first == EXAMPLE_BUNDLE.read_bytes()
    result = studio("validate", str(out))
    assert result.returncode == 0 and result.stdout.startswith("ok:")


def test_cli_export_errors_are_one_line(tmp_path: Path):
    bogus = tmp_path / "bogus.gstudio"
    bogus.write_text("hello")
    result = studio("export", str(bogus), "-o", str(tmp_path / "o.json"))
    assert result.returncode == 2
    assert result.stderr == "error: bogus.gstudio: not a Guide Studio project (not an SQLite file)\n"
    assert not (tmp_path / "o.json").exists()
    result = studio("export", str(EXAMPLE_PROJECT), "-o", str(tmp_path / "no" / "such" / "dir.json"))
    assert result.returncode == 2 and result.stderr.startswith("error: cannot write")


def test_cli_new_creates_an_exportable_project(tmp_path: Path):
    path = tmp_path / "fresh.gstudio"
    assert studio("new", str(path), "--name", "Fresh").returncode == 0
    with ProjectStore.open(path) as store:
        store.put_guide(Walkthrough(id="w", name="W", steps=[Step(id="s", title="Hi")]))
    assert studio("export", str(path), "-o", str(tmp_path / "b.json")).returncode == 0
    assert studio("validate", str(tmp_path / "b.json")).returncode == 0
    again = studio("new", str(path))
    assert again.returncode == 2 and "already exists" in again.stderr


def test_cli_schema_prints_the_committed_schema():
    result = studio("schema")
    assert result.returncode == 0 and result.stdout == SCHEMA_PATH.read_text()
