/* The runtime: instances that load a bundle, trigger guides and report events. */
var LABELS = { next: "Next", back: "Back", done: "Done", close: "Close", gotIt: "Got it", completed: "Completed", progress: "{n} of {total}", elsewhere: "This guide cannot start from this page.", noImage: "Image not available",
  later: "Ask me later", other: "Other", search: "Search", none: "Nothing found", news: "What's new", unread: "{n} new" };

/* History is wrapped once for every instance and unwrapped when the last one stops, whatever the order;
   where the page froze it, the address is polled instead. */
var historyFns = [], unhook = null;
function onHistory(fn) {
  historyFns.push(fn);
  if (!unhook) {
    var H = history, offs = [], href = location.href, fire = function () { historyFns.slice().forEach(function (f) { f(); }); };
    ["pushState", "replaceState"].forEach(function (m) {
      var orig = H[m], wrapped = function () { var r = orig.apply(this, arguments); fire(); return r; };
      try { H[m] = wrapped; } catch (e) { /* read-only */ }
      if (H[m] === wrapped) offs.push(function () { if (H[m] === wrapped) H[m] = orig; });
      else if (!offs._poll) offs.push(offs._poll = clearInterval.bind(null, setInterval(guard(function () {
        if (href !== location.href) { href = location.href; fire(); }
      }), 250)));
    });
    unhook = function () { runAll(offs); unhook = null; };
  }
  return function () { historyFns.splice(historyFns.indexOf(fn) >>> 0, 1); if (!historyFns.length && unhook) unhook(); };
}

