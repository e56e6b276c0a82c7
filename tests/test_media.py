"""Images kept in the project file: chosen or pasted in the editor, exported beside the bundle,
shown by the runtime at the width asked, with a placeholder when one does not load."""

from __future__ import annotations

import json
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from studio.app import ProjectSession
from studio.domain import Media, Modal, Project, Step
from studio.domain.media import image_type, local_media, media_name, media_src
from studio.store import ProjectStore

from .runtime_helpers import RUNTIME_JS, Player, bundle_of, callout, html


def png(width: int = 40, height: int = 20, rgb: tuple[int, int, int] = (200, 30, 30)) -> bytes:
    """A real PNG of one colour."""
    row = b"\x00" + bytes(rgb) * width
    chunk = lambda kind, data: (  # noqa: E731
        struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    )
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(row * height))
        + chunk(b"IEND", b"")
    )


SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>'


def studio(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "studio", *args], capture_output=True, text=True, timeout=60)


def test_only_real_images_are_kept_under_their_content_name():
    assert image_type(png()) == "png" and image_type(SVG) == "svg"
    assert image_type(b"\xff\xd8\xff\xe0 jfif") == "jpg" and image_type(b"GIF89a...") == "gif"
    for bad, words in (
        (b"", "empty"),
        (b"<html><script>", "not a PNG"),
        (b"\x89PNG" + b"0" * (6 << 20), "under 5 MB"),
    ):
        with pytest.raises(ValueError, match=words):
            image_type(bad)
    name = media_name(png())
    assert name.endswith(".png") and len(name) == 36 and media_name(png()) == name
    assert media_name(png(rgb=(0, 0, 0))) != name  # another picture, another name (never a stale cache)
    assert local_media(media_src(name)) == name
    assert local_media("https://cdn.example/media/" + name) is None and local_media("media/../x.png") is None
    with pytest.raises(ValueError, match="image, not a video"):
        Media(kind="video", src=media_src(name))
    with pytest.raises(ValueError):
        Media(src=media_src(name), alt="Chart", width=5000)


def _project_with_image(path: Path, src: str) -> None:
    project = Project(
        name="Images",
        guides=[
            Modal(
                id="hello",
                name="Hello",
                steps=[
                    Step(id="s", title="Our new chart", media=Media(src=src, alt="Sales by month", width=120))
                ],
            )
        ],
    )
    ProjectStore.create(path, project).close()


def test_an_added_image_is_exported_beside_the_bundle_and_refused_when_missing(tmp_path):
    project = tmp_path / "p.gstudio"
    _project_with_image(project, media_src(media_name(png())))
    out = tmp_path / "site" / "guides.bundle.json"
    out.parent.mkdir()
    missing = studio("export", str(project), "-o", str(out))
    assert (
        missing.returncode == 2
        and "error: the image of “Hello” step 1 is not in the project file" in missing.stderr
    )
    assert not out.exists() and not (out.parent / "media").exists()  # refused: nothing written

    session = ProjectSession.open(project)
    try:
        src = session.add_image(png())
        assert session.add_image(png()) == src  # the same picture is kept once
        assert session.image(src) == png() and session.image("https://x.example/a.png") is None
    finally:
        session.close()
    done = studio("export", str(project), "-o", str(out), "--runtime")
    assert done.returncode == 0, done.stderr
    assert "wrote 1 image(s)" in done.stdout
    bundle = json.loads(out.read_text())
    assert bundle["guides"][0]["steps"][0]["media"] == {
        "kind": "image",
        "src": src,
        "alt": "Sales by month",
        "width": 120,
    }
    assert (out.parent / src).read_bytes() == png()


def test_an_older_project_file_opened_read_only_has_no_images(tmp_path):
    project = tmp_path / "old.gstudio"
    _project_with_image(project, "https://cdn.example/chart.png")
    import sqlite3

    conn = sqlite3.connect(project)
    conn.execute("DROP TABLE media")
    conn.execute("PRAGMA user_version = 4")
    conn.commit()
    conn.close()
    with ProjectStore.open(project, readonly=True) as store:
        assert store.media(["0" * 32 + ".png"]) == {}
    with ProjectStore.open(project) as store:  # opening it to write brings it up to date
        store.put_media(media_name(png()), png())
        assert store.media([media_name(png())]) == {media_name(png()): png()}


def test_the_runtime_reads_project_images_beside_the_bundle_at_their_width(page, server, tmp_path):
    project = tmp_path / "p.gstudio"
    name = media_name(png())
    _project_with_image(project, media_src(name))
    with ProjectStore.open(project) as store:
        store.put_media(name, png())
    site = tmp_path / "site"
    (site / "guides").mkdir(parents=True)
    assert (
        studio("export", str(project), "-o", str(site / "guides" / "g.bundle.json"), "--runtime").returncode
        == 0
    )
    server.folder("/static/", site)
    url = server.page("/app/deep/page.html", html("<h1>App</h1>"))
    page.add_init_script(script=RUNTIME_JS)
    page.add_init_script(
        script="document.addEventListener('DOMContentLoaded', () => GuideRuntime.init("
        "{bundleUrl: '/static/guides/g.bundle.json'}).then(() => GuideRuntime.start('hello')))"
    )
    page.goto(url)
    image = callout(page).locator("img.gs-media")
    image.wait_for()
    page.wait_for_function(
        "() => document.querySelector('[data-guide-runtime]').shadowRoot.querySelector('img.gs-media').complete"
    )
    assert image.evaluate(
        "i => [i.naturalWidth, i.getBoundingClientRect().width, new URL(i.src).pathname]"
    ) == [
        40,
        120,
        f"/static/guides/media/{name}",
    ]
    assert image.get_attribute("alt") == "Sales by month"


