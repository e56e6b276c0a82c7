"""The demo app, served on 127.0.0.1 and driven in real Chromium."""

from __future__ import annotations

import urllib.request


def test_server_serves_pages_and_spa_routes(demo_server):
    for path in ("/", "/dashboard.html", "/customers.html", "/settings.html", "/reports/revenue", "/app.css"):
        with urllib.request.urlopen(demo_server.url + path, timeout=5) as response:
            assert response.status == 200
    assert demo_server.url.startswith("http://127.0.0.1:")


def test_login_leads_to_dashboard_without_errors(page, demo_server):
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    page.goto(demo_server.url + "/")
    page.get_by_label("Work email").fill("dana@example.com")
    page.get_by_label("Password").fill("secret")
    page.get_by_test_id("sign-in").click()
    page.wait_for_url("**/dashboard.html")
    assert page.get_by_role("heading", name="Good morning, Dana").is_visible()
    assert page.locator(".cards .card").count() == 4
    page.get_by_test_id("create-invoice").click()
    assert page.get_by_role("status").inner_text() == "Draft invoice #1043 created"
    for section in ("Customers", "Settings", "Reports"):
        page.get_by_role("navigation", name="Main").get_by_role("link", name=section).click()
        page.wait_for_load_state()
        assert page.get_by_role("heading", level=1, name=section).is_visible()
    assert errors == []


def test_settings_form_has_labelled_inputs(page, demo_server):
    page.goto(demo_server.url + "/settings.html")
    page.get_by_label("Company name").fill("Acme Inc")
    page.get_by_label("Time zone").select_option("Asia/Tokyo")
    page.get_by_role("button", name="Save changes").click()
    assert page.get_by_role("status").inner_text() == "Settings saved"


def test_table_row_actions(page, demo_server):
    page.goto(demo_server.url + "/customers.html")
    rows = page.locator("#customer-rows tr")
    assert rows.count() == 6
    page.get_by_role("button", name="Delete Hooli").click()
    page.get_by_role("dialog").get_by_role("button", name="Delete").click()
    assert rows.count() == 5
    page.get_by_label("Filter by name").fill("glo")
    assert rows.count() == 1


def test_reports_route_with_push_state(page, demo_server):
    page.goto(demo_server.url + "/reports/overview")
    navigations: list[str] = []
    page.on("framenavigated", lambda frame: navigations.append(frame.url))
    page.get_by_role("link", name="Revenue").click()
    page.wait_for_url("**/reports/revenue")
    assert page.get_by_role("heading", name="Revenue by month").is_visible()
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1
    page.go_back()
    page.wait_for_url("**/reports/overview")
    assert page.locator("#report-title").inner_text() == "Overview"
    page.goto(demo_server.url + "/reports/retention")  # a reload deep inside the section
    assert page.locator("#report-title").inner_text() == "Retention cohorts"
