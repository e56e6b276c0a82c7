"""Linear-time matching of URL globs and regexes (the runtime's construction, line for line).

Browsers' and Python's regex engines backtrack, so one rule like ``(a|a)+$`` or a glob like
``/**a**a**a…b`` could freeze a tab. Instead, rules compile to a Thompson NFA that reads the
address once, keeping a set of states: O(pattern × address) whatever the pattern. The subset:
literals, ``.``, classes ``[a-z]`` / ``[^/]``, ``\\d \\w \\s`` (ASCII) and their negations,
escaped punctuation, groups ``( )`` / ``(?: )``, ``|``, ``^ $`` and ``* + ? {n} {n,} {n,m}``.
Lookarounds, backreferences, named groups, flags and ``\\b`` are refused, by both sides alike
(``assets/runtime/src/56-rules.js`` and the shared vectors in ``tests/vectors/url_rules.json``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

MAX_STATES = 3000
MAX_REGEX_LENGTH = 200
_META = r"\-\\^$.|?*+()\[\]{}/"
_ESCAPE = rf"\\[dwsDWS{_META}]"
ATOM = re.compile(rf"(?:\[\^?(?:{_ESCAPE}|[^\]\\^\[])+\]|{_ESCAPE}|[^\\^$|?*+()\[\]{{}}])")
REPEAT = re.compile(r"(?:([*+?])|\{(\d{1,3})(,(\d{0,3}))?\})\??")
_GLOB_TOKEN = re.compile(r"\*\*|\*|[-\\^$.|?+()\[\]{}/]")


class PatternError(ValueError):
    """The pattern is outside the supported subset; the message says where."""


@dataclass
class _Node:
    test: re.Pattern[str] | str | None  # consumes one character / "^" or "$" / epsilon
    edges: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Nfa:
    """A compiled pattern: its nodes, start and final node."""

    nodes: tuple[_Node, ...]
    start: int
    final: int


def _compile(src: str) -> Nfa:
    nodes: list[_Node] = []
    pos = 0

    def mk(test: re.Pattern[str] | str | None = None) -> int:
        nodes.append(_Node(test))
        if len(nodes) > MAX_STATES:
            raise PatternError("the pattern is too complex (too many repeats)")
        return len(nodes) - 1

    def alt() -> tuple[int, int]:
        nonlocal pos
        s, f = mk(), mk()
        while True:
            b = seq()
            nodes[s].edges.append(b[0])
            nodes[b[1]].edges.append(f)
            if pos < len(src) and src[pos] == "|":
                pos += 1
                continue
            return s, f

    def atom() -> tuple[int, int]:
        nonlocal pos
        c = src[pos]
        if c == "(":
            pos += 3 if src.startswith("(?:", pos) else 1
            if pos < len(src) and src[pos] == "?":
                raise PatternError(
                    "lookarounds, named groups and inline flags are not supported; use ( ) or (?: )"
                )
            g = alt()
            if pos >= len(src) or src[pos] != ")":
                raise PatternError("a group is not closed")
            pos += 1
            return g
        if c in "^$":
            pos += 1
            g = mk(c)
            return g, g
        m = ATOM.match(src, pos)
        if not m:
            raise PatternError(
                f"unsupported syntax at character {pos + 1} ('{c}'): escape it with \\ "
                "or use the supported subset (no backreferences, \\b or lookarounds)"
            )
        pos = m.end()
        try:
            g = mk(re.compile(m.group(0), re.ASCII))
        except re.error as exc:
            raise PatternError(f"not a valid regular expression ({exc.msg})") from None
        return g, g

    def seq() -> tuple[int, int]:
        nonlocal pos, src
        s = f = mk()
        while pos < len(src) and src[pos] not in "|)":
            start, count = pos, len(nodes)
            a = atom()
            m = REPEAT.match(src, pos)
            q = m.group(1) if m else None
            if m and (isinstance(nodes[a[0]].test, str) or REPEAT.match(src, m.end())):
                raise PatternError("nothing to repeat: a quantifier must follow a character or a group")
            if m and not q:
                # A counted repeat is spelled out (x{2,3} as xx(?:x)?) and parsed again.
                x, lo = src[start:pos], int(m.group(2))
                hi = (int(m.group(4)) if m.group(4) else -1) if m.group(3) else lo
                if 0 <= hi < lo:
                    raise PatternError("a repeat's maximum is below its minimum")
                more = x + "*" if hi < 0 else ("(?:" + x) * (hi - lo) + ")?" * (hi - lo)
                src = src[:start] + x * lo + more + src[m.end() :]
                del nodes[count:]
                pos = start
                continue
            if m:
                pos = m.end()
            # f -> a -> j; ? and * may skip a (f -> j), + and * repeat it (j -> a)
            j = mk()
            nodes[f].edges.append(a[0])
            nodes[a[1]].edges.append(j)
            if q in ("*", "?"):
                nodes[f].edges.append(j)
            if q in ("*", "+"):
                nodes[j].edges.append(a[0])
            f = j
        return s, f

    top = alt()
    if pos < len(src):
        raise PatternError("a ')' has no matching '('")
    return Nfa(tuple(nodes), top[0], top[1])


@lru_cache(maxsize=512)
def compile_pattern(src: str) -> Nfa:
    """Compile a regex of the supported subset; PatternError for anything else."""
    return _compile(src)


def glob_source(pattern: str) -> str:
    """A URL glob as a pattern: ``**`` spans anything, ``*`` anything but ``/``."""

    def token(m: re.Match[str]) -> str:
        t = m.group(0)
        return ".*" if t == "**" else "[^/]*" if t == "*" else "\\" + t

    return "^" + _GLOB_TOKEN.sub(token, pattern) + "$"


def search(nfa: Nfa, text: str) -> bool:
    """Whether the pattern matches anywhere in ``text`` (like ``re.search``), in one pass."""
    nodes, seen, current = nfa.nodes, [0] * len(nfa.nodes), []
    for pos in range(len(text) + 1):
        stack = [nfa.start]
        for y in current:
            if nodes[y].test.fullmatch(text[pos - 1]):  # type: ignore[union-attr]
                stack.extend(nodes[y].edges)
        current = []
        while stack:
            x = stack.pop()
            if seen[x] == pos + 1:
                continue
            seen[x] = pos + 1
            node = nodes[x]
            if x == nfa.final:
                return True
            if isinstance(node.test, re.Pattern):
                current.append(x)
            elif node.test is None or (pos == 0 if node.test == "^" else pos == len(text)):
                stack.extend(node.edges)
    return False
