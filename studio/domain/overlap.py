"""Whether two URL rules can ever match the same page: a conservative check for the project lint.

``may_overlap`` answers False only when no address can satisfy both rules; whenever it
cannot be sure (regular expressions, rules compared with different parts of the address)
it answers True, so the lint never reports a problem that is not there.
"""

from __future__ import annotations

from .rules import UrlMatch, UrlRule

_HOST = "http://lint.invalid"


def _subject_kind(rule: UrlRule) -> int:
    """What the rule reads: 0 the path, 1 path + query + hash, 2 the whole address."""
    if "://" in rule.value:
        return 2
    if rule.with_query and not (rule.match is UrlMatch.prefix and not any(c in rule.value for c in "?#")):
        return 1  # a with-query prefix without ? or # reads the path just as a plain prefix does
    return 0


def _fixed_addresses(rule: UrlRule) -> list[str] | None:
    """Every address (up to what the rule ignores) a rule that names one subject matches; else None."""
    value = rule.value
    if rule.match is UrlMatch.exact:
        trimmed = value[:-1] if len(value) > 1 and value.endswith("/") else value
        subjects = [trimmed, trimmed + "/"]
    elif rule.match is UrlMatch.glob and "*" not in value:
        subjects = [value]
    else:
        return None
    if "://" in value:
        return subjects
    return [_HOST + subject for subject in subjects if subject.startswith("/")]


def _literal_ends(glob: str) -> tuple[str, str]:
    """The literal text before the first ``*`` and after the last one."""
    return glob.split("*", 1)[0], glob.rsplit("*", 1)[-1]


def _compatible_prefixes(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


def may_overlap(a: UrlRule | None, b: UrlRule | None) -> bool:
    """False only when no page address can match both rules (None means every page)."""
    if a is None or b is None:
        return True
    for fixed, other in ((a, b), (b, a)):
        addresses = _fixed_addresses(fixed)
        if addresses is None or _subject_kind(other) > _subject_kind(fixed):
            continue  # the other rule reads parts of the address this one leaves open
        own = [address for address in addresses if fixed.matches(address)]
        if not own:
            return True  # cannot build an address the rule matches: do not guess
        return any(other.matches(address) for address in own)
    if _subject_kind(a) != _subject_kind(b):
        return True
    if UrlMatch.regex in (a.match, b.match) or UrlMatch.exact in (a.match, b.match):
        return True
    if a.match is UrlMatch.prefix and b.match is UrlMatch.prefix:
        return _compatible_prefixes(a.value, b.value)
    if a.match is UrlMatch.glob and b.match is UrlMatch.glob:
        (head_a, tail_a), (head_b, tail_b) = _literal_ends(a.value), _literal_ends(b.value)
        return _compatible_prefixes(head_a, head_b) and (tail_a.endswith(tail_b) or tail_b.endswith(tail_a))
    prefix, glob = (a, b) if a.match is UrlMatch.prefix else (b, a)
    return _compatible_prefixes(_literal_ends(glob.value)[0], prefix.value)