function Runtime() {
  this._listeners = {};
  this._offs = [];
  this._active = {};
  this._pending = {};
  this._routeFns = [];
  this._stopped = true;
}
var R = Runtime.prototype;
assign(R, {

  /* Load a bundle ({bundle} or {bundleUrl}) and start whatever should show; returns true when playing. */
  init(options) {
    var gen;
    this.stop();
    gen = this._gen;
    if (tampered()) return warn("built-ins replaced: no guides"), false;
    options = options || {};
    if (options.bundleUrl && !options.bundle) {
      /* fetch() sends cookies to the page's own origin only (its default credentials mode, same-origin). */
      var get = (u, as) => fetch(u).then(r => r[as]());
      return get(options.bundleUrl, "arrayBuffer")
        .then(buf => !(options.integrity || options.publicKey) ? buf :
          (options.publicKey ? get(options.signatureUrl || options.bundleUrl + ".sig", "text") : Promise.resolve())
            .then(sig => verifyBundle(buf, options, sig)).then(() => buf))
        /* A stop() or a newer init() while the bundle loads wins. */
        .then(buf => gen === this._gen && this.init(assign({}, options, { bundle: JSON.parse(new TextDecoder().decode(buf)) })))
        .catch(e => { warn(e); return false; });
    }
    var b = options.bundle;
    if (!b || b.format !== "guide-bundle" || b.schemaVersion !== 1 || !Array.isArray(b.guides)) {
      warn("not a guide-bundle v1");
      return false;
    }
    var key = NS + ":" + (options.storageKey || "state");
    assign(this, {
      _options: options, _user: options.user || {}, _theme: b.theme || {}, _stopped: false, _here: {}, _href: location.href,
      _labels: assign({}, LABELS, options.labels), _local: new Store(key), _session: new Store(key, true),
      _guides: [], _cool: (b.pacing?.cooldownHours || 0) * 36e5
    });
    this._surface = new Surface(this);
    /* Images load only from these origins: a bundle cannot make the page call elsewhere. A relative
       address (an exported project image, media/<hash>.png) is read beside the bundle, or from mediaBase. */
    var base = new URL(options.mediaBase || options.bundleUrl || "", location.href).href;
    var origins = [location.origin, new URL(base).origin].concat(options.mediaOrigins || []);
    this._media = v => { var u = safeUrl(v, base); return u && origins.indexOf(new URL(u).origin) >= 0 ? u : null; };
    if (options.onEvent) this._offs.push(this.on("*", options.onEvent));
    b.guides.forEach(g => {
      var bad = guideProblem(g);
      if (bad) this._broken(g, bad);
      else if (g.enabled !== false) this._guides.push(g);
    });
    /* Route changes of single-page apps: pushState/replaceState, popstate, hashchange. */
    var fire = () => { if (!this._stopped) later(() => { this.route(); }, 0); };
    this._offs.push(onHistory(fire), listen(window, "popstate", fire), listen(window, "hashchange", fire), early("click", e => { this.launch(e); }));
    var act = this._session._get().active, g = act && this._guide(act.g);
    if (g?.kind === "walkthrough") this._play(g, act.s, true);
    else this._session._update(v => { delete v.active; });
    /* A guide started on another page (start() went there) starts on arrival. */
    act = this._session._get().go;
    this._session._update(v => { delete v.go; });
    if (act && Date.now() - act.t < 60000) this.start(act.g, { step: act.s, here: 1 });
    this.evaluate();
    return true;
  },

  _guide(id) { return (this._guides || []).filter(g => { return g.id === id; })[0]; },

  /* Where guide `id` starts (step `at`): "" here, the address its page rule names (studio/domain/pages.py
     step_path: the nearest fixed page rule at or before the step, then the trigger's), or null when none. */
  _away(id, at) {
    var g = this._guide(id), t, list, to;
    if (!g) return "";
    t = g.trigger || {};
    list = (g.steps || []).slice(0, (at || 0) + 1).reverse().map(s => { return s.page; }).filter(Boolean);
    if (here(list[0] || (t.type === "automatic" && t.url))) return "";
    to = list.concat(t.url || []).filter(v => { return v.match !== "glob" && v.match !== "regex" && v.value.indexOf("*") < 0; })[0];
    to = to && new URL(to.value, location.href).href;
    return to && to !== location.href ? to : null;
  },

  /* Start a guide by id (from the API, a checklist or a button), whatever its trigger and frequency;
     on another page it goes there first, or says it cannot (beside opts.from, the clicked button). */
  start(id, opts) {
    var g = this._guide(id), at = opts?.step || 0, to = opts?.here ? "" : this._away(id, at);
    if (this._stopped || !g) return false;
    if (this._active[id]) return true;
    if (to) {
      this._session._update(v => { v.go = { g: id, s: at, t: Date.now() }; });
      location.assign(to);
      return true;
    }
    if (to === null) {
      warn("no page to start " + id + " on");
      this._emit("guide_error", { guideId: id, field: "page" });
      to = opts?.from;
      if (to && !to.querySelector("[role=status]")) to.appendChild(h("span", { "class": "gs-desc", role: "status", text: this._labels.elsewhere }));
      return false;
    }
    if (KINDS[g.kind].exclusive) this._exclusive().forEach(o => { this.finish(o, "dismissed", { reason: "replaced" }); });
    this._play(g, at);
    return true;
  },

  /* The playing guides of kinds that show one at a time (walkthroughs, modals). */
  _exclusive() {
    return Object.keys(this._active).map(id => { return this._guide(id); }).filter(g => { return g && KINDS[g.kind].exclusive; });
  },

  /* Play a guide (from step `at`); a walkthrough resumed after a page load is not a new start. */
  _play(g, at, resumed) {
    var slot = {}, root = this._surface._root(), n = root.childNodes.length, ctl;
    this._active[g.id] = slot;
    this._here[g.id] = 1;
    if (!resumed) {
      this._emit("guide_started", { guideId: g.id, kind: g.kind });
      if (g.kind !== "tooltip" && g.kind !== "checklist") this._seen(g);
    }
    try { ctl = KINDS[g.kind].play(this, g, at); } catch (err) {
      /* Whatever it had built goes, and it no longer counts as playing (here or after a reload). */
      slice(root.childNodes).slice(n).forEach(c => { c.remove(); });
      delete this._active[g.id];
      this._session._update(v => { delete v.active; });
      return this._broken(g, String(err));
    }
    if (this._active[g.id] === slot) slot.end = ctl.end; else ctl.end();
  },

  /* Skip a guide that cannot play, saying which field is wrong. */
  _broken(g, field) {
    warn("guide skipped: " + field);
    this._offs.push(later(() => { this.evaluate(); }, 0));
    this._guides = this._guides.filter(x => { return x !== g; });
    this._emit("guide_error", { guideId: isObj(g) ? g.id : null, field: field });
  },

  _seen(g) {
    this._local._update(v => { mark(v, "seen", g.id, (v.seen?.[g.id] || 0) + 1); });
    this._session._update(v => { mark(v, "seen", g.id); });
  },

  _completed(g) {
    this._local._update(v => { mark(v, "done", g.id); });
    this._emit("guide_completed", { guideId: g.id });
  },

  /* End a playing guide as "completed" or "dismissed", then let the next automatic guide show. */
  finish(g, how, extra) {
    var slot = this._active[g.id];
    if (!slot) return;
    delete this._active[g.id];
    slot.end?.();
    this._session._update(v => { if (v.active?.g === g.id) delete v.active; });
    if (how === "completed") this._completed(g);
    else if (how) {
      [this._local, this._session].forEach(s => { s._update(v => { mark(v, "dismissed", g.id); }); });
      this._emit("guide_dismissed", assign({ guideId: g.id }, extra));
    }
    this._offs.push(later(() => { this.evaluate(); }, 0));
  },

  /* A bundle button as a callout button. */
  _button(b, g, next, back) {
    var run = {
      next: next, back: back || next,
      close: () => { this.finish(g, "dismissed"); },
      complete: () => { this.finish(g, "completed"); },
      url: () => { var u = safeUrl(b.url); this.finish(g, "completed"); if (u) location.assign(u); },
      start_guide: e => {
        if (this._away(b.guideId) === null) return this.start(b.guideId, { from: e.currentTarget.closest(".gs-callout").querySelector(".gs-body") });
        this.finish(g, "completed");
        this.start(b.guideId);
      }
    }[b.action || "next"];
    return { label: b.label, primary: b.primary, run: run || next };
  },

  /* Arm every automatic guide whose rules hold here; exclusive kinds one at a time, by priority. */
  evaluate() {
    if (this._stopped) return;
    var now = Date.now(), local = this._local._get(), session = this._session._get();
    var exclusiveBusy = this._exclusive().length > 0;
    Object.keys(this._pending).forEach(id => {
      var g = this._guide(id);
      if (!here(g.trigger.url)) { this._pending[id](); delete this._pending[id]; }
    });
    /* Guarded one by one: a guide whose rules throw only disables itself. */
    this._guides.filter(guard(g => {
      var t = g.trigger || {};
      return t.type === "automatic" && !this._active[g.id] && !this._pending[g.id] && !this._here[g.id] && scheduleOk(g.schedule, now) &&
        audienceOk(g.audience, this._user) && (KINDS[g.kind]._ok ? KINDS[g.kind]._ok(this, g, now) : frequencyOk(g, local, session, KINDS[g.kind].persistent)) &&
        /* Pacing: no walkthrough, modal or survey starts by itself within the cooldown of the last one. */
        !(KINDS[g.kind].exclusive && now - (local.last || 0) < this._cool) && here(t.url);
    })).sort((a, b) => { return (b.priority || 0) - (a.priority || 0); }).forEach(g => {
      if (KINDS[g.kind].exclusive) { if (exclusiveBusy) return; exclusiveBusy = true; }
      var t = g.trigger, cancel = [];
      var go = () => {
        cancel.push(later(() => {
          delete this._pending[g.id];
          if (KINDS[g.kind].exclusive) { if (this._exclusive().length) return; if (this._cool) this._local._update(v => { v.last = Date.now(); }); }
          this._play(g);
        }, t.delayMs || 0));
      };
      this._pending[g.id] = () => { cancel.forEach(f => { f(); }); };
      if (t.element) cancel.push(waitFor(t.element, 600000, res => { if (res.element) go(); }));
      else go();
    });
  },

  /* A click on a launcher trigger's element starts its guide. */
  launch(e) {
    var path = e.composedPath().slice(0, 8);
    this._guides.forEach(g => {
      var t = g.trigger || {}, el;
      /* Matched by the clicked element's ancestry first: no document scan on every click. */
      if (t.type === "launcher" && path.some(n => { return mayBe(t.element, n); }) &&
        (el = resolveTarget(t.element).element) && path.indexOf(el) >= 0) this.start(g.id);
    });
  },

  route() {
    if (this._stopped) return;
    /* "Always" means on every page visited, not again right after closing on this one. */
    if (this._href !== location.href) { this._href = location.href; this._here = {}; }
    this._routeFns.slice().forEach(f => { guard(f)(); });
    this.evaluate();
  },

  _onRoute(fn) {
    var fns = this._routeFns;
    fns.push(fn);
    return () => { var i = fns.indexOf(fn); if (i >= 0) fns.splice(i, 1); };
  },

  /* Listen to an event (or "*" for all: fn(name, detail)); returns a function that stops listening. */
  on(name, fn) {
    var list = this._listeners[name] = this._listeners[name] || [];
    list.push(fn);
    return () => { var i = list.indexOf(fn); if (i >= 0) list.splice(i, 1); };
  },

  _emit(name, detail) {
    detail = assign({ type: name }, detail);
    (this._listeners[name] || []).slice().forEach(fn => { guard(fn)(detail); });
    /* Every event but "track" (the host app's own, which it already knows of) reaches "*" listeners and the DOM. */
    if (name !== "track") {
      (this._listeners["*"] || []).slice().forEach(fn => { guard(fn)(name, detail); });
      try { window.dispatchEvent(new CustomEvent(NS + ":" + name, { detail: detail })); } catch (e) { warn(e); }
    }
  },

  /* Report an event of the host app (completes checklist items waiting for it). */
  track(name) { this._emit("track", { name: String(name) }); },

  /* opts.minConfidence lowers the bar (benchmarks draw the trade-off curve with it). */
  resolve(target, opts) {
    var r = resolveTarget(target, null, opts && opts.minConfidence);
    return r;
  },

  /* End every guide and remove every node, listener, observer and timer the runtime added. */
  stop() {
    this._stopped = true;
    this._gen = (this._gen || 0) + 1;
    Object.keys(this._active).forEach(id => { var s = this._active[id]; delete this._active[id]; s.end?.(); });
    Object.keys(this._pending).forEach(id => { this._pending[id](); });
    this._pending = {};
    runAll(this._offs);
    this._routeFns = [];
    this._surface?.remove();
  }
});
var METHODS = ["init", "start", "stop", "resolve", "on", "track", "evaluate", "route", "launch", "finish"];
for (var mi = 0; mi < 10; mi++) R[METHODS[mi]] = guard(R[METHODS[mi]]);

