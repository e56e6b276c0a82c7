"""The real-release bench's resolve-time rows: issue 12's figure (first resolve per target on the pages of
1,000-3,000 elements, median and p95) as wall clock and as main-thread CPU, from the rows' own values."""

from benchmarks.locators.real.run import timing


def _row(page: str, nodes: int, ms: float, cpu: float) -> dict:
    return {"product": "p", "page": page, "nodes": nodes, "ms": {"ours": ms}, "cpu": cpu}


def test_time_rows_report_wall_and_cpu_for_the_bar_pages_only() -> None:
    # wall 0.1..2.0 ms, CPU 0.02..0.40 ms
    big = [_row("big.html", 2000, ms=i / 10, cpu=i / 50) for i in range(1, 21)]
    small = [_row("small.html", 300, ms=50.0, cpu=40.0)]
    lines = timing(big + small)
    bar = next(line for line in lines if "all pages of 1,000–3,000 elements" in line)
    cells = [c.strip() for c in bar.strip("|").split("|")]
    # targets, median, p95, max, CPU median, CPU p95: the small page's slow target is not in the bar's row
    assert cells[2:] == ["20", "1.05", "2.00", "2.00", "0.21", "0.40"]
    everything = next(line for line in lines if "**all pages**" in line)
    assert everything.split("|")[3].strip() == "21" and "50.00" in everything
    assert "CPU median" in next(line for line in lines if line.startswith("| page (v2)"))
