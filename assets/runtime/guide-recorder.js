/*! Guide Studio in-page recorder | MIT | studio only: never shipped to production.
   Loaded after guide-runtime.js; defines window.GuideRecorder. Captures use the runtime's own
   role/name/matching code (GuideRuntime.dom), so what the studio records, production finds. */
(function () {
  "use strict";
  if (window.GuideRecorder || !window.GuideRuntime || !window.GuideRuntime.dom) return;
  var RT = window.GuideRuntime, D = RT.dom;
  var TEST_ATTRS = ["data-testid", "data-test", "data-cy", "data-qa", "data-test-id"];
  var STABLE_ATTRS = ["name", "type", "placeholder", "aria-label", "title", "alt", "role", "for", "href"];
  var SCORE = { test_id: 0.95, id: 0.85, role: 0.8, label: 0.75, aria_label: 0.75, placeholder: 0.7, alt: 0.7, title: 0.6, text: 0.6, css: 0.45, structure: 0.2 };
  var INTERACTIVE = "button,a[href],input,select,textarea,summary,label,[role=button],[role=link],[role=menuitem],[role=tab],[role=checkbox],[role=radio],[role=switch],[role=option],[tabindex]:not([tabindex='-1'])";
  var SENSITIVE_AUTOCOMPLETE = /^(cc-|one-time-code|current-password|new-password)/;
  var mode = "pause", passThrough = false, ui = null, hovered = null, sink = null;

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
    var nameAttr = el.getAttribute("name"), href = el.getAttribute("href");
    if (nameAttr && /^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(el.tagName) && !volatile(nameAttr)) add("css", el.localName + attrSel("name", nameAttr), { score: 0.7 });
    if (href && el.tagName === "A" && /^\/[^?#]*$/.test(href) && !volatile(href)) add("css", "a" + attrSel("href", href), { score: 0.7 });
    var text = norm(el.textContent);
    if (text && text.length <= 80 && !/^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName)) add("text", text);
    var classes = stableClasses(el);
    if (classes.length) add("css", el.localName + classes.slice(0, 3).map(function (c) { return "." + cssEscape(c); }).join(""));
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
  function describe(element) {
    var el = retarget(element), target = capture(el);
    /* This frame's runtime resolves from this frame's document, so the frame path is left out here. */
    var found = RT.resolve(Object.assign({}, target, { framePath: [] }));
    return { role: D.roleOf(el), name: D.nameOf(el), confidence: found.element === el ? found.confidence : 0, target: target };
  }

  function sensitive(el) {
    return el.type === "password" || SENSITIVE_AUTOCOMPLETE.test(el.getAttribute("autocomplete") || "");
  }

  /* Send an event to the studio; resolves once the studio has handled it (pictures taken). */
  function emit(event) {
    event.url = location.href;
    event.frame = framePath();
    var done = null;
    if (sink) { try { done = sink(event); } catch (e) { /* studio gone */ } }
    try { window.dispatchEvent(new CustomEvent("guide-recorder:event", { detail: event })); } catch (e) { /* ignore */ }
    return done && done.then ? done : null;
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

  function ours(e) { return ui && e.composedPath().indexOf(ui.host) >= 0; }

  /* Clicks that reach the app unrecorded: Alt (or Shift — some window managers take Alt+click)
     held, or the toolbar's "Pass one click" armed for the next click. */
  function passes(e) { return passThrough || passOnce || e.altKey || e.shiftKey; }

  function pickNow(el) {
    var d = describe(el);
    emit({ type: "pick", target: d.target, role: d.role, name: d.name, confidence: d.confidence, rect: rectOf(el) });
    setMode("pause");
  }

  function onClick(e) {
    if (mode === "pause" || ours(e) || !e.isTrusted) return;
    if (Date.now() - dragEnded < 400) { e.preventDefault(); e.stopImmediatePropagation(); return; }  // the end of a toolbar drag
    if (passes(e)) {
      if (passOnce) { passOnce = false; paint(); }
      /* The app gets a plain click: a browser would open a Shift+clicked link in a new window. */
      var raw = e.composedPath()[0];
      if ((e.shiftKey || e.altKey) && raw && raw.click) { e.preventDefault(); e.stopImmediatePropagation(); raw.click(); }
      return;
    }
    var el = retarget(e.composedPath()[0]);
    if (!el) return;
    if (mode === "pick") {
      e.preventDefault(); e.stopImmediatePropagation();
      /* After "parent" / "child", a click still on the element it started from picks the outlined one. */
      if (chosen && hovered && (el === chosen.from || hovered.contains(el))) el = hovered;
      return pickNow(el);
    }
    if (/^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) && !/^(button|submit|reset|checkbox|radio|image)$/.test(el.type)) return;
    var d = describe(el);
    var handled = emit({ type: "click", target: d.target, role: d.role, name: d.name, confidence: d.confidence, rect: rectOf(el) });
    /* Hold the click until the studio has photographed the page, then replay it: a click that
       navigates would otherwise be photographed on the next page. The app sees the replayed
       click (isTrusted false) once; mouse-down and mouse-up reached it as usual. */
    if (handled) {
      e.preventDefault();
      e.stopImmediatePropagation();
      var replayed = false, replay = function () { if (!replayed) { replayed = true; el.click(); } };
      handled.then(replay, replay);
      setTimeout(replay, 2000);
    }
  }

  function swallow(e) {
    if (mode === "pick" && !passes(e) && !ours(e)) { e.preventDefault(); e.stopImmediatePropagation(); }
  }

  function onChange(e) {
    if (mode !== "record" || ours(e)) return;
    var el = retarget(e.composedPath()[0]);
    if (!el || !/^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) || /^(button|submit|reset|checkbox|radio|image|file)$/.test(el.type)) return;
    var d = describe(el), secret = sensitive(el);
    emit({ type: "input", target: d.target, role: d.role, name: d.name, confidence: d.confidence, rect: rectOf(el),
           sensitive: secret, value: secret ? null : el.tagName === "SELECT" ? el.value : maskValue(el.value) });
  }

  var captureValues = false;
  function maskValue(v) { return captureValues ? String(v).slice(0, 500) : v ? "\u2022".repeat(Math.min(String(v).length, 12)) : ""; }

  /* The element picker's hierarchy: only elements the recorder would record as themselves
     (a span inside a button records the button), and back down the way it came up. */
  var chosen = null;
  function recordable(el) { return el && el.nodeType === 1 && retarget(el) === el; }
  function up(el) {
    for (var p = el.parentElement || (el.getRootNode().host || null); p; p = p.parentElement || (p.getRootNode().host || null)) {
      if (p === document.body || p === document.documentElement) return null;
      if (recordable(p) && p.getClientRects().length) return p;
    }
    return null;
  }
  function down(el) {
    var queue = Array.from(el.children);
    while (queue.length) {
      var c = queue.shift();
      if (recordable(c) && c.getClientRects().length && c.localName !== "script") return c;
      queue.push.apply(queue, Array.from(c.children));
    }
    return null;
  }
  function climb(dir) {
    if (mode !== "pick" || !hovered) return false;
    var from = chosen ? chosen.from : hovered, trail = chosen ? chosen.trail : [];
    var next = dir > 0 ? up(hovered) : trail.length ? trail[trail.length - 1] : down(hovered);
    if (!next) return false;
    if (dir > 0) trail = trail.concat([hovered]); else if (trail.length && trail[trail.length - 1] === next) trail = trail.slice(0, -1);
    chosen = { from: from, trail: trail };
    hovered = next;
    paint();
    return true;
  }

  function onKey(e) {
    if (e.key === "Alt") { passThrough = e.type === "keydown"; paint(); }  // Shift+click passes too, without the flicker while typing
    if (e.type !== "keydown") return;
    if (e.key === "Escape" && mode !== "pause") { emit({ type: "end" }); setMode("pause"); return; }
    if (mode !== "pick" || e.altKey || e.ctrlKey || e.metaKey) return;
    var handled = (e.key === "ArrowUp" || e.key === "[") ? climb(1) : (e.key === "ArrowDown" || e.key === "]") ? climb(-1) :
      e.key === "Enter" && hovered && hovered.isConnected ? (pickNow(hovered), true) : false;
    if (handled) { e.preventDefault(); e.stopImmediatePropagation(); }
  }

  /* The element the pointer rested on: on the way to the toolbar the pointer crosses others,
     and the toolbar's Parent / Child / Use act on the one the author meant. */
  var settled = null, hoveredAt = 0, onBar = false;
  function onMove(e) {
    if (mode === "pause" || dragging) return;
    var now = Date.now();
    if (ours(e)) {
      if (!onBar && settled && settled !== hovered && settled.isConnected && now - hoveredAt < 300 && !chosen) { hovered = settled; paint(); }
      onBar = true;
      return;
    }
    onBar = false;
    var el = retarget(e.composedPath()[0]);
    if (chosen && hovered && (el === chosen.from || hovered.contains(el))) return;  // keep the parent/child chosen
    if (el === hovered) return;
    if (hovered && now - hoveredAt >= 300) settled = hovered;
    chosen = null;
    hovered = el;
    hoveredAt = now;
    paint();
  }

  /* Toolbar placement: the author may drag it (by its grip) or collapse it; either way, when the
     outlined element runs under it, it moves to the mirrored spot so it never covers the target. */
  var dragged = null, flipped = false, collapsed = false, passOnce = false, dragging = null, dragEnded = 0;
  function place() {
    var bar = ui.bar, w = window.innerWidth, h = window.innerHeight;
    var bw = bar.offsetWidth, bh = bar.offsetHeight;
    var x = dragged ? dragged.x : w - bw - 10, y = dragged ? dragged.y : 10;
    x = Math.max(0, Math.min(w - bw, x)); y = Math.max(0, Math.min(h - bh, y));
    var mirrored = h - bh - y;
    function covers(top) {
      if (!hovered || !hovered.isConnected || mode === "pause") return false;
      var r = hovered.getBoundingClientRect();
      return r.left < x + bw + 8 && r.right > x - 8 && r.top < top + bh + 8 && r.bottom > top - 8;
    }
    if (dragging) flipped = false;
    else if (!flipped && covers(y) && !covers(mirrored)) flipped = true;
    else if (flipped && covers(mirrored) && !covers(y)) flipped = false;
    bar.style.left = x + "px";
    bar.style.top = (flipped ? mirrored : y) + "px";
  }

  function startDrag(e) {
    if (e.button !== 0) return;
    e.preventDefault(); e.stopPropagation();
    var r = ui.bar.getBoundingClientRect();
    dragging = { dx: e.clientX - r.left, dy: e.clientY - r.top };
    flipped = false;
  }
  function onDrag(e) {
    if (!dragging) return;
    e.preventDefault(); e.stopImmediatePropagation();
    dragged = { x: e.clientX - dragging.dx, y: e.clientY - dragging.dy };
    place();
  }
  function endDrag(e) {
    if (!dragging) return;
    dragging = null;
    dragEnded = Date.now();
    e.preventDefault(); e.stopImmediatePropagation();
  }

  function buildUi() {
    var host = document.createElement("div");
    host.setAttribute("data-guide-recorder", "");
    var shadow = host.attachShadow({ mode: "open" });
    var sheet = new CSSStyleSheet();
    sheet.replaceSync(
      ":host{all:initial}*{font:12px/1.4 system-ui,sans-serif;box-sizing:border-box}" +
      ".box{position:fixed;pointer-events:none;z-index:2147483646;border:2px solid #7c3aed;background:rgba(124,58,237,.08);border-radius:4px}" +
      ".tag{position:fixed;pointer-events:none;z-index:2147483647;background:#1e1b4b;color:#fff;padding:3px 8px;border-radius:4px;max-width:420px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}" +
      ".bar{position:fixed;top:10px;left:10px;z-index:2147483647;display:flex;gap:4px;align-items:center;background:#1e1b4b;color:#fff;padding:6px;border-radius:8px;box-shadow:0 6px 20px rgba(0,0,0,.3)}" +
      ".grip{cursor:move;padding:0 4px;user-select:none;opacity:.8}.bar.collapsed .full{display:none}" +
      "button{border:0;border-radius:5px;padding:4px 10px;background:#312e81;color:#fff;cursor:pointer}button[aria-pressed=true]{background:#7c3aed}" +
      ".state{padding:0 6px;font-weight:600}");
    shadow.adoptedStyleSheets = [sheet];
    var box = document.createElement("div"), tag = document.createElement("div"), bar = document.createElement("div");
    box.className = "box"; tag.className = "tag"; bar.className = "bar";
    bar.setAttribute("role", "toolbar");
    bar.setAttribute("aria-label", "Guide Studio recorder");
    var grip = document.createElement("span");
    grip.className = "grip"; grip.textContent = "\u2807\u2807"; grip.title = "Drag to move the toolbar";
    grip.setAttribute("aria-hidden", "true");
    grip.addEventListener("mousedown", startDrag);
    var state = document.createElement("span");
    state.className = "state";
    bar.append(grip, state);
    var buttons = {};
    function add(key, label, run, cls, title) {
      var btn = document.createElement("button");
      btn.type = "button"; btn.textContent = label; btn.className = cls || "full";
      if (title) btn.title = title;
      btn.addEventListener("click", run);
      buttons[key] = btn;
      bar.appendChild(btn);
    }
    [["record", "Record"], ["pick", "Pick"], ["pause", "Pause"]].forEach(function (b) {
      add(b[0], b[1], function () { setMode(b[0]); emit({ type: "mode", mode: b[0] }); });
    });
    add("parent", "Parent \u2191", function () { climb(1); }, "full", "Outline the enclosing element ( \u2191 or [ )");
    add("child", "Child \u2193", function () { climb(-1); }, "full", "Outline an element inside ( \u2193 or ] )");
    add("use", "Use \u21b5", function () { if (mode === "pick" && hovered && hovered.isConnected) pickNow(hovered); }, "full", "Pick the outlined element (Enter)");
    add("once", "Pass one click", function () { passOnce = !passOnce; paint(); }, "full", "Let the next click reach the app unrecorded (or hold Shift or Alt)");
    add("end", "End (Esc)", function () { emit({ type: "end" }); setMode("pause"); });
    add("collapse", "\u2013", function () { collapsed = !collapsed; paint(); }, "toggle");
    shadow.append(box, tag, bar);
    document.documentElement.appendChild(host);
    return { host: host, box: box, tag: tag, bar: bar, state: state, buttons: buttons };
  }

  var waiting = false;
  function paint() {
    if (document.readyState === "loading" || !document.body) {
      if (!waiting) { waiting = true; document.addEventListener("DOMContentLoaded", function () { waiting = false; paint(); }); }
      return;
    }
    if (!ui || !document.documentElement.contains(ui.host)) ui = buildUi();
    var inFrame = window !== window.top, b = ui.buttons;
    ui.bar.style.display = inFrame ? "none" : "flex";
    ui.bar.classList.toggle("collapsed", collapsed);
    ui.state.textContent = passThrough ? "Pass-through" : passOnce ? "Next click passes" :
      { record: "Recording", pick: "Pick an element", pause: "Paused" }[mode];
    ["record", "pick", "pause"].forEach(function (k) { b[k].setAttribute("aria-pressed", String(k === mode)); });
    b.once.setAttribute("aria-pressed", String(passOnce));
    b.parent.style.display = b.child.style.display = b.use.style.display = mode === "pick" && !collapsed ? "" : "none";
    b.collapse.textContent = collapsed ? "+" : "\u2013";
    b.collapse.setAttribute("aria-label", collapsed ? "Expand the toolbar" : "Collapse the toolbar");
    b.collapse.setAttribute("aria-expanded", String(!collapsed));
    var show = mode !== "pause" && !passThrough && hovered && hovered.isConnected;
    ui.box.style.display = ui.tag.style.display = show ? "block" : "none";
    if (!inFrame) place();
    if (!show) return;
    var r = hovered.getBoundingClientRect(), d = describe(hovered);
    ui.box.style.left = r.left - 2 + "px"; ui.box.style.top = r.top - 2 + "px";
    ui.box.style.width = r.width + 4 + "px"; ui.box.style.height = r.height + 4 + "px";
    ui.tag.textContent = (d.role || hovered.localName) + (d.name ? ' "' + d.name + '"' : "") + " \u00b7 " + Math.round(d.confidence * 100) + "% findable";
    ui.tag.style.left = Math.max(4, r.left) + "px";
    ui.tag.style.top = (r.top > 26 ? r.top - 24 : r.bottom + 4) + "px";
  }

  /* The step's own element, outlined for the studio's picture; the recorder's UI is hidden by the
     screenshot's style meanwhile. Its own host (not [data-guide-recorder]) so that style keeps it. */
  var shot = null;
  function photo(rect) {
    if (shot) { shot.remove(); shot = null; }
    if (!rect || !(rect.width >= 1 && rect.height >= 1)) return false;
    shot = document.createElement("div");
    shot.setAttribute("data-guide-recorder-shot", "");
    var ring = document.createElement("div"), sheet = new CSSStyleSheet(), root = shot.attachShadow({ mode: "open" });
    sheet.replaceSync(":host{all:initial}div{position:fixed;pointer-events:none;z-index:2147483647;border:3px solid #f59e0b;border-radius:6px;box-shadow:0 0 0 3px rgba(245,158,11,.35)}");
    root.adoptedStyleSheets = [sheet];
    ring.style.left = rect.x - 5 + "px"; ring.style.top = rect.y - 5 + "px";
    ring.style.width = rect.width + 10 + "px"; ring.style.height = rect.height + 10 + "px";
    root.appendChild(ring);
    document.documentElement.appendChild(shot);
    return true;
  }

  function setMode(next) {
    if (!/^(record|pick|pause)$/.test(next)) return mode;
    mode = next;
    chosen = null;
    if (mode === "pause") hovered = settled = null;
    paint();
    return mode;
  }

  ["click"].forEach(function (t) { window.addEventListener(t, onClick, true); });
  ["mousedown", "mouseup", "pointerdown", "pointerup", "auxclick", "dblclick", "submit"].forEach(function (t) { window.addEventListener(t, swallow, true); });
  window.addEventListener("change", onChange, true);
  window.addEventListener("mousemove", onMove, true);
  window.addEventListener("mousemove", onDrag, true);
  window.addEventListener("mouseup", endDrag, true);
  window.addEventListener("keydown", onKey, true);
  window.addEventListener("keyup", onKey, true);
  window.addEventListener("scroll", function () { if (hovered) paint(); }, true);
  window.addEventListener("resize", function () { if (ui) paint(); });

  window.GuideRecorder = {
    capture: capture,
    describe: describe,
    volatile: volatile,
    setMode: setMode,
    /* Outline the rect (viewport pixels) of the element being photographed; photo(null) removes it. */
    photo: photo,
    mode: function () { return mode; },
    /* Where capture events go (the studio's Playwright binding); events are also DOM CustomEvents. */
    connect: function (fn, options) { sink = fn; captureValues = !!(options && options.captureValues); }
  };
})();
