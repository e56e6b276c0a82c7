"""``studio replay merge-reports``: join the JUnit files and HTML reports of sharded CI jobs."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree as ET

from .report import RESULTS_NAME, read_results, write_report

COUNTS = ("tests", "failures", "errors", "skipped")


class MergeError(Exception):
    """An input is not a replay's JUnit file or report folder; the message says which."""


def merge_junit(files: list[Path]) -> str:
    """One ``<testsuites>`` holding every suite of the files, with the totals summed."""
    root = ET.Element("testsuites", name="guide replay")
    totals = dict.fromkeys(COUNTS, 0)
    for file in files:
        try:
            tree = ET.parse(file).getroot()
        except (ET.ParseError, OSError) as exc:
            raise MergeError(f"{file}: not a JUnit XML file ({exc})") from None
        suites = [tree] if tree.tag == "testsuite" else tree.findall("testsuite")
        if tree.tag not in ("testsuite", "testsuites"):
            raise MergeError(f"{file}: not a JUnit XML file (its root is <{tree.tag}>)")
        for suite in suites:
            for key in COUNTS:
                totals[key] += int(suite.get(key) or 0)
            root.append(suite)
    for key, value in totals.items():
        root.set(key, str(value))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def merge(inputs: list[Path], *, junit: Path | None, report: Path | None) -> Iterator[str]:
    """Write the joined JUnit file and/or HTML report; yields a line per output written."""
    folders = [p for p in inputs if p.is_dir()]
    files = [p for p in inputs if p.is_file()]
    missing = [p for p in inputs if not p.exists()]
    if missing:
        raise MergeError(f"no such file or folder: {missing[0]}")
    if junit is not None:
        if not files:
            raise MergeError("no JUnit files given to join")
        junit.write_text(merge_junit(files), encoding="utf-8")
        yield f"wrote {junit} ({len(files)} JUnit files joined)"
    if report is not None:
        if not folders:
            raise MergeError("no report folders given to join")
        results, pictures = [], {}
        report.mkdir(parents=True, exist_ok=True)
        for folder in folders:
            if not (folder / RESULTS_NAME).is_file():
                raise MergeError(f"{folder}: not a replay report folder (no {RESULTS_NAME})")
            try:
                found, saved = read_results(folder)
            except (ValueError, TypeError, KeyError) as exc:
                raise MergeError(f"{folder / RESULTS_NAME}: unreadable ({exc})") from None
            for name in saved.values():
                if (folder / name).is_file() and folder.resolve() != report.resolve():
                    shutil.copyfile(folder / name, report / name)
            results += found
            pictures.update(saved)
        yield f"report: {write_report(results, report, pictures)}"
