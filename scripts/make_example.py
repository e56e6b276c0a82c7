"""Rebuild the example project (guides/example.gstudio) and its bundle from this source.

The project file is binary, so this script is its reviewable source: edit here, run
``make example``, commit both files. A test checks the committed bundle re-exports byte for byte.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from studio.domain import (  # noqa: E402
    Announcement,
    AutomaticTrigger,
    Banner,
    Button,
    CenterEntry,
    Checklist,
    ChecklistItem,
    Hotspot,
    Launcher,
    Modal,
    Project,
    ProjectSettings,
    ResourceCenter,
    Step,
    Survey,
    Theme,
    Tooltip,
)
from studio.export import write_bundle  # noqa: E402
from studio.store import ProjectStore  # noqa: E402

sys.path.insert(0, str(ROOT / "scripts"))  # its parts beside it, however it is run
from example_targets import page, target  # noqa: E402
from example_tours import tours  # noqa: E402

PROJECT = ROOT / "guides" / "example.gstudio"
BUNDLE = ROOT / "guides" / "example.bundle.json"


def build() -> Project:
    """The example project: one or more guides of every kind, all on the demo app."""
    settings_tour, reports_tour, customers_tour = tours()
    billing_tip = Tooltip(
        id="billing-email-tip",
        name="Billing email help",
        trigger=AutomaticTrigger(url=page("/settings.html")),
        frequency="always",
        show_on="hover",
        steps=[
            Step(
                id="tip",
                title="Where invoices come from",
                body="<p>Replies to your invoices go to this address.</p>",
                target=target("input", "textbox", "Billing email", id="billing-email", label="Billing email"),
                placement="right",
            )
        ],
    )
    export_hotspot = Hotspot(
        id="csv-export-hotspot",
        name="New: export reports as CSV",
        trigger=AutomaticTrigger(url=page("/reports/", "prefix")),
        frequency="until_completed",
        priority=40,
        steps=[
            Step(
                id="beacon",
                title="New: CSV export",
                body="<p>Download any report for your spreadsheet.</p>",
                target=target("button", "button", "Export CSV", id="export-report"),
                placement="left",
            )
        ],
    )
    welcome = Modal(
        id="welcome",
        name="Welcome to Ledgerly",
        trigger=AutomaticTrigger(url=page("/dashboard.html")),
        frequency="once",
        priority=90,
        steps=[
            Step(
                id="hello",
                title="Welcome to Ledgerly",
                body="<p>Invoices, customers and reports in one place. "
                "Take a two-minute tour to set up your company.</p>",
                placement="center",
                buttons=[
                    Button(
                        label="Take the tour", action="start_guide", guide_id="settings-tour", primary=True
                    ),
                    Button(label="Maybe later", action="close"),
                ],
            )
        ],
    )
    maintenance = Banner(
        id="maintenance-banner",
        name="Maintenance notice",
        trigger=AutomaticTrigger(url=page("/customers.html")),
        frequency="until_completed",
        priority=20,
        steps=[
            Step(
                id="notice",
                title="Planned maintenance",
                body="<p>Ledgerly is read-only on Sunday from 02:00 to 03:00 UTC while we upgrade.</p>",
                buttons=[Button(label="Got it", action="complete", primary=True)],
            )
        ],
    )
    pulse = Survey.model_validate(
        {
            "id": "customer-pulse",
            "name": "Customer pulse survey",
            "trigger": {
                "type": "automatic",
                "url": {"match": "exact", "value": "/customers.html"},
                "delayMs": 800,
            },
            "priority": 30,
            "position": "bottom_left",
            "reaskDays": 90,
            "questions": [
                {
                    "id": "recommend",
                    "type": "nps",
                    "text": "How likely are you to recommend Ledgerly to a friend or colleague?",
                    "followUp": {
                        "detractor": "What is the one thing we should fix first?",
                        "passive": "What would make Ledgerly a 10 for you?",
                        "promoter": "What do you like most about Ledgerly?",
                    },
                },
                {
                    "id": "reports-use",
                    "type": "single_choice",
                    "text": "How do you share your reports?",
                    "options": [
                        {"id": "pdf", "label": "PDF"},
                        {"id": "csv", "label": "CSV export"},
                        {"id": "link", "label": "A link to Ledgerly"},
                    ],
                    "allowOther": True,
                },
            ],
            "thankYou": {
                "title": "Thank you!",
                "body": "<p>Your answers help us plan the next releases.</p>",
            },
        }
    )
    profile_launcher = Launcher(
        id="profile-tour-launcher",
        name="Profile tour launcher",
        description="A button in the corner of the dashboard that starts the profile tour again.",
        trigger=AutomaticTrigger(url=page("/dashboard.html")),
        frequency="always",
        style="icon",
        guide_id="settings-tour",
        steps=[
            Step(
                id="label",
                title="Tour: company profile",
                target=target("h1", "heading", "Good morning, Dana"),
                placement="right",
            )
        ],
    )
    help_center = ResourceCenter(
        id="help-center",
        name="Help center",
        title="Help",
        trigger=AutomaticTrigger(url=page("/", "prefix")),
        frequency="always",
        position="bottom_left",
        entries=[
            CenterEntry(
                id="profile-tour",
                section="Get started",
                title="Set up your company profile",
                text="A two-minute tour of Settings",
                guide_id="settings-tour",
            ),
            CenterEntry(
                id="send-invoice",
                section="Get started",
                action="article",
                title="How do I send an invoice?",
                text="From the dashboard, in three clicks",
                body="<p>Press <b>Create invoice</b> on the dashboard, pick the customer, "
                "then <b>Send</b>.</p>",
            ),
            CenterEntry(
                id="reports-help",
                section="Reports",
                action="open_url",
                title="Open your reports",
                text="Revenue and retention, month by month",
                url="/reports/overview",
            ),
        ],
    )
    csv_news = Announcement(
        id="csv-export-news",
        name="CSV export announcement",
        date="2026-11-20",
        steps=[
            Step(
                id="news",
                title="Reports export to CSV",
                body="<p>Every report now has an <b>Export CSV</b> button.</p>",
            )
        ],
    )
    dark_news = Announcement(
        id="dark-mode-news",
        name="Dark mode announcement",
        date="2026-10-02",
        steps=[Step(id="news", title="Dark mode", body="<p>Ledgerly follows your system's dark mode.</p>")],
    )
    onboarding = Checklist(
        id="getting-started",
        name="Getting started checklist",
        title="Get started with Ledgerly",
        trigger=AutomaticTrigger(url=page("/", "prefix")),
        frequency="until_completed",
        priority=10,
        items=[
            ChecklistItem(
                id="profile",
                title="Complete your company profile",
                action="start_guide",
                guide_id="settings-tour",
                complete_when="guide_completed",
            ),
            ChecklistItem(
                id="reports",
                title="Explore your reports",
                action="open_url",
                url="/reports/overview",
                complete_when="url",
                complete_url=page("/reports/", "prefix"),
            ),
            ChecklistItem(
                id="invoice",
                title="Create your first invoice",
                description="Use “Create invoice” on the dashboard.",
                complete_when="event",
                event="invoice_created",
            ),
        ],
    )
    return Project(
        name="Ledgerly onboarding",
        theme=Theme(primary_color="#4f46e5", border_radius=10),
        settings=ProjectSettings(app_url="http://127.0.0.1:8765/index.html"),
        guides=[
            welcome,
            settings_tour,
            reports_tour,
            customers_tour,
            billing_tip,
            export_hotspot,
            onboarding,
            maintenance,
            pulse,
            profile_launcher,
            help_center,
            csv_news,
            dark_news,
        ],
    )


def main() -> None:
    """Write the project file and its bundle."""
    PROJECT.unlink(missing_ok=True)
    project = build()
    ProjectStore.create(PROJECT, project).close()
    with ProjectStore.open(PROJECT, readonly=True) as store:
        write_bundle(store.load(), BUNDLE)
    print(f"wrote {PROJECT.relative_to(ROOT)} and {BUNDLE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
