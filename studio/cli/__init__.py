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

from .. import __version__

app = typer.Typer(
    name="studio",
    help="Guide Studio: author in-app guides, export bundles, check them in CI.",
    invoke_without_command=True,
    no_args_is_help=False,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2


def os_reason(exc: OSError) -> str:
    """One line for an operating-system error: what could not be used, and why."""
    where = f"{exc.filename}" if exc.filename else "a file the command needs"
    return f"cannot use {where}: {exc.strerror or exc}"


def _regular_input(path: Path) -> None:
    """Refuse (exit 2) a missing path or one that is not a regular file, before anything reads it:
    opening a pipe would wait for ever, a device never ends."""
    import os
    import stat

    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        fail(f"cannot read {path}: {exc.strerror or exc}")
    if not stat.S_ISREG(mode):
        kind = "a folder" if stat.S_ISDIR(mode) else "a pipe or a device"
        fail(f"cannot read {path}: not a regular file ({kind})")


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
        from ..ui.launch import run  # Qt is only imported when the window is wanted
    except ImportError as exc:
        fail(f"the desktop studio cannot start: {exc}")
    raise typer.Exit(run(project, serve_demo=serve_demo))


@app.command()
def new(
    project: Annotated[Path, typer.Argument(help="Project file to create.")],
    name: Annotated[str | None, typer.Option(help="Project name (default: the file name).")] = None,
) -> None:
    """Create an empty project file."""
    from ..domain import Project
    from ..store import ProjectFileError, ProjectStore

    try:
        ProjectStore.create(project, Project(name=name or project.stem)).close()
    except ProjectFileError as exc:
        fail(str(exc))
    typer.echo(f"created {project}")


@app.command()
def keygen(
    key: Annotated[Path, typer.Argument(help="Where to write the new private key (never overwritten).")],
) -> None:
    """Make an Ed25519 signing key for `studio export --sign`; prints the public key for the runtime."""
    from ..export.signing import SigningError, generate_key

    try:
        public = generate_key(key)
    except SigningError as exc:
        fail(str(exc))
    typer.echo(f"wrote {key} (keep it secret: it signs bundles)")
    typer.echo(f"public key: {public}")


@app.command()
def validate(bundle: Annotated[Path, typer.Argument(help="Bundle file to check.")]) -> None:
    """Check a bundle: schema, digest, references between guides, sanitised content."""
    from ..export import BundleError, read_bundle

    try:
        data = read_bundle(bundle)
    except BundleError as exc:
        fail(str(exc))
    typer.echo(f"ok: {bundle} ({len(data['guides'])} guides, {data['digest'][:19]}…)")


@app.command("lint")
def lint_command(
    path: Annotated[Path, typer.Argument(help="Project file or exported bundle to check.")],
    ignore: Annotated[
        list[str] | None, typer.Option("--ignore", help="Skip this rule (repeatable), e.g. never-started.")
    ] = None,
) -> None:
    """Report guides that would ship broken or that nobody would ever see (exit 1, one line each)."""
    from ..domain.lint import RULES, lint
    from ..export import BundleError, read_bundle
    from ..export.bundle import Bundle
    from ..store import ProjectFileError, ProjectStore
    from ..store.project_file import looks_like_project

    unknown = sorted(set(ignore or ()) - RULES.keys())
    if unknown:
        fail(f"unknown rule {unknown[0]!r} (rules: {', '.join(RULES)})")
    try:
        _regular_input(path)
        if looks_like_project(path):
            with ProjectStore.open(path, readonly=True) as store:
                guides = store.load().guides
        else:
            guides = Bundle.model_validate(read_bundle(path)).guides
    except OSError as exc:
        fail(f"cannot read {path}: {exc.strerror or exc}")
    except (ProjectFileError, BundleError) as exc:
        fail(str(exc))
    problems = lint(guides, ignore or ())
    for problem in problems:
        typer.echo(problem.line())
    if problems:
        typer.echo(f"{len(problems)} problem{'s' * (len(problems) > 1)} in {path}", err=True)
        raise typer.Exit(EXIT_FAILED)
    typer.echo(f"ok: {path} ({len(guides)} guides, no problems)")


@app.command("check-targets")
def check_targets_command(
    project: Annotated[Path, typer.Argument(help="Project file whose targets to check.")],
    url: Annotated[str, typer.Option("--url", help="Base address of the app build to check against.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the results as JSON.")] = False,
    timeout_ms: Annotated[
        int | None, typer.Option("--timeout-ms", help="Wait per target (default: each step's own).")
    ] = None,
    timeout: Annotated[
        float, typer.Option("--timeout", help="Seconds before the whole check ends, page loads included.")
    ] = 600,
) -> None:
    """Report recorded targets that no longer resolve (or only ambiguously) on a build of the app."""
    from ..browser import BrowserNotFound
    from ..recorder.drift import check_targets, needs_attention, report_json, status_of
    from ..store import ProjectFileError, ProjectStore

    try:
        with ProjectStore.open(project, readonly=True) as store:
            loaded = store.load()
        results = check_targets(loaded, url, timeout_ms=timeout_ms, timeout=timeout)
    except (ProjectFileError, BrowserNotFound, ConnectionError) as exc:
        fail(str(exc))
    except OSError as exc:  # e.g. an unreadable ~/.cache or a full /tmp while starting the browser
        fail(os_reason(exc))
    steps = [(result, step) for result in results for step in result.steps]
    if as_json:
        typer.echo(report_json(results))
    else:
        for result, step in steps:
            mark = "!! " if needs_attention(step) else "ok "
            typer.echo(
                f"{mark}{status_of(step):<15} {step.confidence or 0:>5.2f}  {result.name} › step "
                f"{step.index + 1} ({step.url})"
                + (f": {step.detail}" if step.error else f" — {step.notes}" if step.notes else "")
            )
            for alternative in step.weighed:
                typer.echo(f"      candidate {alternative}")
        bad = sum(needs_attention(step) for _, step in steps)
        typer.echo(
            f"{len(steps) - bad} of {len(steps)} targets found" + (f", {bad} need attention" if bad else "")
        )
    if any(needs_attention(step) for _, step in steps):
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
    from ..browser import BrowserNotFound
    from ..export import BundleError, read_bundle
    from ..replay import ReplayError
    from ..replay import replay as run_replay
    from ..replay.docs import write_docs

    try:
        data = read_bundle(bundle)
        results = run_replay(data, url, guide_ids=guide or None)
        markdown, page = write_docs(results, data, out)
    except (BundleError, ReplayError, BrowserNotFound) as exc:
        fail(str(exc))
    except OSError as exc:
        fail(os_reason(exc) if exc.filename else f"cannot write {out}: {exc.strerror or exc}")
    typer.echo(f"wrote {markdown} and {page}")


@app.command()
def schema(
    out: Annotated[Path | None, typer.Option("-o", "--out", help="Write here instead of stdout.")] = None,
) -> None:
    """Print the bundle's JSON Schema as generated from the models."""
    from ..export import schema_text

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
    from ..demo_server import DemoServer

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


# noqa below: registering `export`, `replay` and `merge-reports` on the app needs it defined first
from . import export_command, replay_commands  # noqa: E402, F401


def run(argv: list[str] | None = None) -> None:
    """Console-script entry point (``studio replay merge-reports`` is ``studio merge-reports``)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:2] == ["replay", "merge-reports"]:
        args = args[1:]
    app(args=args, prog_name="studio")
