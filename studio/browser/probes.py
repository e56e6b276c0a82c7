"""The in-page probes that judge a target and a guide's callout with the shipped runtime's resolver.

One copy serves QA replay (a step as the end user meets it) and the element check (is each
recorded element still there?). Every wait inside a probe is bounded and driven by animation
frames or DOM mutations, never by a fixed sleep.
"""

# Shared helpers, evaluated inside each probe: top-window boxes (through same-origin iframes),
# the topmost element at a point (through open shadow roots and same-origin iframes), and a
# short description of an element for a QA engineer.
_HELPERS = r"""
  const frame = () => new Promise(r => requestAnimationFrame(r));
  const boxOf = (el) => {
    const r = el.getBoundingClientRect();
    let x = r.left, y = r.top, win = el.ownerDocument.defaultView;
    while (win && win !== window && win.frameElement) {
      const f = win.frameElement, fr = f.getBoundingClientRect();
      x += fr.left + f.clientLeft; y += fr.top + f.clientTop; win = win.parent;
    }
    return {left: x, top: y, width: r.width, height: r.height, right: x + r.width, bottom: y + r.height};
  };
  const describe = (el) => {
    if (!el || !el.tagName) return String(el);
    let s = "<" + el.localName;
    if (el.id) s += " id=\"" + el.id + "\"";
    const cls = typeof el.className === "string" ? el.className.trim() : "";
    if (cls) s += " class=\"" + cls.slice(0, 60) + "\"";
    s += ">";
    const text = (el.innerText || el.textContent || "").trim().replace(/\s+/g, " ").slice(0, 40);
    return text ? s + " " + JSON.stringify(text) : s;
  };
  const isRuntime = (el) => !!el && !!el.closest && !!el.closest("[data-guide-runtime]");
  const topAt = (x, y) => {
    let doc = document, ox = 0, oy = 0, top = doc.elementFromPoint(x, y);
    for (let guard = 0; top && guard < 20; guard++) {
      if (top.shadowRoot && !top.hasAttribute("data-guide-runtime")) {
        const inner = top.shadowRoot.elementFromPoint(x - ox, y - oy);
        if (!inner || inner === top) break;
        top = inner; continue;
      }
      if (top.localName === "iframe") {
        let inner = null;
        try { inner = top.contentDocument; } catch (e) { inner = null; }
        if (!inner) break;
        const fr = top.getBoundingClientRect();
        ox += fr.left + top.clientLeft; oy += fr.top + top.clientTop;
        const next = inner.elementFromPoint(x - ox, y - oy);
        if (!next) break;
        doc = inner; top = next; continue;
      }
      break;
    }
    return top;
  };
  const inside = (el, node) => {
    for (let n = node; n; n = n.parentNode || n.host || null) if (n === el) return true;
    return false;
  };
  const why = (el) => {
    const s = getComputedStyle(el);
    if (el.matches && el.matches(":modal")) return "a modal <dialog> in the top layer";
    if (s.position === "fixed" || s.position === "sticky") return "a " + s.position + " element";
    for (let a = el.parentElement; a; a = a.parentElement) {
      const p = getComputedStyle(a).position;
      if (p === "fixed" || p === "sticky") return "a " + p + " element (" + describe(a) + ")";
      if (a.matches(":modal")) return "a modal <dialog> in the top layer";
    }
    return "another element";
  };
  const pointsOf = (b) => [[0.5, 0.5], [0.2, 0.2], [0.8, 0.2], [0.2, 0.8], [0.8, 0.8]].map(
    ([fx, fy]) => [b.left + b.width * fx, b.top + b.height * fy]);
  const clippers = (el) => {
    const out = [];
    for (let n = el.parentNode || el.host; n; n = n.parentNode || n.host || null) {
      if (n.nodeType === 11) { n = n.host; if (!n) break; }
      if (n.nodeType !== 1 || n === document.documentElement || n === el.ownerDocument.documentElement) {
        if (n.nodeType === 9 && n.defaultView && n.defaultView.frameElement) { n = n.defaultView.frameElement; out.push(n); }
        continue;
      }
      const s = getComputedStyle(n);
      if (s.overflowX !== "visible" || s.overflowY !== "visible") out.push(n);
    }
    return out;
  };
"""

