"""Capture on one release, resolve on the next: reworded survivors are found, deleted elements' look-alikes are not."""

from __future__ import annotations

import pytest

from studio.browser.scripts import recorder_script

from .runtime_helpers import RUNTIME_JS, html

RECORDER_JS = recorder_script()


def sidebar(links: list[tuple[str, str]]) -> str:
    items = "".join(f'<li><a class="nav-link" href="{href}">{text}</a></li>' for href, text in links)
    return f'<div class="sidebar"><ul class="nav">{items}</ul></div><h1>Dashboard</h1><a href="#top">Back to top</a>'


def table(rows: list[tuple[str, str]]) -> str:
    body = "".join(
        f"<tr><td>{who}</td><td>Registered: {when}</td><td>Jun 11, 2015 - Jul 10, 2015</td>"
        f'<td><a class="icon" href="javascript:void(0)"><i class="fe fe-more"></i></a></td></tr>'
        for who, when in rows
    )
    return f"<h2>Invoices</h2><table>{body}</table>"


V1_SIDEBAR = sidebar(
    [("./dashboard.html", "Dashboard"), ("./tables.html", "Table List"), ("./typography.html", "Typography")]
)
V2_SIDEBAR = sidebar(
    [
        ("../pages/dashboard.html", "Dashboard"),
        ("../pages/tables.html", "Tables"),
        ("../pages/billing.html", "Billing"),
    ]
)
V1_ROWS = table(
    [
        ("Elizabeth Martin", "Mar 9, 2018 42%"),
        ("Crystal Austin", "Mar 28, 2018 96%"),
        ("Teresa Reyes", "Feb 23, 2018 36%"),
    ]
)
V2_ROWS = table(
    [
        ("Elizabeth Martin", "Mar 7, 2019 42%"),
        ("Crystal Austin", "Mar 26, 2019 96%"),
        ("Teresa Reyes", "Feb 21, 2019 36%"),
    ]
)
V2_ROW_DELETED = table([("Elizabeth Martin", "Mar 7, 2019 42%"), ("Teresa Reyes", "Feb 21, 2019 36%")])


@pytest.fixture
def release(page, server):
    """Capture `selector` on v1, open v2, return what the runtime finds there (its outerHTML or None)."""
    page.add_init_script(RUNTIME_JS)
    page.add_init_script(RECORDER_JS)

    def run(v1: str, v2: str, selector: str) -> str | None:
        page.goto(server.page("/v1.html", html(v1)))
        target = page.evaluate("s => GuideRecorder.capture(document.querySelector(s))", selector)
        page.goto(server.page("/v2.html", html(v2)))
        return page.evaluate(
            "t => { const e = GuideRuntime.resolve(t).element; return e && (e.closest('tr') || e).textContent; }",
            target,
        )

    return run


def test_a_reworded_link_to_the_same_page_is_found(release):
    assert release(V1_SIDEBAR, V2_SIDEBAR, 'a[href="./tables.html"]') == "Tables"


def test_a_deleted_link_is_not_replaced_by_a_neighbour_of_its_list(release):
    assert release(V1_SIDEBAR, V2_SIDEBAR, 'a[href="./typography.html"]') is None


def test_a_row_whose_text_changed_a_little_keeps_its_action(release):
    found = release(V1_ROWS, V2_ROWS, "tr:nth-child(2) a")
    assert found and found.startswith("Crystal Austin")


def test_a_deleted_row_does_not_lend_its_action_to_a_neighbour(release):
    assert release(V1_ROWS, V2_ROW_DELETED, "tr:nth-child(2) a") is None
