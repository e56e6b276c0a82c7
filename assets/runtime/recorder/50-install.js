/* Modes, the page listeners and window.GuideRecorder. */
function setMode(next) {
  if (!/^(record|pick|pause)$/.test(next)) return mode;
  mode = next;
  chosen = null;
  if (mode === "pause") hovered = settled = null;
  paint();
  return mode;
}

function install() {
  ["click"].forEach(function (t) { window.addEventListener(t, onClick, true); });
  ["mousedown", "mouseup", "pointerdown", "pointerup", "auxclick", "dblclick", "submit"].forEach(function (t) { window.addEventListener(t, swallow, true); });
  window.addEventListener("input", onInput, true);
  window.addEventListener("change", onChange, true);
  window.addEventListener("keydown", onEnter, true);
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
    /* Ring the rect (viewport pixels) of the element being photographed, in the picture only
       (the screenshot's style shows it); photo(null) removes it. */
    photo: photo,
    mode: function () { return mode; },
    /* Where capture events go (the studio's Playwright binding); events are also DOM CustomEvents. */
    connect: function (fn, options) { sink = fn; captureValues = !!(options && options.captureValues); }
  };
}

if (!window.GuideRecorder && D) install();
