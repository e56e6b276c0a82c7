"""The ``studio`` command: the desktop app, export, validate, schema and the demo server.

Exit codes (a contract CI pipelines rely on): 0 success, 1 the check failed,
2 bad input, with a one-line reason on stderr.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from . import __version__

app = typer.Typer(
    name="studio",
    help="Guide Studio: author in-app guides, export bundles, check them in CI.",
    invoke_without_command=True,
    no_args_is_help=False,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2


def fail(message: str, code: int = EXIT_BAD_INPUT) -> NoReturn:
    """Print ``error: message`` on stderr and exit with ``code``."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


@app.callback()
def main(
    ctx: typer.Context,
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    """Without a command, open the desktop studio."""
    if version:
        typer.echo(f"guide-studio {__version__}")
        raise typer.Exit()
    if ctx.invoked_subcommand is None:
        _run_gui(None, serve_demo=False)


@app.command("open")
def open_project(
    project: Annotated[Path | None, typer.Argument(help="Project file to open.")] = None,
    serve_demo: Annotated[
        bool, typer.Option("--serve-demo", help="Also serve the demo app on 127.0.0.1.")
    ] = False,
) -> None:
    """Open the desktop studio, optionally on a project file."""
    _run_gui(project, serve_demo=serve_demo)


def _run_gui(project: Path | None, *, serve_demo: bool) -> None:
    try:
        from .ui.app import run  # Qt is only imported when the window is wanted
    except ImportError as exc:
        fail(f"the desktop studio cannot start: {exc}")
    raise typer.Exit(run(project, serve_demo=serve_demo))


@app.command()
def new(
    project: Annotated[Path, typer.Argument(help="Project file to create.")],
    name: Annotated[str | None, typer.Option(help="Project name (default: the file name).")] = None,
) -> None:
    """Create an empty project file."""
    from .domain import Project
    from .store import ProjectFileError, ProjectStore

    try:
        ProjectStore.create(project, Project(name=name or project.stem)).close()
    except ProjectFileError as exc:
        fail(str(exc))
    typer.echo(f"created {project}")


@app.command()
def export(
    project: Annotated[Path, typer.Argument(help="Project file to export.")],
    out: Annotated[Path, typer.Option("-o", "--out", help="Bundle file (or folder, for devtools-recorder).")],
    runtime: Annotated[
        bool,
        typer.Option("--runtime", help="Also write the minified runtime and an embed snippet beside it."),
    ] = False,
    export_format: Annotated[
        str, typer.Option("--format", help="guide-bundle, or devtools-recorder (a folder of recordings).")
    ] = "guide-bundle",
    base_url: Annotated[
        str | None,
        typer.Option("--base-url", help="App address for devtools-recorder (default: the project's)."),
    ] = None,
) -> None:
    """Write the project's guide bundle (one deterministic JSON file), or DevTools Recorder recordings."""
    from .export import ExportError, write_bundle
    from .export.runtime import write_runtime
    from .store import ProjectFileError, ProjectStore

    if export_format not in ("guide-bundle", "devtools-recorder"):
        fail(f"unknown --format {export_format!r} (guide-bundle or devtools-recorder)")
    try:
        with ProjectStore.open(project, readonly=True) as store:
            loaded = store.load()
        if export_format == "devtools-recorder":
            _write_recordings(loaded, out, base_url or loaded.settings.app_url)
            return
        size = write_bundle(loaded, out)
        shipped = write_runtime(out) if runtime else None
    except (ProjectFileError, ExportError) as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"cannot write beside {out}: {exc.strerror or exc}")
    enabled = sum(1 for guide in loaded.guides if guide.enabled)
    typer.echo(f"wrote {out} ({enabled} guides, {size:,} bytes)")
    if shipped is not None:
        typer.echo(
            f"wrote {shipped.script.name} ({shipped.gzip_bytes:,} bytes gzipped) and {shipped.snippet.name}"
        )


def _write_recordings(project, out: Path, base_url: str | None) -> None:
    from .export.devtools import devtools_recordings

    if not base_url:
        fail("give --base-url: the project has no app address")
    out.mkdir(parents=True, exist_ok=True)
    files = devtools_recordings(project, base_url)
    for name, text in files.items():
        (out / name).write_text(text, encoding="utf-8")
    typer.echo(f"wrote {len(files)} DevTools Recorder recordings to {out}")


@app.command()
def validate(bundle: Annotated[Path, typer.Argument(help="Bundle file to check.")]) -> None:
    """Check a bundle: schema, digest, references between guides, sanitised content."""
    from .export import BundleError, read_bundle

    try:
        data = read_bundle(bundle)
    except BundleError as exc:
        fail(str(exc))
    typer.echo(f"ok: {bundle} ({len(data['guides'])} guides, {data['digest'][:19]}…)")


