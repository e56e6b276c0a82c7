/* Guide kinds as a registry: each kind's _play(rt, g) plays one guide and returns {_end()};
   _one kinds show one at a time, _stays kinds stay across pages until dismissed.
   A later kind (banner, survey, resource center, launcher) is one more KINDS entry. */
var KINDS = {};

/* Emit a step event of guide g (step i, 0 for single-step kinds). */
function stepEvent(rt, name, g, i, extra) {
  rt._emit(name, assign({ guideId: g.id, stepId: g.steps[i]?.id, stepIndex: i }, extra));
}

/* The target of a single-step kind, waited for within the step's timeout; reports a missing one. */
function withTarget(rt, g, st, cb) {
  return waitFor(st.target, st.waitMs ?? 5000, function (res) {
    if (res._visible) cb(res.element);
    else stepEvent(rt, "target_not_found", g, 0, { reason: res.reason, confidence: res.confidence });
  });
}

/* Give el the step's text as its accessible description (a remover takes it back out). */
function described(rt, el, st) {
  return describedBy(el, rt._surface._describe(norm(st.title + ". " + richText(st.body).textContent)));
}

KINDS.walkthrough = {
  _one: true,
  _play: function (rt, g, at) {
    var i = at || 0, offs = [], view = null, ended = false, n = g.steps.length;
    function clear() { runAll(offs); view?.remove(); view = null; }
    function go(to) {
      clear();
      i = to;
      if (i < 0) i = 0;
      if (i >= n) return rt.finish(g, "completed");
      rt._session._update(function (v) { v.active = { g: g.id, s: i }; });
      var st = g.steps[i];
      if (st.page && !here(st.page)) {
        offs.push(rt._onRoute(function () { if (here(st.page)) go(i); }));
        return;
      }
      if (!st.target) return show(st, null);
      offs.push(waitFor(st.target, st.waitMs ?? 5000, function (res) {
        if (res._visible) return show(st, res.element);
        stepEvent(rt, "target_not_found", g, i, { reason: res.reason, confidence: res.confidence });
        if (st.optional || st.onMissing === "skip" || !st.onMissing) go(i + 1);
        else if (st.onMissing === "center") show(st, null);
        else rt.finish(g, "dismissed", { reason: "target_not_found" });
      }));
    }
    function next() {
      if (ended) return;
      stepEvent(rt, "step_completed", g, i);
      /* go() saves the next step at once, before the page may unload: a click that navigates resumes there. */
      go(i + 1);
    }
    function show(st, el) {
      var mode = st.advance?.mode || "next", last = i === n - 1;
      var buttons = st.buttons?.length ? st.buttons.map(function (b) { return rt._button(b, g, next, function () { go(i - 1); }); }) : [
        i > 0 ? { _label: rt._labels.back, _run: function () { go(i - 1); } } : null,
        mode === "next" ? { _label: last ? rt._labels.done : rt._labels.next, _primary: true, _run: next } : null
      ].filter(Boolean);
      if (el) { bringIntoView(el); offs.push(highlight(rt, el)); }
      view = callout(rt, {
        _step: st, _anchor: el, _name: g.name, _buttons: buttons, _onClose: function () { rt.finish(g, "dismissed"); },
        /* Steps the user completes on the page leave focus there (an input step focuses its field). */
        _focus: mode === "next" || !el,
        _progress: n > 1 ? rt._labels.progress.replace("{n}", i + 1).replace("{total}", n) : "",
        _onKey: function (e) {
          if (e.key === "ArrowRight" && mode === "next") next();
          else if (e.key === "ArrowLeft" && i > 0) go(i - 1);
        }
      });
      stepEvent(rt, "step_shown", g, i);
      offs.push(onKey("Escape", function () { rt.finish(g, "dismissed"); }));
      var adv = st.advance || {};
      /* Focus stays on the page for steps the user completes there: the element carries the step's text. */
      if (mode !== "next" && el) offs.push(described(rt, el, st));
      if (mode === "click" && el) offs.push(listen(el.ownerDocument.defaultView, "click", function (e) { if (e.composedPath().indexOf(el) >= 0) next(); }, true));
      if (mode === "input" && el) {
        el.focus({ preventScroll: true });
        var idle = function () {};
        offs.push(function () { idle(); }, listen(el, "change", next), listen(el, "input", function () { idle(); idle = later(next, 800); }));
      }
      if (mode === "element") offs.push(waitFor(adv.element, 600000, function (res) { if (res.element) next(); }));
      if (mode === "url") {
        var check = function () { if (here(adv.url)) next(); };
        offs.push(rt._onRoute(check));
      }
    }
    go(i);
    return { _end: function () { ended = true; clear(); } };
  }
};

KINDS.tooltip = {
  _play: function (rt, g) {
    var st = g.steps[0], view = null, offs = [], el = null, hide = function () {};
    function open() {
      hide();
      if (view) return;
      view = callout(rt, { _step: st, _anchor: el, _role: "tooltip", _cls: "gs-tip", _focus: false, _name: g.name });
      rt._seen(g);
      stepEvent(rt, "step_shown", g, 0);
    }
    function close() { view?.remove(); view = null; }
    offs.push(withTarget(rt, g, st, function (target) {
      el = target;
      offs.push(described(rt, el, st));
      if (g.showOn === "always") return open();
      var soon = function () { hide(); hide = later(close, 200); };
      offs.push(listen(el, "mouseenter", open), listen(el, "focus", open), listen(el, "mouseleave", soon), listen(el, "blur", soon),
        onKey("Escape", close), function () { hide(); });
    }));
    return { _end: function () { runAll(offs); close(); } };
  }
};

