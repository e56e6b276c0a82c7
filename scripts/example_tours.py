"""The example's walkthroughs: the company profile set-up, the Reports tour, the Customers basics."""

from __future__ import annotations

from example_targets import page, target

from studio.domain import (
    Advance,
    AudienceRule,
    AutomaticTrigger,
    Condition,
    LauncherTrigger,
    Step,
    Walkthrough,
)


def tours() -> tuple[Walkthrough, Walkthrough, Walkthrough]:
    """The three walkthroughs: settings (automatic), reports (for admins), customers (the Help button)."""
    settings_tour = Walkthrough(
        id="settings-tour",
        name="Set up your company profile",
        description="Walks a new admin from the dashboard through the settings form.",
        trigger=AutomaticTrigger(url=page("/dashboard.html"), delay_ms=500),
        frequency="until_completed",
        priority=60,
        steps=[
            Step(
                id="open-settings",
                title="Open Settings",
                page=page("/dashboard.html"),
                body="<p>Your company details live under <strong>Settings</strong>.</p>",
                target=target("a", "link", "Settings", testid="nav-settings", ancestors=("navigation Main",)),
                placement="right",
                advance=Advance(mode="click"),
            ),
            Step(
                id="company-name",
                title="Name your company",
                page=page("/settings.html"),
                body="<p>This name appears on every invoice you send.</p>",
                target=target(
                    "input",
                    "textbox",
                    "Company name",
                    id="company-name",
                    label="Company name",
                    ancestors=("heading Company profile",),
                ),
                placement="bottom",
                advance=Advance(mode="input", sample_input="Acme Inc"),
            ),
            Step(
                id="time-zone",
                title="Pick your time zone",
                page=page("/settings.html"),
                body="<p>Due dates and reminders follow this time zone.</p>",
                target=target("select", "combobox", "Time zone", id="timezone", label="Time zone"),
                placement="bottom",
            ),
            Step(
                id="save",
                title="Save your changes",
                page=page("/settings.html"),
                body="<p>Click <em>Save changes</em> to finish.</p>",
                target=target("button", "button", "Save changes", testid="save-settings"),
                placement="top",
                advance=Advance(mode="click"),
                on_missing="end",
            ),
            Step(
                id="done",
                title="You're all set",
                body="<p>Next, you can:</p>"
                "<ul><li>invite your team</li><li>create your first invoice</li></ul>",
                placement="center",
            ),
        ],
    )
    reports_tour = Walkthrough(
        id="reports-tour",
        name="Tour of Reports",
        description="Shows the client-side-routed Reports section tab by tab.",
        trigger=AutomaticTrigger(url=page("/reports/**", "glob")),
        frequency="once",
        audience=AudienceRule(
            match="all", conditions=[Condition(attribute="role", op="one_of", value=["admin", "finance"])]
        ),
        steps=[
            Step(
                id="revenue-tab",
                title="Revenue by month",
                page=page("/reports/", "prefix"),
                body="<p>Open the <b>Revenue</b> tab.</p>",
                target=target("a", "link", "Revenue", ancestors=("navigation Report sections",)),
                advance=Advance(mode="url", url=page("/reports/revenue")),
            ),
            Step(
                id="retention-tab",
                title="Retention cohorts",
                page=page("/reports/revenue"),
                body="<p>See how many customers stay with you.</p>",
                target=target("a", "link", "Retention", ancestors=("navigation Report sections",)),
                advance=Advance(mode="click"),
            ),
            Step(
                id="chart",
                title="Read the chart",
                page=page("/reports/retention"),
                body="<p>Each bar is one month after sign-up.</p>",
                target=target("div", "img", "Retention cohorts chart"),
                placement="top",
                optional=True,
                on_missing="center",
            ),
        ],
    )
    customers_tour = Walkthrough(
        id="customers-basics",
        name="Customers basics",
        description="Started from the help button: filtering and row actions.",
        trigger=LauncherTrigger(element=target("button", "button", "Help", id="help-button")),
        frequency="always",
        steps=[
            Step(
                id="filter",
                title="Find a customer",
                page=page("/customers.html"),
                body="<p>Type part of a name to filter the table.</p>",
                target=target(
                    "input", "searchbox", "Filter by name", id="customer-filter", label="Filter by name"
                ),
                advance=Advance(mode="input", sample_input="Glo"),
            ),
            Step(
                id="row-actions",
                title="Act on a customer",
                page=page("/customers.html"),
                body="<p>View, edit or delete a customer from its row.</p>",
                target=target("button", "button", "View Globex"),
                placement="left",
            ),
        ],
    )
    return settings_tour, reports_tour, customers_tour
