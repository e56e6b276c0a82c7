"""Take the screenshots under docs/screenshots: each guide kind played on the demo app.

.venv/bin/python scripts/screenshots.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from studio.browser import launch_options  # noqa: E402
from studio.demo_server import DemoServer  # noqa: E402
from studio.export.runtime import minified_runtime  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
BUNDLE = json.loads((ROOT / "guides" / "example.bundle.json").read_text(encoding="utf-8"))
ICON_LAUNCHER = {  # not in the example: a round "?" beside the dashboard's "Create invoice" button
    **next(g for g in BUNDLE["guides"] if g["id"] == "profile-tour-launcher"),
    "id": "activity-help",
    "name": "Invoice help",
    "style": "icon",
    "icon": "help",
    "guideId": "reports-tour",
}
ICON_LAUNCHER["steps"] = [
    {
        **ICON_LAUNCHER["steps"][0],
        "title": "Help with invoices",
        "placement": "left",
        "target": {
            "candidates": [{"kind": "id", "value": "#create-invoice", "score": 0.85, "unique": True}],
            "fingerprint": {
                "tag": "button",
                "text": "+ Create invoice",
                "attributes": {"id": "create-invoice"},
            },
            "framePath": [],
            "shadowPath": [],
        },
    }
]


def shade(page, selector: str) -> None:
    page.locator(f"[data-guide-runtime] {selector}").first.wait_for()
    page.wait_for_timeout(400)


def runtime_shots() -> None:
    """Play the example bundle on the demo app and photograph each kind."""
    with DemoServer() as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options())

        def fresh(path: str, seen: tuple[str, ...] = (), bundle: dict = BUNDLE, done: tuple[str, ...] = ()):
            context = browser.new_context(viewport={"width": 1280, "height": 800}, device_scale_factor=1)
            state = {"seen": {gid: 1 for gid in seen}, "dismissed": {gid: 1 for gid in seen}}
            state["done"] = {gid: 1 for gid in done}  # a tour until_completed: completed
            state["sv"] = {gid: {"r": 0, "a": 10**13} for gid in seen}  # a survey: answered, not asked again
            context.add_init_script(
                f"localStorage.setItem('guide-runtime:state', {json.dumps(json.dumps(state))});"
            )
            context.add_init_script(minified_runtime())
            context.add_init_script(
                "document.addEventListener('DOMContentLoaded', () => GuideRuntime.init("
                f"{{bundle: {json.dumps(bundle)}, user: {{role: 'admin'}}}}));"
            )
            page = context.new_page()
            page.goto(server.url + path)
            return context, page

        context, page = fresh("/dashboard.html")
        shade(page, ".gs-modal")
        page.screenshot(path=OUT / "runtime-modal.png")
        context.close()

        context, page = fresh("/settings.html", ("welcome", "getting-started"))
        page.evaluate("GuideRuntime.start('settings-tour', {step: 1})")
        shade(page, ".gs-hl")
        page.screenshot(path=OUT / "runtime-walkthrough.png")
        context.close()

        context, page = fresh("/settings.html", ("welcome", "settings-tour", "getting-started"))
        page.get_by_label("Billing email").hover()
        shade(page, ".gs-tip")
        page.screenshot(path=OUT / "runtime-tooltip.png")
        context.close()

        context, page = fresh(
            "/reports/overview", ("welcome", "settings-tour", "reports-tour", "getting-started")
        )
        shade(page, ".gs-beacon")
        page.screenshot(path=OUT / "runtime-hotspot.png")
        page.locator("[data-guide-runtime] .gs-beacon").click()
        shade(page, ".gs-callout")
        page.screenshot(path=OUT / "runtime-hotspot-open.png")
        context.close()

        context, page = fresh(
            "/customers.html",
            ("welcome", "settings-tour", "getting-started", "customers-tour", "customer-pulse"),
        )
        shade(page, ".gs-banner")
        page.screenshot(path=OUT / "runtime-banner.png")
        context.close()

        context, page = fresh(
            "/customers.html",
            ("welcome", "settings-tour", "getting-started", "customers-tour", "maintenance-banner"),
        )
        shade(page, ".gs-survey")
        page.get_by_role("radio", name="9", exact=True).check()
        page.screenshot(path=OUT / "runtime-survey.png")
        page.get_by_role("button", name="Next").click()
        page.get_by_role("textbox").fill("Quick month-end reports")
        page.get_by_role("button", name="Next").click()
        page.get_by_role("textbox", name="Other").fill("Printed for the board")
        page.screenshot(path=OUT / "runtime-survey-choice.png")
        context.close()

        context, page = fresh("/dashboard.html", ("welcome",), done=("settings-tour",))
        shade(page, ".gs-launch")
        page.screenshot(path=OUT / "runtime-launcher.png")
        context.close()

        with_icon = {**BUNDLE, "guides": [*BUNDLE["guides"], ICON_LAUNCHER]}
        context, page = fresh("/dashboard.html", ("welcome",), with_icon, ("settings-tour",))
        shade(page, ".gs-launch.gs-icon")
        page.locator("[data-guide-runtime] .gs-launch.gs-icon[title='Help with invoices']").hover()
        page.screenshot(path=OUT / "runtime-launcher-icon.png")
        context.close()

        context, page = fresh(
            "/customers.html", ("welcome", "settings-tour", "maintenance-banner", "customer-pulse")
        )
        page.locator("[data-guide-runtime] .gs-launcher", has_text="Get started").click()
        shade(page, ".gs-panel")
        page.screenshot(path=OUT / "runtime-checklist.png")
        context.close()

        context, page = fresh("/dashboard.html", ("welcome",), done=("settings-tour",))
        page.locator("[data-guide-runtime] .gs-launcher", has_text="Help").click()
        shade(page, ".gs-panel")
        page.screenshot(path=OUT / "runtime-resource-center.png")
        page.locator("[data-guide-runtime] .gs-search").fill("invoice")
        page.get_by_role("button", name="How do I send an invoice?").click()
        page.wait_for_timeout(300)
        page.screenshot(path=OUT / "runtime-resource-center-article.png")
        context.close()
        browser.close()


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    runtime_shots()
    print(f"wrote screenshots to {OUT.relative_to(ROOT)}")
