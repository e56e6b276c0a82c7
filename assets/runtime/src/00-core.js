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
