"""A fetched bundle is checked before it plays: integrity pins its bytes, a signature its author."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from studio.export.canonical import content_digest, file_bytes
from studio.export.runtime import MINIFIED_PATH, sri
from studio.export.signing import generate_key, integrity, public_key, sign_file, verify

from .conftest import EXAMPLE_PROJECT, ROOT

WELCOME = "Welcome to Ledgerly"


def studio(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "studio", *args], capture_output=True, text=True, cwd=ROOT, timeout=60
    )


def export(site: Path, *extra: str) -> Path:
    site.mkdir(exist_ok=True)
    out = site / "guides.json"
    done = studio("export", str(EXAMPLE_PROJECT), "-o", str(out), "--runtime", *extra)
    assert done.returncode == 0, done.stderr
    return out


def reworded(bundle: Path) -> None:
    """What an attacker who controls the bundle host does: change a text and re-seal the digest."""
    data = json.loads(bundle.read_text())
    for guide in data["guides"]:
        for step in guide.get("steps", []):
            step["title"] = step["title"].replace("Welcome", "Hacked")
    data["digest"] = content_digest(data)
    bundle.write_bytes(file_bytes(data))


def open_with(page, server, site: Path, snippet: str, headers: dict | None = None) -> list[str]:
    """Serve the site, open a page with the snippet pasted in; returns the runtime's console warnings."""
    server.folder("/", site)
    warnings: list[str] = []
    page.on("console", lambda m: m.type == "warning" and warnings.append(m.text))
    page.goto(
        server.page(
            "/dashboard.html",
            "<!doctype html><html lang='en'><head><title>x</title></head>"
            "<body><main><h1>Dashboard</h1></main>" + snippet + "</body></html>",
            headers=headers,
        )
    )
    return warnings


def again(page) -> None:
    """Reload as a new visitor (the welcome shows once per user)."""
    page.evaluate("localStorage.clear(); sessionStorage.clear()")
    page.reload()


def shows_welcome(page, timeout: float = 4000) -> bool:
    try:
        page.get_by_role("dialog", name=WELCOME).wait_for(timeout=timeout)
        return True
    except Exception:  # noqa: BLE001 - playwright's timeout: it did not show
        return False


def test_keys_sign_and_verify_exact_bytes(tmp_path: Path):
    public = generate_key(tmp_path / "key.pem")
    assert (tmp_path / "key.pem").stat().st_mode & 0o077 == 0
    assert public_key(tmp_path / "key.pem") == public
    bundle = tmp_path / "b.json"
    bundle.write_bytes(b'{"a": 1}\n')
    sig = sign_file(bundle, tmp_path / "key.pem").read_text()
    assert verify(b'{"a": 1}\n', sig, public)
    assert not verify(b'{"a": 2}\n', sig, public)
    other = generate_key(tmp_path / "other.pem")
    assert not verify(b'{"a": 1}\n', sig, other)
    assert integrity(b"abc") == sri("abc")


def test_bad_keys_are_refused_in_one_line_and_change_nothing(tmp_path: Path):
    (tmp_path / "key.pem").write_text("not a key")
    out = tmp_path / "guides.json"
    out.write_text("old")
    done = studio("export", str(EXAMPLE_PROJECT), "-o", str(out), "--sign", str(tmp_path / "key.pem"))
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0 and "not an unencrypted PEM private key" in done.stderr
    assert out.read_text() == "old" and not (tmp_path / "guides.json.sig").exists()
    done = studio("keygen", str(tmp_path / "key.pem"))
    assert done.returncode == 2 and "already exists" in done.stderr
    assert (tmp_path / "key.pem").read_text() == "not a key"


def test_the_snippet_pins_the_bundle_bytes(page, server, tmp_path: Path):
    site = tmp_path / "site"
    out = export(site)
    snippet = (site / "guides.embed.html").read_text()
    assert f'integrity: "{integrity(out.read_bytes())}"' in snippet
    warnings = open_with(page, server, site, snippet)
    assert shows_welcome(page)
    out.write_bytes(out.read_bytes().replace(b"\n}", b"\n }"))  # one byte more, the same JSON
    again(page)
    assert not shows_welcome(page, 1500)
    assert any("failed its integrity check" in w for w in warnings), warnings


def test_a_signed_bundle_plays_and_a_re_digested_one_is_refused(page, server, tmp_path: Path):
    site = tmp_path / "site"
    key = tmp_path / "key.pem"
    done = studio("keygen", str(key))
    assert done.returncode == 0, done.stderr
    public = done.stdout.split("public key: ")[1].strip()
    out = export(site, "--sign", str(key))
    snippet = (site / "guides.embed.html").read_text()
    assert f'publicKey: "{public}"' in snippet and "integrity:" not in snippet.split("<script>")[1]
    warnings = open_with(page, server, site, snippet)
    assert shows_welcome(page)
    # A newer signed export needs no new snippet.
    export(site, "--sign", str(key))
    again(page)
    assert shows_welcome(page)
    reworded(out)
    again(page)
    assert not shows_welcome(page, 1500)
    assert page.get_by_role("dialog").count() == 0
    assert any("failed its signature check" in w for w in warnings), warnings


def test_the_csp_snippet_needs_no_inline_script(page, server, tmp_path: Path):
    site = tmp_path / "site"
    export(site)
    snippet = (site / "guides.embed-csp.html").read_text()
    assert "<script>" not in snippet and "data-bundle-url=" in snippet
    csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'"
    violations: list[str] = []
    page.on("console", lambda m: "Content Security Policy" in m.text and violations.append(m.text))
    open_with(page, server, site, snippet, headers={"Content-Security-Policy": csp})
    assert shows_welcome(page)
    assert violations == []
    assert MINIFIED_PATH.read_text() == (site / "guide-runtime.min.js").read_text()
