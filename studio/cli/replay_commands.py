"""The ``studio replay`` and ``studio merge-reports`` commands: QA's replay in CI, and joining shards."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import EXIT_FAILED, app, fail, os_reason


@app.command()
def replay(
    bundle: Annotated[Path, typer.Argument(help="Bundle file to replay.")],
    url: Annotated[str, typer.Option("--url", help="Base address of the app build under test.")],
    guide: Annotated[
        list[str] | None, typer.Option("--guide", help="Only this guide id (repeatable).")
    ] = None,
    junit: Annotated[Path | None, typer.Option("--junit", help="Write JUnit XML here.")] = None,
    report: Annotated[
        Path | None, typer.Option("--report", help="Write an HTML report into this folder.")
    ] = None,
    input_values: Annotated[
        list[str] | None,
        typer.Option("--input", help="KEY=VALUE typed into input steps (KEY: step or guide.step)."),
    ] = None,
    workers: Annotated[
        int, typer.Option("--workers", min=1, max=32, help="Browsers replaying guides in parallel.")
    ] = 1,
    timeout: Annotated[
        float, typer.Option("--timeout", help="Seconds before the whole run ends, page loads included.")
    ] = 600,
    connect: Annotated[
        str | None, typer.Option("--connect", help="A remote Playwright server (ws://…).")
    ] = None,
    cdp: Annotated[str | None, typer.Option("--cdp", help="Any Chrome DevTools Protocol endpoint.")] = None,
    storage_state: Annotated[
        Path | None, typer.Option("--storage-state", help="Playwright storage state (apps behind a login).")
    ] = None,
    login_script: Annotated[
        Path | None,
        typer.Option("--login-script", help="JSON login recipe or Python file with login(page, url)."),
    ] = None,
    shard: Annotated[
        str | None, typer.Option("--shard", help="Replay only shard I of N (like 2/4), balanced by steps.")
    ] = None,
    viewport: Annotated[
        str | None,
        typer.Option("--viewport", help="Sizes to replay in: 390x844,768x1024 or mobile,tablet,desktop."),
    ] = None,
    color_scheme: Annotated[
        str | None, typer.Option("--color-scheme", help="light or dark (prefers-color-scheme).")
    ] = None,
    locale: Annotated[str | None, typer.Option("--locale", help="Browser locale, like de-DE.")] = None,
    reduced_motion: Annotated[
        bool, typer.Option("--reduced-motion", help="Replay with prefers-reduced-motion: reduce.")
    ] = False,
    screenshots: Annotated[
        bool, typer.Option("--screenshots", help="Picture every step (failures are always pictured).")
    ] = False,
    a11y: Annotated[
        bool, typer.Option("--a11y", help="Run axe-core with each step shown; the guide's violations fail.")
    ] = False,
    page_timeout: Annotated[
        float,
        typer.Option(
            "--page-timeout", min=1, max=600, help="Seconds a page may stay busy before it counts as hung."
        ),
    ] = 20,
) -> None:
    """Replay guides headless and fail (exit 1) when a step would break for users."""
    from ..browser import BrowserNotFound
    from ..export import BundleError, read_bundle
    from ..replay import ReplayError
    from ..replay import replay as run_replay
    from ..replay.a11y import A11yUnavailable
    from ..replay.outputs import layouts_of, progress_line, summary_line, write_outputs
    from ..replay.shard import parse_shard

    inputs = {}
    for item in input_values or []:
        key, sep, value = item.partition("=")
        if not sep or not key:
            fail(f"--input takes KEY=VALUE, not {item!r}")
        inputs[key] = value
    try:
        layouts = layouts_of(viewport, color_scheme, locale, reduced_motion)
        part = parse_shard(shard) if shard else None
    except ValueError as exc:
        fail(str(exc))
    try:
        data = read_bundle(bundle)
    except BundleError as exc:
        write_outputs([], junit, None, problem=str(exc))
        fail(str(exc))
    try:
        results = run_replay(
            data,
            url,
            guide_ids=guide or None,
            inputs=inputs,
            workers=workers,
            timeout=timeout,
            connect=connect,
            cdp=cdp,
            storage_state=str(storage_state) if storage_state else None,
            login_script=str(login_script) if login_script else None,
            screenshots=screenshots or report is not None,
            on_result=lambda result: typer.echo(progress_line(result)),
            layouts=layouts,
            shard=part,
            a11y=a11y,
            page_timeout=page_timeout,
        )
    except ReplayError as exc:
        write_outputs(exc.results, junit, report, problem=str(exc))
        fail(str(exc))
    except (BrowserNotFound, A11yUnavailable) as exc:
        write_outputs([], junit, None, problem=str(exc))
        fail(str(exc))
    except OSError as exc:  # e.g. an unreadable ~/.cache or a full /tmp while starting the browser
        write_outputs([], junit, None, problem=os_reason(exc))
        fail(os_reason(exc))
    try:
        page = write_outputs(results, junit, report)
    except OSError as exc:
        fail(f"cannot write the replay's report: {exc.strerror or exc}")
    if page is not None:
        typer.echo(f"report: {page}")
    line, failed = summary_line(results)
    typer.echo(line)
    if failed:
        raise typer.Exit(EXIT_FAILED)


@app.command("merge-reports")
def merge_reports(
    reports: Annotated[list[Path], typer.Argument(help="JUnit files and/or HTML report folders of shards.")],
    junit: Annotated[Path | None, typer.Option("--junit", help="Write the joined JUnit XML here.")] = None,
    report: Annotated[
        Path | None, typer.Option("--report", help="Write the joined HTML report into this folder.")
    ] = None,
) -> None:
    """Join the JUnit files and HTML reports of sharded replays into one of each."""
    from ..replay.merge import MergeError, merge

    if junit is None and report is None:
        fail("give --junit and/or --report for the joined output")
    try:
        for line in merge(reports, junit=junit, report=report):
            typer.echo(line)
    except MergeError as exc:
        fail(str(exc))
