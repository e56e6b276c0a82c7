"""`studio export`: the bundle (or DevTools Recorder recordings); with --runtime, the runtime of its kinds."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import app, fail


@app.command()
def export(
    project: Annotated[Path, typer.Argument(help="Project file to export.")],
    out: Annotated[Path, typer.Option("-o", "--out", help="Bundle file (or folder, for devtools-recorder).")],
    runtime: Annotated[
        bool,
        typer.Option(
            "--runtime",
            help="Also write the minified runtime (the bundle's kinds) and an embed snippet beside it.",
        ),
    ] = False,
    runtime_kinds: Annotated[
        str,
        typer.Option(
            "--runtime-kinds",
            help="Kinds the runtime plays besides the bundle's: 'all' (for bundles published later through"
            " bundleUrl that may hold other kinds; a --sign export's default), or a comma-separated list"
            " (survey,banner).",
        ),
    ] = "",
    export_format: Annotated[
        str, typer.Option("--format", help="guide-bundle, or devtools-recorder (a folder of recordings).")
    ] = "guide-bundle",
    base_url: Annotated[
        str | None,
        typer.Option("--base-url", help="App address for devtools-recorder (default: the project's)."),
    ] = None,
    sign: Annotated[
        Path | None,
        typer.Option(
            "--sign", help="Sign the bundle with this Ed25519 key (from `studio keygen`): writes BUNDLE.sig."
        ),
    ] = None,
) -> None:
    """Write the project's guide bundle (one deterministic JSON file), or DevTools Recorder recordings."""
    from ..export import ExportError, build_bundle, write_bundle
    from ..export.media import shipped_media, write_media
    from ..export.runtime import write_runtime
    from ..export.signing import SigningError, public_key, sign_file
    from ..store import ProjectFileError, ProjectStore

    if export_format not in ("guide-bundle", "devtools-recorder"):
        fail(f"unknown --format {export_format!r} (guide-bundle or devtools-recorder)")
    if runtime_kinds.strip() and not runtime:
        fail("--runtime-kinds needs --runtime (it chooses the kinds of the runtime that --runtime writes)")
    extra_kinds = _runtime_kinds(runtime_kinds)
    try:
        with ProjectStore.open(project, readonly=True) as store:
            loaded = store.load()
            used = shipped_media(loaded.guides)
            images = store.media(used)
        if export_format == "devtools-recorder":
            _write_recordings(loaded, out, base_url or loaded.settings.app_url)
            return
        public = (
            public_key(sign) if sign is not None else None
        )  # a bad key refuses before anything is written
        build_bundle(loaded)  # refuses a broken project before any image is written
        write_media(out, used, images)
        size = write_bundle(loaded, out)
        signature = sign_file(out, sign) if sign is not None else None
        shipped = write_runtime(out, public_key=public, kinds=extra_kinds) if runtime else None
    except (ProjectFileError, ExportError, SigningError) as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"cannot write beside {out}: {exc.strerror or exc}")
    enabled = sum(1 for guide in loaded.guides if guide.enabled)
    typer.echo(f"wrote {out} ({enabled} guides, {size:,} bytes)")
    if used:
        typer.echo(
            f"wrote {len(used)} image(s) in {out.parent / 'media'}: serve the folder beside the bundle"
        )
    if signature is not None:
        typer.echo(f"wrote {signature.name} (Ed25519; the runtime checks it with publicKey {public})")
    _warn_lint(loaded)
    if shipped is not None:
        held = (
            "every kind"
            if shipped.full
            else f"only {', '.join(shipped.kinds)}: --runtime-kinds all for every kind"
        )
        typer.echo(
            f"wrote {shipped.script.name} ({held}; {shipped.gzip_bytes:,} bytes gzipped),"
            f" {shipped.snippet.name} and {shipped.csp_snippet.name} (for a strict Content-Security-Policy);"
            f" {shipped.module.name}"
            " (the ES module) with its type declarations"
        )


def _runtime_kinds(value: str) -> tuple[str, ...] | None:
    """``--runtime-kinds``: None for every kind, else the kinds asked for besides the bundle's."""
    from ..domain import GUIDE_KINDS

    if value.strip() == "all":
        return None
    kinds = tuple(k.strip() for k in value.split(",") if k.strip())
    unknown = [k for k in kinds if k not in GUIDE_KINDS]
    if unknown:
        fail(f"unknown kind {unknown[0]!r} in --runtime-kinds (all, or some of: {', '.join(GUIDE_KINDS)})")
    return kinds


def _warn_lint(project) -> None:
    """Name on stderr the guides the bundle ships that nobody would see (export still succeeds)."""
    from ..domain.lint import lint

    for problem in lint(project.guides):
        typer.echo(f"warning: {problem.line()}", err=True)


def _write_recordings(project, out: Path, base_url: str | None) -> None:
    from ..export.devtools import devtools_recordings

    if not base_url:
        fail("give --base-url: the project has no app address")
    out.mkdir(parents=True, exist_ok=True)
    files = devtools_recordings(project, base_url)
    for name, text in files.items():
        (out / name).write_text(text, encoding="utf-8")
    typer.echo(f"wrote {len(files)} DevTools Recorder recordings to {out}")
