"""--shard I/N splits guides deterministically and evenly; merge-reports joins the shards' outputs."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from studio.export.bundle import Bundle
from studio.replay.report import write_report
from studio.replay.results import GuideResult, StepResult, junit_xml
from studio.replay.shard import parse_shard, shard, weight

from .conftest import EXAMPLE_BUNDLE, ROOT

EXAMPLE = Bundle.model_validate(json.loads(EXAMPLE_BUNDLE.read_text(encoding="utf-8")))


def studio(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "studio", *args], capture_output=True, text=True, cwd=ROOT, timeout=300
    )


class Fake:
    def __init__(self, gid: str, steps: int) -> None:
        self.id, self.steps = gid, [None] * steps


@pytest.mark.parametrize("total", [1, 2, 3, 4, 7, 10])
def test_every_guide_lands_in_exactly_one_shard_the_same_way_each_time(total):
    guides = EXAMPLE.guides
    parts = [shard(guides, i, total) for i in range(1, total + 1)]
    ids = [g.id for part in parts for g in part]
    assert sorted(ids) == sorted(g.id for g in guides) and len(ids) == len(set(ids))
    assert parts == [shard(list(guides), i, total) for i in range(1, total + 1)]
    for part in parts:  # bundle order inside a shard
        assert [g.id for g in part] == [g.id for g in guides if g in part]


def test_shards_are_balanced_by_steps():
    rng = random.Random(7)
    guides = [Fake(f"g{i:03}", rng.randint(1, 12)) for i in range(200)]
    loads = [sum(weight(g) for g in shard(guides, i, 4)) for i in range(1, 5)]
    assert max(loads) - min(loads) <= 12, loads  # never more than one guide's worth apart
    shuffled = guides[:]
    rng.shuffle(shuffled)
    assert {g.id for g in shard(shuffled, 2, 4)} == {g.id for g in shard(guides, 2, 4)}


def test_shard_option_is_checked():
    assert parse_shard("2/4") == (2, 4)
    for bad in ("0/2", "3/2", "2", "a/b"):
        with pytest.raises(ValueError, match="I/N"):
            parse_shard(bad)


def result(gid: str, status: str = "passed") -> GuideResult:
    step = StepResult(
        "s", 0, "Step", status, None if status == "passed" else "covered", "", screenshot=b"\x89PNGfake"
    )
    return GuideResult(gid, f"Guide {gid}", "walkthrough", [step], 1.0, "1280x800")


def test_merge_reports_joins_junit_and_html(tmp_path: Path):
    for name, results in (("one", [result("a"), result("b", "failed")]), ("two", [result("c")])):
        (tmp_path / f"{name}.xml").write_text(junit_xml(results))
        write_report(results, tmp_path / name)
    merged = tmp_path / "all.xml"
    done = studio(
        "replay",
        "merge-reports",
        str(tmp_path / "one.xml"),
        str(tmp_path / "two.xml"),
        str(tmp_path / "one"),
        str(tmp_path / "two"),
        "--junit",
        str(merged),
        "--report",
        str(tmp_path / "all"),
    )
    assert done.returncode == 0, done.stderr
    root = ET.parse(merged).getroot()
    assert (root.get("tests"), root.get("failures")) == ("3", "1")
    assert [s.get("name") for s in root.findall("testsuite")] == ["Guide a (a)", "Guide b (b)", "Guide c (c)"]
    page = (tmp_path / "all" / "index.html").read_text()
    assert "2 of 3 steps passed, 1 failed" in page
    assert all((tmp_path / "all" / f"{g}-1.png").is_file() for g in "abc")
    bad = studio("replay", "merge-reports", str(tmp_path / "one" / "index.html"), "--junit", str(merged))
    assert bad.returncode == 2 and "not a JUnit XML file" in bad.stderr


def test_two_shards_replay_the_whole_example_once(tmp_path: Path, demo_server):
    names = []
    for index in (1, 2):
        junit = tmp_path / f"shard{index}.xml"
        done = studio(
            "replay",
            str(EXAMPLE_BUNDLE),
            "--url",
            demo_server.url + "/",
            "--shard",
            f"{index}/2",
            "--junit",
            str(junit),
        )
        assert done.returncode == 0, done.stdout + done.stderr
        names += [s.get("name") for s in ET.parse(junit).getroot().findall("testsuite")]
    played = [g for g in EXAMPLE.guides if g.kind != "announcement"]  # read in the resource center
    assert sorted(names) == sorted(f"{g.name} ({g.id})" for g in played)
