"""Sanitising is idempotent over generated HTML: what export writes, validate accepts."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studio.domain import Modal, Project, Step
from studio.export import build_bundle, check_bundle
from studio.export.sanitize import sanitize_html

TAGS = [
    "p",
    "pre",
    "code",
    "b",
    "a",
    "img",
    "ul",
    "li",
    "br",
    "span",
    "script",
    "style",
    "div",
    "table",
    "td",
    "textarea",
    "title",
    "svg",
    "math",
    "noscript",
    "select",
    "option",
    "iframe",
    "template",
]
ATTRS = ["href", "src", "title", "onclick", "style", "alt", "target", "class", "rel"]
TEXT = st.lists(
    st.sampled_from(list("ab <>&;\"'=/\n\t\r#x0") + ["&amp;", "&lt;", "&#32;", "\u00a0", "é", "\ufeff"]),
    max_size=12,
).map("".join)
VALUES = st.one_of(
    TEXT, st.sampled_from(["javascript:alert(1)", "https://x.test/a?b=1&c=2", "mailto:a@b", "//x"])
)


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    def build(tag: str, attrs: list[tuple[str, str]], inner: list[str], closed: bool) -> str:
        attributes = "".join(f' {name}="{value}"' for name, value in attrs)
        return f"<{tag}{attributes}>{''.join(inner)}" + (f"</{tag}>" if closed else "")

    return st.builds(
        build,
        st.sampled_from(TAGS),
        st.lists(st.tuples(st.sampled_from(ATTRS), VALUES), max_size=2),
        st.lists(children, max_size=3),
        st.booleans(),
    )


HTML = st.recursive(TEXT, _element, max_leaves=12).map(str)
FRAGMENTS = st.lists(HTML, max_size=4).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(FRAGMENTS)
def test_sanitising_twice_changes_nothing(html: str):
    once = sanitize_html(html)
    assert sanitize_html(once) == once


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(FRAGMENTS)
def test_what_export_writes_validate_accepts(html: str):
    project = Project(
        name="Fuzz", guides=[Modal(id="m", name="M", steps=[Step(id="s", title="T", body=html)])]
    )
    check_bundle(build_bundle(project))  # raises BundleError ("export it again") if not idempotent


def test_the_reported_pre_case_settles():
    body = "<pre>\n\nnpm install</pre>"
    assert sanitize_html(sanitize_html(body)) == sanitize_html(body)
