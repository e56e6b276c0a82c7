/* Guide kinds as a registry: each kind plays one guide and returns {end()}.
   A later kind (banner, survey, resource center, launcher) is one more KINDS entry. */
var KINDS = {};

/* Emit a step event of guide g (step i, 0 for single-step kinds). */
function stepEvent(rt, name, g, i, extra) {
  rt._emit(name, assign({ guideId: g.id, stepId: g.steps[i]?.id, stepIndex: i }, extra));
}

/* The target of a single-step kind, waited for within the step's timeout; reports a missing one. */
function withTarget(rt, g, st, cb) {
  return waitFor(st.target, st.waitMs ?? 5000, function (res) {
    if (res.visible) cb(res.element);
    else stepEvent(rt, "target_not_found", g, 0, { reason: res.reason, confidence: res.confidence });
  });
}

/* Give el the step's text as its accessible description (a remover takes it back out). */
function described(rt, el, st) {
  return describedBy(el, rt._surface._describe(norm(st.title + ". " + richText(st.body).textContent)));
}

KINDS.walkthrough = {
  exclusive: true,
  play: function (rt, g, at) {
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
        if (res.visible) return show(st, res.element);
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
        i > 0 ? { label: rt._labels.back, run: function () { go(i - 1); } } : null,
        mode === "next" ? { label: last ? rt._labels.done : rt._labels.next, primary: true, run: next } : null
      ].filter(Boolean);
      if (el) { bringIntoView(el); offs.push(highlight(rt, el)); }
      view = callout(rt, {
        step: st, _anchor: el, name: g.name, buttons: buttons, _onClose: function () { rt.finish(g, "dismissed"); },
        /* Steps the user completes on the page leave focus there (an input step focuses its field). */
        focus: mode === "next" || !el,
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
    return { end: function () { ended = true; clear(); } };
  }
};

KINDS.tooltip = {
  play: function (rt, g) {
    var st = g.steps[0], view = null, offs = [], el = null, hide = function () {};
    function open() {
      hide();
      if (view) return;
      view = callout(rt, { step: st, _anchor: el, role: "tooltip", _cls: "gs-tip", focus: false, name: g.name });
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
    return { end: function () { runAll(offs); close(); } };
  }
};

KINDS.hotspot = {
  play: function (rt, g) {
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
          step: st, _anchor: el, name: g.name, _onClose: function () { rt.finish(g, "dismissed"); },
          buttons: [{ label: rt._labels.gotIt, primary: true, run: function () { stepEvent(rt, "step_completed", g, 0); rt.finish(g, "completed"); } }],
          _onKey: function (e) { if (e.key === "Escape") { close(); beacon.focus(); } }
        });
        stepEvent(rt, "step_shown", g, 0);
      }));
    }));
    return { end: function () { runAll(offs); close(); } };
  }
};

KINDS.modal = {
  exclusive: true,
  play: function (rt, g) {
    var st = g.steps[0], body = doc("body"), wasInert = body.inert, close = function () { rt.finish(g, "dismissed"); };
    var backdrop = h("div", { "class": "gs-backdrop", "aria-hidden": "true", onclick: g.closeOnBackdrop !== false && close });
    mount(rt, backdrop);
    var buttons = (st.buttons?.length ? st.buttons : [{ label: rt._labels.gotIt, action: "complete", primary: true }])
      .map(function (b) { return rt._button(b, g, function () { rt.finish(g, "completed"); }); });
    var view = callout(rt, {
      step: st, _modal: true, _cls: "gs-modal", name: g.name, buttons: buttons, _onClose: close,
      _onKey: function (e) { trapFocus(e, view.el); }
    });
    var off = onKey("Escape", close);
    stepEvent(rt, "step_shown", g, 0);
    /* The page goes inert last, once nothing else can fail, and is restored first. */
    body.inert = true;
    return { end: function () { body.inert = wasInert; off(); backdrop.remove(); view.remove(); } };
  }
};

KINDS.checklist = {
  persistent: true,
  play: function (rt, g) {
    var offs = [], panel = null, side = g.position === "bottom_left" ? " gs-left" : "";
    var done = function (it) { return has(rt._local._get(), "items", g.id + "/" + it.id); };
    var count = h("span", { "class": "gs-count" });
    /* Its accessible name is its visible text (WCAG 2.5.3): the title and "2 of 3". */
    var launcher = h("button", { "class": "gs-launcher" + side, "aria-expanded": "false", onclick: toggle }, [h("span", { text: g.title }), mkText(" "), count]);
    mount(rt, launcher);
    offs.push(cornerStack(rt, launcher, g.position || "bottom_right"));
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
      if (ok && it.action === "start_guide") toggle(false);
      if (url) location.assign(url);
    }
    function render() {
      var k = g.items.filter(done).length, total = g.items.length;
      count.textContent = rt._labels.progress.replace("{n}", k).replace("{total}", total);
      if (!panel) return;
      panel.querySelector(".gs-bar").setAttribute("aria-valuenow", k);
      panel.querySelector(".gs-bar > span").style.setProperty("width", (100 * k / total) + "%");
      g.items.forEach(function (it, j) {
        var li = panel.querySelectorAll(".gs-item")[j];
        li.classList.toggle("gs-done", done(it));
        li.querySelector(".gs-state").textContent = done(it) ? rt._labels.completed : "";
      });
    }
    function toggle(open) {
      open = typeof open === "boolean" ? open : !panel;
      launcher.setAttribute("aria-expanded", open);
      if (!open) { panel?.remove(); panel = null; return; }
      if (panel) return;
      var id = "gs" + (++uid);
      panel = h("div", { "class": "gs-panel" + side, role: "dialog", "aria-labelledby": id }, [
        g.dismissible !== false ? closeButton(rt, function () { rt.finish(g, "dismissed"); }) : null,
        h("h2", { "class": "gs-title", id: id, text: g.title }),
        h("div", { "class": "gs-bar", role: "progressbar", "aria-label": g.title, "aria-valuemin": "0", "aria-valuemax": g.items.length }, [h("span")]),
        h("ul", { "class": "gs-items" }, g.items.map(function (it) {
          return h("li", {}, [h("button", { "class": "gs-item", onclick: function (e) { activate(it, e); } }, [
            h("span", { "class": "gs-check", "aria-hidden": "true" }),
            h("span", {}, [h("span", { "class": "gs-label", text: it.title }), it.description ? h("span", { "class": "gs-desc", text: it.description }) : null,
              h("span", { "class": "gs-state gs-desc" })])
          ])]);
        }))
      ]);
      above(mount(rt, panel), launcher);
      render();
      panel.querySelector(".gs-item").focus();
    }
    g.items.forEach(function (it) {
      if (it.completeWhen === "guide_completed") offs.push(rt.on("guide_completed", function (d) { if (d.guideId === it.guideId) complete(it); }));
      if (it.completeWhen === "event") offs.push(rt.on("track", function (d) { if (d.name === it.event) complete(it); }));
      if (it.completeWhen === "url") { var check = function () { if (here(it.completeUrl)) complete(it); }; offs.push(rt._onRoute(check)); check(); }
      if (it.completeWhen === "element") offs.push(waitFor(it.element, 600000, function (res) { if (res.element) complete(it); }));
    });
    offs.push(onKey("Escape", function () { if (panel) { toggle(false); launcher.focus(); } }));
    render();
    return { end: function () { runAll(offs); panel?.remove(); launcher.remove(); } };
  }
};
