"""Page trees in several front-end styles; ground truth lives in the tree, never in the HTML."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from html import escape

STYLES = ("semantic", "css_modules", "utility", "angular", "legacy_table")
CUSTOMERS = [
    "Globex",
    "Initech",
    "Hooli",
    "Umbrella",
    "Stark",
    "Wayne",
    "Acme",
    "Vandelay",
    "Soylent",
    "Tyrell",
]
NAV = ["Dashboard", "Customers", "Invoices", "Reports", "Settings"]
TOOLBAR = ["Save", "Cancel", "Export", "Delete", "Archive"]
FIELDS = [("name", "Full name"), ("email", "Email"), ("company", "Company"), ("phone", "Phone")]


@dataclass
class Node:
    """An element; ``key`` is its identity across versions (never rendered)."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)
    key: str | None = None

    def walk(self):
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.walk()


def render(node: Node | str) -> str:
    if isinstance(node, str):
        return escape(node)
    attrs = "".join(f' {k}="{escape(v, quote=True)}"' if v != "" else f" {k}" for k, v in node.attrs.items())
    if node.tag in ("input", "img", "br"):
        return f"<{node.tag}{attrs}>"
    return f"<{node.tag}{attrs}>{''.join(render(c) for c in node.children)}</{node.tag}>"


def document(body: Node) -> str:
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>App</title>'
        "<style>body{font:14px sans-serif}button,a{margin:2px;padding:4px 8px;display:inline-block}"
        "input{display:block;margin:4px 0}.hidden{display:none}</style></head>" + render(body) + "</html>"
    )


def path_to(body: Node, key: str) -> str | None:
    """A CSS path from body to the element with ``key`` (nth-child), for the harness only."""

    def search(node: Node, trail: list[str]) -> list[str] | None:
        if node.key == key:
            return trail
        elements = [c for c in node.children if isinstance(c, Node)]
        for index, child in enumerate(elements, 1):
            found = search(child, [*trail, f":nth-child({index})"])
            if found is not None:
                return found
        return None

    trail = search(body, [])
    return None if trail is None else " > ".join(["body", *trail])


class Styler:
    """How one front-end style renders the same app (ids, classes, labels, framework attributes)."""

    def __init__(self, style: str, rng: random.Random) -> None:
        self.style = style
        self.rng = rng
        self.counter = rng.randint(1, 50)
        self.build = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(5))

    def token(self, n: int = 5) -> str:
        return "".join(self.rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(n))

    def cls(self, component: str, part: str) -> str:
        if self.style == "css_modules":
            return f"{component}_{part}__{self.token()}"
        if self.style == "utility":
            return "px-4 py-2 rounded text-sm font-medium bg-white border"
        if self.style == "angular":
            return f"{part} ng-star-inserted"
        if self.style == "legacy_table":
            return "btn"
        return f"{component.lower()}-{part}"

    def extra(self) -> dict[str, str]:
        return {f"_ngcontent-ng-c{self.counter}{self.build[:3]}": ""} if self.style == "angular" else {}

    def auto_id(self, semantic: str) -> str | None:
        if self.style == "semantic":
            return semantic
        if self.style == "angular":
            self.counter += 1
            return f"mat-input-{self.counter}"
        if self.style == "css_modules":
            return f":r{self.token(2)}:"
        if self.style == "legacy_table":
            return f"ctl00_MainContent_{semantic.replace('-', '_')}"
        return None


