"""Release mutations: what a new version of an app does to the elements guides point at."""

from __future__ import annotations

import copy
import random
import re

from .pages import Node

REWORDS = {
    "Save": "Save changes",
    "Cancel": "Discard",
    "Export": "Export CSV",
    "Delete": "Remove",
    "Archive": "Move to archive",
    "Customers": "Clients",
    "Invoices": "Billing",
    "Reports": "Analytics",
    "Settings": "Preferences",
    "Dashboard": "Home",
    "Edit": "Modify",
    "Email": "Email address",
    "Full name": "Name",
    "Phone": "Phone number",
    "Company": "Organisation",
}
NEW_CUSTOMERS = ["Cyberdyne", "Oscorp", "Gringotts", "Monsters Inc", "Pied Piper"]


def _parent_of(body: Node, target: Node) -> Node | None:
    for node in body.walk():
        if any(child is target for child in node.children):
            return node
    return None


def _by_key(body: Node, key: str) -> Node | None:
    return next((n for n in body.walk() if n.key == key), None)


def regen(body: Node, rng: random.Random, targets: list[str], deleted: set[str]) -> None:
    """A rebuild: CSS-module hashes, React/Angular auto ids and view-encapsulation attributes change
    (consistently: a label's ``for`` follows its input's new id, as the framework would)."""
    ng = f"_ngcontent-ng-c{rng.randint(100, 999)}{rng.choice('xyz')}"
    shift = rng.randint(3, 9)
    memo: dict[str, str] = {}

    def token(old: str, n: int) -> str:
        if old not in memo:
            memo[old] = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(n))
        return memo[old]

    def retoken(value: str) -> str:
        value = re.sub(r"__([a-z0-9]{5})\b", lambda m: "__" + token(m.group(1), 5), value)
        value = re.sub(r"^:r([a-z0-9]{2}):$", lambda m: f":r{token(m.group(1), 2)}:", value)
        return re.sub(r"mat-input-(\d+)", lambda m: f"mat-input-{int(m.group(1)) + shift}", value)

    for node in body.walk():
        attrs = {}
        for key, value in node.attrs.items():
            if key.startswith("_ngcontent"):
                attrs[ng] = ""
            else:
                attrs[key] = retoken(value) if key in ("class", "id", "for") else value
        node.attrs = attrs


def insert_sibling(body, rng, targets, deleted):
    """A new control appears next to a target."""
    target = _by_key(body, rng.choice(targets))
    parent = _parent_of(body, target) if target else None
    if parent is None:
        return
    extra = copy.deepcopy(target)
    for node in extra.walk():
        node.key = None
        node.attrs.pop("id", None)
        node.attrs.pop("data-testid", None)
    label = rng.choice(["Share", "Duplicate", "Help", "New", "Print"])
    extra.children = [c if isinstance(c, Node) else label for c in extra.children] or [label]
    if extra.tag == "input":
        extra.attrs["placeholder"] = label
        extra.attrs.pop("name", None)
    parent.children.insert(rng.randint(0, parent.children.index(target)), extra)


def wrap(body, rng, targets, deleted):
    """A layout change wraps a target's container in another div (never where HTML forbids a div)."""
    target = _by_key(body, rng.choice(targets))
    parent = _parent_of(body, target) if target else None
    grand = _parent_of(body, parent) if parent else None
    while grand is not None and grand.tag in ("tr", "tbody", "thead", "table", "ul", "ol"):
        parent, grand = grand, _parent_of(body, grand)
    if grand is None:
        return
    index = next(i for i, c in enumerate(grand.children) if c is parent)
    grand.children[index] = Node("div", {"class": "layout-wrapper"}, [parent])


def reorder(body, rng, targets, deleted):
    """Items of a toolbar, menu or table are reordered."""
    target = _by_key(body, rng.choice(targets))
    parent = _parent_of(body, target) if target else None
    container = parent
    if target is not None and target.key and target.key.startswith("row:"):
        row = _parent_of(body, parent)
        container = _parent_of(body, row)
    if container is not None:
        rng.shuffle(container.children)


def reword(body, rng, targets, deleted):
    """Copy is reworded: a button, link or label gets a new text."""
    for node in rng.sample(list(body.walk()), len(list(body.walk()))):
        texts = [i for i, c in enumerate(node.children) if isinstance(c, str) and c in REWORDS]
        if texts and (node.key in targets or node.tag == "label" or (node.tag == "div" and node.children)):
            node.children[texts[0]] = REWORDS[node.children[texts[0]]]
            return