KINDS.hotspot = {
  _play: function (rt, g) {
    var st = g.steps[0], offs = [], beacon = null, view = null;
    function close() { view?.remove(); view = null; }
    offs.push(withTarget(rt, g, st, function (el) {
      beacon = h("button", { "class": "gs-beacon", "aria-label": st.title || g.name, "aria-expanded": "false" });
      mount(rt, beacon);
      offs.push(follow(function () { var r = boxOf(el); pos(beacon, { left: r.right - 11, top: r.top - 11 }); }),
        function () { beacon.remove(); });
      offs.push(listen(beacon, "click", function () {
        if (view) { close(); beacon.setAttribute("aria-expanded", "false"); return; }
        beacon.setAttribute("aria-expanded", "true");
        view = callout(rt, {
          _step: st, _anchor: el, _name: g.name, _onClose: function () { rt.finish(g, "dismissed"); },
          _buttons: [{ _label: rt._labels.gotIt, _primary: true, _run: function () { stepEvent(rt, "step_completed", g, 0); rt.finish(g, "completed"); } }],
          _onKey: function (e) { if (e.key === "Escape") { close(); beacon.focus(); } }
        });
        stepEvent(rt, "step_shown", g, 0);
      }));
    }));
    return { _end: function () { runAll(offs); close(); } };
  }
};

KINDS.modal = {
  _one: true,
  _play: function (rt, g) {
    var st = g.steps[0], body = doc("body"), wasInert = body.inert, close = function () { rt.finish(g, "dismissed"); };
    var backdrop = h("div", { "class": "gs-backdrop", "aria-hidden": "true", onclick: g.closeOnBackdrop !== false && close });
    mount(rt, backdrop);
    var buttons = (st.buttons?.length ? st.buttons : [{ label: rt._labels.gotIt, action: "complete", primary: true }])
      .map(function (b) { return rt._button(b, g, function () { rt.finish(g, "completed"); }); });
    var view = callout(rt, {
      _step: st, _modal: true, _cls: "gs-modal", _name: g.name, _buttons: buttons, _onClose: close,
      _onKey: function (e) { trapFocus(e, view._el); }
    });
    var off = onKey("Escape", close);
    stepEvent(rt, "step_shown", g, 0);
    /* The page goes inert last, once nothing else can fail, and is restored first. */
    body.inert = true;
    return { _end: function () { body.inert = wasInert; off(); backdrop.remove(); view.remove(); } };
  }
};

KINDS.checklist = {
  _stays: true,
  _play: function (rt, g) {
    var offs = [], done = function (it) { return has(rt._local._get(), "items", g.id + "/" + it.id); };
    var c = cornerPanel(rt, g, offs, function () {
      return [h("div", { "class": "gs-bar", role: "progressbar", "aria-label": g.title, "aria-valuemin": "0", "aria-valuemax": g.items.length }, [h("span")]),
        h("ul", { "class": "gs-items" }, g.items.map(function (it) {
          return listItem(it.title, it.description, function (e) { activate(it, e); }, h("span", { "class": "gs-check", "aria-hidden": "true" }), h("span", { "class": "gs-state gs-desc" }));
        }))];
    }, function () { render(); c._panel.querySelector(".gs-item").focus(); }, g.dismissible !== false && function () { rt.finish(g, "dismissed"); });
    function complete(it) {
      if (done(it)) return;
      rt._local._update(function (v) { mark(v, "items", g.id + "/" + it.id); });
      rt._emit("checklist_item_completed", { guideId: g.id, itemId: it.id });
      render();
      if (g.items.every(done)) rt._completed(g);
    }
    /* "Done when clicked" ticks only what actually happened: a guide that cannot start stays unticked. */
    function activate(it, e) {
      var url = it.action === "open_url" && safeUrl(it.url);
      var ok = it.action === "start_guide" ? rt.start(it.guideId, { from: e.currentTarget }) : it.action !== "open_url" || !!url;
      if (ok && it.completeWhen === "clicked") complete(it);
      if (ok && it.action === "start_guide") c._toggle(false);
      if (url) location.assign(url);
    }
    function render() {
      var k = g.items.filter(done).length, total = g.items.length, panel = c._panel;
      c._count.textContent = rt._labels.progress.replace("{n}", k).replace("{total}", total);
      if (!panel) return;
      panel.querySelector(".gs-bar").setAttribute("aria-valuenow", k);
      panel.querySelector(".gs-bar > span").style.setProperty("width", (100 * k / total) + "%");
      g.items.forEach(function (it, j) {
        var li = panel.querySelectorAll(".gs-item")[j];
        li.classList.toggle("gs-done", done(it));
        li.querySelector(".gs-state").textContent = done(it) ? rt._labels.completed : "";
      });
    }
    g.items.forEach(function (it) {
      if (it.completeWhen === "guide_completed") offs.push(rt.on("guide_completed", function (d) { if (d.guideId === it.guideId) complete(it); }));
      if (it.completeWhen === "event") offs.push(rt.on("track", function (d) { if (d.name === it.event) complete(it); }));
      if (it.completeWhen === "url") { var check = function () { if (here(it.completeUrl)) complete(it); }; offs.push(rt._onRoute(check)); check(); }
      if (it.completeWhen === "element") offs.push(waitFor(it.element, 600000, function (res) { if (res.element) complete(it); }));
    });
    render();
    return { _end: function () { runAll(offs); } };
  }
};
