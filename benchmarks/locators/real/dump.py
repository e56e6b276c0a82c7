# ruff: noqa: E501  (the JavaScript below reads better unwrapped)
"""List the targets an author could point at on a page: ``python -m benchmarks.locators.real.dump URL``.

A helper for writing truth files by hand: one line per visible control with its path,
role, name, href and context. It never decides a mapping.
"""

from __future__ import annotations

import sys

from playwright.sync_api import sync_playwright

from studio.browser import launch_options
from studio.export.runtime import RUNTIME_PATH

from .serve import install

LIST_JS = r"""() => {
  const D = GuideRuntime.dom;
  function path(el) {
    const parts = [];
    for (let n = el; n && n.nodeType === 1 && n !== document.documentElement; n = n.parentElement) {
      if (n.id && document.querySelectorAll('#' + CSS.escape(n.id)).length === 1) { parts.unshift('#' + CSS.escape(n.id)); break; }
      const p = n.parentElement;
      parts.unshift(p ? n.localName + ':nth-child(' + (Array.from(p.children).indexOf(n) + 1) + ')' : n.localName);
    }
    return parts.join(' > ');
  }
  const sel = 'a,button,input,select,textarea,label,[role=tab],[role=button],[role=menuitem],[role=switch],summary,th,[data-toggle],[data-bs-toggle],.nav-link,.dropdown-item';
  return Array.from(document.querySelectorAll(sel)).filter(e => {
    const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 || e.type === 'checkbox';
  }).map(e => [path(e), e.localName, D.roleOf(e) || '', (D.nameOf(e) || e.textContent.trim()).slice(0, 50),
    e.getAttribute('href') || e.getAttribute('name') || e.getAttribute('type') || '', D.contextOf(e).join(' | ').slice(0, 90)]);
}"""


def open_page(playwright, address: str):
    """A browser page on ``address`` with the runtime loaded, the corpus routed, settled."""
    browser = playwright.chromium.launch(**launch_options())
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(script=RUNTIME_PATH.read_text(encoding="utf-8"))
    install(context)
    page = context.new_page()
    page.goto(address, wait_until="load", timeout=30000)
    page.wait_for_timeout(800)
    return browser, page


def main() -> None:
    """Print the list for each address given."""
    with sync_playwright() as playwright:
        for address in sys.argv[1:]:
            browser, page = open_page(playwright, address)
            print(f"## {address}")
            for i, row in enumerate(page.evaluate(LIST_JS)):
                print(i, " ¦ ".join(row[1:]), " ⟶ ", row[0])
            browser.close()


if __name__ == "__main__":
    main()
