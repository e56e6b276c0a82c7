/* The runtime: instances that load a bundle, trigger guides and report events. */
var LABELS = { next: "Next", back: "Back", done: "Done", close: "Close", gotIt: "Got it", completed: "Completed", progress: "{n} of {total}" };

function Runtime() {
  this.listeners = {};
  this.offs = [];
  this.active = {};
  this.pending = {};
  this.routeFns = [];
  this.stopped = true;
}
var R = Runtime.prototype;

/* Load a bundle ({bundle} or {bundleUrl}) and start whatever should show; returns true when playing. */
R.init = function (options) {
  var self = this;
  this.stop();
  options = options || {};
  if (options.bundleUrl && !options.bundle) {
    return fetch(options.bundleUrl, { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (b) { return self.init(Object.assign({}, options, { bundle: b, bundleUrl: null })); })
      .catch(function (e) { warn(e); return false; });
  }
  var b = options.bundle;
  if (!b || b.format !== "guide-bundle" || b.schemaVersion !== 1 || !Array.isArray(b.guides)) {
    warn("not a guide bundle this runtime plays (format guide-bundle, schemaVersion 1)");
    return false;
  }
  var key = NS + ":" + (options.storageKey || "state");
  Object.assign(this, {
    options: options, bundle: b, user: options.user || {}, theme: b.theme || {}, stopped: false, here: {}, href: location.href,
    labels: Object.assign({}, LABELS, options.labels), local: new Store(key), session: new Store(key, true),
    guides: b.guides.filter(function (g) { return g && KINDS[g.kind] && g.enabled !== false; })
  });
  this.surface = new Surface(this);
  if (options.onEvent) this.offs.push(this.on("*", options.onEvent));
  this.hookRoutes();
  this.offs.push(listen(document, "click", function (e) { self.launch(e); }, true));
  var act = this.session.get().active, g = act && this.guide(act.g);
  if (g && g.kind === "walkthrough") this.play(g, act.s, true);
  this.evaluate();
  return true;
};

R.guide = function (id) { return (this.guides || []).filter(function (g) { return g.id === id; })[0]; };

/* Start a guide by id (from the API, a checklist or a button), whatever its trigger and frequency. */
R.start = function (id, opts) {
  var g = this.guide(id);
  if (this.stopped || !g) return false;
  if (this.active[id]) return true;
  if (KINDS[g.kind].exclusive) this.exclusive().forEach(function (o) { this.finish(o, "dismissed", { reason: "replaced" }); }, this);
  this.play(g, (opts && opts.step) || 0);
  return true;
};

/* The playing guides of kinds that show one at a time (walkthroughs, modals). */
R.exclusive = function () {
  var self = this;
  return Object.keys(this.active).map(function (id) { return self.guide(id); }).filter(function (g) { return g && KINDS[g.kind].exclusive; });
};

/* Play a guide (from step `at`); a walkthrough resumed after a page load is not a new start. */
R.play = function (g, at, resumed) {
  var slot = {};
  this.active[g.id] = slot;
  this.here[g.id] = 1;
  if (!resumed) {
    this.emit("guide_started", { guideId: g.id, kind: g.kind });
    if (g.kind !== "tooltip" && g.kind !== "checklist") this.seen(g);
  }
  var ctl = KINDS[g.kind].play(this, g, at);
  if (this.active[g.id] === slot) slot.end = ctl.end; else ctl.end();
};

R.seen = function (g) {
  this.local.update(function (v) { mark(v, "seen", g.id, ((v.seen || {})[g.id] || 0) + 1); });
  this.session.update(function (v) { mark(v, "seen", g.id); });
};

R.completed = function (g) {
  this.local.update(function (v) { mark(v, "done", g.id); });
  this.emit("guide_completed", { guideId: g.id });
};

/* End a playing guide as "completed" or "dismissed", then let the next automatic guide show. */
R.finish = function (g, how, extra) {
  var self = this, slot = this.active[g.id];
  if (!slot) return;
  delete this.active[g.id];
  if (slot.end) slot.end();
  this.session.update(function (v) { if (v.active && v.active.g === g.id) delete v.active; });
  if (how === "completed") this.completed(g);
  else {
    [this.local, this.session].forEach(function (s) { s.update(function (v) { mark(v, "dismissed", g.id); }); });
    this.emit("guide_dismissed", Object.assign({ guideId: g.id }, extra));
  }
  this.offs.push(later(function () { self.evaluate(); }, 0));
};

/* A bundle button as a callout button. */
R.button = function (b, g, next, back) {
  var self = this;
  var run = {
    next: next, back: back || next,
    close: function () { self.finish(g, "dismissed"); },
    complete: function () { self.finish(g, "completed"); },
    url: function () { var u = safeUrl(b.url); self.finish(g, "completed"); if (u) location.assign(u); },
    start_guide: function () { self.finish(g, "completed"); self.start(b.guideId); }
  }[b.action || "next"];
  return { label: b.label, primary: b.primary, run: run || next };
};

/* Arm every automatic guide whose rules hold here; exclusive kinds one at a time, by priority. */
R.evaluate = function () {
  if (this.stopped) return;
  var self = this, now = Date.now(), local = this.local.get(), session = this.session.get();
  var exclusiveBusy = this.exclusive().length > 0;
  Object.keys(this.pending).forEach(function (id) {
    var g = self.guide(id);
    if (!urlMatches(g.trigger.url, location.href)) { self.pending[id](); delete self.pending[id]; }
  });
  this.guides.filter(function (g) {
    var t = g.trigger || {};
    return t.type === "automatic" && !self.active[g.id] && !self.pending[g.id] && !self.here[g.id] && scheduleOk(g.schedule, now) &&
      audienceOk(g.audience, self.user) && frequencyOk(g, local, session, KINDS[g.kind].persistent) && urlMatches(t.url, location.href);
  }).sort(function (a, b) { return (b.priority || 0) - (a.priority || 0); }).forEach(function (g) {
    if (KINDS[g.kind].exclusive) { if (exclusiveBusy) return; exclusiveBusy = true; }
    var t = g.trigger, cancel = [];
    var go = function () {
      cancel.push(later(function () {
        delete self.pending[g.id];
        if (KINDS[g.kind].exclusive && self.exclusive().length) return;
        self.play(g);
      }, t.delayMs || 0));
    };
    self.pending[g.id] = function () { cancel.forEach(function (f) { f(); }); };
    if (t.element) cancel.push(waitFor(t.element, 600000, function (res) { if (res.element) go(); }));
    else go();
  });
};

/* A click on a launcher trigger's element starts its guide. */
R.launch = function (e) {
  var self = this;
  this.guides.forEach(function (g) {
    var t = g.trigger || {};
    if (t.type !== "launcher") return;
    var el = resolveTarget(t.element).element;
    if (el && el.contains(e.target)) self.start(g.id);
  });
};

/* Route changes of single-page apps: pushState/replaceState (wrapped), popstate, hashchange. */
R.hookRoutes = function () {
  var self = this, H = history, alive = true;
  var fire = function () { if (alive && !self.stopped) setTimeout(guard(function () { self.route(); }), 0); };
  ["pushState", "replaceState"].forEach(function (m) {
    var orig = H[m];
    var wrapped = function () { var r = orig.apply(this, arguments); fire(); return r; };
    H[m] = wrapped;
    self.offs.push(function () { alive = false; if (H[m] === wrapped) H[m] = orig; });
  });
  this.offs.push(listen(window, "popstate", fire), listen(window, "hashchange", fire));
};

R.route = function () {
  if (this.stopped) return;
  /* "Always" means on every page visited, not again right after closing on this one. */
  if (this.href !== location.href) { this.href = location.href; this.here = {}; }
  this.routeFns.slice().forEach(function (f) { guard(f)(); });
  this.evaluate();
};

R.onRoute = function (fn) {
  var fns = this.routeFns;
  fns.push(fn);
  return function () { var i = fns.indexOf(fn); if (i >= 0) fns.splice(i, 1); };
};

/* Listen to an event (or "*" for all: fn(name, detail)); returns a function that stops listening. */
R.on = function (name, fn) {
  var list = this.listeners[name] = this.listeners[name] || [];
  list.push(fn);
  return function () { var i = list.indexOf(fn); if (i >= 0) list.splice(i, 1); };
};

R.emit = function (name, detail) {
  detail = Object.assign({ type: name }, detail);
  (this.listeners[name] || []).slice().forEach(function (fn) { guard(fn)(detail); });
  if (EVENTS.indexOf(name) >= 0) {
    (this.listeners["*"] || []).slice().forEach(function (fn) { guard(fn)(name, detail); });
    try { window.dispatchEvent(new CustomEvent(NS + ":" + name, { detail: detail })); } catch (e) { warn(e); }
  }
};

/* Report an event of the host app (completes checklist items waiting for it). */
R.track = function (name) { this.emit("track", { name: String(name) }); };

/* opts.minConfidence lowers the bar (benchmarks draw the trade-off curve with it). */
R.resolve = function (target, opts) {
  var r = resolveTarget(target, null, opts && opts.minConfidence);
  return r;
};

/* End every guide and remove every node, listener, observer and timer the runtime added. */
R.stop = function () {
  var self = this;
  this.stopped = true;
  Object.keys(this.active).forEach(function (id) { var s = self.active[id]; delete self.active[id]; if (s.end) s.end(); });
  Object.keys(this.pending).forEach(function (id) { self.pending[id](); });
  this.pending = {};
  runAll(this.offs);
  this.routeFns = [];
  if (this.surface) this.surface.remove();
};
["init", "start", "stop", "resolve", "on", "track", "evaluate", "route", "launch", "finish"].forEach(function (m) { R[m] = guard(R[m]); });

if (!window.GuideRuntime) {
  var main = new Runtime(), api = {
    version: VERSION,
    /* An independent runtime (its own bundle, state key and UI). */
    create: function () { return new Runtime(); },
    /* Whether a URL rule of the bundle matches an address (the studio's "matches this URL?" check). */
    matchUrl: urlMatches,
    /* Shared with the in-page recorder, so capture and resolution agree. */
    dom: { roleOf: roleOf, nameOf: nameOf, contextOf: contextOf, siblingsOf: siblingsOf, isVisible: isVisible, matches: candidateMatches }
  };
  ["init", "start", "stop", "resolve", "on", "track"].forEach(function (m) {
    api[m] = function () { return main[m].apply(main, arguments); };
  });
  window.GuideRuntime = api;
}