TARGET_STATUS = r"""
  const resolveOnce = (target) => {
    const r = GuideRuntime.resolve(target);
    const out = {confidence: r.confidence || 0, status: "ok", detail: "", element: null};
    if (!r.element) {
      out.status = r.ambiguous ? "ambiguous" : "not_found";
      out.detail = r.ambiguous ? "several elements match equally well" : "no element matches";
      return out;
    }
    out.element = r.element;
    if (!GuideRuntime.dom.isVisible(r.element)) { out.status = "hidden"; out.detail = "the element is hidden or has no size"; }
    return out;
  };
"""

STEP_PROBE = (
    "async ([target, opts]) => {"
    + _HELPERS
    + TARGET_STATUS
    + r"""
  // First wait (bounded, on the runtime's own events) for the step to show ...
  if (opts.event) {
    const {index, ms} = opts.event;
    const log = window.__replayLog || (window.__replayLog = []);
    const match = ([n, d]) => ((n === "step_shown" || n === "target_not_found") && d.stepIndex === index) ||
                              n === "guide_completed" || n === "guide_dismissed";
    let seen = log.find(match);
    if (!seen) seen = await new Promise(done => {
      const names = ["step_shown", "target_not_found", "guide_completed", "guide_dismissed"];
      const off = () => { names.forEach(n => removeEventListener("guide-runtime:" + n, later)); clearTimeout(t); };
      const on = () => { const hit = log.find(match); if (hit) { off(); done(hit); } };
      const later = () => setTimeout(on, 0);
      names.forEach(n => addEventListener("guide-runtime:" + n, later));
      const t = setTimeout(() => { off(); done(null); }, ms);
    });
    if (!seen) return {event: null};
    if (seen[0] !== "step_shown") return {event: seen};
    opts.eventSeen = seen;
  }
  // ... or for an element of the guide's own UI (a hotspot's beacon, a checklist's launcher).
  const runtimeHost = () => document.querySelector("[data-guide-runtime]");
  if (opts.waitFor) {
    const end = performance.now() + opts.waitFor.ms;
    const present = () => {
      const h = runtimeHost(), el = h && h.shadowRoot && h.shadowRoot.querySelector(opts.waitFor.selector);
      return el && el.getBoundingClientRect().width > 0;
    };
    while (!present() && performance.now() < end) await frame();
    if (!present()) return {status: "missing", detail: "the guide's " + opts.waitFor.what + " never showed", event: null};
  }
  const host = runtimeHost();
  const shadow = host && host.shadowRoot;
  const calloutOf = () => shadow && (shadow.querySelector(opts.beacon ? ".gs-beacon" : ".gs-callout") ||
                                     shadow.querySelector(".gs-modal") || shadow.querySelector(".gs-banner") ||
                                     shadow.querySelector(".gs-survey") || shadow.querySelector(".gs-launch") ||
                                     shadow.querySelector(".gs-launcher"));
  // Let scrolling and placement come to rest (bounded).
  const end = performance.now() + (opts.settleMs || 1500);
  const boxes = () => {
    const r = target ? GuideRuntime.resolve(target).element : null, c = calloutOf();
    return JSON.stringify([r && boxOf(r), c && boxOf(c), scrollX, scrollY]);
  };
  // Two frames alike after the first: a smooth scroll may only start moving a frame after it was
  // asked for. One is enough when no scroll can be on its way: the runtime scrolls only to a
  // target it does not see (its bringIntoView, judged the same way here), and no scroll event
  // has come in the last 150 ms or is still going on (the replay's init script notes them).
  const runtimeSees = (el) => {
    const r = boxOf(el), v = window.visualViewport, l = el.getBoundingClientRect();
    const x = l.left + l.width / 2, y = l.top + l.height / 2;
    let seen = !v || r.left >= v.offsetLeft && r.top >= v.offsetTop && r.right <= v.offsetLeft + v.width &&
      r.bottom <= v.offsetTop + v.height;
    for (let p = el.parentElement; seen && p; p = p.parentElement) {
      const b = p.getBoundingClientRect();
      if (getComputedStyle(p).overflow !== "visible" && (x < b.left || x > b.right || y < b.top || y > b.bottom)) seen = false;
    }
    return seen && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
  };
  const scrolls = window.__replayScrolls;
  const calm = !!scrolls && !scrolls.going && performance.now() - scrolls.at > 150;
  const first = target ? GuideRuntime.resolve(target).element : null;
  const still = calm && (!target || (first && runtimeSees(first))) ? 1 : 2;
  for (let last = boxes(), same = 0; same < still && performance.now() <= end; ) {
    await frame();
    const key = boxes();
    same = key === last ? same + 1 : 0;
    last = key;
  }
  // The runtime re-places a callout or beacon on scroll, resize and a 300 ms poll: when the app moved the
  // element itself (Gentelella 1.4 slides its sidebar menu open at load), the callout may still sit where
  // the element was, for a fraction of a second. Give that poll its turn (bounded) instead of judging it.
  const stale = () => {
    const r = target && GuideRuntime.resolve(target).element, c = calloutOf();
    if (!r || !c) return false;
    const t = boxOf(r), b = boxOf(c), side = c.getAttribute("data-side");
    // the runtime centres a beacon on its element's top right corner
    if (opts.beacon) return Math.abs(b.left + b.width / 2 - t.right) > 2 || Math.abs(b.top + b.height / 2 - t.top) > 2;
    const gap = side && {bottom: b.top - t.bottom, top: t.top - b.bottom, right: b.left - t.right, left: t.left - b.right}[side];
    return !!side && (gap < 0 || gap > 40);
  };
  for (const until = performance.now() + 400; stale() && performance.now() < until; ) await frame();
  const nav = performance.getEntriesByType("navigation")[0];
  const out = {status: "ok", detail: "", confidence: null, point: null, primary: null, element: "",
               httpStatus: nav && nav.responseStatus || 0, path: location.pathname,
               event: opts.eventSeen || null, callout: null};
  // What the user sees is the visual viewport (on phones it can be a window onto a wider layout).
  const vv = window.visualViewport;
  const vx = vv ? vv.offsetLeft : 0, vy = vv ? vv.offsetTop : 0;
  const vw = Math.round(vv ? vv.width : document.documentElement.clientWidth);
  const vh = Math.round(vv ? vv.height : document.documentElement.clientHeight);
  const seen = ([x, y]) => [x - vx, y - vy];
  const fail = (status, detail) => { out.status = status; out.detail = detail; return out; };
  let tb = null, el = null;
  if (target) {
    const t = resolveOnce(target);
    out.confidence = t.confidence;
    if (t.status !== "ok") return fail(t.status, t.detail);
    el = t.element; tb = boxOf(el); out.element = describe(el);
    const cx = tb.left + tb.width / 2, cy = tb.top + tb.height / 2;
    for (const clip of clippers(el)) {
      const cb = clip.localName === "iframe" ? boxOf(clip) : boxOf(clip);
      if (cx < cb.left || cx > cb.right || cy < cb.top || cy > cb.bottom)
        return fail("clipped", "the element is cut off by its scroll container " + describe(clip) +
                    ": the container was not scrolled to it");
    }
    if (cx < vx || cy < vy || cx > vx + vw || cy > vy + vh)
      return fail("offscreen", "the element is outside the " + vw + "x" + vh + " viewport after scrolling");
    const hits = pointsOf(tb).map(([x, y]) => [x, y, topAt(x, y)]);
    const covering = hits.filter(([x, y, top]) => top && !inside(el, top) && !isRuntime(top));
    const own = hits.filter(([x, y, top]) => isRuntime(top));
    if (covering.length && (covering[0] === hits[0] || covering.length >= 3)) {
      const top = covering[0][2];
      return fail("covered", "covered at " + (covering[0] === hits[0] ? "its click point" : covering.length + " of 5 points") +
                  " by " + why(top) + ": " + describe(top));
    }
    if (hits[0][2] && isRuntime(hits[0][2]) || own.length >= 3)
      return fail("overlap", "covered at its click point by the guide's own callout");
    out.point = seen([hits[0][0], hits[0][1]]);
  }
  if (!opts.callout) return out;
  const box = calloutOf();
  if (!box) return fail("missing", "no callout was rendered");
  const b = boxOf(box);
  if (b.width < 1 || b.height < 1) return fail("missing", "the callout has no size");
  const what = opts.beacon ? "the beacon" : "the callout";
  if (b.left < vx - 1 || b.top < vy - 1 || b.right > vx + vw + 1 || b.bottom > vy + vh + 1)
    return fail("clipped", `${what} (${Math.round(b.left - vx)},${Math.round(b.top - vy)} ${Math.round(b.width)}x${Math.round(b.height)}) does not fit the ${vw}x${vh} viewport`);
  const blocked = pointsOf(b).map(([x, y]) => topAt(x, y)).filter(top => top && !isRuntime(top));
  if (blocked.length) return fail("covered", `${what} is covered by ${why(blocked[0])}: ${describe(blocked[0])}`);
  if (tb && !opts.beacon) {
    const w = Math.min(tb.right, b.right) - Math.max(tb.left, b.left);
    const h = Math.min(tb.bottom, b.bottom) - Math.max(tb.top, b.top);
    if (w > 2 && h > 2 && w * h > 0.25 * Math.min(tb.width * tb.height, b.width * b.height))
      return fail("overlap", "the callout covers its own target");
  }
  for (const part of box.querySelectorAll(".gs-title, .gs-body, .gs-btn, .gs-x")) {
    const s = getComputedStyle(part);
    if (part.scrollWidth > part.clientWidth + 1 ||
        (s.overflowY === "hidden" && part.scrollHeight > part.clientHeight + 1) ||
        boxOf(part).right > b.right + 1)
      return fail("overflow", "text overflows the callout: " + describe(part));
  }
  out.callout = seen([b.left + b.width / 2, b.top + b.height / 2]);
  const primary = box.querySelector(".gs-primary");
  if (primary) { const p = boxOf(primary); out.primary = seen([p.left + p.width / 2, p.top + p.height / 2]); }
  return out;
}
"""
)
"""Judge a shown step: ``[target | null, {callout, beacon, settleMs}]`` → status, detail, click points."""

