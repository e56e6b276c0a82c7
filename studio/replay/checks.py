"""In-page checks of a step's target and callout, run with the shipped runtime's own resolver."""

TARGET_PROBE = """
(target) => {
  const r = GuideRuntime.resolve(target);
  const out = {confidence: r.confidence, status: "ok", detail: ""};
  if (!r.element) {
    out.status = r.ambiguous ? "ambiguous" : "not_found";
    out.detail = r.ambiguous ? "several elements match equally well" : "no element matches";
    return out;
  }
  const el = r.element;
  out.element = el.outerHTML.slice(0, 160);
  if (!GuideRuntime.dom.isVisible(el)) { out.status = "hidden"; out.detail = "the element is hidden or has no size"; return out; }
  const doc = el.ownerDocument, win = doc.defaultView, b = el.getBoundingClientRect();
  if (b.bottom <= 0 || b.right <= 0 || b.top >= win.innerHeight || b.left >= win.innerWidth) {
    out.status = "offscreen"; out.detail = "the element is outside the viewport after scrolling"; return out;
  }
  const x = b.left + b.width / 2, y = b.top + b.height / 2;
  let top = doc.elementFromPoint(x, y);
  while (top && top.shadowRoot && !top.hasAttribute("data-guide-runtime")) {
    const inner = top.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === top) break;
    top = inner;
  }
  if (top && top !== el && !el.contains(top) && !(el.shadowRoot && el.shadowRoot.contains(top))) {
    out.status = "covered";
    out.detail = "covered at its click point by " +
      (top.hasAttribute("data-guide-runtime") ? "the guide's own callout" : top.outerHTML.slice(0, 120));
  }
  return out;
}
"""

CALLOUT_PROBE = """
() => {
  const host = document.querySelector("[data-guide-runtime]");
  const box = host && host.shadowRoot.querySelector(".gs-callout");
  if (!box) return {status: "missing", detail: "no callout was rendered"};
  const b = box.getBoundingClientRect(), w = document.documentElement.clientWidth, h = document.documentElement.clientHeight;
  if (b.width < 1 || b.height < 1) return {status: "missing", detail: "the callout has no size"};
  if (b.left < -1 || b.top < -1 || b.right > w + 1 || b.bottom > h + 1)
    return {status: "clipped", detail: `the callout (${Math.round(b.left)},${Math.round(b.top)} ${Math.round(b.width)}x${Math.round(b.height)}) does not fit the ${w}x${h} viewport`};
  return {status: "ok", detail: ""};
}
"""
