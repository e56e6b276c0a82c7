"""``--a11y``: axe-core on the page with each step shown; the guide's own violations fail the step,
the app's own are listed apart."""

from __future__ import annotations

from functools import cache

AXE_RUN = """
async () => {
  const found = await axe.run(document, {resultTypes: ["violations"]});
  const ours = [], app = [];
  for (const v of found.violations) {
    const mine = v.nodes.filter(n => JSON.stringify(n.target).includes("data-guide-runtime"));
    if (mine.length) ours.push(`${v.id} (${mine.length}): ${v.help}`);
    if (mine.length < v.nodes.length) app.push(v.id);
  }
  return {ours, app};
}
"""
"""Run axe; split the violations into the guide's (inside the runtime's host) and the app's."""


class A11yUnavailable(Exception):
    """axe-core is not installed; the message says how to get it."""


@cache
def axe_script() -> str:
    """axe-core's script, as shipped by axe-playwright-python (the studio's dev extra)."""
    try:
        from axe_playwright_python.base import AXE_SCRIPT
    except ImportError:
        raise A11yUnavailable(
            "--a11y needs axe-core: pip install 'axe-playwright-python>=0.1.4,<0.2' (in the dev extra)"
        ) from None
    return AXE_SCRIPT
