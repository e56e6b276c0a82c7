
/* A launcher: the guide's own button, icon or beacon that starts another guide, beside an element of the app
   or in a corner of the window, on the pages its trigger matches. Launchers in one corner stack with the
   others there (cornerStack). When a route change leaves its pages or removes its element, it goes quietly
   and evaluate() puts it back wherever it still applies. */
var GLYPHS = { help: "?", info: "i", star: "\u2605", "new": "!" };
KINDS.launcher = {
  _stays: true,
  _play: function (rt, g) {
    var st = g.steps[0], offs = [], style = g.style || "button", corner = g.corner || "bottom_right";
    /* An icon or beacon shows no text: its label names it and is its mouse-over tip. */
    var label = style === "button" ? null : st.title;
    function show(el) {
      offs.push(rt._onRoute(function () {
        var slot = rt._active[g.id];
        if (urlMatches(g.trigger?.url, location.href) && (!el || el.isConnected)) return;
        delete rt._active[g.id]; delete rt._here[g.id];
        slot?._end?.();
      }));
      var b = h("button", {
        "class": "gs-launch gs-" + style, "aria-label": label, title: label,
        text: style === "button" ? st.title : style === "icon" ? GLYPHS[g.icon] || "?" : null,
        onclick: function () { stepEvent(rt, "step_completed", g, 0); rt.start(g.guideId, { from: b }); }
      });
      mount(rt, b);
      offs.push(function () { b.remove(); }, el ? follow(function () {
        var r = boxOf(el);
        place(b, null, r, !st.placement || st.placement === "auto" ? (getComputedStyle(el).direction === "rtl" ? "left" : "right") : st.placement);
        /* Its element scrolled out of the window: it waits out of sight (a tip does too), not pinned to the edge. */
        b.style.visibility = r.bottom < 0 || r.top > innerHeight ? "hidden" : "";
      }) : cornerStack(rt, b, corner));
      stepEvent(rt, "step_shown", g, 0);
    }
    if (st.target) offs.push(withTarget(rt, g, st, show)); else show(null);
    return { _end: function () { runAll(offs); } };
  }
};
