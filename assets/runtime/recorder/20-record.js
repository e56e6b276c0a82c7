/* Recording: the author's clicks and typing become capture events sent to the studio. */
var mode = "pause", passThrough = false, ui = null, hovered = null, sink = null;

/* Send an event to the studio; resolves once the studio has handled it (pictures taken). */
function emit(event) {
  event.url = location.href;
  event.frame = framePath();
  var done = null;
  if (sink) { try { done = sink(event); } catch (e) { /* studio gone */ } }
  try { window.dispatchEvent(new CustomEvent("guide-recorder:event", { detail: event })); } catch (e) { /* ignore */ }
  return done && done.then ? done : null;
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
