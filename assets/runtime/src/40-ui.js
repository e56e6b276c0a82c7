/* The runtime's UI: a shadow root for isolation, callouts, highlight, beacon, positioning. */
var GAP = 12, EDGE = 8;
var FOCUSABLE = "button,[href],input,select,textarea,[tabindex]:not([tabindex='-1'])";

/* One shadow-root host per runtime instance, created on first use and removed on teardown.
   `all: initial` resets every property (opacity, clip-path, pointer-events, content-visibility, contain, filter,
   transform, visibility, margin, padding, border, overflow, …; not direction or the --gs-* properties). */
var HOST_CSS = "all:initial!important;display:block!important;position:fixed!important;inset:0!important;width:0!important;height:0!important";
function num(v, lo, hi) { return typeof v === "number" && v >= lo && v <= hi; }

function Surface(rt) {
  var host = null, shadow = null, mo = null, moves = 0, since = 0;
  function attach() {
    /* Neutralise the page's zoom (html { zoom }) so our fixed positions match getBoundingClientRect. */
    host.style.setProperty("zoom", 1 / (+getComputedStyle(doc("root")).zoom || 1), "important");
    doc("root").appendChild(host);
    /* The top layer: above any page z-index (even 2147483647) and any html { transform }. */
    try { host.showPopover(); } catch (e) { /* no popover support: the z-index still applies */ }
  }
  this._root = function () {
    if (shadow) return shadow;
    host = h("div", { "data-guide-runtime": "", popover: "manual" });
    host.dir = getComputedStyle(doc("body") || doc("root")).direction;
    var t = rt._theme || {}, hex = function (v) { return /^#[0-9a-f]{6}$/i.test(v) && v; };
    /* Inline !important beats page rules such as `div { opacity: 0 !important }` on our host;
       cssText is the CSSOM, which a strict CSP allows (unlike a style attribute in markup). */
    host.style.cssText = HOST_CSS;
    /* Theme values only in the shapes the schema allows: a colour like url(…) or var(…) would fetch. */
    var vars = { primary: hex(t.primaryColor), text: hex(t.textColor), bg: hex(t.backgroundColor),
      font: /^[\w ,'"-]{1,200}$/.test(t.fontFamily) && t.fontFamily, radius: num(t.borderRadius, 0, 32) && t.borderRadius + "px",
      z: num(t.zIndexBase, 1, 2147483000) && t.zIndexBase, dim: num(t.backdropOpacity, 0, 90) && t.backdropOpacity / 100 };
    Object.keys(vars).forEach(function (k) { if (vars[k] !== false) host.style.setProperty("--gs-" + k, vars[k]); });
    shadow = host.attachShadow({ mode: "open" });
    /* A constructable stylesheet first (a strict style-src allows it); a nonce only as the fallback. */
    try { var sheet = new CSSStyleSheet(); sheet.replaceSync(CSS); shadow.adoptedStyleSheets = [sheet]; }
    catch (e) { shadow.appendChild(h("style", { nonce: rt._options.nonce, text: CSS })); }
    attach();
    /* A page that drops unknown nodes gets ours back; one that keeps doing it ends the guides cleanly. */
    mo = new MutationObserver(guard(function () {
      if (host.isConnected) return;
      if (Date.now() - since > 1000) { since = Date.now(); moves = 0; }
      if (++moves > 5) { warn("page keeps removing the UI"); rt.stop(); } else attach();
    }));
    mo.observe(doc("root"), { childList: true });
    return shadow;
  };
  /* A hidden light-DOM node, so aria-describedby on a host element can reach our text. */
  this._describe = function (text) {
    this._root();
    var id = "gs-d" + (++uid);
    host.appendChild(h("div", { id: id, hidden: true, text: text }));
    return id;
  };
  this.remove = function () { mo?.disconnect(); host?.remove(); host = shadow = mo = null; };
}

/* Add an id to the element's aria-describedby; the remover takes out only that id, so removals in any order
   leave the page's own value as it was. */
function describedBy(el, id) {
  var A = "aria-describedby", ids = function () { return (el.getAttribute(A) || "").split(" ").filter(Boolean); };
  el.setAttribute(A, ids().concat(id).join(" "));
  return function () {
    var rest = ids().filter(function (x) { return x !== id; });
    if (rest.length) el.setAttribute(A, rest.join(" ")); else el.removeAttribute(A);
  };
}

/* The element's box in the top window's viewport (adds the offsets of same-origin iframes). */
function boxOf(el) {
  var r = el.getBoundingClientRect(), x = r.left, y = r.top, win = el.ownerDocument.defaultView;
  while (win && win !== window && win.frameElement) {
    var f = win.frameElement, fr = f.getBoundingClientRect();
    x += fr.left + f.clientLeft; y += fr.top + f.clientTop;
    win = win.parent;
  }
  return { left: x, top: y, width: r.width, height: r.height, right: x + r.width, bottom: y + r.height };
}

/* Place `box` next to `rect`: preferred side, flipped when it does not fit, shifted into the viewport. */
function place(box, arrow, rect, placement) {
  var vw = doc("root").clientWidth, vh = doc("root").clientHeight;
  var w = box.offsetWidth, hgt = box.offsetHeight, rtl = getComputedStyle(box).direction === "rtl";
  var room = { top: rect.top, bottom: vh - rect.bottom, left: rect.left, right: vw - rect.right };
  var opposite = { top: "bottom", bottom: "top", left: "right", right: "left" };
  var side = [placement, opposite[placement], "bottom", "top", rtl ? "left" : "right", rtl ? "right" : "left"]
    .filter(function (s) { return room[s] >= (s === "top" || s === "bottom" ? hgt : w) + GAP; })[0] || "bottom";
  var x, y, vertical = side === "top" || side === "bottom";
  if (vertical) {
    x = rect.left + rect.width / 2 - w / 2;
    y = side === "bottom" ? rect.bottom + GAP : rect.top - hgt - GAP;
  } else {
    y = rect.top + rect.height / 2 - hgt / 2;
    x = side === "right" ? rect.right + GAP : rect.left - w - GAP;
  }
  x = Math.max(EDGE, Math.min(x, vw - w - EDGE));
  y = Math.max(EDGE, Math.min(y, vh - hgt - EDGE));
  pos(box, { left: x, top: y });
  box.setAttribute("data-side", side);
  if (arrow) {
    var a = vertical ? rect.left + rect.width / 2 - x : rect.top + rect.height / 2 - y;
    /* along the near edge, half outside it, pointing at the target */
    arrow.style.cssText = "";
    pos(arrow, { [vertical ? "left" : "top"]: Math.max(14, Math.min(a, (vertical ? w : hgt) - 14)) - 6, [opposite[side]]: -6 });
  }
}

/* Set pixel positions and sizes through the CSSOM (allowed under a strict CSP, unlike style attributes). */
function pos(el, props) {
  Object.keys(props).forEach(function (k) { el.style.setProperty(k, props[k] + "px"); });
}

function inViewport(r) {
  return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
}

/* Call fn now and whenever the layout may have moved (scroll, resize, a slow poll); returns the stopper. */
function follow(fn) {
  var f = perFrame(fn), poll = setInterval(f, 300);
  var offs = [/* capture: scrolls of inner containers too (scroll events cannot be cancelled: nothing to make passive) */
    listen(window, "scroll", f, true), listen(window, "resize", f), f._cancel,
    function () { clearInterval(poll); }];
  f();
  return function () { runAll(offs); };
}

/* The app's own fixed or sticky elements at height y of the window (across its width, or at xs): fn(element, box, style). */
function fixedAt(y, fn, xs) {
  (xs || [.01, .15, .5, .85, .99].map(f => f * innerWidth)).forEach(x => slice(DP.elementsFromPoint.call(D, x, y)).forEach(n => {
    var s = getComputedStyle(n);
    if (/fixed|sticky/.test(s.position) && !n.hasAttribute("data-guide-runtime")) fn(n, n.getBoundingClientRect(), s);
  }));
}

/* Launchers in one window corner (a checklist's, a resource center's, a launcher guide's) stack upwards in
   the order they were added: each sits above those before it, never on the same spot. */
/* Keep a panel just above the corner launcher pick() names (wherever the stack puts it, now and when the stack
   moves: a fixed bar the app adds later, another launcher). Returns the stop, which its owner's teardown runs;
   a panel taken out of the shadow root stops it too. */
function above(panel, pick) {
  var stop, place = function () {
    var b = pick(), r = b?.getBoundingClientRect(), left = /left/.test(b?.dataset.corner);
    if (!panel.parentNode) stop?.();
    else if (b) {
      panel.style.setProperty("bottom", innerHeight - r.top + 12 + "px");
      panel.style.setProperty(left ? "left" : "right", (left ? r.left : innerWidth - r.right) + "px");
      /* Within the window on a short one (a phone on its side, the stack lifted by the app's bar): it scrolls. */
      /* …and below a banner of ours at the top, whose buttons and × stay reachable. */
      var lid = 8;
      q(panel.parentNode, ".gs-banner").forEach(n => { var y = n.getBoundingClientRect().bottom; if (y < r.top) lid = Math.max(lid, y + 8); });
      panel.style.setProperty("max-height", r.top - 12 - lid + "px");
    }
  };
  place();
  return stop = follow(place);
}
/* On a narrow window the two corners of one edge are one stack: their launchers and panels are too wide to pass. */
function sameCorner(a, c) { return a === c || innerWidth < 640 && !!a && a.split("_")[0] === c.split("_")[0]; }
function cornerStack(rt, b, corner) {
  var bottom = /^bottom/.test(corner), left = /left/.test(corner);
  b.dataset.corner = corner;
  return follow(function () {
    var at = 20, x = 20, before = 1;
    /* The app's own fixed controls in the corner stay reachable: the stack starts above a settings button or a
       cookie bar, and beside a fixed sidebar (the corner of the content). */
    fixedAt(bottom ? innerHeight - 40 : 40, (n, r) => {
      if (r.height < innerHeight / 3) at = Math.max(at, (bottom ? innerHeight - r.top : r.bottom) + 12);
      else if (r.width < innerWidth / 2) x = Math.max(x, (left ? r.right : innerWidth - r.left) + 20);
    }, [20, 40, 80].map(d => left ? d : innerWidth - d)); /* a few points: a round button's corner is empty */
    slice(rt._surface._root().children).forEach(function (o) { if (o === b) before = 0; if (before && sameCorner(o.dataset.corner, corner)) at += o.offsetHeight + 12; });
    b.style.setProperty(bottom ? "bottom" : "top", at + "px");
    b.style.setProperty(left ? "left" : "right", x + "px");
  });
}

function reducedMotion() { return !!(window.matchMedia && matchMedia("(prefers-reduced-motion:reduce)").matches); }

/* A callout or banner button ({_label, _primary, _run}) and the × that closes one. */
function actionButton(b) { return h("button", { "class": b._primary ? "gs-btn gs-primary" : "gs-btn", text: b._label, onclick: b._run }); }
function closeButton(rt, fn) { return h("button", { "class": "gs-x", "aria-label": rt._labels.close, text: "\u00d7", onclick: fn }); }

/* Add a node to the runtime's shadow root. */
function mount(rt, el) { rt._surface._root().appendChild(el); return el; }

/* The corner launcher of a checklist or resource center (its title and a count; its accessible name is its visible
   text, WCAG 2.5.3) and the panel it opens just above it: a × (`dismiss`, or closing it; none when false), the
   title, then fill()'s nodes; opened() runs once it shows. Esc closes it. Returns {_count, _launcher, _panel,
   _toggle(open)}; offs gets its teardown. */
function cornerPanel(rt, g, offs, fill, opened, dismiss) {
  var side = g.position === "bottom_left" ? " gs-left" : "", c = { _count: h("span", { "class": "gs-count" }) };
  var launcher = c._launcher = mount(rt, h("button", { "class": "gs-launcher" + side, "aria-expanded": "false", onclick: function () { toggle(!c._panel); } },
    [h("span", { text: g.title }), mkText(" "), c._count]));
  function shut() { if (c._panel) { toggle(false); launcher.focus(); } }
  var unfollow;
  function toggle(open) {
    launcher.setAttribute("aria-expanded", open);
    if (!open) { unfollow?.(); c._panel?.remove(); c._panel = null; } else if (!c._panel) {
      var id = "gs" + (++uid);
      unfollow = above(c._panel = mount(rt, h("div", { "class": "gs-panel" + side, role: "dialog", "aria-labelledby": id, "data-open": launcher.dataset.corner },
        [dismiss === false ? null : closeButton(rt, dismiss || shut), h("h2", { "class": "gs-title", id: id, text: g.title })].concat(fill()))), () => launcher);
      opened();
    }
    underPanels(rt);
  }
  c._toggle = toggle;
  offs.push(cornerStack(rt, launcher, g.position || "bottom_right"), onKey("Escape", shut), function () { unfollow?.(); c._panel?.remove(); launcher.remove(); });
  return c;
}

/* A survey waits under a corner panel opened in its corner, hidden (so neither covers the other) until the panel
   closes, whichever came first. */
function underPanels(rt) {
  var r = rt._surface._root(), open = q(r, "[data-open]");
  q(r, "[data-at]").forEach(s => { s.hidden = open.some(p => sameCorner(s.dataset.at, p.dataset.open)); });
}

/* A line of a panel's list: a button with a title, an optional description, `before` and `after` nodes. */
function listItem(title, desc, run, before, after) {
  return h("li", {}, [h("button", { "class": "gs-item", onclick: run }, [before, h("span", {}, [
    h("span", { "class": "gs-label", text: title }), desc ? h("span", { "class": "gs-desc", text: desc }) : null, after])])]);
}

/* A callout (tooltip, step, modal content). Returns {_el, remove()}; focus is restored on remove. */
function callout(rt, o) {
  var offs = [], id = "gs" + (++uid), prevFocus = doc("active");
  var labels = rt._labels, st = o._step;
  var body = h("div", { id: id + "b", "class": "gs-body" });
  body.appendChild(richText(st.body, rt._media));
  var m = st.media, src = m && rt._media(m.src), alt = m && m.alt || "";
  /* An image that is refused or does not load leaves its description in a placeholder, not a broken icon. */
  var missing = function () { return h("div", { "class": "gs-media gs-missing", role: "img", "aria-label": alt || labels.noImage, text: alt || labels.noImage }); };
  var media = !m ? null : !src ? missing() : h(m.kind === "video" ? "video" : "img", { "class": "gs-media", src: src, referrerpolicy: "no-referrer",
    controls: m.kind === "video", width: m.width || null, alt: alt, "aria-label": alt || null,
    onerror: function () { if (media.isConnected) media.replaceWith(missing()); } });
  var buttons = (o._buttons || []).map(actionButton);
  var el = h("div", {
    "class": "gs-callout" + (o._cls ? " " + o._cls : ""), role: o._role || "dialog", id: id,
    "aria-modal": o._modal ? "true" : null, "aria-labelledby": st.title ? id + "t" : null,
    "aria-label": st.title ? null : o._name, "aria-describedby": id + "b", tabindex: "-1"
  }, [
    o._onClose ? closeButton(rt, o._onClose) : null,
    media,
    st.title ? h("h2", { id: id + "t", "class": "gs-title", text: st.title }) : null,
    body,
    (o._progress || buttons.length) ? h("div", { "class": "gs-foot" }, [
      o._progress ? h("span", { "class": "gs-progress", text: o._progress }) : h("span"),
      h("span", { "class": "gs-btns" }, buttons)
    ]) : null,
    o._anchor ? h("div", { "class": "gs-arrow", "aria-hidden": "true" }) : null
  ]);
  mount(rt, el);
  var arrow = el.querySelector(".gs-arrow");
  offs.push(follow(function () {
    if (o._anchor?.isConnected && st.placement !== "center") {
      var r = boxOf(o._anchor);
      place(el, arrow, r, st.placement || "auto");
      /* A tip whose element is scrolled out of the window waits out of sight, not pinned to its edge over the app. */
      el.style.visibility = o._focus === false && (r.bottom < 0 || r.top > innerHeight) ? "hidden" : "";
    } else el.classList.add("gs-center");
  }));
  if (o._onKey) offs.push(listen(el, "keydown", o._onKey));
  if (o._focus !== false) {
    var first = el.querySelector(".gs-primary") || el.querySelector("button") || el;
    first.focus({ preventScroll: true });
  }
  return {
    _el: el,
    remove: function () {
      runAll(offs);
      var active = el.getRootNode().activeElement, hadFocus = el.contains(active);
      if (hadFocus) active.blur();
      el.remove();
      if (hadFocus && prevFocus?.focus && prevFocus.isConnected) { try { prevFocus.focus({ preventScroll: true }); } catch (e) { /* gone */ } }
    }
  };
}

/* Dim the page around `el` (or all of it); never blocks clicks on the page. */
function highlight(rt, el) {
  var hl = h("div", { "class": el ? "gs-hl" : "gs-hl gs-full", "aria-hidden": "true" });
  mount(rt, hl);
  var stop = el ? follow(function () {
    var r = boxOf(el);
    pos(hl, { left: r.left - 6, top: r.top - 6, width: r.width + 12, height: r.height + 12 });
  }) : function () {};
  return function () { stop(); hl.remove(); };
}

/* Scroll to the element unless a user already sees it: inside the visual viewport (a phone's
   window onto a wider page) and not cut off by a scrolling container around it. */
function bringIntoView(el) {
  var r = boxOf(el), v = window.visualViewport, l = el.getBoundingClientRect(), x = l.left + l.width / 2, y = l.top + l.height / 2, seen = !v ||
    r.left >= v.offsetLeft && r.top >= v.offsetTop && r.right <= v.offsetLeft + v.width && r.bottom <= v.offsetTop + v.height;
  for (var p = el.parentElement; seen && p; p = p.parentElement) {
    var b = p.getBoundingClientRect();
    if (getComputedStyle(p).overflow !== "visible" && (x < b.left || x > b.right || y < b.top || y > b.bottom)) seen = false;
  }
  if (!seen || !inViewport(r)) el.scrollIntoView({ block: "center", behavior: reducedMotion() ? "auto" : "smooth" });
}

/* Keep Tab inside `el` (modal dialogs). */
function trapFocus(e, el) {
  if (e.key !== "Tab") return;
  var f = q(el, FOCUSABLE), root = el.getRootNode(), first = f[0], last = f[f.length - 1];
  if (!first) { e.preventDefault(); return; }
  if (e.shiftKey && root.activeElement === first) { e.preventDefault(); last.focus(); }
  else if (!e.shiftKey && root.activeElement === last) { e.preventDefault(); first.focus(); }
}
