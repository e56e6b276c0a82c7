"""Rebuild the runtime (``make runtime``): concatenate the sources, then minify with terser.

Needs Node.js and npm only here, at build time; the studio and its tests use the
committed files. Installs terser from package.json (``npm ci``) when it is missing.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from studio import __version__  # noqa: E402
from studio.export.runtime import (  # noqa: E402
    KINDS_PATH,
    MINIFIED_PATH,
    RUNTIME_PATH,
    gzip_size,
    minified_runtime,
    pieces,
)
from studio.paths import RUNTIME_DIR  # noqa: E402

SOURCE_DIR = RUNTIME_DIR / "src"
TYPES_DIR = RUNTIME_DIR / "types"
SCHEMA_PATH = ROOT / "studio" / "export" / "guide-bundle.schema.json"
TYPE_CHECKS = ROOT / "tests" / "types"
SOURCE_MARK = re.compile(r"source sha256:([0-9a-f]{16})")
KIND_CHUNKS = ("52-banner.js", "53-launcher.js", "54-survey.js", "55-center.js")
"""The later kinds' source files: each becomes a chunk of the minified runtime that an export leaves out when
its bundle has no guide of that file's kinds (they only add KINDS entries and their own helpers)."""
KIND_ENTRY = re.compile(r"^KINDS\.(\w+) =", re.M)


def _minify_css(css: str) -> str:
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = re.sub(r"\s+", " ", css)
    css = re.sub(r"\s*([{};,>])\s*", r"\1", css)
    css = re.sub(r":\s+", ":", css)  # a space before ":" stays: "a :focus" (a descendant) is not "a:focus"
    css = re.sub(r"\s+!important", "!important", css)
    # Sibling combinators lose their spaces; "calc(a + 2)" keeps them (a number follows, never a selector).
    css = re.sub(r"\s*([+~])\s+(?=[A-Za-z.#\[:*])", r"\1", css)
    return css.replace(";}", "}").strip()


def build_runtime(without: tuple[str, ...] = (), *, chunked: bool = False) -> str:
    """The readable single-file runtime, exactly as committed (``without``: source files left out, for the
    size bench's figures of what each part costs, with their styles; ``chunked``: each of KIND_CHUNKS wrapped
    as ``GS_CHUNK("52-banner", () => { … });``, what is minified)."""
    parts = [p for p in sorted(SOURCE_DIR.glob("*.js")) if p.name not in without]
    css = _minify_css((SOURCE_DIR / "styles.css").read_text(encoding="utf-8"))
    css += "".join(_chunk_css(part) for part in parts)  # one sheet: the chunks' styles after the core's

    def text(part: Path) -> str:
        code = part.read_text(encoding="utf-8").rstrip() + "\n"
        if chunked and part.name in KIND_CHUNKS:
            return f"GS_CHUNK({json.dumps(part.stem)}, () => {{\n{code}}});\n"
        return code

    body = "\n".join(text(part) for part in parts)
    return (
        f"/*! Guide Studio runtime {__version__} | MIT | built from assets/runtime/src by "
        "scripts/build_runtime.py: edit the sources, not this file */\n"
        "(function () {\n"
        '"use strict";\n'
        f"var VERSION = {json.dumps(__version__)};\n"
        f"var CSS = {json.dumps(css)};\n"
        f"{body}"
        "})();\n"
    )


def _chunk_css(part: Path) -> str:
    """A later kind's own styles (52-banner.css beside 52-banner.js), minified; empty when it has none."""
    sheet = part.with_suffix(".css")
    return (
        _minify_css(sheet.read_text(encoding="utf-8")) if part.name in KIND_CHUNKS and sheet.exists() else ""
    )


def source_digest(text: str) -> str:
    """The SHA-256 prefix the minified file records of the source it was built from."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def types_digest() -> str:
    """The SHA-256 prefix the declarations record of the schema and hand-written types they came from."""
    parts = [SCHEMA_PATH, *sorted(TYPES_DIR.iterdir())]
    return source_digest("\0".join(p.read_text(encoding="utf-8") for p in parts))


def types_are_current() -> bool:
    """Whether the committed declarations were built from the committed schema and types."""
    head = (RUNTIME_DIR / "guide-runtime.d.ts").read_text(encoding="utf-8")[:400]
    mark = re.search(r"types sha256:([0-9a-f]{16})", head)
    module = (RUNTIME_DIR / "guide-runtime.d.mts").read_text(encoding="utf-8")
    return (
        bool(mark) and mark.group(1) == types_digest() and module == (TYPES_DIR / "module.d.mts").read_text()
    )


def minified_is_current() -> bool:
    """Whether the committed minified file was built from the committed source."""
    mark = SOURCE_MARK.search(minified_runtime()[:400])
    return bool(mark) and mark.group(1) == source_digest(RUNTIME_PATH.read_text(encoding="utf-8"))


def pieces_are_current() -> bool:
    """Whether the committed chunk map (guide-runtime.kinds.json) was built with the committed minified file
    and names every later kind's chunk with the kinds its source file adds."""
    try:
        manifest = json.loads(KINDS_PATH.read_text(encoding="utf-8"))
        pieces()
    except (OSError, ValueError):
        return False
    chunks = {c["file"]: c["kinds"] for c in manifest["chunks"]}
    return (
        manifest["runtime"] == source_digest(minified_runtime())
        and chunks == {name: _kinds_of(SOURCE_DIR / name) for name in KIND_CHUNKS}
        and manifest["core"] == _core_kinds()
    )


