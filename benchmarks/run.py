"""Print the benchmark table: ``make bench`` (or ``./dev bench``)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import (  # noqa: E402
    fault_injection,
    kinds_real,
    machine,
    runtime_cost,
    runtime_size,
    startup,
    store_export,
)
from benchmarks.locators import run as locators  # noqa: E402
from benchmarks.locators.real import run as real_locators  # noqa: E402
from benchmarks.replay import run as replay_bench  # noqa: E402

SECTIONS = [
    ("Runtime size", runtime_size.rows),
    ("Runtime cost while waiting (real Chromium, against the polling runtime of 7ebe43b)", runtime_cost.rows),
    ("Locator robustness (realistic profile, 600 targets)", locators.summary_rows),
    ("Locator robustness on real releases (318 targets, 12 page pairs)", real_locators.summary_rows),
    ("New kinds on real pages (banner, survey, launcher, resource center, checklist)", kinds_real.rows),
    ("Replay throughput (example bundle on the demo app)", replay_bench.rows),
    ("Store and export", store_export.rows),
    ("Store under fault (SIGKILL at random points; BENCH_KILLS sets how many)", fault_injection.rows),
    ("Studio start-up", startup.rows),
]
"""Each later area (runtime size, locators, replay, start-up) adds a section here."""


def main() -> None:
    """Run every section and print one table."""
    print(f"Machine: {machine.describe()}\n")
    results = [(title, fn()) for title, fn in SECTIONS]
    width = max(len(what) for _title, rows in results for what, _ in rows)
    for title, rows in results:
        print(f"## {title}")
        for what, value in rows:
            print(f"  {what:<{width}}  {value}")
        print()


if __name__ == "__main__":
    main()
