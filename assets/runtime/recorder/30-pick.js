/* Picking: the hovered element, the picker's parent / child hierarchy and its keys. */

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