def _core_kinds() -> list[str]:
    """The kinds every runtime plays: those the source files other than KIND_CHUNKS add."""
    return sorted(k for p in SOURCE_DIR.glob("*.js") if p.name not in KIND_CHUNKS for k in _kinds_of(p))


def _kinds_of(source: Path) -> list[str]:
    """The kinds a source file adds to the registry (``KINDS.banner = …``), sorted."""
    return sorted(KIND_ENTRY.findall(source.read_text(encoding="utf-8")))


def _plain_refs(node: object, *, titled: bool = True) -> None:
    """Shape the schema for json2ts: a ``$ref`` with a default and a titled property would each
    become a new named type (Frequency1…5, Name1…); the referenced type and inline types read better."""
    if isinstance(node, list):
        for item in node:
            _plain_refs(item)
    elif isinstance(node, dict):
        if "$ref" in node:
            for key in [k for k in node if k not in ("$ref", "description")]:
                del node[key]
        if not titled:
            node.pop("title", None)
        for key, value in node.items():
            if key == "properties":
                for prop in value.values():
                    _plain_refs(prop, titled=False)
            elif key == "$defs":
                for definition in value.values():
                    _plain_refs(definition)
            else:
                _plain_refs(value)


def _npx(*args: str, **kw: object) -> subprocess.CompletedProcess:
    return subprocess.run(["npx", "--no-install", *args], cwd=ROOT, text=True, **kw)


def build_types() -> None:
    """Write guide-runtime.d.ts (bundle types generated from the schema + the API, options and events)
    and guide-runtime.d.mts (the ES module's exports), then type-check them with tsc."""
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    _plain_refs(schema)
    schema["title"] = "GuideBundle"
    generated = _npx(
        "json2ts",
        "--bannerComment",
        "",
        "--maxItems",
        "-1",
        "--additionalProperties",
        "false",
        input=json.dumps(schema),
        capture_output=True,
        check=True,
    ).stdout
    (RUNTIME_DIR / "guide-runtime.d.ts").write_text(
        f"/* Guide Studio runtime {__version__}: types of the classic script (window.GuideRuntime).\n"
        "   Built by scripts/build_runtime.py from studio/export/guide-bundle.schema.json and\n"
        "   assets/runtime/types"
        f" (types sha256:{types_digest()}). */\n\n"
        + generated.strip()
        + "\n\n"
        + (TYPES_DIR / "api.d.ts").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    (RUNTIME_DIR / "guide-runtime.d.mts").write_text((TYPES_DIR / "module.d.mts").read_text(encoding="utf-8"))
    good = sorted(str(p) for p in TYPE_CHECKS.glob("uses_*"))
    _npx("tsc", "--noEmit", "--strict", "--module", "nodenext", "--skipLibCheck", "false", *good, check=True)
    for bad in sorted(TYPE_CHECKS.glob("misuses_*")):
        done = _npx("tsc", "--noEmit", "--strict", "--module", "nodenext", str(bad), capture_output=True)
        if done.returncode == 0:
            sys.exit(f"{bad.name} type-checks, but each line of it is a mistake the types must catch")


def main() -> None:
    """Write guide-runtime.js and guide-runtime.min.js, and the type declarations."""
    source = build_runtime()
    RUNTIME_PATH.write_text(source, encoding="utf-8")
    if not shutil.which("npx"):
        sys.exit("Node.js and npm are needed to minify the runtime: sudo apt-get install nodejs npm")
    if not (ROOT / "node_modules" / ".bin" / "terser").exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=ROOT, check=True)
    preamble = f"/*! Guide Studio runtime {__version__} | MIT | source sha256:{source_digest(source)} */"
    shipped, manifest = chunked_runtime(build_runtime(chunked=True), preamble)
    MINIFIED_PATH.write_text(shipped, encoding="utf-8")
    KINDS_PATH.write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    build_types()
    print(
        f"wrote {RUNTIME_PATH.name}, {MINIFIED_PATH.name} and {KINDS_PATH.name}: "
        f"{len(shipped):,} bytes minified, {gzip_size(shipped):,} gzipped; type declarations checked"
    )