def build_app(style: str, seed: int) -> tuple[Node, list[str]]:
    """The v1 page of a small SaaS screen and the keys of the elements guides would target."""
    rng = random.Random(seed)
    st = Styler(style, rng)
    targets: list[str] = []

    def el(tag, attrs=None, children=None, key=None):
        a = {k: v for k, v in (attrs or {}).items() if v is not None}
        a.update(st.extra())
        return Node(tag, a, children or [], key)

    nav = el(
        "nav",
        {"aria-label": "Main" if style != "utility" else None, "class": st.cls("Nav", "bar")},
        [
            el(
                "a",
                {
                    "href": f"/{n.lower()}",
                    "class": st.cls("Nav", "link"),
                    "data-testid": f"nav-{n.lower()}" if style == "semantic" and rng.random() < 0.6 else None,
                },
                [n],
                key=f"nav:{n}",
            )
            for n in NAV
        ],
    )
    targets += [f"nav:{n}" for n in rng.sample(NAV, 3)]
    toolbar = el(
        "div",
        {"role": "toolbar" if style in ("semantic", "angular") else None, "class": st.cls("Toolbar", "root")},
        [
            el(
                "button",
                {
                    "type": "button",
                    "class": st.cls("Toolbar", "button"),
                    "id": st.auto_id(f"{b.lower()}-button") if style != "utility" else None,
                    "data-testid": b.lower() if style == "semantic" and b in ("Save", "Delete") else None,
                },
                [b],
                key=f"tool:{b}",
            )
            for b in TOOLBAR
        ],
    )
    targets += [f"tool:{b}" for b in rng.sample(TOOLBAR, 3)]
    fields = []
    for name, label in FIELDS:
        field_id = st.auto_id(f"field-{name}")
        if style == "utility":
            fields.append(
                el(
                    "div",
                    {"class": "mb-4"},
                    [
                        el("div", {"class": "text-xs"}, [label]),
                        el("input", {"placeholder": label, "class": "w-full border"}, key=f"field:{name}"),
                    ],
                )
            )
        elif style == "css_modules":
            fields.append(
                el(
                    "label",
                    {"class": st.cls("Field", "label")},
                    [
                        label,
                        el("input", {"name": name, "class": st.cls("Field", "input")}, key=f"field:{name}"),
                    ],
                )
            )
        else:
            fields.append(
                el(
                    "div",
                    {"class": st.cls("Form", "row")},
                    [
                        el("label", {"for": field_id}, [label]),
                        el(
                            "input",
                            {
                                "id": field_id,
                                "name": name if style != "angular" else None,
                                "class": st.cls("Form", "input"),
                            },
                            key=f"field:{name}",
                        ),
                    ],
                )
            )
    form = el(
        "form",
        {"aria-label": "Profile" if style == "semantic" else None, "class": st.cls("Form", "root")},
        [el("h2", {}, ["Profile"]), el("fieldset", {}, fields[:2]), el("fieldset", {}, fields[2:])],
    )
    targets += [f"field:{n}" for n, _ in rng.sample(FIELDS, 2)]
    rows = []
    count = 8 if style == "legacy_table" else 4
    for customer in CUSTOMERS[:count]:
        rows.append(
            el(
                "tr",
                {"class": st.cls("Table", "row")},
                [
                    el("td", {}, [customer]),
                    el(
                        "td",
                        {},
                        [
                            el(
                                "button",
                                {"type": "button", "class": st.cls("Table", "action")},
                                ["Edit"],
                                key=f"row:{customer}:Edit",
                            ),
                            el(
                                "button",
                                {
                                    "type": "button",
                                    "class": st.cls("Table", "action"),
                                    "aria-label": f"Delete {customer}" if style == "semantic" else None,
                                },
                                ["Delete"],
                                key=f"row:{customer}:Delete",
                            ),
                        ],
                    ),
                ],
            )
        )
    table = el("table", {"class": st.cls("Table", "root")}, [el("tbody", {}, rows)])
    for customer in rng.sample(CUSTOMERS[:count], 2):
        targets.append(f"row:{customer}:{rng.choice(['Edit', 'Delete'])}")
    main = el("main", {"class": st.cls("Page", "main")}, [el("h1", {}, ["Customers"]), toolbar, form, table])
    body = Node("body", {}, [el("header", {"class": st.cls("Header", "root")}, [nav]), main])
    return body, targets
