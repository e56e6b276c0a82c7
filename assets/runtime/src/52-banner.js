
/* A bar across the top or bottom of the page. Pushing pads the page's root by the bars' height (put back as
   it was when the last one ends); at the top it sits below the app's own fixed or sticky header unless the
   author lets it cover it. Banners on one edge stack in the order they started. */
KINDS.banner = {
  _play: function (rt, g) {
    var st = g.steps[0], root = doc("root"), side = g.edge === "bottom" ? "bottom" : "top", pad = "padding-" + side;
    var edges = rt._surface._edges = rt._surface._edges || {}, done = function (how) { return function () { rt.finish(g, how); }; };
    var edge = edges[side] = edges[side] || { _bars: [], _was: [root.style.getPropertyValue(pad), root.style.getPropertyPriority(pad)],
      _base: parseFloat(getComputedStyle(root).getPropertyValue(pad)) || 0 };
    var bar = h("div", { "class": "gs-banner", role: "region", "aria-label": st.title || g.name }, [
      st.title ? h("strong", { "class": "gs-title", text: st.title }) : null,
      h("div", { "class": "gs-body" }, [richText(st.body, rt._media)]),
      h("div", { "class": "gs-btns" }, (st.buttons || []).map(function (b) { return actionButton(rt._button(b, g, done("completed"))); })),
      g.dismissible !== false ? closeButton(rt, done("dismissed")) : null
    ]);
    mount(rt, bar);
    edge._bars.push(bar);
    var off = follow(function () {
      var at = side === "top" && !g.coverHeader ? headerBottom() : 0, all = 0;
      edge._bars.forEach(function (b) { if (b === bar) at += all; all += b.offsetHeight; });
      bar.style.setProperty(side, at + "px");
      if (g.push !== false) {
        root.style.setProperty(pad, edge._base + all + "px", "important");
        if (!g.coverHeader) aside(edge, side, at, all);
      }
    });
    stepEvent(rt, "step_shown", g, 0);
    return { _end: function () {
      off(); bar.remove();
      edge._bars = edge._bars.filter(function (b) { return b !== bar; });
      if (!edge._bars.length) {
        root.style.setProperty(pad, edge._was[0], edge._was[1]);
        (edge._moved || new Map()).forEach(function (w, n) { n.style.setProperty(side, w[0], w[1]); });
        delete edges[side];
      }
    } };
  }
};

/* The bottom of the app's own fixed or sticky header at the top of the window (0 when there is none). */
function headerBottom() {
  var y = 0;
  fixedAt(1, (n, r) => { if (r.top <= 1 && r.height < innerHeight / 3) y = Math.max(y, r.bottom); });
  return y;
}

/* Pushing moves the page, not the app's fixed elements: those that reach into the bars' band (a fixed sidebar,
   a bottom bar of the app's own) move aside by the bars' height too, and are put back as they were at the end. */
function aside(edge, side, at, all) {
  var moved = edge._moved = edge._moved || new Map(), top = side === "top";
  [at + 1, at + all - 1].forEach(y => fixedAt(top ? y : innerHeight - y, (n, r, s) => {
    var near = top ? r.top : innerHeight - r.bottom;
    if (!moved.has(n) && s.position === "fixed" && near > at - 2 && near < at + all)
      moved.set(n, [n.style.getPropertyValue(side), n.style.getPropertyPriority(side), parseFloat(s[side])]);
  }));
  moved.forEach((w, n) => n.style.setProperty(side, w[2] + all + "px", "important"));
}