if (!window.GuideRuntime?.version) {
  var main = new Runtime(), api = {
    version: VERSION,
    /* An independent runtime (its own bundle, state key and UI). */
    create: function () { return new Runtime(); },
    /* Whether a URL rule of the bundle matches an address (the studio's "matches this URL?" check). */
    matchUrl: urlMatches,
    /* Shared with the in-page recorder, so capture and resolution agree. */
    dom: { roleOf: roleOf, nameOf: nameOf, contextOf: contextOf, siblingsOf: siblingsOf, isVisible: isVisible, matches: candidateMatches }
  };
  for (mi = 0; mi < 6; mi++) api[METHODS[mi]] = main[METHODS[mi]].bind(main);
  window.GuideRuntime = api;
  /* The loader for a strict CSP (no inline script): <script src=… data-bundle-url=… data-integrity=…
     data-public-key=… data-user='{"plan":"pro"}'> starts itself; events arrive as DOM events. */
  var ds = D.currentScript?.dataset || {}, user = {};
  if (ds.bundleUrl) {
    try { user = JSON.parse(ds.user || "{}"); } catch (e) { warn("bad data-user"); }
    main.init({ bundleUrl: ds.bundleUrl, integrity: ds.integrity, publicKey: ds.publicKey, user: user });
  }
}