@app.command("check-targets")
def check_targets_command(
    project: Annotated[Path, typer.Argument(help="Project file whose targets to check.")],
    url: Annotated[str, typer.Option("--url", help="Base address of the app build to check against.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the results as JSON.")] = False,
    timeout_ms: Annotated[
        int | None, typer.Option("--timeout-ms", help="Wait per target (default: each step's own).")
    ] = None,
) -> None:
    """Report recorded targets that no longer resolve (or only ambiguously) on a build of the app."""
    from .browser import BrowserNotFound
    from .recorder.drift import check_targets, report_json
    from .store import ProjectFileError, ProjectStore

    try:
        with ProjectStore.open(project, readonly=True) as store:
            loaded = store.load()
        checks = check_targets(loaded, url, timeout_ms=timeout_ms)
    except (ProjectFileError, BrowserNotFound, ConnectionError) as exc:
        fail(str(exc))
    if as_json:
        typer.echo(report_json(checks))
    else:
        for check in checks:
            mark = "ok " if check.ok else "!! "
            typer.echo(
                f"{mark}{check.status:<15} {check.confidence:>5.2f}  {check.guide_name} › step "
                f"{check.step_number} ({check.url})"
            )
            for alternative in check.weighed:
                typer.echo(f"      candidate {alternative}")
        bad = sum(not check.ok for check in checks)
        typer.echo(
            f"{len(checks) - bad} of {len(checks)} targets found" + (f", {bad} need attention" if bad else "")
        )
    if any(not check.ok for check in checks):
        raise typer.Exit(EXIT_FAILED)


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
        int, typer.Option("--workers", min=1, max=32, help="Guides replayed in parallel.")
    ] = 1,
    timeout: Annotated[float, typer.Option("--timeout", help="Seconds before the whole run ends.")] = 600,
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
) -> None:
    """Replay guides headless and fail (exit 1) when a step would break for users."""
    from .browser import BrowserNotFound
    from .export import BundleError, read_bundle
    from .replay import ReplayError, junit_xml
    from .replay import replay as run_replay

    inputs = {}
    for item in input_values or []:
        key, sep, value = item.partition("=")
        if not sep or not key:
            fail(f"--input takes KEY=VALUE, not {item!r}")
        inputs[key] = value

    def progress(result) -> None:
        mark = "PASS" if result.passed else "FAIL"
        failed = [s for s in result.steps if s.status == "failed"]
        why = f" — step {failed[0].index + 1}: {failed[0].reason}: {failed[0].detail}" if failed else ""
        typer.echo(f"{mark} {result.name} ({len(result.steps)} steps, {result.seconds:.1f} s){why}")

    try:
        data = read_bundle(bundle)
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
            screenshots=report is not None,
            on_result=progress,
        )
    except (BundleError, ReplayError, BrowserNotFound) as exc:
        fail(str(exc))
    if junit is not None:
        junit.write_text(junit_xml(results), encoding="utf-8")
    if report is not None:
        from .replay.report import write_report

        typer.echo(f"report: {write_report(results, report)}")
    steps = [s for r in results for s in r.steps]
    failed = sum(s.status == "failed" for s in steps)
    passed = sum(s.status == "passed" for s in steps)
    typer.echo(
        f"{passed} of {len(steps)} steps passed in {len(results)} guides"
        + (f", {failed} failed" if failed else "")
    )
    if failed:
        raise typer.Exit(EXIT_FAILED)


@app.command("docs")
def docs_command(
    bundle: Annotated[Path, typer.Argument(help="Bundle whose guides to document.")],
    url: Annotated[str, typer.Option("--url", help="Base address of the app to photograph.")],
    out: Annotated[
        Path, typer.Option("-o", "--out", help="Folder for guides.md, its pictures and guides.html.")
    ],
    guide: Annotated[
        list[str] | None, typer.Option("--guide", help="Only this guide id (repeatable).")
    ] = None,
) -> None:
    """Write step-by-step documentation (Markdown and standalone HTML) from a replay of the guides."""
    from .browser import BrowserNotFound
    from .export import BundleError, read_bundle
    from .replay import ReplayError
    from .replay import replay as run_replay
    from .replay.docs import write_docs

    try:
        data = read_bundle(bundle)
        results = run_replay(data, url, guide_ids=guide or None)
        markdown, page = write_docs(results, data, out)
    except (BundleError, ReplayError, BrowserNotFound) as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"cannot write {out}: {exc.strerror or exc}")
    typer.echo(f"wrote {markdown} and {page}")


@app.command()
def schema(
    out: Annotated[Path | None, typer.Option("-o", "--out", help="Write here instead of stdout.")] = None,
) -> None:
    """Print the bundle's JSON Schema as generated from the models."""
    from .export import schema_text

    text = schema_text()
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")


@app.command("serve-demo")
def serve_demo(
    port: Annotated[int, typer.Option(help="Port on 127.0.0.1 (0 picks a free one).")] = 8765,
) -> None:
    """Serve the demo app (Ledgerly) on 127.0.0.1 until Ctrl+C."""
    from .demo_server import DemoServer

    try:
        server = DemoServer(port=port).start()
    except OSError as exc:
        fail(f"cannot serve on 127.0.0.1:{port} ({exc.strerror or exc})")
    typer.echo(f"demo app at {server.url}/  (Ctrl+C stops)")
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        server.stop()


def run() -> None:
    """Console-script entry point."""
    app()
