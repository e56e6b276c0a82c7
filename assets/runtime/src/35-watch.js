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
