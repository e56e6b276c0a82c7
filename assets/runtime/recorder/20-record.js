/* Recording: the author's clicks and typing become capture events sent to the studio. */
var mode = "pause", passThrough = false, ui = null, hovered = null, sink = null;

/* Send an event to the studio after the ones before it, so it handles them one at a time and in
   order (a typing step and its picture, then the click that left the field); resolves once the
   studio has handled it (pictures taken). A photo request is not announced as a DOM event. */
var sent = Promise.resolve();
function emit(event, quiet) {
  event.url = location.href;
  event.frame = framePath();
  var done = null;
  if (sink) {
    done = sent.then(function () { return sink(event); });
    var next = function () { /* the next event goes, whatever became of this one */ };
    sent = Promise.race([done, new Promise(function (ok) { setTimeout(ok, 5000); })]).then(next, next);
  }
  if (!quiet) { try { window.dispatchEvent(new CustomEvent("guide-recorder:event", { detail: event })); } catch (e) { /* ignore */ } }
  return done;
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

/* Typing. The browser reports a field's new value (change) once the author has left it: the next
   field is focused by then, a menu may be open, the next page loading. So the step is sent when
   its value is committed (change, or Enter), with a picture the studio took while the author was
   typing into it: that field focused and ringed. (A select keeps the focus: pictured when chosen.) */
var typing = null, lastCommit = null, photos = 0, PHOTO_KEY = Math.random().toString(36).slice(2);

function typable(node) {
  var el = retarget(node);
  return el && /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) && !/^(button|submit|reset|checkbox|radio|image|file)$/.test(el.type) ? el : null;
}

function onInput(e) {
  if (mode !== "record" || ours(e)) return;
  var el = typable(e.composedPath()[0]);
  if (!el || el.tagName === "SELECT") return;
  if (typing && typing.el !== el) clearTimeout(typing.timer);
  if (!typing || typing.el !== el) typing = { el: el, photo: null, busy: false, again: false, timer: 0 };
  var t = typing;
  clearTimeout(t.timer);
  /* At once on the first keystroke (the author may leave right after), then when typing pauses. */
  if (!t.photo) snap(t); else t.timer = setTimeout(function () { snap(t); }, 150);
}

/* Ask the studio to photograph the field now; it keeps the picture for the step that names it. */
function snap(t) {
  if (t !== typing || !t.el.isConnected) return;
  if (t.busy) { t.again = true; return; }
  t.photo = PHOTO_KEY + "-" + (++photos);
  var done = emit({ type: "photo", key: t.photo, rect: rectOf(t.el) }, true);
  if (!done) return;
  t.busy = true;
  var next = function () { t.busy = false; if (t.again) { t.again = false; snap(t); } };
  done.then(next, next);
}

function commit(el) {
  var t = typing && typing.el === el ? typing : null;
  /* Enter, then the change the browser reports for it: one step (typing again makes a new one). */
  if (!t && lastCommit && lastCommit.el === el && lastCommit.value === el.value) return;
  if (t) { clearTimeout(t.timer); typing = null; }
  lastCommit = { el: el, value: el.value };
  var d = describe(el), secret = sensitive(el);
  emit({ type: "input", target: d.target, role: d.role, name: d.name, confidence: d.confidence, rect: rectOf(el),
         sensitive: secret, value: secret ? null : el.tagName === "SELECT" ? el.value : maskValue(el.value),
         photo: t ? t.photo : null });
}

function onChange(e) {
  if (mode !== "record" || ours(e)) return;
  var el = typable(e.composedPath()[0]);
  if (el) commit(el);
}

/* Enter in a one-line field commits what was typed before the app (or a form's submission) acts on it. */
function onEnter(e) {
  if (e.key !== "Enter" || e.isComposing || mode !== "record" || ours(e)) return;
  var el = typable(e.composedPath()[0]);
  if (el && el.tagName === "INPUT" && typing && typing.el === el) commit(el);
}

var captureValues = false;
function maskValue(v) { return captureValues ? String(v).slice(0, 500) : v ? "\u2022".repeat(Math.min(String(v).length, 12)) : ""; }