def test_an_image_that_does_not_load_leaves_its_description(page, server):
    url = server.page("/app.html", html("<h1>App</h1>"))
    server.page("/big.svg", SVG.decode(), ctype="image/svg+xml")
    guides = [
        Modal(
            id="gone",
            name="Gone",
            steps=[Step(id="s", title="Gone", media=Media(src="/missing.png", alt="Team photo"))],
        ),
        Modal(
            id="far",
            name="Far",
            steps=[Step(id="s", title="Far", media=Media(src="https://elsewhere.example/a.png", alt="Logo"))],
        ),
        Modal(
            id="svg", name="SVG", steps=[Step(id="s", title="SVG", media=Media(src="/big.svg", alt="Square"))]
        ),
    ]
    Player(page, bundle_of(*guides), autoinit=True)
    page.goto(url)
    page.evaluate("GuideRuntime.start('gone')")
    placeholder = callout(page).locator(".gs-missing")
    placeholder.wait_for()
    assert placeholder.text_content() == "Team photo" and placeholder.get_attribute("role") == "img"
    page.keyboard.press("Escape")
    page.evaluate("GuideRuntime.start('far')")  # an origin the page did not allow: never requested
    callout(page).locator(".gs-missing").wait_for()
    assert callout(page).locator(".gs-missing").text_content() == "Logo"
    page.keyboard.press("Escape")
    page.evaluate("GuideRuntime.start('svg')")
    svg = callout(page).locator("img.gs-media")
    svg.wait_for()
    page.wait_for_function(
        "() => document.querySelector('[data-guide-runtime]').shadowRoot.querySelector('img.gs-media').complete"
    )
    box, modal = svg.bounding_box(), callout(page).bounding_box()
    assert box["height"] <= 360 < modal["width"] - 40  # an SVG without a size does not fill the modal


def test_the_preview_shows_project_images_from_the_project_file(page, server, tmp_path):
    from studio.app.recording import preview_in_browser
    from studio.app.tasks import prepare_preview

    project = tmp_path / "p.gstudio"
    name = media_name(png())
    _project_with_image(project, media_src(name))
    with ProjectStore.open(project) as store:
        store.put_media(name, png())
    server.page("/app/index.html", html("<h1>App</h1>"))
    preview = prepare_preview(project, "hello", 0, server.url + "/app/index.html")
    page.add_init_script(script=RUNTIME_JS)
    preview_in_browser(page, preview)
    image = callout(page).locator("img.gs-media")
    image.wait_for()
    page.wait_for_function(
        "() => document.querySelector('[data-guide-runtime]').shadowRoot.querySelector('img.gs-media').complete"
    )
    assert image.evaluate("i => i.naturalWidth") == 40  # answered from the project, not the app's server


def test_the_editor_keeps_a_pasted_image_and_refuses_a_file_that_is_not_one(qtbot, tmp_path, monkeypatch):
    from PySide6.QtGui import QGuiApplication, QImage
    from PySide6.QtWidgets import QFileDialog

    from studio.ui.guide_editor import GuideEditor

    project = tmp_path / "p.gstudio"
    _project_with_image(project, "https://cdn.example/chart.png")
    session = ProjectSession.open(project)
    try:
        editor = GuideEditor()
        qtbot.addWidget(editor)
        editor.set_session(session)
        assert editor.show_guide("hello", 0)
        field = editor.step_form.editor(("media",))
        QGuiApplication.clipboard().setImage(QImage.fromData(png(rgb=(10, 120, 10))))
        field.paste.click()
        src = session.store.get_guide("hello").steps[0].media.src
        assert local_media(src) and session.image(src)[:8] == b"\x89PNG\r\n\x1a\n"
        assert field.src.text() == src and not field.thumb.isHidden()
        assert session.store.get_guide("hello").steps[0].media.width == 120  # the rest of the image kept
        text = tmp_path / "notes.png"
        text.write_text("not really a picture")
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(text), ""))
        field.choose.click()
        assert field.note.text() == "Not added: this file is not a PNG, JPEG, GIF, WebP or SVG image"
        assert session.store.get_guide("hello").steps[0].media.src == src  # nothing lost
        assert field.thumb.pixmap().width() == 120  # shown at the width users will see
        field.width.setValue(0)
        assert field.thumb.pixmap().width() == 40  # its own width: never blown up
        field.width.setValue(200)
        assert session.store.get_guide("hello").steps[0].media.width == 200
    finally:
        session.close()