def chunked_runtime(chunked_source: str, preamble: str) -> tuple[str, dict]:
    """The shipped runtime with every kind and the map of its later kinds' chunks, from the chunked source.

    terser minifies the whole runtime at once, as before; each later kind's code stays one arrow function
    passed to GS_CHUNK (an unknown global, so terser keeps the function whole and never moves code out of it;
    what only a chunk uses may be inlined into it, and what it uses of the core stays in the core). Each call
    becomes ``(() => …)()`` in the shipped file; an export leaves a chunk out by writing ``0`` in its place
    (studio.export.runtime.tailored_runtime), so no Node is needed there. Every one of the 2^n choices of
    chunks is parsed here before anything is written."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "chunked.js"
        source.write_text(chunked_source, encoding="utf-8")
        _node("runtime_chunks.js", "--own", str(source))
        minified = preamble + "\n" + minify(source).strip() + "\n"
        out = Path(tmp) / "min.js"
        out.write_text(minified, encoding="utf-8")
        found = json.loads(_node("runtime_chunks.js", str(out)))
        if [c["name"] for c in found] != [Path(n).stem for n in KIND_CHUNKS]:
            sys.exit(f"the minified runtime's chunks are {[c['name'] for c in found]}, not KIND_CHUNKS")
        shipped, at, spans = "", 0, []
        for chunk in found:
            start, end = chunk["fn"]
            if not minified[chunk["start"] : chunk["end"]].startswith("GS_CHUNK("):
                sys.exit("runtime_chunks.js's offsets do not match the text")
            shipped += minified[at : chunk["start"]]
            begin = len(shipped)
            shipped += "(" + minified[start:end] + ")()"
            spans.append([begin, len(shipped)])
            at = chunk["end"]
        shipped += minified[at:]
        manifest = {
            "runtime": source_digest(shipped),
            "core": _core_kinds(),
            "chunks": [
                {"file": name, "kinds": _kinds_of(SOURCE_DIR / name), "at": span, "css": css}
                for name, span, css in zip(KIND_CHUNKS, spans, _css_spans(shipped), strict=True)
            ],
        }
        choices = []
        for mask in range(2 ** len(spans)):
            left_out = [c for i, c in enumerate(manifest["chunks"]) if not mask >> i & 1]
            choices.append(Path(tmp) / f"choice{mask}.js")
            choices[-1].write_text(_leave_out(shipped, left_out), encoding="utf-8")
        _node("runtime_chunks.js", "--parse", *map(str, choices))
    return shipped, manifest


def _css_spans(shipped: str) -> list[list[int] | None]:
    """Where each chunk's styles sit in the shipped file's one style sheet (a string literal terser keeps
    as it is: the build stops if it ever escapes something, rather than guess), None for a chunk without."""
    core = _minify_css((SOURCE_DIR / "styles.css").read_text(encoding="utf-8"))
    own = [_chunk_css(SOURCE_DIR / name) for name in KIND_CHUNKS]
    sheet = core + "".join(own)
    if shipped.count(sheet) != 1:
        sys.exit("the style sheet is not in the minified runtime exactly once, as written")
    at, spans = shipped.index(sheet) + len(core), []
    for css in own:
        spans.append([at, at + len(css)] if css else None)
        at += len(css)
    return spans


def _leave_out(shipped: str, chunks: list[dict]) -> str:
    """What studio.export.runtime.tailored_runtime writes without these chunks (kept equal by a test)."""
    cuts = [(c["at"], "0") for c in chunks] + [(c["css"], "") for c in chunks if c["css"]]
    for (start, end), put in sorted(cuts, reverse=True):
        shipped = shipped[:start] + put + shipped[end:]
    return shipped


def _node(script: str, *args: str) -> str:
    done = subprocess.run(
        ["node", str(ROOT / "scripts" / script), *args], cwd=ROOT, capture_output=True, text=True
    )
    if done.returncode:
        sys.exit(f"scripts/{script} failed: {done.stderr.strip()}")
    return done.stdout


def minify(source: Path) -> str:
    """The shipped form of a readable runtime file: function declarations that may safely be arrows become
    arrows (scripts/runtime_arrows.js), then terser."""
    with tempfile.TemporaryDirectory() as tmp:
        arrows, out = Path(tmp) / "arrows.js", Path(tmp) / "min.js"
        done = subprocess.run(
            ["node", str(ROOT / "scripts" / "runtime_arrows.js"), str(source), str(arrows)],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        if done.returncode:
            sys.exit(f"scripts/runtime_arrows.js failed: {done.stderr.strip()}")
        _terser(arrows, out)
        return out.read_text(encoding="utf-8")


def _terser(source: Path, out: Path) -> None:
    """Minify source into out."""
    subprocess.run(
        [
            "npx",
            "--no-install",
            "terser",
            str(source),
            "--ecma",
            "2020",
            "--compress",
            "passes=3,ecma=2020,unsafe_arrows=true,unsafe_methods=true",
            "--mangle",
            # Internal fields and methods are spelled _name (nothing public is): renamed too.
            "--mangle-props",
            "regex=/^_/",
            "--comments",
            "false",
            "-o",
            str(out),
        ],
        cwd=ROOT,
        check=True,
    )


if __name__ == "__main__":
    main()
