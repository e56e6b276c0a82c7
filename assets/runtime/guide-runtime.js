/*! Guide Studio runtime 0.1.0 | MIT | built from assets/runtime/src by scripts/build_runtime.py: edit the sources, not this file */
(function () {
"use strict";
var VERSION = "0.1.0";
var CSS = ":host{--p:var(--gs-primary,#2563eb);--b:var(--gs-bg,#fff);--r:var(--gs-radius,8px);--z:var(--gs-z,2147480000);--d:rgba(16,24,40,var(--gs-dim,.5));--s:0 12px 32px rgba(16,24,40,.25)}*{box-sizing:border-box;unicode-bidi:plaintext}div,button{font:14px/1.5 var(--gs-font,system-ui,sans-serif);color:var(--gs-text,#1f2937)}.gs-callout,.gs-panel{position:fixed;top:0;left:0;z-index:calc(var(--z) + 2);width:max-content;max-width:min(360px,calc(100vw - 16px));background:var(--b);border-radius:var(--r);padding:16px 18px;box-shadow:var(--s)}.gs-callout:focus{outline:0}.gs-center{left:50%!important;top:50%!important;transform:translate(-50%,-50%)}.gs-modal{width:min(480px,calc(100vw - 32px));max-width:none;padding:24px;z-index:calc(var(--z) + 4)}.gs-tip{padding:10px 12px}.gs-title{font-size:16px;font-weight:650;margin:0 0 6px;margin-inline-end:28px}.gs-title,.gs-body{overflow-wrap:anywhere}.gs-body>*{margin:0 0 8px}.gs-body a{color:var(--p)}.gs-body img,.gs-media{max-width:100%;max-height:min(50vh,360px);height:auto;object-fit:contain;display:block;margin:0 0 10px}.gs-missing{margin-inline-end:28px;min-height:64px;padding:12px;border:1px dashed;border-radius:6px;opacity:.75;font-size:13px;text-align:center;display:grid;place-items:center}.gs-foot{display:flex;align-items:center;gap:12px;margin-top:12px}.gs-progress,.gs-desc{font-size:12px;opacity:.75;display:block}.gs-btns{display:flex;gap:8px;margin-inline-start:auto}button{cursor:pointer;border:1px solid rgba(16,24,40,.15);border-radius:var(--r);background:none;padding:6px 14px;font-weight:600}.gs-primary,.gs-done .gs-check,.gs-scale input:checked+span{background:var(--p);border-color:var(--p);color:#fff}.gs-x{position:absolute;top:8px;inset-inline-end:8px;border:0;padding:0 8px;font-size:20px}button:focus-visible,a:focus-visible,.gs-scale input:focus-visible+span{outline:3px solid var(--p);outline-offset:2px}.gs-arrow{position:absolute;width:12px;height:12px;background:var(--b);transform:rotate(45deg)}.gs-center>.gs-arrow{display:none}.gs-hl{position:fixed;pointer-events:none;border-radius:var(--r);z-index:calc(var(--z) + 1);box-shadow:0 0 0 3px var(--p),0 0 0 100vmax var(--d)}.gs-full,.gs-backdrop{position:fixed;inset:0;background:var(--d);box-shadow:none;z-index:calc(var(--z) + 3)}.gs-launch,.gs-launcher{position:fixed;z-index:calc(var(--z) + 2);padding:10px 16px;border:0;border-radius:99px;color:#fff;background:var(--p);box-shadow:var(--s)}.gs-icon{width:40px;height:40px;padding:0;font-size:18px}.gs-beacon{position:fixed;z-index:calc(var(--z) + 2);width:22px;height:22px;padding:0;border:4px solid #fff;border-radius:50%;background:var(--p)}.gs-beacon::after{content:\"\";position:absolute;inset:-8px;border-radius:50%;border:3px solid var(--p);animation:gs-pulse 1.6s infinite}.gs-launcher{bottom:20px;right:20px}.gs-panel{top:auto;left:auto;bottom:76px;right:20px;width:340px;overflow:auto}.gs-left,.gs-bottom_left{right:auto;left:20px}.gs-count{margin-inline-start:8px;padding:1px 8px;border-radius:99px;background:rgba(255,255,255,.25);font-size:12px}.gs-bar{height:6px;border-radius:3px;background:rgba(16,24,40,.1);margin:6px 0 12px;overflow:hidden}.gs-bar>span{display:block;height:100%;background:var(--p)}.gs-body ul,.gs-body ol{padding-inline-start:20px}.gs-items{list-style:none;margin:0;padding:0;display:grid;gap:6px}.gs-item{width:100%;display:flex;gap:10px;text-align:start;font-weight:400;padding:10px 12px}.gs-check{flex:none;width:18px;height:18px;border-radius:50%;border:2px solid rgba(16,24,40,.3)}.gs-done .gs-label{text-decoration:line-through;opacity:.65}@keyframes gs-pulse{from{transform:scale(.6)}to{transform:scale(1.6);opacity:0}}@media (prefers-reduced-motion:reduce){*,::after{animation:none!important}}.gs-center{bottom:auto}.gs-banner{position:fixed;left:0;right:0;z-index:calc(var(--z) + 1);display:flex;flex-wrap:wrap;align-items:center;gap:12px;padding:10px 0;padding-inline:16px 48px;background:var(--b);box-shadow:var(--s)}.gs-banner .gs-title{margin:0;font-size:14px}.gs-banner .gs-body{flex:1 1 16em}.gs-banner .gs-body>*{margin:0}.gs-banner .gs-x{top:50%;transform:translateY(-50%)}fieldset{border:0;margin:0;padding:0}[aria-invalid] .gs-scale span,[aria-invalid] .gs-opt input,[aria-invalid] textarea{outline:2px solid #d92d20;outline-offset:1px}.gs-scale{display:flex;gap:4px}.gs-scale label{flex:1}.gs-scale input{position:absolute;opacity:0}.gs-scale span{display:block;padding:4px 0;text-align:center;border:1px solid rgba(16,24,40,.2);border-radius:var(--r)}.gs-faces span,.gs-stars span{font-size:24px;border-color:transparent}.gs-stars span{color:#6b7280}.gs-stars input:checked+span,.gs-stars label:has(~label input:checked) span{background:none;color:var(--p)}.gs-ends{display:flex;justify-content:space-between;margin-top:4px}.gs-opt{display:block;padding:2px 0}.gs-opt input{margin-inline-end:8px}input{accent-color:var(--p)}textarea,[type=text]{width:100%;margin-top:6px;padding:4px 6px;font:inherit}.gs-search{width:100%;margin:4px 0 10px;padding:8px 10px;border:1px solid rgba(16,24,40,.25);border-radius:6px;font:inherit}.gs-list{max-height:min(50vh,420px);overflow:auto}.gs-list h3.gs-desc{margin:8px 0 4px;text-transform:uppercase;letter-spacing:.04em}";
/* Core helpers: error containment, listeners, DOM building, storage. */
var NS = "guide-runtime";
var uid = 0;

/* The page can clobber document properties (<form name="body">, <form name="createElement">) and
   replace built-ins after load: what the runtime relies on is taken from the prototypes now. */
var assign = Object.assign, D = document, DP = Document.prototype, gopd = Object.getOwnPropertyDescriptor, AP = Array.prototype;
var GETTERS = { body: gopd(DP, "body").get, root: gopd(DP, "documentElement").get, active: gopd(DP, "activeElement").get };
var mkEl = DP.createElement.bind(D), mkText = DP.createTextNode.bind(D), FN_TEXT = Function.prototype.toString;
/* by nodeType % 7: an element 1, a document 2, a shadow root or fragment 4 */
var QSA = [, Element.prototype.querySelectorAll, DP.querySelectorAll, , DocumentFragment.prototype.querySelectorAll];
var BY_TAG = [, Element.prototype.getElementsByTagName, DP.getElementsByTagName];
function doc(k) { return GETTERS[k].call(D); }

/* Whether the page replaced built-ins the runtime relies on: then it plays nothing and says so once. */
function tampered() {
  return [Object.assign, Object.keys, Array.from, JSON.parse, AP.forEach, AP.map, AP.filter, AP.some, AP.every,
    AP.indexOf, AP.slice, AP.splice, AP.push, AP.concat, AP.sort, AP.reduce].some(function (f) {
    return !/\{\s*\[native code\]\s*\}$/.test(FN_TEXT.call(f));
  });
}

function warn(err) { try { console.warn(NS, err); } catch (e) { /* console gone */ } }

/* Wrap a callback so nothing it throws reaches the host page. */
function guard(fn) {
  return function () {
    try { return fn.apply(this, arguments); } catch (err) { warn(err); }
  };
}

/* addEventListener with a guarded handler; returns the matching remover. */
function listen(target, type, fn, opts) {
  var h = guard(fn);
  target.addEventListener(type, h, opts);
  return function () { target.removeEventListener(type, h, opts); };
}

/* Listen on window in the capture phase, the earliest point: a page that stops propagation
   of clicks or keys on its way down cannot hide them from the runtime. */
function early(type, fn) { return listen(window, type, fn, true); }
function onKey(key, fn) { return early("keydown", function (e) { if (e.key === key) fn(e); }); }

function later(fn, ms) {
  var id = setTimeout(guard(fn), ms);
  return function () { clearTimeout(id); };
}

/* Call every function in the list once and empty it (teardown lists). */
function runAll(list) { list.splice(0).forEach(function (f) { f(); }); }

/* Run fn at most once per animation frame. */
function perFrame(fn) {
  var id = 0;
  var f = function () {
    if (!id) id = requestAnimationFrame(function () { id = 0; guard(fn)(); });
  };
  f._cancel = function () { cancelAnimationFrame(id); id = 0; };
  return f;
}

/* Build an element: h("div", {class: "x", text: "Go", onclick: fn}, [children]). */
function h(tag, props, kids) {
  var el = mkEl(tag);
  /* Every button is a plain button (never a form's submit). */
  if (tag === "button") el.type = "button";
  Object.keys(props || {}).forEach(function (k) {
    var v = props[k];
    if (v == null || v === false) return;
    if (k === "text") el.textContent = v;
    else if (k.slice(0, 2) === "on") el.addEventListener(k.slice(2), guard(v));
    else el.setAttribute(k, v === true ? "" : v);
  });
  (kids || []).forEach(function (c) { if (c) el.appendChild(c); });
  return el;
}

function norm(s) { return (s || "").replace(/\s+/g, " ").trim(); }
function own(o, k) { return Object.hasOwn(o, k); }
function slice(list) { return Array.from(list || []); }

/* JSON state under one key, in local or session storage, in memory when storage is blocked. */
function Store(key, session) {
  var area = null, mem = {};
  try { area = session ? window.sessionStorage : window.localStorage; } catch (e) { /* blocked: memory only */ }
  this._get = function () {
    if (area) {
      try { var v = JSON.parse(area.getItem(key)); if (v && typeof v === "object") mem = v; } catch (e) { /* keep memory copy */ }
    }
    return mem;
  };
  this._update = function (fn) {
    var v = this._get();
    fn(v);
    if (area) { try { area.setItem(key, JSON.stringify(v)); } catch (e) { /* quota: memory only */ } }
  };
}

function mark(v, bucket, id, value) { (v[bucket] = v[bucket] || {})[id] = value === undefined ? 1 : value; }
function has(v, bucket, id) { return !!v[bucket]?.[id]; }

/* Guide content through our own allow-list (defence in depth over the export's nh3 pass). */
var TAGS = /^(P|BR|STRONG|B|EM|I|U|S|A|UL|OL|LI|CODE|PRE|BLOCKQUOTE|H3|H4|IMG|SPAN)$/;
/* Dropped with their content; any other unknown element is unwrapped to its allowed children. */
var DROP = /^(SCRIPT|STYLE|IFRAME|OBJECT|TEMPLATE|NOSCRIPT|SVG|MATH|TEXTAREA|SELECT|TITLE)$/;
var ATTRS = { A: ["href", "title", "target"], IMG: ["src", "alt", "width", "height"] };
var parsePolicy;

/* An absolute http(s)/mailto URL, or null for anything else (javascript:, data:, …). */
function safeUrl(v, base) {
  try {
    var u = new URL(String(v), base || location.href);
    return /^(https?|mailto):$/.test(u.protocol) ? u.href : null;
  } catch (e) { return null; }
}

function parseHtml(html) {
  var input = "<body>" + html;
  if (window.trustedTypes && parsePolicy === undefined) {
    try { parsePolicy = trustedTypes.createPolicy(NS, { createHTML: function (s) { return s; } }); }
    catch (e) { parsePolicy = null; warn("Trusted Types: plain text"); }
  }
  /* Without our policy the parser is a blocked sink: no call, so no violation report on every render. */
  if (parsePolicy === null) return null;
  try {
    return new DOMParser().parseFromString(parsePolicy ? parsePolicy.createHTML(input) : input, "text/html").body;
  } catch (e) { return null; }
}

/* The text of guide HTML without parsing it: tags become spaces, the export's entities characters. */
function plainText(html) {
  return html.replace(/<[^>]*>/g, " ").replace(/&(#39|quot|lt|gt|amp);/g, function (m, e) { return { "#39": "'", quot: '"', lt: "<", gt: ">", amp: "&" }[e]; });
}

/* A fragment holding the allowed part of `html`; an inert parse, so nothing in it runs or loads.
   Images keep a src only where `media` allows it (the runtime's origin allow-list). */
function richText(html, media) {
  var frag = new DocumentFragment(), body = parseHtml(html = String(html || ""));
  if (!body) { frag.appendChild(mkText(norm(plainText(html)))); return frag; }
  (function copy(from, to) {
    slice(from.childNodes).forEach(function (n) {
      if (n.nodeType === 3) { to.appendChild(mkText(n.data)); return; }
      if (n.nodeType !== 1) return;
      var tag = n.tagName.toUpperCase();
      if (DROP.test(tag)) return;
      if (!TAGS.test(tag)) { copy(n, to); return; }
      var el = mkEl(tag);
      (ATTRS[tag] || []).forEach(function (a) {
        var v = n.getAttribute(a);
        if (v == null) return;
        if (a === "href") v = safeUrl(v);
        if (a === "src") v = media ? media(v) : null;
        if (a === "target") v = "_blank";
        if (v != null) el.setAttribute(a, v);
      });
      if (tag === "A") el.setAttribute("rel", "noopener noreferrer");
      if (tag === "IMG") el.setAttribute("referrerpolicy", "no-referrer");
      copy(n, el);
      to.appendChild(el);
    });
  })(body, frag);
  return frag;
}

/* Checking a fetched bundle before it plays: its exact bytes (integrity, SRI-style sha256/384/512)
   or its Ed25519 signature (publicKey; the signature is <bundleUrl>.sig). Rejects when it fails. */
function bytesOf(s) { return Uint8Array.from(atob(s), function (c) { return c.charCodeAt(0); }); }
function verifyBundle(buf, o, sig) {
  var C = crypto.subtle, m = /^sha(\d+)-(.+)$/.exec(o.integrity) || [], E = { name: "Ed25519" };
  if (!C) throw "no Web Crypto (https)";
  return (o.publicKey ? C.importKey("raw", bytesOf(o.publicKey), E, 0, ["verify"]).then(function (k) { return C.verify(E, k, bytesOf(sig.trim()), buf); })
    : C.digest("SHA-" + m[1], buf).then(function (d) { return btoa(String.fromCharCode.apply(0, new Uint8Array(d))) === m[2]; }))
    .then(function (ok) { if (!ok) throw 0; })
    .catch(function () { throw "bundle failed its " + (o.publicKey ? "signature" : "integrity") + " check"; });
}

/* Every guide is checked when its bundle loads: a malformed one is skipped with a guide_error naming
   the field, so it can neither stop the other guides nor leave the page half-changed. Checked are
   the shapes the runtime relies on (lists, strings it reads as text, rules, targets). */
function isObj(v) { return !!v && typeof v === "object" && !Array.isArray(v); }

/* The first malformed field of a guide ("steps.0.target"), or null when it can play. */
function guideProblem(g) {
  function need(ok, f) { if (!ok) throw f; }
  function rule(r, f) { need(r == null || isObj(r) && typeof r.value === "string" && (/^(exact|prefix)$/.test(r.match) || ruleMatcher(r)), f); }
  function walk(o, at) {
    if (Array.isArray(o)) return o.forEach(function (x, j) { walk(x, at + j + "."); });
    if (isObj(o)) Object.keys(o).forEach(function (k) {
      var v = o[k], f = at + k, list = Array.isArray(v);
      need(v == null || (/^(name|text|attribute)$/.test(k) ? typeof v === "string"
        : /^(steps|items|entries|candidates|buttons|conditions)$/.test(k) ? list && v.every(isObj)
          : !/^(classes|ancestors|siblings|framePath|shadowPath)$/.test(k) || list), f);
      if (/^(page|pages|completeUrl)$/.test(k) || k === "url" && (o.type || o.mode)) rule(v, f);
      if (/^(target|element)$/.test(k)) need(v == null || isObj(v) && Array.isArray(v.candidates) && v.candidates.every(function (c) { return typeof c?.value === "string"; }), f);
      if (/one_of/.test(o.op)) need(Array.isArray(o.value), at + "value");
      if (k !== "attributes") walk(v, f + ".");
    });
  }
  try {
    need(isObj(g) && typeof g.id === "string", "id");
    need(own(KINDS, g.kind), "kind");
    walk(g, "");
    need(!g.audience || g.audience.conditions, "audience.conditions");
    var list = { checklist: "items", survey: "questions", resource_center: "entries" }[g.kind] || "steps";
    need((g[list] || []).length, list);
    need(!/^(tooltip|hotspot)$/.test(g.kind) || g.steps[0].target, "steps.0.target");
    return null;
  } catch (f) { return String(f); }
}

/* Finding a recorded element again: ranked candidates, fingerprint similarity, confidence. */
var MIN_CONFIDENCE = 0.5;   /* below this a match is reported as not found */
var AMBIGUITY_GAP = 0.05;   /* two matches closer than this are reported as ambiguous */
var IMPLICIT_ROLES = {
  A: "link", BUTTON: "button", SELECT: "combobox", TEXTAREA: "textbox", NAV: "navigation", MAIN: "main",
  HEADER: "banner", FOOTER: "contentinfo", ASIDE: "complementary", FORM: "form", TABLE: "table",
  TR: "row", TD: "cell", TH: "columnheader", UL: "list", OL: "list", LI: "listitem", IMG: "img",
  DIALOG: "dialog", SECTION: "region", ARTICLE: "article", OPTION: "option", SUMMARY: "button",
  FIELDSET: "group"
};
var INPUT_ROLES = {
  button: "button", submit: "button", reset: "button", image: "button", checkbox: "checkbox",
  radio: "radio", range: "slider", number: "spinbutton", search: "searchbox"
};
var LANDMARKS = /^(navigation|main|banner|contentinfo|complementary|region|form|dialog|table|tablist|menu|toolbar)$/;

/* The element's ARIA role, explicit or implied by its tag (the subset guides need). */
function roleOf(el) {
  var r = el.getAttribute && el.getAttribute("role");
  if (r) return r.split(" ")[0];
  var tag = el.tagName;
  if (tag === "INPUT") {
    var t = (el.getAttribute("type") || "text").toLowerCase();
    return t === "hidden" ? null : INPUT_ROLES[t] || (el.hasAttribute("list") ? "combobox" : "textbox");
  }
  if (tag === "A" && !el.hasAttribute("href")) return null;
  if (tag === "IMG" && el.getAttribute("alt") === "") return "presentation";
  if (tag === "SELECT" && (el.multiple || el.size > 1)) return "listbox";
  if ((tag === "SECTION" || tag === "FORM") && !el.hasAttribute("aria-label") && !el.hasAttribute("aria-labelledby")) return null;
  return /^H[1-6]$/.test(tag) ? "heading" : IMPLICIT_ROLES[tag] || null;
}

/* Its text, images by their description, hidden parts left out; `max`: stop once longer (its start is the same). */
function textOf(el, max) {
  /* without elements inside, the browser's own text is the same, and much faster */
  if (!el.firstElementChild) return el.textContent;
  for (var out = "", n = el.firstChild; n && !(out.length > max); n = n.nextSibling) {
    if (n.nodeType === 3) out += n.data;
    else if (n.nodeType === 1 && n.getAttribute("aria-hidden") !== "true") out += " " + (n.tagName === "IMG" ? n.getAttribute("alt") || "" : n.firstChild ? textOf(n, max) : "") + " ";
  }
  return out;
}

/* Labels of a form control, from <label for> or a wrapping <label>. */
function labelText(el) { return texts(memo ? labelled(el.getRootNode()).get(el) || [] : slice(el.labels)); }

/* A document's or shadow root's fields, each with its labels in page order, from its labels in one pass (once per
   resolution: asking each field for its labels scans the page, 3 s for 5,000 fields at 50,000 nodes). */
function labelled(root) {
  var m = memo && memo.get(root);
  if (!m) {
    m = new Map();
    q(root, "label").forEach(function (l) {
      var el = l.control, ls;
      if (el && /^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName)) (ls = m.get(el)) ? ls.push(l) : m.set(el, [l]);
    });
    memo && memo.set(root, m);
  }
  return m;
}

function texts(els) { return norm(els[1] ? els.map(function (l) { return textOf(l); }).join(" ") : els[0] ? textOf(els[0]) : ""); }

/* The accessible name (the subset of the ARIA algorithm guides need), at most 200 characters (worked out once per
   element during a resolution). */
function nameOf(el) { var m = known(el); return m.n != null ? m.n : m.n = accName(el); }
function accName(el) {
  var ids = el.getAttribute("aria-labelledby"), root = el.getRootNode(), tag = el.tagName, t = el.type,
    v = ids && norm(ids.split(/\s+/).map(function (id) { var r = root.getElementById(id); return r ? textOf(r) : ""; }).join(" ")) || norm(el.getAttribute("aria-label"));
  if (!v) {
    if (/^(INPUT|SELECT|TEXTAREA)$/.test(tag)) v = /^(button|submit|reset)$/.test(t) ? el.value || { submit: "Submit", reset: "Reset" }[t] : labelText(el) || norm(el.getAttribute("placeholder"));
    else if (tag === "IMG") v = norm(el.getAttribute("alt"));
    else if (/^(button|link|heading|tab|menuitem|option|cell|columnheader|checkbox|radio|switch|treeitem|listitem)$/.test(roleOf(el))) v = norm(textOf(el, 4e3));
    v = v || norm(el.getAttribute("title"));
  }
  return v.slice(0, 200);
}

/* The elements of a list (a loop: slice() and Array.from() on a NodeList are slower). */
function arr(l) { for (var a = [], i = 0, n = l.length; i < n; i++) a.push(l[i]); return a; }

/* A tag alone is asked of the browser's list of elements by tag, which it keeps until the page changes. */
function q(root, sel) {
  var t = root.nodeType;
  try { return arr((/^\w+$/.test(sel) && t < 11 ? BY_TAG : QSA)[t % 7].call(root, sel)); } catch (e) { return []; }
}

/* Tags that can have a role beyond IMPLICIT_ROLES and typed inputs for INPUT_ROLES (one query each:
   a list of selectors is many times slower than its parts). */
var ROLE_TAGS = { heading: ["h1", "h2", "h3", "h4", "h5", "h6"], textbox: "input", combobox: "input[list]", listbox: "select", presentation: "img" };

/* Whether element `el` could read the words `ws`: each in its text, or it has a name source its text does not
   show (a label, a labelling attribute, an image). A hint that never misses. */
function mayRead(el, ws) {
  /* the last words first: an id or a number tells look-alikes apart ("Edit 4321") */
  for (var s = el.textContent, i = ws.length; i-- && s.indexOf(ws[i]) >= 0;);
  return i < 0 || /^(INPUT|SELECT|TEXTAREA|IMG)$/.test(el.tagName) || el.hasAttribute("aria-label") || el.hasAttribute("aria-labelledby") || el.hasAttribute("title") || el.firstElementChild && el.querySelector("img");
}

function attrSel(a, v) { return "[" + a + '="' + String(v).replace(/["\\]/g, "\\$&") + '"]'; }

/* The CSS selector of a candidate that is one (test id, id, css, attribute), else null. */
function candidateSelector(c) {
  var v = c.value;
  /* No :has() and no probing of attribute values: a selector must not read the page's secrets. */
  return c.kind === "test_id" ? attrSel(c.attribute || "data-testid", v) : c.kind === "id" || c.kind === "css" ? (/:has\(|\[\s*value|[\^$*]=/i.test(v) ? ":not(*)" : v)
    : /^(placeholder|aria_label|title|alt)$/.test(c.kind) ? attrSel(c.kind.replace("_", "-"), v) : null;
}

/* Elements one selector candidate points at. */
function candidateMatches(c, root) {
  var v = c.value, sel = candidateSelector(c);
  if (sel) return q(root, sel);
  switch (c.kind) {
    case "label":
      var found = [];
      v = norm(v);
      labelled(root).forEach(function (ls, el) {
        /* a label holding nothing but its empty field at one end reads as the browser's own text */
        var l = ls[0], c = l.firstElementChild, t = ls[1] ? texts(ls) : !c || c === el && !c.firstChild && c === l.lastElementChild && (c === l.firstChild || c === l.lastChild) ? l.textContent : textOf(l);
        (t.trim() === v || norm(t) === v) && found.push(el);
      });
      return found;
    case "role":
      /* Only the tags that can have the role are looked at (implicit ones, typed inputs, explicit roles),
         and the (slower) name only of those whose text or labelling attributes hold every word of it. */
      var name = c.name == null ? null : norm(c.name), found = new Set(), ws = String(name).split(" ");
      Object.keys(IMPLICIT_ROLES).filter(function (t) { return IMPLICIT_ROLES[t] === v; })
        .concat(Object.values(INPUT_ROLES).indexOf(v) < 0 ? [] : "input[type]", ROLE_TAGS[v] || [], '[role="' + v + '"]')
        .forEach(function (s) {
          q(root, s).forEach(function (el) { if ((name == null || mayRead(el, ws)) && roleOf(el) === v && (name == null || nameOf(el) === name)) found.add(el); });
        });
      return slice(found);
    case "text":
      v = norm(v);
      /* big containers cannot hold just this text: their (slow) text is never built */
      var cap = 9 * v.length + 99, w = v.split(" ").sort(function (a, b) { return b.length - a.length; })[0], near = [], all,
        own = function (x) { return x.textContent.length < cap && norm(textOf(x)) === v; };
      (function down(p) {
        for (var x = p.firstElementChild, t; x; x = x.nextElementSibling) if ((t = x.textContent).indexOf(w) >= 0) { if (t.length < cap) near.push(x); down(x); }
      })(v ? root.body || root : mkEl("p"));
      q(root, "img").forEach(function (el) {
        var t = norm(el.getAttribute("alt"));
        if (t && v.indexOf(t) >= 0) for (; el && el.textContent.length < cap; el = el.parentElement) near.push(el);
      });
      return slice(new Set(near)).filter(function (x) { return x.matches("a,button,label,summary,li,td,th,h1,h2,h3,h4,h5,h6,p,span,div,[role]") && own(x) && !arr(x.children).some(own); }).sort(inOrder);
  }
  return [];
}

/* Document order, for sort(). */
function inOrder(a, b) { return a.compareDocumentPosition(b) & 2 ? 1 : -1; }

/* Lower-cased words, a plural "s" dropped ("Licenses", "License"). */
function words(s) { return norm(s).toLowerCase().split(" ").filter(Boolean).map(function (w) { return w.replace(/(\w\w\w)s$/, "$1"); }); }

function overlap(a, b) {
  if (!a.length && !b.length) return 1;
  var n = 0;
  a.forEach(function (x) { if (b.indexOf(x) >= 0) n++; });
  return n / Math.max(a.length, b.length);
}

/* Same words score 1; the same letters spaced or cased differently ("DataTables", "Data Tables") 0.95. */
function textSim(a, b) {
  /* the recorded side is worked out once per resolution; words are only split when one of the recorded ones is there */
  var B = memo.get(b) || memo.set(b, { n: norm(b), l: norm(b).toLowerCase().replace(/\W/g, ""), w: words(b) }).get(b), la = (a = norm(a)).toLowerCase();
  return a === B.n ? 1 : a && la.replace(/\W/g, "") === B.l ? 0.95 : B.w.some(function (w) { return la.indexOf(w) >= 0; }) ? overlap(words(a), B.w) * 0.9 : 0;
}

/* A link's file name: "../examples/user.html" and "./user.html" are the same page. */
function page(href) { return String(href).split(/[?#]/)[0].split("/").pop(); }

function sameHref(v, w) { return v === w ? 1 : v && (v = page(v)) && v === page(w) ? 0.9 : 0; }

/* Landmarks around the element and the nearest heading before it (unless `nh`), as "role name" strings. */
var memo = null;   /* during one resolution: the page's headings (key 0), worked-out recorded texts, what is known of an element, a root's labelled fields */
/* What this resolution has worked out about an element (candidates share containers, rows and headings). */
function known(el) { return memo ? memo.get(el) || memo.set(el, {}).get(el) : {}; }
function contextOf(el, nh) {
  var out = [], n = el.parentElement, k = 0, heading = null, m, lo = 0, hs = nh ? [] : memo && memo.get(0) || ROLE_TAGS.heading.reduce(function (a, t) { return a.concat(q(el.getRootNode(), t)); }, []).sort(inOrder), hi = hs.length, b = doc("body");
  nh || memo && memo.set(0, hs);
  for (; n && n !== b; n = n.parentElement) {
    var c = known(n), r;
    if (c.x == null) c.x = (r = roleOf(n)) && LANDMARKS.test(r) ? norm(r + " " + nameOf(n)) : /^(row|listitem|article)$/.test(r) ? entry(n) : "";
    c.x && out.push(c.x);
  }
  /* The nearest heading before it: the last one before it in the page that is not around it (found by halving),
     if the walk back through its earlier siblings and theirs reaches it. */
  while (lo < hi) if (el.compareDocumentPosition(hs[m = lo + hi >> 1]) & 2) lo = m + 1; else hi = m;
  while (lo && hs[lo - 1].contains(el)) lo--;
  for (n = el, m = hs[lo - 1]; m && n && !heading && k < 60; k++) {
    var p = n.previousElementSibling;
    /* a header, footer or sidebar is not labelled by the page's headings before it */
    if (!p) { n = n.parentElement; if (/^(banner|contentinfo|complementary)$/.test(n && roleOf(n))) break; continue; }
    if ((n = p).contains(m)) heading = m;
  }
  if (heading) out.push("heading " + norm(textOf(heading)).slice(0, 200));
  return out;
}

function entry(n) { var m = known(n); return m.e != null ? m.e : m.e = norm(roleOf(n) + " " + textOf(n, 2e3)).slice(0, 80); }

/* A recorded row or list item whose text changed a little ("Mar 9, 2018" → "Mar 7, 2019"): how many more of its
   distinguishing words the element's own one keeps than its best sibling does, 0..1 (0 when it keeps fewer than half: a deleted row's neighbours). */
function rowSim(a, el) {
  var n = el.closest(a.split(" ")[0] === "row" ? "tr,[role=row]" : "li,[role=listitem]"), p = n && n.parentElement;
  if (!p) return 0;
  var all = arr(p.children).slice(0, 50), mine = 0, rival = 0, ws = all.map(function (x) { var k = known(x); return k.w || (k.w = words(entry(x))); });
  /* words every row has (its role, repeated labels and dates) do not tell rows apart */
  var o = words(a).filter(function (x) { return !ws.every(function (r) { return r.indexOf(x) >= 0; }); });
  ws.forEach(function (r, i) {
    var v = o.filter(function (w) { return r.indexOf(w) >= 0; }).length / o.length || 0;
    if (all[i] === n) mine = v; else rival = Math.max(rival, v);
  });
  return mine < 0.5 ? 0 : mine - rival;
}

function siblingsOf(el) {
  var p = el.parentElement;
  return p ? arr(p.children).filter(function (s) { return s !== el; }).slice(0, 6).map(function (s) { return norm(textOf(s, 2e3)).slice(0, 60); }).filter(Boolean) : [];
}

/* How much `el` looks like the fingerprint, 0..1 (weights after Similo's attribute stability):
   [overall, what it is and where (without its position, which alone never decides)]. */
function similarity(fp, el, peers, quick) {
  var m = known(el), total = m.t || 0, got = m.g, content;
  function add(w, s) { total += w; got += w * s; }
  /* the content part, once per element and resolution (one fingerprint) */
  if (!total) {
    got = 0;
    add(1, el.localName === fp.tag ? 1 : 0);
    if (fp.role != null) add(1.5, roleOf(el) === fp.role ? 1 : 0);
    /* a name that is gone (an icon now, a label moved out) says less than a different one */
    if (fp.name != null) add((content = nameOf(el)) ? 3 : 1.5, textSim(content, fp.name));
    if (fp.text != null) add(2, textSim(textOf(el, 400).slice(0, 400), fp.text));
    Object.keys(fp.attributes || {}).forEach(function (k) {
      var v = el.getAttribute(k), w = fp.attributes[k];
      add(k === "id" || /^data-(test|cy|qa)/.test(k) ? 2 : 1, k === "href" ? sameHref(v, w) : v === w ? 1 : 0);
    });
    if (fp.classes?.length) add(1, overlap(arr(el.classList), fp.classes));
    m.t = total; m.g = got;
  }
  if (quick) return [got / total, total];
  /* Context: how much of the recorded context is still around the element scales the confidence. */
  /* The nearest container counts most; "navigation Top" is not "navigation Breadcrumb". */
  /* (no heading is sought when none was recorded) */
  var here = fp.ancestors?.length ? contextOf(el, fp.ancestors.join().indexOf("heading ") < 0) : [], ctx = 1, w = 0, sum = 0, i = 0;
  (fp.ancestors || []).forEach(function (a) {
    /* its own list item only says that it is in one, and counts half; the row it acts on counts double */
    var own = a === "listitem " + fp.name, row = !own && /^(row|listitem) /.test(a), v = own ? 0.5 : (row ? 2 : 1) / ++i;
    w += v; sum += v * (here.indexOf(own ? norm("listitem " + nameOf(el)) : a) >= 0 ? 1 : row ? rowSim(a, el) : 0);
  });
  if (w) add(1.5, ctx = sum / w);
  if (fp.siblings?.length) add(0.5, overlap(siblingsOf(el), fp.siblings));
  content = total ? got / total : 0;
  var at = fp.index != null && peers ? peers(el) : -1;
  if (at >= 0) add(0.5, at === fp.index ? 1 : 0);
  /* fp.box is kept for reports and thumbnails, not matching: layouts move with the viewport. */
  return [total ? got / total : 0, content, ctx];
}

/* The document or shadow root that holds the target (through same-origin iframes and open shadow roots). */
function rootFor(target, at) {
  var root = at || D;
  (target.framePath || []).map(function (s) { return [s, 1]; }).concat((target.shadowPath || []).map(function (s) { return [s]; })).forEach(function (s) {
    try { var host = root && q(root, s[0])[0]; root = host ? (s[1] ? host.contentDocument : host.shadowRoot) : null; } catch (e) { root = null; }
  });
  return root;
}

/* Find the element a target describes: {element, confidence, ambiguous, reason, positional, candidates}
   (candidates: the top three weighed, {el, c: confidence, k: content score}).
   Never guesses between equals, unless the capture recorded which of its look-alikes it was. */
function resolveTarget(target, at, min) {
  memo = new Map();
  try { return find(target, at, min); } finally { memo = null; }
}

function find(target, at, min) {
  var none = { element: null, confidence: 0, ambiguous: false, reason: "not_found" };
  if (!target) return none;
  var root = rootFor(target, at);
  if (!root) return none;
  /* How well each element fits the candidates it matches (noisy-OR of their scores). A candidate
     matching several elements lifts them all equally, so only a distinguishing one can break the tie. */
  var evidence = new Map(), fp = target.fingerprint, strong = 0;
  /* Weak structural paths (score < 0.3) only count when no stronger candidate matches anything:
     after rows are deleted or reordered they point at a neighbour. */
  (target.candidates || []).map(function (c) { return [c.score ?? 0.5, candidateMatches(c, root)]; })
    .sort(function (a, b) { return b[0] - a[0]; }).forEach(function (m) {
      if (m[0] < 0.3 && strong) return;
      if (m[0] >= 0.3 && m[1].length) strong = 1;
      /* (each candidate's matches are distinct) */
      m[1].forEach(function (el) { evidence.set(el, 1 - (1 - (evidence.get(el) || 0)) * (1 - m[0])); });
    });
  /* The only link to the recorded page is evidence too (a reworded link keeps its destination). */
  var hr = fp?.attributes?.href, to = hr ? q(root, "a").filter(function (a) { return sameHref(a.getAttribute("href"), hr); }) : [];
  if (to.length === 1) evidence.set(to[0], 1 - (1 - (evidence.get(to[0]) || 0)) * 0.4);
  var pool = slice(evidence.keys());
  /* Without strong evidence, the 40 likeliest by content (tag, role, name, attributes) get the full (slower) comparison too. */
  if (fp && !pool.some(function (el) { return evidence.get(el) >= 0.5; })) {
    /* on a big page only those that could read every recorded word or share a class */
    var all = q(root, fp.tag).concat(fp.role ? q(root, '[role="' + fp.role + '"]') : []), ws = norm(fp.name || fp.text).split(" ");
    pool = slice(new Set(pool.concat(all.filter(function (el) {
      return !all[500] || mayRead(el, ws) || fp.classes?.some(function (c) { return el.classList.contains(c); });
    })
      .map(function (el) { return [el, similarity(fp, el, 0, 1)[0]]; }).sort(function (a, b) { return b[1] - a[1]; }).slice(0, 40).map(function (a) { return a[0]; }))));
  }
  /* A position only means something among the recorded look-alikes (same tag and name). */
  /* (Its look-alikes are only sought up to the element: those after it do not change its place.) */
  var groups = {}, peers = function (el) {
    var nm = fp.name, k = el.localName, g, x;
    if (nameOf(el) !== nm) return -1;
    g = groups[k] = groups[k] || { l: q(root, k), i: 0, p: [] };
    while (g.p.indexOf(el) < 0 && (x = g.l[g.i++])) mayRead(x, nm.split(" ")) && nameOf(x) === nm && g.p.push(x);
    return g.p.indexOf(el);
  };
  /* A name or text match in another region than the recorded one (other heading, landmark, row)
     is another element with the same label: context scales the score down, to "not found" when none is shared. */
  /* The full comparison (context, siblings, position: 2.5 of weight, each scoring at most 1) is made from the likeliest down,
     and stops at an element that cannot reach the top three or come within AMBIGUITY_GAP of the best: what is left out could change nothing. */
  var scored = [], cs = [];
  pool.map(function (el) {
    var s = fp && similarity(fp, el, 0, 1), u = s && (s[0] * s[1] + 2.5) / (s[1] + 2.5);
    return [el, fp ? Math.max(0.6 * (evidence.get(el) || 0) + 0.4 * u, 0.85 * u) + 1e-9 : 9];
  }).sort(function (a, b) { return b[1] - a[1]; }).some(function (p) {
    if (p[1] < cs[2] && cs[0] - p[1] >= AMBIGUITY_GAP) return 1;
    var el = p[0], sim = fp ? similarity(fp, el, peers) : [0, 0, 1], ev = evidence.get(el) || 0,
      /* Weak selector evidence never counts against the fingerprint: a reworded element keeps its content score. */
      c = (fp ? Math.max(0.6 * ev + 0.4 * sim[0], 0.85 * sim[0]) : ev) * (0.35 + 0.65 * sim[2]);
    /* (one not in the top three, nor within AMBIGUITY_GAP of the best, changes nothing and is left out) */
    if (!fp || !(cs[2] >= c && cs[0] - c >= AMBIGUITY_GAP)) scored.push({ el: el, k: sim[1], c: c });
    /* the three best scores so far, best first */
    for (var i = Math.min(cs.length, 3); fp && i && cs[i - 1] < c; i--) cs[i] = cs[i - 1];
    fp && i < 3 && (cs[i] = c);
  });
  scored.sort(function (a, b) { return b.c - a.c; });
  /* Close calls (within AMBIGUITY_GAP of the top) are decided by content and context alone:
     weak structural selectors and position never pick between look-alikes. */
  var close = scored.filter(function (s) { return scored[0].c - s.c < AMBIGUITY_GAP; }).sort(function (a, b) { return b.k - a.k; });
  var best = close[0], tied = close.filter(function (s) { return best.k - s.k < 0.02; }), nth = fp?.nth,
    res = { element: null, confidence: best ? Math.round(best.c * 1000) / 1000 : 0, ambiguous: false, reason: "not_found", candidates: scored.slice(0, 3) };
  if (!best || best.c < (min == null ? MIN_CONFIDENCE : min)) return res;
  /* Look-alikes: the capture recorded the element's place among them; that is all we have, and we say so. */
  if (tied[1]) {
    if (!tied[nth]) return res.ambiguous = true, res.reason = "ambiguous", res;
    best = tied.sort(function (a, b) { return inOrder(a.el, b.el); })[nth];
  }
  if (res.positional = !!(tied[1] || fp?.positional)) res.confidence = Math.min(res.confidence, 0.69);
  res.element = best.el;
  res.reason = null;
  return res;
}

/* Waiting for elements costs nothing while the page is idle: one MutationObserver serves every
   waiter, looks only at what changed against each target's cheap keys, and resolves once a frame. */
function isVisible(el) {
  if (!el.isConnected) return false;
  var r = el.getBoundingClientRect();
  if (r.width < 1 || r.height < 1) return false;
  if (el.checkVisibility) return el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
  var s = getComputedStyle(el);
  return s.visibility !== "hidden" && s.display !== "none" && +s.opacity > 0;
}

/* Whether element n could be what a candidate of target t points at; `deep`: or something inside it.
   Only a hint: a hit is confirmed by a full resolve. */
function mayBe(t, n, deep) {
  var fp = t.fingerprint;
  return n.nodeType === 1 && ((t.candidates || []).some(function (c) {
    var sel = candidateSelector(c), v = norm(c.name || c.value);
    try { if (sel) return n.matches(sel) || deep && !!n.querySelector(sel); } catch (e) { return false; }
    if (deep) return n.textContent.indexOf(v) >= 0;
    return c.kind === "role" ? roleOf(n) === c.value && (c.name == null || nameOf(n) === v) : n.childElementCount < 8 && norm(textOf(n)).indexOf(v) >= 0;
  }) || fp?.tag === n.localName && (deep || !fp.name || nameOf(n) === norm(fp.name)));
}

var waiters = [], observer = null, poll = 0;
var flush = perFrame(function () { waiters.slice().forEach(function (w) { if (w._dirty) { w._dirty = 0; w._check(); } }); });

/* Mark the waiters whose target may have appeared in these mutations. */
function changed(records) {
  records.forEach(function (r) {
    var n = r.type === "characterData" ? r.target.parentElement : r.target, added = arr(r.addedNodes);
    waiters.forEach(function (w) {
      w._dirty = w._dirty || n && mayBe(w._target, n, r.type === "attributes") || added.some(function (a) { return mayBe(w._target, a, 1); });
    });
  });
  flush();
}

/* Resolve now or when the page changes, within `ms`; calls back once with the result and `_visible`. */
function waitFor(target, ms, cb) {
  var done = false, found = null, offs = [], w = { _target: target || {} };
  function finish(res) { if (done) return; done = true; runAll(offs); cb(res); }
  w._check = function (final) {
    var res = resolveTarget(target);
    found = res.element;
    res._visible = !!found && isVisible(found);
    if (found && !res._visible) res.reason = "hidden";
    if (res._visible || final) finish(res);
  };
  /* Polled only for what the observer cannot see: a found element's style, frames and shadow roots. */
  w._poll = function () { return found ? isVisible(found) : (target.framePath || target.shadowPath || []).length; };
  waiters.push(w);
  if (!observer) {
    observer = new MutationObserver(guard(changed));
    observer.observe(doc("root"), { childList: true, subtree: true, attributes: true, characterData: true });
    /* one timer for every waiter: each timer task costs the page more than the check it runs */
    poll = setInterval(guard(function () { waiters.forEach(function (x) { if (x._poll()) { x._dirty = 1; flush(); } }); }), 250);
  }
  offs.push(function () {
    waiters.splice(waiters.indexOf(w), 1);
    if (!waiters.length) { observer.disconnect(); observer = null; clearInterval(poll); flush._cancel(); }
  }, later(function () { w._check(true); }, ms));
  w._check(!ms);
  return function () { if (!done) { done = true; runAll(offs); } };
}

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

/* Guide kinds as a registry: each kind's _play(rt, g) plays one guide and returns {_end()};
   _one kinds show one at a time, _stays kinds stay across pages until dismissed.
   A later kind (banner, survey, resource center, launcher) is one more KINDS entry. */
var KINDS = {};

/* Emit a step event of guide g (step i, 0 for single-step kinds). */
function stepEvent(rt, name, g, i, extra) {
  rt._emit(name, assign({ guideId: g.id, stepId: g.steps[i]?.id, stepIndex: i }, extra));
}

/* The target of a single-step kind, waited for within the step's timeout; reports a missing one. */
function withTarget(rt, g, st, cb) {
  return waitFor(st.target, st.waitMs ?? 5000, function (res) {
    if (res._visible) cb(res.element);
    else stepEvent(rt, "target_not_found", g, 0, { reason: res.reason, confidence: res.confidence });
  });
}

/* Give el the step's text as its accessible description (a remover takes it back out). */
function described(rt, el, st) {
  return describedBy(el, rt._surface._describe(norm(st.title + ". " + richText(st.body).textContent)));
}

KINDS.walkthrough = {
  _one: true,
  _play: function (rt, g, at) {
    var i = at || 0, offs = [], view = null, ended = false, n = g.steps.length;
    function clear() { runAll(offs); view?.remove(); view = null; }
    function go(to) {
      clear();
      i = to;
      if (i < 0) i = 0;
      if (i >= n) return rt.finish(g, "completed");
      rt._session._update(function (v) { v.active = { g: g.id, s: i }; });
      var st = g.steps[i];
      if (st.page && !here(st.page)) {
        offs.push(rt._onRoute(function () { if (here(st.page)) go(i); }));
        return;
      }
      if (!st.target) return show(st, null);
      offs.push(waitFor(st.target, st.waitMs ?? 5000, function (res) {
        if (res._visible) return show(st, res.element);
        stepEvent(rt, "target_not_found", g, i, { reason: res.reason, confidence: res.confidence });
        if (st.optional || st.onMissing === "skip" || !st.onMissing) go(i + 1);
        else if (st.onMissing === "center") show(st, null);
        else rt.finish(g, "dismissed", { reason: "target_not_found" });
      }));
    }
    function next() {
      if (ended) return;
      stepEvent(rt, "step_completed", g, i);
      /* go() saves the next step at once, before the page may unload: a click that navigates resumes there. */
      go(i + 1);
    }
    function show(st, el) {
      var mode = st.advance?.mode || "next", last = i === n - 1;
      var buttons = st.buttons?.length ? st.buttons.map(function (b) { return rt._button(b, g, next, function () { go(i - 1); }); }) : [
        i > 0 ? { _label: rt._labels.back, _run: function () { go(i - 1); } } : null,
        mode === "next" ? { _label: last ? rt._labels.done : rt._labels.next, _primary: true, _run: next } : null
      ].filter(Boolean);
      if (el) { bringIntoView(el); offs.push(highlight(rt, el)); }
      view = callout(rt, {
        _step: st, _anchor: el, _name: g.name, _buttons: buttons, _onClose: function () { rt.finish(g, "dismissed"); },
        /* Steps the user completes on the page leave focus there (an input step focuses its field). */
        _focus: mode === "next" || !el,
        _progress: n > 1 ? rt._labels.progress.replace("{n}", i + 1).replace("{total}", n) : "",
        _onKey: function (e) {
          if (e.key === "ArrowRight" && mode === "next") next();
          else if (e.key === "ArrowLeft" && i > 0) go(i - 1);
        }
      });
      stepEvent(rt, "step_shown", g, i);
      offs.push(onKey("Escape", function () { rt.finish(g, "dismissed"); }));
      var adv = st.advance || {};
      /* Focus stays on the page for steps the user completes there: the element carries the step's text. */
      if (mode !== "next" && el) offs.push(described(rt, el, st));
      if (mode === "click" && el) offs.push(listen(el.ownerDocument.defaultView, "click", function (e) { if (e.composedPath().indexOf(el) >= 0) next(); }, true));
      if (mode === "input" && el) {
        el.focus({ preventScroll: true });
        var idle = function () {};
        offs.push(function () { idle(); }, listen(el, "change", next), listen(el, "input", function () { idle(); idle = later(next, 800); }));
      }
      if (mode === "element") offs.push(waitFor(adv.element, 600000, function (res) { if (res.element) next(); }));
      if (mode === "url") {
        var check = function () { if (here(adv.url)) next(); };
        offs.push(rt._onRoute(check));
      }
    }
    go(i);
    return { _end: function () { ended = true; clear(); } };
  }
};

KINDS.tooltip = {
  _play: function (rt, g) {
    var st = g.steps[0], view = null, offs = [], el = null, hide = function () {};
    function open() {
      hide();
      if (view) return;
      view = callout(rt, { _step: st, _anchor: el, _role: "tooltip", _cls: "gs-tip", _focus: false, _name: g.name });
      rt._seen(g);
      stepEvent(rt, "step_shown", g, 0);
    }
    function close() { view?.remove(); view = null; }
    offs.push(withTarget(rt, g, st, function (target) {
      el = target;
      offs.push(described(rt, el, st));
      if (g.showOn === "always") return open();
      var soon = function () { hide(); hide = later(close, 200); };
      offs.push(listen(el, "mouseenter", open), listen(el, "focus", open), listen(el, "mouseleave", soon), listen(el, "blur", soon),
        onKey("Escape", close), function () { hide(); });
    }));
    return { _end: function () { runAll(offs); close(); } };
  }
};

KINDS.hotspot = {
  _play: function (rt, g) {
    var st = g.steps[0], offs = [], beacon = null, view = null;
    function close() { view?.remove(); view = null; }
    offs.push(withTarget(rt, g, st, function (el) {
      beacon = h("button", { "class": "gs-beacon", "aria-label": st.title || g.name, "aria-expanded": "false" });
      mount(rt, beacon);
      offs.push(follow(function () { var r = boxOf(el); pos(beacon, { left: r.right - 11, top: r.top - 11 }); }),
        function () { beacon.remove(); });
      offs.push(listen(beacon, "click", function () {
        if (view) { close(); beacon.setAttribute("aria-expanded", "false"); return; }
        beacon.setAttribute("aria-expanded", "true");
        view = callout(rt, {
          _step: st, _anchor: el, _name: g.name, _onClose: function () { rt.finish(g, "dismissed"); },
          _buttons: [{ _label: rt._labels.gotIt, _primary: true, _run: function () { stepEvent(rt, "step_completed", g, 0); rt.finish(g, "completed"); } }],
          _onKey: function (e) { if (e.key === "Escape") { close(); beacon.focus(); } }
        });
        stepEvent(rt, "step_shown", g, 0);
      }));
    }));
    return { _end: function () { runAll(offs); close(); } };
  }
};

KINDS.modal = {
  _one: true,
  _play: function (rt, g) {
    var st = g.steps[0], body = doc("body"), wasInert = body.inert, close = function () { rt.finish(g, "dismissed"); };
    var backdrop = h("div", { "class": "gs-backdrop", "aria-hidden": "true", onclick: g.closeOnBackdrop !== false && close });
    mount(rt, backdrop);
    var buttons = (st.buttons?.length ? st.buttons : [{ label: rt._labels.gotIt, action: "complete", primary: true }])
      .map(function (b) { return rt._button(b, g, function () { rt.finish(g, "completed"); }); });
    var view = callout(rt, {
      _step: st, _modal: true, _cls: "gs-modal", _name: g.name, _buttons: buttons, _onClose: close,
      _onKey: function (e) { trapFocus(e, view._el); }
    });
    var off = onKey("Escape", close);
    stepEvent(rt, "step_shown", g, 0);
    /* The page goes inert last, once nothing else can fail, and is restored first. */
    body.inert = true;
    return { _end: function () { body.inert = wasInert; off(); backdrop.remove(); view.remove(); } };
  }
};

KINDS.checklist = {
  _stays: true,
  _play: function (rt, g) {
    var offs = [], done = function (it) { return has(rt._local._get(), "items", g.id + "/" + it.id); };
    var c = cornerPanel(rt, g, offs, function () {
      return [h("div", { "class": "gs-bar", role: "progressbar", "aria-label": g.title, "aria-valuemin": "0", "aria-valuemax": g.items.length }, [h("span")]),
        h("ul", { "class": "gs-items" }, g.items.map(function (it) {
          return listItem(it.title, it.description, function (e) { activate(it, e); }, h("span", { "class": "gs-check", "aria-hidden": "true" }), h("span", { "class": "gs-state gs-desc" }));
        }))];
    }, function () { render(); c._panel.querySelector(".gs-item").focus(); }, g.dismissible !== false && function () { rt.finish(g, "dismissed"); });
    function complete(it) {
      if (done(it)) return;
      rt._local._update(function (v) { mark(v, "items", g.id + "/" + it.id); });
      rt._emit("checklist_item_completed", { guideId: g.id, itemId: it.id });
      render();
      if (g.items.every(done)) rt._completed(g);
    }
    /* "Done when clicked" ticks only what actually happened: a guide that cannot start stays unticked. */
    function activate(it, e) {
      var url = it.action === "open_url" && safeUrl(it.url);
      var ok = it.action === "start_guide" ? rt.start(it.guideId, { from: e.currentTarget }) : it.action !== "open_url" || !!url;
      if (ok && it.completeWhen === "clicked") complete(it);
      if (ok && it.action === "start_guide") c._toggle(false);
      if (url) location.assign(url);
    }
    function render() {
      var k = g.items.filter(done).length, total = g.items.length, panel = c._panel;
      c._count.textContent = rt._labels.progress.replace("{n}", k).replace("{total}", total);
      if (!panel) return;
      panel.querySelector(".gs-bar").setAttribute("aria-valuenow", k);
      panel.querySelector(".gs-bar > span").style.setProperty("width", (100 * k / total) + "%");
      g.items.forEach(function (it, j) {
        var li = panel.querySelectorAll(".gs-item")[j];
        li.classList.toggle("gs-done", done(it));
        li.querySelector(".gs-state").textContent = done(it) ? rt._labels.completed : "";
      });
    }
    g.items.forEach(function (it) {
      if (it.completeWhen === "guide_completed") offs.push(rt.on("guide_completed", function (d) { if (d.guideId === it.guideId) complete(it); }));
      if (it.completeWhen === "event") offs.push(rt.on("track", function (d) { if (d.name === it.event) complete(it); }));
      if (it.completeWhen === "url") { var check = function () { if (here(it.completeUrl)) complete(it); }; offs.push(rt._onRoute(check)); check(); }
      if (it.completeWhen === "element") offs.push(waitFor(it.element, 600000, function (res) { if (res.element) complete(it); }));
    });
    render();
    return { _end: function () { runAll(offs); } };
  }
};


/* A bar across the top or bottom of the page. Pushing pads the page's root by the bars' height (put back as
   it was when the last one ends); at the top it sits below the app's own fixed or sticky header unless the
   author lets it cover it. Banners on one edge stack in the order they started. */
KINDS.banner = {
  _play: function (rt, g) {
    var st = g.steps[0], root = doc("root"), side = g.edge === "bottom" ? "bottom" : "top", pad = "padding-" + side;
    var edges = rt._surface._edges = rt._surface._edges || {}, done = function (how) { return function () { rt.finish(g, how); }; };
    var edge = edges[side] = edges[side] || { _bars: [], _was: [root.style.getPropertyValue(pad), root.style.getPropertyPriority(pad)],
      _base: parseFloat(getComputedStyle(root).getPropertyValue(pad)) || 0 };
    var bar = h("div", { "class": "gs-banner", role: "region", "aria-label": st.title || g.name }, [
      st.title ? h("strong", { "class": "gs-title", text: st.title }) : null,
      h("div", { "class": "gs-body" }, [richText(st.body, rt._media)]),
      h("div", { "class": "gs-btns" }, (st.buttons || []).map(function (b) { return actionButton(rt._button(b, g, done("completed"))); })),
      g.dismissible !== false ? closeButton(rt, done("dismissed")) : null
    ]);
    mount(rt, bar);
    edge._bars.push(bar);
    var off = follow(function () {
      var at = side === "top" && !g.coverHeader ? headerBottom() : 0, all = 0;
      edge._bars.forEach(function (b) { if (b === bar) at += all; all += b.offsetHeight; });
      bar.style.setProperty(side, at + "px");
      if (g.push !== false) {
        root.style.setProperty(pad, edge._base + all + "px", "important");
        if (!g.coverHeader) aside(edge, side, at, all);
      }
    });
    stepEvent(rt, "step_shown", g, 0);
    return { _end: function () {
      off(); bar.remove();
      edge._bars = edge._bars.filter(function (b) { return b !== bar; });
      if (!edge._bars.length) {
        root.style.setProperty(pad, edge._was[0], edge._was[1]);
        (edge._moved || new Map()).forEach(function (w, n) { n.style.setProperty(side, w[0], w[1]); });
        delete edges[side];
      }
    } };
  }
};

/* The bottom of the app's own fixed or sticky header at the top of the window (0 when there is none). */
function headerBottom() {
  var y = 0;
  fixedAt(1, (n, r) => { if (r.top <= 1 && r.height < innerHeight / 3) y = Math.max(y, r.bottom); });
  return y;
}

/* Pushing moves the page, not the app's fixed elements: those that reach into the bars' band (a fixed sidebar,
   a bottom bar of the app's own) move aside by the bars' height too, and are put back as they were at the end. */
function aside(edge, side, at, all) {
  var moved = edge._moved = edge._moved || new Map(), top = side === "top";
  [at + 1, at + all - 1].forEach(y => fixedAt(top ? y : innerHeight - y, (n, r, s) => {
    var near = top ? r.top : innerHeight - r.bottom;
    if (!moved.has(n) && s.position === "fixed" && near > at - 2 && near < at + all)
      moved.set(n, [n.style.getPropertyValue(side), n.style.getPropertyPriority(side), parseFloat(s[side])]);
  }));
  moved.forEach((w, n) => n.style.setProperty(side, w[2] + all + "px", "important"));
}


/* A launcher: the guide's own button, icon or beacon that starts another guide, beside an element of the app
   or in a corner of the window, on the pages its trigger matches. Launchers in one corner stack with the
   others there (cornerStack). When a route change leaves its pages or removes its element, it goes quietly
   and evaluate() puts it back wherever it still applies. */
var GLYPHS = { help: "?", info: "i", star: "\u2605", "new": "!" };
KINDS.launcher = {
  _stays: true,
  _play: function (rt, g) {
    var st = g.steps[0], offs = [], style = g.style || "button", corner = g.corner || "bottom_right";
    /* An icon or beacon shows no text: its label names it and is its mouse-over tip. */
    var label = style === "button" ? null : st.title;
    function show(el) {
      offs.push(rt._onRoute(function () {
        var slot = rt._active[g.id];
        if (urlMatches(g.trigger?.url, location.href) && (!el || el.isConnected)) return;
        delete rt._active[g.id]; delete rt._here[g.id];
        slot?._end?.();
      }));
      var b = h("button", {
        "class": "gs-launch gs-" + style, "aria-label": label, title: label,
        text: style === "button" ? st.title : style === "icon" ? GLYPHS[g.icon] || "?" : null,
        onclick: function () { stepEvent(rt, "step_completed", g, 0); rt.start(g.guideId, { from: b }); }
      });
      mount(rt, b);
      offs.push(function () { b.remove(); }, el ? follow(function () {
        var r = boxOf(el);
        place(b, null, r, !st.placement || st.placement === "auto" ? (getComputedStyle(el).direction === "rtl" ? "left" : "right") : st.placement);
        /* Its element scrolled out of the window: it waits out of sight (a tip does too), not pinned to the edge. */
        b.style.visibility = r.bottom < 0 || r.top > innerHeight ? "hidden" : "";
      }) : cornerStack(rt, b, corner));
      stepEvent(rt, "step_shown", g, 0);
    }
    if (st.target) offs.push(withTarget(rt, g, st, show)); else show(null);
    return { _end: function () { runAll(offs); } };
  }
};


/* A survey: one question per screen in a corner panel (or centred), then a thank-you screen. Scales and single
   choices are native radio groups (arrow keys; "3 of 11" to screen readers), multiple choices check boxes, in
   a form (Enter answers). Its own throttling replaces the frequency: a share of users (each user's draw is
   kept), "Ask me later" for snoozeDays, and again reaskDays after an answer or a close (never without).
   Its state: sv[guideId] = {r: the draw, z: snoozed until, a: answered or closed at, k: the question on screen,
   where it goes on after a page load}. */
KINDS.survey = {
  _one: true,
  _ok: function (rt, g, now) {
    var s = rt._local._get().sv?.[g.id] || {};
    if (s.r == null) svPut(rt, g, { r: s.r = Math.random() * 100 });
    return s.r < (g.samplePercent ?? 100) && !(now < s.z) && (!s.a || g.reaskDays > 0 && now >= s.a + g.reaskDays * 864e5);
  },
  _play: function (rt, g, at) {
    var L = rt._labels, panel = null, unfollow, id = "gs" + (++uid), n = g.questions.length;
    var close = function () { svPut(rt, g, { a: Date.now(), k: 0 }); rt.finish(g, "dismissed"); };
    var btn = function (label, fn, primary) {
      return h("button", { type: fn ? "button" : "submit", "class": primary ? "gs-btn gs-primary" : "gs-btn", text: label, onclick: fn || null });
    };
    /* One screen: a form around a fieldset named by its legend; later screens take the focus. */
    function screen(legend, kids, radio, of, btns, submit) {
      var again = panel, form = h("form", { onsubmit: function (e) { e.preventDefault(); submit(form); } }, [
        closeButton(rt, close),
        h("fieldset", { role: radio && "radiogroup" }, [h("legend", { id: id, "class": "gs-title", text: legend })].concat(kids)),
        h("div", { "class": "gs-foot" }, [h("span", { "class": "gs-progress", text: of }), h("span", { "class": "gs-btns" }, btns)])
      ]);
      unfollow?.();
      panel?.remove();
      mount(rt, panel = h("div", { "class": "gs-panel gs-survey gs-" + g.position, "data-at": g.position, role: "dialog",
        "aria-labelledby": id, onkeydown: function (e) { if (e.key === "Escape") close(); } }, [form]));
      /* Above the launchers stacked in its corner (cornerStack), never over them. */
      unfollow = above(panel, () => q(rt._surface._root(), "[data-corner]").filter(b => sameCorner(b.dataset.corner, g.position))
        .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)[0]);
      underPanels(rt);
      if (again) q(form, "input,textarea,.gs-primary")[0].focus({ preventScroll: true });
    }
    /* Ask question k (its follow-up when fu), then go on. */
    function ask(k, fu) {
      if (!fu) svPut(rt, g, { k: k });
      var qn = fu || g.questions[k], t = qn.type, nps = t === "nps", multi = t === "multiple_choice", open = t === "open_text";
      var hi = nps ? 10 : t === "csat" ? 5 : qn.scale || 5, face = t === "csat" && qn.style !== "stars", star = !face && qn.style === "stars";
      var glyph = face || star, other = null, row = null, kids;
      var opt = function (value, text, cls) {
        return h("label", { "class": cls }, [h("input", { type: multi ? "checkbox" : "radio", name: id, value: value, "aria-label": glyph && value + " / " + hi }),
          h("span", { "aria-hidden": glyph && "true", text: text })]);
      };
      if (open) kids = [h("textarea", { "aria-labelledby": id, placeholder: qn.placeholder })];
      else if (qn.options) {
        kids = qn.options.map(function (o) { return opt(o.id, o.label, "gs-opt"); });
        if (qn.allowOther) kids.push(opt("other", L.other, "gs-opt"), other = h("input", { type: "text", "aria-label": L.other,
          oninput: function () { q(panel, "[value=other]")[0].checked = true; } }));
      } else {
        kids = [row = h("div", { "class": "gs-scale" + (face ? " gs-faces" : star ? " gs-stars" : "") })];
        for (var v = nps ? 0 : 1; v <= hi; v++) row.appendChild(opt(v, face ? Array.from("\ud83d\ude1e\ud83d\ude41\ud83d\ude10\ud83d\ude42\ud83d\ude00")[v - 1] : star ? "\u2605" : v));
        if (nps) kids.push(h("div", { "class": "gs-ends gs-desc" }, [h("span", { text: qn.lowLabel }), h("span", { text: qn.highLabel })]));
      }
      screen(qn.text, kids, !multi && !open, L.progress.replace("{n}", k + 1).replace("{total}", n), [g.snoozeDays > 0 ? btn(L.later, function () {
        svPut(rt, g, { z: Date.now() + g.snoozeDays * 864e5 });
        rt._emit("survey_snoozed", { guideId: g.id });
        rt.finish(g);
      }) : null, btn(k < n - 1 ? L.next : L.done, 0, 1)], function (form) {
        var picked = q(form, ":checked").map(function (i) { return i.value; });
        var value = open ? q(form, "textarea")[0].value.trim() : multi ? picked : row ? +picked[0] : picked[0];
        if (multi ? !value.length : !value && value !== 0) {
          /* Not answered: the question is marked (screen readers hear "invalid") and its first answer focused. */
          if (qn.required !== false) return q(form, "fieldset")[0].setAttribute("aria-invalid", "true"), q(form, "input,textarea")[0].focus();
        } else {
          var d = { guideId: g.id, questionId: qn.id, value: value }, f = nps && qn.followUp;
          if (other && picked.indexOf("other") >= 0) d.text = other.value.trim();
          rt._emit("survey_answered", d);
          svPut(rt, g, { k: k + 1 });
          if (f = f && f[value < 7 ? "detractor" : value < 9 ? "passive" : "promoter"]) return ask(k, { id: qn.id + "/follow-up", type: "open_text", text: f, required: false });
        }
        if (k < n - 1) return ask(k + 1);
        svPut(rt, g, { a: Date.now(), k: 0 });
        rt._completed(g);
        var ty = g.thankYou || {};
        screen(ty.title, [h("div", { "class": "gs-body" }, [richText(ty.body, rt._media)])], false, "", [btn(L.close, 0, 1)], function () { rt.finish(g); });
      });
    }
    /* From question `at` when started there (the studio's preview of the question being edited), else where it was left. */
    at = at || rt._local._get().sv?.[g.id]?.k;
    ask(at < n ? at : 0);
    return { _end: function () { unfollow?.(); panel?.remove(); } };
  }
};

function svPut(rt, g, o) { rt._local._update(function (v) { mark(v, "sv", g.id, assign({}, v.sv?.[g.id], o)); }); }


/* A resource center: its launcher in a corner (its title and how many announcements are unread) opens a panel
   of entries in sections, with a search box over titles, summaries and articles. A guide entry starts its guide
   and closes the panel, a link opens, an article reads inside the panel. "What's new" lists the bundle's
   announcements newest first; they count as read once the panel has shown them. Announcements never play alone. */
KINDS.announcement = { _play: function () { return { _end: function () {} }; } };
KINDS.resource_center = {
  _stays: true,
  _play: function (rt, g) {
    var offs = [], list = null, search = null, L = rt._labels, now = Date.now();
    var news = g.announcements === false ? [] : rt._guides.filter(function (a) {
      return a.kind === "announcement" && scheduleOk(a.schedule, now) && audienceOk(a.audience, rt._user);
    }).sort(function (a, b) { return a.date < b.date ? 1 : -1; });
    var c = cornerPanel(rt, g, offs, function () {
      search = g.search !== false && h("input", { type: "search", "class": "gs-search", "aria-label": L.search, placeholder: L.search, oninput: function () { show(search.value); } });
      return [search, list = h("div", { "class": "gs-list" })];
    }, function () {
      show("");
      (search || c._panel.querySelector("button")).focus();
      rt._local._update(function (v) { news.forEach(function (a) { mark(v, "read", a.id); }); });
      unread();
    });
    function unread() {
      var n = news.filter(function (a) { return !has(rt._local._get(), "read", a.id); }).length;
      c._count.textContent = L.unread.replace("{n}", n);
      c._count.hidden = !n;
    }
    function read(title, body) {
      var back = h("button", { "class": "gs-btn", text: L.back, onclick: function () { show(""); } });
      list.replaceChildren(h("h3", { "class": "gs-title", text: title }), h("div", { "class": "gs-body" }, [richText(body, rt._media)]), h("div", { "class": "gs-btns" }, [back]));
      back.focus();
    }
    function show(query) {
      var words = norm(query).toLowerCase(), groups = {}, order = [];
      var entries = g.entries.filter(function (e) { return audienceOk(e.audience, rt._user) && (!e.pages || here(e.pages)); })
        .concat(news.map(function (a) { return { section: L.news, title: a.steps[0].title, text: a.date, body: a.steps[0].body, action: "article" }; }));
      entries.forEach(function (e) {
        if (words && norm(e.title + " " + e.text + " " + richText(e.body || "").textContent).toLowerCase().indexOf(words) < 0) return;
        if (!groups[e.section || ""]) order.push(e.section || ""), groups[e.section || ""] = [];
        /* An entry (or an announcement as one): its line, and what clicking it does. */
        groups[e.section || ""].push(listItem(e.title, e.text, function (ev) {
          if (e.action === "article") return read(e.title, e.body);
          if (e.action === "open_url") { var u = safeUrl(e.url); if (u) location.assign(u); return; }
          if (rt.start(e.guideId, { from: ev.currentTarget })) c._toggle(false);
        }));
      });
      list.replaceChildren.apply(list, order.length ? order.map(function (s) {
        return h("section", {}, [s ? h("h3", { "class": "gs-desc", text: s }) : null, h("ul", { "class": "gs-items" }, groups[s])]);
      }) : [h("p", { role: "status", text: L.none })]);
    }
    unread();
    return { _end: function () { runAll(offs); } };
  }
};

/* Where, when and for whom a guide shows: URL rules, schedule, audience, frequency. */
/* URL rules never run on the browser's backtracking RegExp: globs and regexes compile to a Thompson
   NFA matched in O(pattern x address) steps whatever the pattern, so no rule can freeze a tab.
   studio/domain/pattern.py is the same construction (shared vectors keep the two equal). */
var MAX_STATES = 3000, compiled = {};
var ATOM = /^(?:\[\^?(?:\\[-dwsDWS\\^$.|?*+()[\]{}\/]|[^\]\\^[])+\]|\\[-dwsDWS\\^$.|?*+()[\]{}\/]|[^\\^$|?*+()[\]{}])/;
var REPEAT = /^(?:([*+?])|\{(\d{1,3})(,(\d{0,3}))?\})\??/;

/* Nodes {t, e}: t a RegExp (consumes one character, then e), "^"/"$" (e where the anchor holds) or none (e).
   A counted repeat is spelled out in the source (x{2,3} as xx(?:x)?) and parsed again. */
function compileRe(src) {
  var i = 0, N = [];
  function mk(t) { if (N.push({ t: t, e: [] }) > MAX_STATES) throw 0; return N.length - 1; }
  function alt() {
    var s = mk(), f = mk(), b;
    do { b = seq(); N[s].e.push(b[0]); N[b[1]].e.push(f); } while (src[i] === "|" && ++i);
    return [s, f];
  }
  function atom() {
    var c = src[i], m, g;
    if (c === "(") {
      i += src.substr(i, 3) === "(?:" ? 3 : 1;
      if (src[i] === "?") throw 0;
      g = alt();
      if (src[i++] !== ")") throw 0;
      return g;
    }
    if (c === "^" || c === "$") { i++; g = mk(c); return [g, g]; }
    if (!(m = ATOM.exec(src.slice(i)))) throw 0;
    i += m[0].length;
    g = mk(new RegExp(m[0])); /* one character: tested on one, so no anchors */
    return [g, g];
  }
  function seq() {
    var s = mk(), f = s;
    while (i < src.length && src[i] !== "|" && src[i] !== ")") {
      var from = i, n = N.length, a = atom(), m = REPEAT.exec(src.slice(i)), q = m && m[1], j, x, lo, hi;
      if (m && (typeof N[a[0]].t === "string" || REPEAT.test(src.slice(i + m[0].length)))) throw 0;
      if (m && !q) {
        x = src.slice(from, i); lo = +m[2]; hi = m[3] ? (m[4] ? +m[4] : -1) : lo;
        if (hi >= 0 && hi < lo) throw 0;
        src = src.slice(0, from) + x.repeat(lo) + (hi < 0 ? x + "*" : ("(?:" + x).repeat(hi - lo) + ")?".repeat(hi - lo)) + src.slice(i + m[0].length);
        N.length = n; i = from;
        continue;
      }
      if (m) i += m[0].length;
      /* f -> a -> j; ? and * may skip a (f -> j), + and * repeat it (j -> a) */
      j = mk(); N[f].e.push(a[0]); N[a[1]].e.push(j);
      if (q === "*" || q === "?") N[f].e.push(j);
      if (q === "*" || q === "+") N[j].e.push(a[0]);
      f = j;
    }
    return [s, f];
  }
  var top = alt();
  if (i < src.length) throw 0;
  return { N: N, s: top[0], f: top[1] };
}

/* Whether the NFA matches anywhere in s (RegExp.test semantics), one pass over s. */
function nfaTest(m, s) {
  var N = m.N, seen = [], set = [], pos, x, stack, node;
  for (pos = 0; pos <= s.length; pos++) {
    stack = [m.s];
    set.forEach(function (y) { if (N[y].t.test(s[pos - 1])) stack.push.apply(stack, N[y].e); });
    set = [];
    while (stack.length) {
      x = stack.pop();
      if (seen[x] === pos + 1) continue;
      seen[x] = pos + 1;
      node = N[x];
      if (x === m.f) return true;
      if (node.t?.test) set.push(x);
      else if (!node.t || (node.t === "^" ? !pos : pos === s.length)) stack.push.apply(stack, node.e);
    }
  }
  return false;
}

/* A glob as a pattern: ** spans anything, * anything but /. */
function globSrc(p) {
  return "^" + p.replace(/\*\*|\*|[-\\^$.|?+()[\]{}\/]/g, function (c) { return c === "**" ? ".*" : c === "*" ? "[^/]*" : "\\" + c; }) + "$";
}

/* The compiled matcher of a glob or regex rule, or null for one outside the supported subset. */
function ruleMatcher(rule) {
  var key = rule.match + " " + rule.value;
  if (!own(compiled, key)) {
    try { compiled[key] = rule.match === "regex" && rule.value.length > 200 ? null : compileRe(rule.match === "glob" ? globSrc(rule.value) : rule.value); }
    catch (e) { compiled[key] = null; }
  }
  return compiled[key];
}

function trimSlash(p) { return p.length > 1 && p.slice(-1) === "/" ? p.slice(0, -1) : p; }

/* Same semantics as studio.domain.UrlRule.matches (shared test vectors keep them equal). */
function urlMatches(rule, href) {
  if (!rule) return true;
  var v = rule.value, s;
  if (v.indexOf("://") >= 0) s = href;
  else {
    var u = new URL(href, location.href);
    s = (u.pathname || "/") + (rule.withQuery ? u.search + u.hash : "");
  }
  switch (rule.match) {
    case "exact": return trimSlash(s) === trimSlash(v);
    case "prefix": return s.indexOf(v) === 0;
    case "glob": case "regex": var m = ruleMatcher(rule); return !!m && nfaTest(m, s);
  }
  return false;
}

/* Whether the rule holds on the current page. */
function here(rule) { return urlMatches(rule, location.href); }

function attrOf(user, path) {
  return path.split(".").reduce(function (o, k) { return o == null ? undefined : o[k]; }, user);
}

/* not_exists, not_equals and not_one_of are the negations of exists, equals and one_of. */
function conditionOk(c, user) {
  var v = attrOf(user, c.attribute), x = c.value, s = String(v), neg = /^not_(exists|equals|one_of)$/.test(c.op), op = neg ? c.op.slice(4) : c.op;
  var ok = v != null && (op === "exists" || (op === "equals" ? s === String(x)
    : op === "contains" ? (Array.isArray(v) ? v.map(String) : s).indexOf(String(x)) >= 0
      : op === "starts_with" ? s.indexOf(String(x)) === 0
        : op === "one_of" ? x.indexOf(s) >= 0
          : v !== "" && (op === "greater_than" ? +v > x : op === "less_than" && +v < x)));
  return neg ? !ok : ok;
}

function audienceOk(rule, user) {
  if (!rule) return true;
  var ok = function (c) { return conditionOk(c, user || {}); };
  return rule.match === "any" ? rule.conditions.some(ok) : rule.conditions.every(ok);
}

function scheduleOk(s, now) {
  return !s || ((!s.startAt || now >= Date.parse(s.startAt)) && (!s.endAt || now < Date.parse(s.endAt)));
}

/* Whether an automatic guide may show again, given what this user has seen, done and dismissed.
   A persistent widget (the checklist) stays across pages until dismissed, so dismissals count, not views. */
function frequencyOk(g, local, session, persistent) {
  if (persistent) {
    var f = g.frequency;
    return f === "always" || (!has(local, "done", g.id) && !has(f === "once" ? local : session, "dismissed", g.id));
  }
  switch (g.frequency) {
    case "once": return !has(local, "seen", g.id);
    case "once_per_session": return !has(session, "seen", g.id);
    case "until_completed": return !has(local, "done", g.id) && !has(session, "seen", g.id);
  }
  return true;
}

/* The runtime: instances that load a bundle, trigger guides and report events. */
var LABELS = { next: "Next", back: "Back", done: "Done", close: "Close", gotIt: "Got it", completed: "Completed", progress: "{n} of {total}", elsewhere: "This guide cannot start from this page.", noImage: "Image not available",
  later: "Ask me later", other: "Other", search: "Search", none: "Nothing found", news: "What's new", unread: "{n} new" };

/* History is wrapped once for every instance and unwrapped when the last one stops, whatever the order;
   where the page froze it, the address is polled instead. */
var historyFns = [], unhook = null;
function onHistory(fn) {
  historyFns.push(fn);
  if (!unhook) {
    var H = history, offs = [], href = location.href, fire = function () { historyFns.slice().forEach(function (f) { f(); }); };
    ["pushState", "replaceState"].forEach(function (m) {
      var orig = H[m], wrapped = function () { var r = orig.apply(this, arguments); fire(); return r; };
      try { H[m] = wrapped; } catch (e) { /* read-only */ }
      if (H[m] === wrapped) offs.push(function () { if (H[m] === wrapped) H[m] = orig; });
      else if (!offs._poll) offs.push(offs._poll = clearInterval.bind(null, setInterval(guard(function () {
        if (href !== location.href) { href = location.href; fire(); }
      }), 250)));
    });
    unhook = function () { runAll(offs); unhook = null; };
  }
  return function () { historyFns.splice(historyFns.indexOf(fn) >>> 0, 1); if (!historyFns.length && unhook) unhook(); };
}

function Runtime() {
  this._listeners = {};
  this._offs = [];
  this._active = {};
  this._pending = {};
  this._routeFns = [];
  this._stopped = true;
}
var R = Runtime.prototype;
assign(R, {

  /* Load a bundle ({bundle} or {bundleUrl}) and start whatever should show; returns true when playing. */
  init(options) {
    var gen;
    this.stop();
    gen = this._gen;
    if (tampered()) return warn("built-ins replaced: no guides"), false;
    options = options || {};
    if (options.bundleUrl && !options.bundle) {
      /* fetch() sends cookies to the page's own origin only (its default credentials mode, same-origin). */
      var get = (u, as) => fetch(u).then(r => r[as]());
      return get(options.bundleUrl, "arrayBuffer")
        .then(buf => !(options.integrity || options.publicKey) ? buf :
          (options.publicKey ? get(options.signatureUrl || options.bundleUrl + ".sig", "text") : Promise.resolve())
            .then(sig => verifyBundle(buf, options, sig)).then(() => buf))
        /* A stop() or a newer init() while the bundle loads wins. */
        .then(buf => gen === this._gen && this.init(assign({}, options, { bundle: JSON.parse(new TextDecoder().decode(buf)) })))
        .catch(e => { warn(e); return false; });
    }
    var b = options.bundle;
    if (!b || b.format !== "guide-bundle" || b.schemaVersion !== 1 || !Array.isArray(b.guides)) {
      warn("not a guide-bundle v1");
      return false;
    }
    var key = NS + ":" + (options.storageKey || "state");
    assign(this, {
      _options: options, _user: options.user || {}, _theme: b.theme || {}, _stopped: false, _here: {}, _href: location.href,
      _labels: assign({}, LABELS, options.labels), _local: new Store(key), _session: new Store(key, true),
      _guides: [], _cool: (b.pacing?.cooldownHours || 0) * 36e5
    });
    this._surface = new Surface(this);
    /* Images load only from these origins: a bundle cannot make the page call elsewhere. A relative
       address (an exported project image, media/<hash>.png) is read beside the bundle, or from mediaBase. */
    var base = new URL(options.mediaBase || options.bundleUrl || location.href, location.href).href; /* about:blank frames too */
    var origins = [location.origin, new URL(base).origin].concat(options.mediaOrigins || []);
    this._media = v => { var u = safeUrl(v, base); return u && origins.indexOf(new URL(u).origin) >= 0 ? u : null; };
    if (options.onEvent) this._offs.push(this.on("*", options.onEvent));
    b.guides.forEach(g => {
      var bad = guideProblem(g);
      if (bad) this._broken(g, bad);
      else if (g.enabled !== false) this._guides.push(g);
    });
    /* Route changes of single-page apps: pushState/replaceState, popstate, hashchange. */
    var fire = () => { if (!this._stopped) later(() => { this.route(); }, 0); };
    this._offs.push(onHistory(fire), listen(window, "popstate", fire), listen(window, "hashchange", fire), early("click", e => { this.launch(e); }));
    var act = this._session._get().active, g = act && this._guide(act.g);
    if (g?.kind === "walkthrough") this._play(g, act.s, true);
    else this._session._update(v => { delete v.active; });
    /* A guide started on another page (start() went there) starts on arrival. */
    act = this._session._get().go;
    this._session._update(v => { delete v.go; });
    if (act && Date.now() - act.t < 60000) this.start(act.g, { step: act.s, here: 1 });
    this.evaluate();
    return true;
  },

  _guide(id) { return (this._guides || []).filter(g => { return g.id === id; })[0]; },

  /* Where guide `id` starts (step `at`): "" here, the address its page rule names (studio/domain/pages.py
     step_path: the nearest fixed page rule at or before the step, then the trigger's), or null when none. */
  _away(id, at) {
    var g = this._guide(id), t, list, to;
    if (!g) return "";
    t = g.trigger || {};
    list = (g.steps || []).slice(0, (at || 0) + 1).reverse().map(s => { return s.page; }).filter(Boolean);
    if (here(list[0] || (t.type === "automatic" && t.url))) return "";
    to = list.concat(t.url || []).filter(v => { return v.match !== "glob" && v.match !== "regex" && v.value.indexOf("*") < 0; })[0];
    to = to && new URL(to.value, location.href).href;
    return to && to !== location.href ? to : null;
  },

  /* Start a guide by id (from the API, a checklist or a button), whatever its trigger and frequency;
     on another page it goes there first, or says it cannot (beside opts.from, the clicked button). */
  start(id, opts) {
    var g = this._guide(id), at = opts?.step || 0, to = opts?.here ? "" : this._away(id, at);
    if (this._stopped || !g) return false;
    if (this._active[id]) return true;
    if (to) {
      this._session._update(v => { v.go = { g: id, s: at, t: Date.now() }; });
      location.assign(to);
      return true;
    }
    if (to === null) {
      warn("no page to start " + id + " on");
      this._emit("guide_error", { guideId: id, field: "page" });
      to = opts?.from;
      if (to && !to.querySelector("[role=status]")) to.appendChild(h("span", { "class": "gs-desc", role: "status", text: this._labels.elsewhere }));
      return false;
    }
    if (KINDS[g.kind]._one) this._exclusive().forEach(o => { this.finish(o, "dismissed", { reason: "replaced" }); });
    this._play(g, at);
    return true;
  },

  /* The playing guides of kinds that show one at a time (walkthroughs, modals). */
  _exclusive() {
    return Object.keys(this._active).map(id => { return this._guide(id); }).filter(g => { return g && KINDS[g.kind]._one; });
  },

  /* Play a guide (from step `at`); a walkthrough resumed after a page load is not a new start. */
  _play(g, at, resumed) {
    var slot = {}, root = this._surface._root(), n = root.childNodes.length, ctl;
    this._active[g.id] = slot;
    this._here[g.id] = 1;
    if (!resumed) {
      this._emit("guide_started", { guideId: g.id, kind: g.kind });
      if (g.kind !== "tooltip" && g.kind !== "checklist") this._seen(g);
    }
    try { ctl = KINDS[g.kind]._play(this, g, at); } catch (err) {
      /* Whatever it had built goes, and it no longer counts as playing (here or after a reload). */
      slice(root.childNodes).slice(n).forEach(c => { c.remove(); });
      delete this._active[g.id];
      this._session._update(v => { delete v.active; });
      return this._broken(g, String(err));
    }
    if (this._active[g.id] === slot) slot._end = ctl._end; else ctl._end();
  },

  /* Skip a guide that cannot play, saying which field is wrong. */
  _broken(g, field) {
    warn("guide skipped: " + field);
    this._offs.push(later(() => { this.evaluate(); }, 0));
    this._guides = this._guides.filter(x => { return x !== g; });
    this._emit("guide_error", { guideId: isObj(g) ? g.id : null, field: field });
  },

  _seen(g) {
    this._local._update(v => { mark(v, "seen", g.id, (v.seen?.[g.id] || 0) + 1); });
    this._session._update(v => { mark(v, "seen", g.id); });
  },

  _completed(g) {
    this._local._update(v => { mark(v, "done", g.id); });
    this._emit("guide_completed", { guideId: g.id });
  },

  /* End a playing guide as "completed" or "dismissed", then let the next automatic guide show. */
  finish(g, how, extra) {
    var slot = this._active[g.id];
    if (!slot) return;
    delete this._active[g.id];
    slot._end?.();
    this._session._update(v => { if (v.active?.g === g.id) delete v.active; });
    if (how === "completed") this._completed(g);
    else if (how) {
      [this._local, this._session].forEach(s => { s._update(v => { mark(v, "dismissed", g.id); }); });
      this._emit("guide_dismissed", assign({ guideId: g.id }, extra));
    }
    this._offs.push(later(() => { this.evaluate(); }, 0));
  },

  /* A bundle button as a callout button. */
  _button(b, g, next, back) {
    var run = {
      next: next, back: back || next,
      close: () => { this.finish(g, "dismissed"); },
      complete: () => { this.finish(g, "completed"); },
      url: () => { var u = safeUrl(b.url); this.finish(g, "completed"); if (u) location.assign(u); },
      start_guide: e => {
        if (this._away(b.guideId) === null) return this.start(b.guideId, { from: e.currentTarget.closest(".gs-callout").querySelector(".gs-body") });
        this.finish(g, "completed");
        this.start(b.guideId);
      }
    }[b.action || "next"];
    return { _label: b.label, _primary: b.primary, _run: run || next };
  },

  /* Arm every automatic guide whose rules hold here; exclusive kinds one at a time, by priority. */
  evaluate() {
    if (this._stopped) return;
    var now = Date.now(), local = this._local._get(), session = this._session._get();
    var exclusiveBusy = this._exclusive().length > 0;
    Object.keys(this._pending).forEach(id => {
      var g = this._guide(id);
      if (!here(g.trigger.url)) { this._pending[id](); delete this._pending[id]; }
    });
    /* Guarded one by one: a guide whose rules throw only disables itself. */
    this._guides.filter(guard(g => {
      var t = g.trigger || {};
      return t.type === "automatic" && !this._active[g.id] && !this._pending[g.id] && !this._here[g.id] && scheduleOk(g.schedule, now) &&
        audienceOk(g.audience, this._user) && (KINDS[g.kind]._ok ? KINDS[g.kind]._ok(this, g, now) : frequencyOk(g, local, session, KINDS[g.kind]._stays)) &&
        /* Pacing: no walkthrough, modal or survey starts by itself within the cooldown of the last one. */
        !(KINDS[g.kind]._one && now - (local.last || 0) < this._cool) && here(t.url);
    })).sort((a, b) => { return (b.priority || 0) - (a.priority || 0); }).forEach(g => {
      if (KINDS[g.kind]._one) { if (exclusiveBusy) return; exclusiveBusy = true; }
      var t = g.trigger, cancel = [];
      var go = () => {
        cancel.push(later(() => {
          delete this._pending[g.id];
          if (KINDS[g.kind]._one) { if (this._exclusive().length) return; if (this._cool) this._local._update(v => { v.last = Date.now(); }); }
          this._play(g);
        }, t.delayMs || 0));
      };
      this._pending[g.id] = () => { cancel.forEach(f => { f(); }); };
      if (t.element) cancel.push(waitFor(t.element, 600000, res => { if (res.element) go(); }));
      else go();
    });
  },

  /* A click on a launcher trigger's element starts its guide. */
  launch(e) {
    var path = e.composedPath().slice(0, 8);
    this._guides.forEach(g => {
      var t = g.trigger || {}, el;
      /* Matched by the clicked element's ancestry first: no document scan on every click. */
      if (t.type === "launcher" && path.some(n => { return mayBe(t.element, n); }) &&
        (el = resolveTarget(t.element).element) && path.indexOf(el) >= 0) this.start(g.id);
    });
  },

  route() {
    if (this._stopped) return;
    /* "Always" means on every page visited, not again right after closing on this one. */
    if (this._href !== location.href) { this._href = location.href; this._here = {}; }
    this._routeFns.slice().forEach(f => { guard(f)(); });
    this.evaluate();
  },

  _onRoute(fn) {
    var fns = this._routeFns;
    fns.push(fn);
    return () => { var i = fns.indexOf(fn); if (i >= 0) fns.splice(i, 1); };
  },

  /* Listen to an event (or "*" for all: fn(name, detail)); returns a function that stops listening. */
  on(name, fn) {
    var list = this._listeners[name] = this._listeners[name] || [];
    list.push(fn);
    return () => { var i = list.indexOf(fn); if (i >= 0) list.splice(i, 1); };
  },

  _emit(name, detail) {
    detail = assign({ type: name }, detail);
    (this._listeners[name] || []).slice().forEach(fn => { guard(fn)(detail); });
    /* Every event but "track" (the host app's own, which it already knows of) reaches "*" listeners and the DOM. */
    if (name !== "track") {
      (this._listeners["*"] || []).slice().forEach(fn => { guard(fn)(name, detail); });
      try { window.dispatchEvent(new CustomEvent(NS + ":" + name, { detail: detail })); } catch (e) { warn(e); }
    }
  },

  /* Report an event of the host app (completes checklist items waiting for it). */
  track(name) { this._emit("track", { name: String(name) }); },

  /* opts.minConfidence lowers the bar (benchmarks draw the trade-off curve with it). */
  resolve(target, opts) {
    var r = resolveTarget(target, null, opts && opts.minConfidence);
    return r;
  },

  /* End every guide and remove every node, listener, observer and timer the runtime added. */
  stop() {
    this._stopped = true;
    this._gen = (this._gen || 0) + 1;
    Object.keys(this._active).forEach(id => { var s = this._active[id]; delete this._active[id]; s._end?.(); });
    Object.keys(this._pending).forEach(id => { this._pending[id](); });
    this._pending = {};
    runAll(this._offs);
    this._routeFns = [];
    this._surface?.remove();
  }
});
var METHODS = ["init", "start", "stop", "resolve", "on", "track", "evaluate", "route", "launch", "finish"];
for (var mi = 0; mi < 10; mi++) R[METHODS[mi]] = guard(R[METHODS[mi]]);

if (!window.GuideRuntime?.version) {
  var main = new Runtime(), api = {
    version: VERSION,
    /* An independent runtime (its own bundle, state key and UI). */
    create: function () { return new Runtime(); },
    /* Whether a URL rule of the bundle matches an address (the studio's "matches this URL?" check). */
    matchUrl: urlMatches,
    /* Shared with the in-page recorder, so capture and resolution agree. */
    dom: { roleOf: roleOf, nameOf: nameOf, contextOf: contextOf, siblingsOf: siblingsOf, isVisible: isVisible, matches: candidateMatches }
  };
  for (mi = 0; mi < 6; mi++) api[METHODS[mi]] = main[METHODS[mi]].bind(main);
  window.GuideRuntime = api;
  /* The loader for a strict CSP (no inline script): <script src=… data-bundle-url=… data-integrity=…
     data-public-key=… data-user='{"plan":"pro"}'> starts itself; events arrive as DOM events. */
  var ds = D.currentScript?.dataset || {}, user = {};
  if (ds.bundleUrl) {
    try { user = JSON.parse(ds.user || "{}"); } catch (e) { warn("bad data-user"); }
    main.init({ bundleUrl: ds.bundleUrl, integrity: ds.integrity, publicKey: ds.publicKey, user: user });
  }
}
})();
