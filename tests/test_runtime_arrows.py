"""The build's declarations-to-arrows pass (scripts/runtime_arrows.js) changes only what cannot tell."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from .conftest import ROOT

SCRIPT = ROOT / "scripts" / "runtime_arrows.js"

pytestmark = pytest.mark.skipif(
    not shutil.which("node") or not (ROOT / "node_modules" / "acorn").exists(),
    reason="needs Node.js and npm ci",
)


def arrows(tmp_path, source: str) -> str:
    src, out = tmp_path / "in.js", tmp_path / "out.js"
    src.write_text(source, encoding="utf-8")
    subprocess.run(["node", str(SCRIPT), str(src), str(out)], check=True, capture_output=True, timeout=60)
    return out.read_text(encoding="utf-8")


def run(source: str) -> str:
    return subprocess.run(
        ["node", "-e", source], check=True, capture_output=True, text=True, timeout=60
    ).stdout


def test_plain_functions_become_arrows(tmp_path):
    out = arrows(
        tmp_path, "(function () { function add(a, b) { return a + b; } console.log(add(1, 2)); })();"
    )
    assert "var add = (a, b) =>" in out
    assert run(out) == "3\n"


@pytest.mark.parametrize(
    "source",
    [
        # used before its line: a var would still be undefined there
        "(function () { console.log(late()); function late() { return 1; } })();",
        # reached before its line through a function the earlier code calls
        "(function () { var x = first(); function late() { return 2; } function first() { return late(); } console.log(x); })();",
        # handed out before its line, called later
        "(function () { var cb = [late]; function late() { return 3; } console.log(cb[0]()); })();",
        # its own this / arguments, new, prototype
        "(function () { function f() { return this === undefined; } console.log(f.call(1)); })();",
        "(function () { function f() { return arguments.length; } console.log(f(1, 2)); })();",
        "(function () { function C() { this.a = 4; } console.log(new C().a); })();",
        "(function () { function P() {} P.prototype.x = 5; console.log(Object.create(P.prototype).x); })();",
    ],
)
def test_functions_that_could_tell_stay_declarations(tmp_path, source):
    out = arrows(tmp_path, source)
    assert out.count("function ") == source.count("function ") and "=>" not in out  # nothing converted
    assert run(out) == run(source)


def test_nested_bodies_are_rewritten_too(tmp_path):
    source = "(function () { function outer() { function inner() { return 6; } return inner(); } console.log(outer()); })();"
    out = arrows(tmp_path, source)
    assert "var inner = () =>" in out and "var outer = () =>" in out
    assert run(out) == "6\n"
