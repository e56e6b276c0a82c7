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

