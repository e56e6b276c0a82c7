/* What the recorder records of an element: ranked candidates, fingerprint, frame and shadow paths,
   checked with the runtime's own role/name/matching code (GuideRuntime.dom), so what the studio
   records, production finds. */
var RT = window.GuideRuntime || {}, D = RT.dom;
/* Where Bootstrap's tooltip plugin moves an element's title (3/4, then 5): icon links keep their words only there. */
var TIP_ATTRS = ["data-original-title", "data-bs-original-title"];
var TEST_ATTRS = ["data-testid", "data-test", "data-cy", "data-qa", "data-test-id"];
var STABLE_ATTRS = ["name", "type", "placeholder", "aria-label", "title", "alt", "role", "for", "href"];
var SCORE = { test_id: 0.95, id: 0.85, role: 0.8, label: 0.75, aria_label: 0.75, placeholder: 0.7, alt: 0.7, title: 0.6, text: 0.6, css: 0.45, structure: 0.2 };
var INTERACTIVE = "button,a,input,select,textarea,summary,label,[role=button],[role=link],[role=menuitem],[role=tab],[role=checkbox],[role=radio],[role=switch],[role=option],[tabindex]:not([tabindex='-1'])";
var SENSITIVE_AUTOCOMPLETE = /^(cc-|one-time-code|current-password|new-password)/;

/* Tokens a build or framework generated, which change between releases. */
function volatile(token) {
  var t = String(token);
  return /\d{3,}/.test(t) ||                                         // long numbers: ids from counters, timestamps
    /^:r[0-9a-z]*:$|^(ember|ext-gen|yui_|mui-|radix-|headlessui-|react-select-|downshift-|rc-tabs-)/i.test(t) ||
    /^(mat|cdk|ngb|ui-id|ext-comp|p-[a-z]+|ant-[a-z]+|el-[a-z]+|v|input|field)[-_][\w-]*\d+$/i.test(t) || // framework counters: mat-input-3
    /^(css|sc|jss|emotion|makeStyles|tw)-[a-z0-9]/i.test(t) ||         // css-in-js
    /^_?ng(content|host|-tns|-star)|^ng-c\d|_ngcontent|_nghost/.test(t) ||   // Angular view encapsulation
    /__[A-Za-z0-9_-]{5,}$|^_[A-Za-z0-9]{5,}$/.test(t) ||              // CSS-module hashes: Button_primary__3xY7z
    /(^|[-_])(?=(?:[a-z]*\d){2})(?=[a-z0-9]*[a-z])[a-z0-9]{6,}$/i.test(t) ||  // random token: save-3f9a2c
    (/^[A-Za-z]{5,8}$/.test(t) && (t.match(/[a-z](?=[A-Z])|[A-Z](?=[a-z])/g) || []).length >= 3); // kMthTr, bdVaJa
}