def drop_attr(body, rng, targets, deleted):
    """An attribute a selector relied on is removed (id, test id, aria-label, name)."""
    target = _by_key(body, rng.choice(targets))
    if target is not None:
        for attr in ("data-testid", "id", "aria-label", "name"):
            if attr in target.attrs:
                del target.attrs[attr]
                return


def tag_swap(body, rng, targets, deleted):
    """A button becomes a link styled as a button, or the other way round."""
    target = _by_key(body, rng.choice(targets))
    if target is None or target.tag not in ("a", "button"):
        return
    if target.tag == "button":
        target.tag = "a"
        target.attrs["href"] = "#"
        target.attrs["role"] = "button"
        target.attrs.pop("type", None)
    else:
        target.tag = "button"
        target.attrs.pop("href", None)
        target.attrs["type"] = "button"


def decoy(body, rng, targets, deleted):
    """A look-alike with the same role and text appears elsewhere (a new quick-actions panel)."""
    target = _by_key(body, rng.choice(targets))
    if target is None:
        return
    twin = copy.deepcopy(target)
    for node in twin.walk():
        node.key = None
        node.attrs.pop("id", None)
    main = next(n for n in body.walk() if n.tag == "main")
    main.children.append(Node("aside", {"class": "quick-actions"}, [Node("h2", {}, ["Quick actions"]), twin]))


def new_rows(body, rng, targets, deleted):
    """New records appear in a table: rows that look exactly like the others."""
    tbody = next((n for n in body.walk() if n.tag == "tbody"), None)
    if tbody is None or not tbody.children:
        return
    for name in rng.sample(NEW_CUSTOMERS, rng.randint(1, 3)):
        row = copy.deepcopy(rng.choice(tbody.children))
        for node in row.walk():
            node.key = None
            if "aria-label" in node.attrs:
                node.attrs["aria-label"] = re.sub(r"\S+$", name, node.attrs["aria-label"])
        row.children[0].children = [name]
        tbody.children.insert(rng.randint(0, len(tbody.children)), row)


def move_field(body, rng, targets, deleted):
    """A form field moves to another section of the form."""
    sets = [n for n in body.walk() if n.tag == "fieldset"]
    if len(sets) < 2 or not sets[0].children:
        return
    row = sets[0].children.pop(rng.randrange(len(sets[0].children)))
    sets[1].children.insert(rng.randint(0, len(sets[1].children)), row)


def spa_rerender(body, rng, targets, deleted):
    """A single-page app re-renders a view: new generated ids and hashes, reordered items, a new wrapper."""
    regen(body, rng, targets, deleted)
    reorder(body, rng, targets, deleted)
    wrap(body, rng, targets, deleted)


def delete(body, rng, targets, deleted):
    """A target is removed from the product: "not found" is the right answer."""
    key = rng.choice([k for k in targets if k not in deleted])
    target = _by_key(body, key)
    parent = _parent_of(body, target) if target else None
    if parent is not None:
        parent.children.remove(target)
        deleted.add(key)


WEIGHTED = [
    (insert_sibling, 0.2),
    (wrap, 0.15),
    (reorder, 0.15),
    (reword, 0.12),
    (drop_attr, 0.1),
    (tag_swap, 0.05),
    (decoy, 0.08),
    (new_rows, 0.1),
    (move_field, 0.05),
    (spa_rerender, 0.05),
]
PROFILES = {
    "realistic": {"regen": 0.8, "count": [1, 1, 1, 2, 2, 3], "delete": 0.3},
    "hard": {"regen": 1.0, "count": [4, 5, 6], "delete": 0.5},
}


def release(
    v1: Node, targets: list[str], rng: random.Random, profile: str
) -> tuple[Node, set[str], list[str]]:
    """The next version of the page: (v2 tree, deleted target keys, mutations applied)."""
    settings = PROFILES[profile]
    v2 = copy.deepcopy(v1)
    deleted: set[str] = set()
    applied = []
    if rng.random() < settings["regen"]:
        regen(v2, rng, targets, deleted)
        applied.append("regen")
    functions, weights = zip(*WEIGHTED, strict=True)
    for fn in rng.choices(functions, weights, k=rng.choice(settings["count"])):
        fn(v2, rng, targets, deleted)
        applied.append(fn.__name__)
    if rng.random() < settings["delete"]:
        delete(v2, rng, targets, deleted)
        applied.append("delete")
    return v2, deleted, applied