WAIT_FOR_TARGET = (
    "async ([target, ms, low]) => {"
    + TARGET_STATUS
    + r"""
  // Resolve now and again on each DOM change (and each frame while hidden), until visible or `ms`.
  const end = performance.now() + ms;
  let r = resolveOnce(target);
  while (r.status !== "ok" && performance.now() < end) {
    await new Promise(done => {
      const mo = new MutationObserver(() => { mo.disconnect(); clearTimeout(t); done(); });
      mo.observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
      const t = setTimeout(() => { mo.disconnect(); done(); }, Math.max(0, Math.min(250, end - performance.now())));
    });
    r = resolveOnce(target);
  }
  let point = null;
  if (r.status === "ok") {
    const b = r.element.getBoundingClientRect();
    let x = b.left + b.width / 2, y = b.top + b.height / 2, win = r.element.ownerDocument.defaultView;
    while (win && win !== window && win.frameElement) {
      const f = win.frameElement.getBoundingClientRect(); x += f.left; y += f.top; win = win.parent;
    }
    const vv = window.visualViewport;
    point = [x - (vv ? vv.offsetLeft : 0), y - (vv ? vv.offsetTop : 0)];
  }
  let weighed = [];
  if (r.status !== "ok" || r.confidence < low) {
    // what the runtime weighed, best first: confidence, what it is, and which candidates matched it
    // what it is: role and name, else the tip a tooltip plugin moved out of its title; its id, else its
    // classes (the id a release renamed shows here: canvas#chart_gauge_01); the heading it sits under
    const D = GuideRuntime.dom, full = GuideRuntime.resolve(target), cut = (t) => (t || "").trim().slice(0, 40);
    const what = (el) => {
      const name = cut(D.nameOf(el)) || cut(el.getAttribute("data-original-title") || el.getAttribute("data-bs-original-title"));
      const mark = el.id ? "#" + el.id : [...el.classList].slice(0, 2).map(c => "." + c).join("");
      let under = "";
      for (let p = el.parentElement; p && !under; p = p.parentElement) {
        const h = [...p.querySelectorAll("h1,h2,h3,h4,h5,h6,legend")].filter(h => h.compareDocumentPosition(el) & 4).pop();
        if (h) under = cut(h.textContent.replace(/\s+/g, " "));
      }
      const role = D.roleOf(el), tag = el.localName + cut(mark);
      return `${role || tag}${name ? ` "${name}"` : ""}${role && mark ? " " + tag : ""}${under ? ` under "${under}"` : ""}`;
    };
    weighed = (full.candidates || []).map(s => `${s.c.toFixed(2)} ${what(s.el)} (` +
      ((target.candidates || []).filter(c => D.matches(c, document).includes(s.el))
        .map(c => c.kind).join("+") || "looks similar") + ")");
  }
  return {status: r.status === "ok" ? "found" : r.status, confidence: r.confidence, detail: r.detail, point, weighed};
}
"""
)
"""Wait (bounded) for a target to resolve visible: ``[target, ms, low confidence]`` → found / hidden / ambiguous / not_found."""

