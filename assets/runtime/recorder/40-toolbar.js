/* The recorder's own UI (in its shadow root): toolbar, hover outline and label, and the
   ring drawn around a step's element for its picture. */

/* Toolbar placement: the author may drag it (by its grip) or collapse it. When the outlined element or one of
   the page's controls runs under it, it moves to the first free spot of a few (the mirrored one first; a dragged
   bar only to its mirror) and stays there until that spot is covered in turn (no ping-pong). */
var dragged = null, spot = 0, collapsed = false, passOnce = false, dragging = null, dragEnded = 0;
function place() {
  var bar = ui.bar, w = window.innerWidth, h = window.innerHeight;
  var bw = bar.offsetWidth, bh = bar.offsetHeight, right = w - bw - 10, mid = (w - bw) / 2, low = h - bh - 10;
  var spots = (dragged ? [[dragged.x, dragged.y]] : [[right, 10], [right, low], [mid, 10], [mid, low], [10, 10], [10, low]]).map(function (s) {
    var x = Math.max(0, Math.min(w - bw, s[0])), y = Math.max(0, Math.min(h - bh, s[1]));
    return [x, y];
  });
  if (dragged) spots.push([spots[0][0], h - bh - spots[0][1]]);
  function under(r, s) { return r.width > 0 && r.left < s[0] + bw + 8 && r.right > s[0] - 8 && r.top < s[1] + bh + 8 && r.bottom > s[1] - 8; }
  /* What a spot would cover, worst first: the outlined element (what the author is about to click), a
     control of a guide the author previews (a top banner's buttons), one of the app's own controls (its
     user menu at the top right, which a paused author wants to click); 0 for none. */
  function cost(s) {
    var guide = document.querySelector("[data-guide-runtime]")?.shadowRoot;
    if (hovered && hovered.isConnected && mode !== "pause" && under(hovered.getBoundingClientRect(), s)) return 3;
    if (guide && Array.from(guide.querySelectorAll(CONTROLS)).some(function (el) { return under(el.getBoundingClientRect(), s); })) return 2;
    return appControlAt(s[0], s[1], bw, bh) ? 1 : 0;
  }
  /* Moves only to a better spot, the first of the best (no jumping back and forth); a spot that covers
     nothing has no better one, so the others are only weighed (a grid of hit tests each) when it does. */
  if (dragging || spot >= spots.length) spot = 0;
  else if (cost(spots[spot])) {
    var costs = spots.map(cost), best = costs.indexOf(Math.min.apply(null, costs));
    if (costs[best] < costs[spot]) spot = best;
  }
  bar.style.left = spots[spot][0] + "px";
  bar.style.top = spots[spot][1] + "px";
}

var CONTROLS = "button,a[href],input,textarea,select,[role=button],[role=link],[role=menuitem],[role=tab]";
/* Whether one of the page's controls lies under the box (x, top, w, h): the page's topmost element on a
   grid of points over it (16 px apart, three rows), ours left out; kept for 300 ms (place() runs as the pointer moves). */
var probed = {};
function appControlAt(x, top, w, h) {
  var key = [x, top, w, h, scrollX, scrollY].join(), now = Date.now(), i, j, el;
  if (probed[key] && now - probed[key].t < 300) return probed[key].v;
  var found = false;
  for (i = 4; i <= w - 4 && !found; i += 16) {
    for (j = h / 4; j < h && !found; j += h / 4) {
      el = document.elementsFromPoint(x + i, top + j).filter(function (e) { return !e.closest("[data-guide-recorder],[data-guide-runtime]"); })[0];
      found = !!el?.closest(CONTROLS);
    }
  }
  if (Object.keys(probed).length > 8) probed = {};
  probed[key] = { t: now, v: found };
  return found;
}

function startDrag(e) {
  if (e.button !== 0) return;
  e.preventDefault(); e.stopPropagation();
  var r = ui.bar.getBoundingClientRect();
  dragging = { dx: e.clientX - r.left, dy: e.clientY - r.top };
  spot = 0;
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
  /* In the top layer, as the runtime's own UI is (its banner, panels, dialogs): above the page, and
     raised again whenever something else opens there, so a previewed banner never hides the toolbar. */
  host.setAttribute("popover", "manual");
  document.documentElement.appendChild(host);
  raise(host);
  return { host: host, box: box, tag: tag, bar: bar, state: state, buttons: buttons };
}
function raise(host) {
  try { if (host.matches(":popover-open")) host.hidePopover(); host.showPopover(); } catch (e) { /* no popover support: the z-index still applies */ }
}
document.addEventListener("toggle", function (e) {
  if (!ui || e.target === ui.host || e.newState !== "open" || !ui.host.isConnected) return;
  raise(ui.host);
  [100, 600].forEach(function (ms) { setTimeout(paint, ms); });  // off the guide's controls once they are laid out
}, true);

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
   screenshot's style meanwhile. Its own host (not [data-guide-recorder]) is hidden too, except
   in the picture (the screenshot's style shows it): the author, typing on, never sees it. */
var shot = null;
function photo(rect) {
  if (shot) { shot.remove(); shot = null; }
  if (!rect || !(rect.width >= 1 && rect.height >= 1)) return false;
  shot = document.createElement("div");
  shot.setAttribute("data-guide-recorder-shot", "");
  shot.style.display = "none";
  var ring = document.createElement("div"), sheet = new CSSStyleSheet(), root = shot.attachShadow({ mode: "open" });
  sheet.replaceSync(":host{all:initial}div{position:fixed;pointer-events:none;z-index:2147483647;border:3px solid #f59e0b;border-radius:6px;box-shadow:0 0 0 3px rgba(245,158,11,.35)}");
  root.adoptedStyleSheets = [sheet];
  ring.style.left = rect.x - 5 + "px"; ring.style.top = rect.y - 5 + "px";
  ring.style.width = rect.width + 10 + "px"; ring.style.height = rect.height + 10 + "px";
  root.appendChild(ring);
  document.documentElement.appendChild(shot);
  return true;
}