function cssEscape(v) { return window.CSS && CSS.escape ? CSS.escape(v) : String(v).replace(/[^a-zA-Z0-9_-]/g, "\\$&"); }
function attrSel(a, v) { return "[" + a + '="' + String(v).replace(/["\\]/g, "\\$&") + '"]'; }
function norm(s) { return (s || "").replace(/\s+/g, " ").trim(); }
function stableClasses(el) { return Array.from(el.classList).filter(function (c) { return !volatile(c); }).slice(0, 6); }

/* The nearest interactive ancestor: a click on an icon inside a button records the button. */
function retarget(el) {
  if (!el || el.nodeType !== 1) return null;
  /* A label is recorded as itself (the guide points at what the author pointed at); capture() keeps its control as the partner. */
  return el.closest(INTERACTIVE) || el;
}

/* A CSS path inside `root`, anchored at the nearest stable id; nth-of-type only where needed. */
function structuralPath(el, root) {
  var parts = [];
  for (var n = el; n && n.nodeType === 1 && n !== root && n !== document.documentElement; n = n.parentElement) {
    if (n.id && !volatile(n.id) && n !== el) { parts.unshift("#" + cssEscape(n.id)); break; }
    var part = n.localName, p = n.parentElement;
    if (p) {
      var same = Array.from(p.children).filter(function (s) { return s.localName === n.localName; });
      if (same.length > 1) part += ":nth-of-type(" + (same.indexOf(n) + 1) + ")";
    }
    parts.unshift(part);
  }
  return parts.join(" > ");
}

function hostPath(root) {
  var path = [];
  while (root && root.host) {
    var host = root.host, outer = host.getRootNode();
    path.unshift(host.id && !volatile(host.id) ? "#" + cssEscape(host.id) : structuralPath(host, outer));
    root = outer;
  }
  return path;
}

function framePath() {
  var path = [], w = window;
  try {
    while (w !== w.top && w.frameElement) {
      var f = w.frameElement;
      path.unshift(f.id && !volatile(f.id) ? "#" + cssEscape(f.id) : f.name ? "iframe" + attrSel("name", f.name) : structuralPath(f, f.ownerDocument));
      w = w.parent;
    }
  } catch (e) { /* cross-origin parent: the runtime cannot reach into it either */ }
  return path;
}

/* GuideRecorder.capture: ranked candidates (each checked for uniqueness), fingerprint, frame and shadow
   paths; verified against this page, with the element's place among look-alikes where nothing else tells them apart. */
function capture(element) {
  var el = retarget(element);
  if (!el) return null;
  var target = describeTarget(el), fp = target.fingerprint, own = Object.assign({}, target, { framePath: [] });
  if (el.tagName === "LABEL" && el.control && el.control !== el) target.partner = describeTarget(el.control);
  var found = RT.resolve(own);
  for (var n = 0; found.element !== el && (found.ambiguous || found.positional) && n < 25; n++) {
    fp.nth = n;
    found = RT.resolve(own);
  }
  if (found.element !== el) {
    delete fp.nth;
    /* Nothing distinctive enough: the structural path within the nearest stable id decides, and the confidence says it is positional. */
    fp.positional = true;
    target.candidates.forEach(function (c) { if (c.score === SCORE.structure) c.score = 0.45; });
  }
  return target;
}

function describeTarget(el) {
  var root = el.getRootNode(), candidates = [], seen = {};
  function add(kind, value, extra) {
    if (!value || seen[kind + value]) return;
    seen[kind + value] = 1;
    var c = Object.assign({ kind: kind === "structure" ? "css" : kind, value: String(value).slice(0, 1000), score: SCORE[kind] }, extra);
    var found = D.matches(c, root);
    if (found.indexOf(el) < 0) return;                 // must find the element itself
    c.unique = found.length === 1;
    if (!c.unique) c.score = Math.round(c.score * 0.6 * 100) / 100;
    candidates.push(c);
  }
  TEST_ATTRS.forEach(function (a) {
    var v = el.getAttribute(a);
    if (v && !volatile(v)) add("test_id", v, { attribute: a });
  });
  if (el.id && !volatile(el.id)) add("id", "#" + cssEscape(el.id));
  var role = D.roleOf(el), name = D.nameOf(el);
  if (role && name) add("role", role, { name: name });
  if (el.labels && el.labels.length) add("label", norm(Array.from(el.labels).map(function (l) { return l.textContent; }).join(" ")));
  ["placeholder", "aria-label", "title", "alt"].forEach(function (a) {
    var v = el.getAttribute(a);
    if (v && norm(v).length <= 200) add(a === "aria-label" ? "aria_label" : a, v);
  });
  /* Its tip, wherever the next page keeps it: the plugin's attribute, or the title when the plugin has not run (yet). */
  TIP_ATTRS.forEach(function (a) {
    var v = el.getAttribute(a);
    if (v && norm(v).length <= 200) add("css", el.localName + attrSel(a, v) + "," + el.localName + attrSel("title", v), { score: SCORE.title });
  });
  var nameAttr = el.getAttribute("name"), href = el.getAttribute("href");
  if (nameAttr && /^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(el.tagName) && !volatile(nameAttr)) add("css", el.localName + attrSel("name", nameAttr), { score: 0.7 });
  if (href && el.tagName === "A" && /^\/[^?#]*$/.test(href) && !volatile(href)) add("css", "a" + attrSel("href", href), { score: 0.7 });
  var text = norm(el.textContent);
  if (text && text.length <= 80 && !/^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName)) add("text", text);
  var classes = stableClasses(el);
  var own = el.localName + classes.slice(0, 3).map(function (c) { return "." + cssEscape(c); }).join("");
  if (classes.length) add("css", own);
  /* Look-alikes in different forms or panels (a dashboard's many "Submit" buttons): the element within
     the nearest ancestor with a stable id, when that tells it apart. */
  for (var up = el.parentElement; up && up !== root && up.nodeType === 1; up = up.parentElement) {
    if (up.id && !volatile(up.id)) {
      var scoped = "#" + cssEscape(up.id) + " " + own;
      if (D.matches({ kind: "css", value: scoped }, root).length === 1) add("css", scoped, { score: 0.7 });
      break;
    }
  }
  add("structure", structuralPath(el, root));
  candidates.sort(function (a, b) { return (b.unique - a.unique) || (b.score - a.score); });

  var attributes = {};
  TEST_ATTRS.concat(STABLE_ATTRS, ["id"]).forEach(function (a) {
    var v = el.getAttribute(a);
    if (v != null && v.length <= 200 && !volatile(v)) attributes[a] = v;
  });
  var looksAlike = Array.from(root.querySelectorAll(el.localName)).filter(function (o) { return D.nameOf(o) === name; });
  var r = el.getBoundingClientRect();
  return {
    candidates: candidates.slice(0, 12),
    fingerprint: {
      tag: el.localName, role: role || null, name: name || null,
      text: text ? text.slice(0, 200) : null, attributes: attributes, classes: classes,
      ancestors: D.contextOf(el), siblings: D.siblingsOf(el), index: looksAlike.indexOf(el),
      box: { x: Math.round(r.left), y: Math.round(r.top), width: Math.round(r.width), height: Math.round(r.height) }
    },
    framePath: framePath(),
    shadowPath: hostPath(root)
  };
}

/* Role, name and how surely the runtime finds the element again from its capture (0..1). */
/* The element's name as an author reads it: its accessible name, else the tip its tooltip plugin shows. */
function tipName(el) {
  return D.nameOf(el) || norm(el.getAttribute(TIP_ATTRS[0]) || el.getAttribute(TIP_ATTRS[1])).slice(0, 200);
}

function describe(element) {
  var el = retarget(element), target = capture(el);
  /* This frame's runtime resolves from this frame's document, so the frame path is left out here. */
  var found = RT.resolve(Object.assign({}, target, { framePath: [] }));
  return { role: D.roleOf(el), name: tipName(el), confidence: found.element === el ? found.confidence : 0, target: target };
}

function sensitive(el) {
  return el.type === "password" || SENSITIVE_AUTOCOMPLETE.test(el.getAttribute("autocomplete") || "");
}

function rectOf(el) {
  var r = el.getBoundingClientRect(), x = r.left, y = r.top, w = window;
  try {
    while (w !== w.top && w.frameElement) {
      var fr = w.frameElement.getBoundingClientRect();
      x += fr.left + w.frameElement.clientLeft; y += fr.top + w.frameElement.clientTop; w = w.parent;
    }
  } catch (e) { /* cross-origin */ }
  return { x: x, y: y, width: r.width, height: r.height };
}