SCROLL_TO_TARGET = r"""
t => {
  // Scroll the page to an element outside the window, as a user looking for it would; true if it did.
  const e = GuideRuntime.resolve(t).element;
  if (!e) return false;
  const r = e.getBoundingClientRect(), v = e.ownerDocument.defaultView;
  if (r.bottom > 0 && r.right > 0 && r.top < v.innerHeight && r.left < v.innerWidth) return false;
  e.scrollIntoView({block: "center", inline: "nearest", behavior: "instant"});
  return true;
}
"""
"""For guides the runtime does not scroll to (a tooltip, a hotspot): the user scrolls to their element."""

PAGE_STATE = r"""
() => {
  const form = document.querySelector("input[type=password]");
  return {title: document.title, password: !!form, runtime: typeof GuideRuntime === "object"};
}
"""
"""What the replay needs to word a failure: is this a sign-in page, did the runtime load."""

UNDER_BANNER = (
    "([others]) => {"
    + _HELPERS
    + TARGET_STATUS
    + r"""
  // Which other guides' elements on this page a shown banner hides: any of five points of the
  // element's box, inside the window, where the topmost element is the banner.
  const host = document.querySelector("[data-guide-runtime]");
  const bar = host && host.shadowRoot && host.shadowRoot.querySelector(".gs-banner");
  if (!bar) return [];
  const b = boxOf(bar), out = [];
  const onBar = ([x, y]) => x >= b.left && x <= b.right && y >= b.top && y <= b.bottom;
  for (const [label, target, rule] of others) {
    if (rule && !GuideRuntime.matchUrl(rule, location.href)) continue;
    const r = resolveOnce(target);
    if (r.status !== "ok") continue;
    const points = pointsOf(boxOf(r.element)).filter(([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight);
    const hidden = points.filter(p => onBar(p) && isRuntime(topAt(p[0], p[1])));
    if (hidden.length) out.push(label + " (" + describe(r.element) + ", " + hidden.length + " of 5 points)");
  }
  return out;
}
"""
)
"""The other guides' elements a shown banner covers: ``[[label, target, rule | null], …]`` → words for each."""

OVER_APP = (
    "([selector]) => {"
    + _HELPERS
    + r"""
  // The app's own fixed or sticky controls one of the guide's launchers sits on: a user can never reach
  // them (content scrolling under a floating launcher comes back into reach; a fixed control does not).
  const host = document.querySelector("[data-guide-runtime]");
  const el = host && host.shadowRoot && host.shadowRoot.querySelector(selector);
  if (!el) return [];
  const hits = new Set();
  for (const [x, y] of pointsOf(boxOf(el))) {
    const app = document.elementsFromPoint(x, y).find(n => !isRuntime(n));
    const control = app && app.closest("a[href], button, input, select, textarea, summary, [role=button], [role=link], [tabindex]");
    if (control && /fixed|sticky/.test(why(control))) hits.add(control);
  }
  return [...hits].map(describe);
}
"""
)
"""The app's fixed or sticky controls under one of the guide's own elements: ``[selector]`` → their words."""
