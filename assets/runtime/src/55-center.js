
/* A resource center: its launcher in a corner (its title and how many announcements are unread) opens a panel
   of entries in sections, with a search box over titles, summaries and articles. A guide entry starts its guide
   and closes the panel, a link opens, an article reads inside the panel. "What's new" lists the bundle's
   announcements newest first; they count as read once the panel has shown them. Announcements never play alone. */
KINDS.announcement = { play: function () { return { end: function () {} }; } };
KINDS.resource_center = {
  persistent: true,
  play: function (rt, g) {
    var offs = [], panel = null, list = null, side = g.position === "bottom_left" ? " gs-left" : "", L = rt._labels, now = Date.now();
    var news = g.announcements === false ? [] : rt._guides.filter(function (a) {
      return a.kind === "announcement" && scheduleOk(a.schedule, now) && audienceOk(a.audience, rt._user);
    }).sort(function (a, b) { return a.date < b.date ? 1 : -1; });
    var count = h("span", { "class": "gs-count" });
    var launcher = mount(rt, h("button", { "class": "gs-launcher" + side, "aria-expanded": "false", onclick: function () { toggle(!panel); } },
      [h("span", { text: g.title }), mkText(" "), count]));
    offs.push(cornerStack(rt, launcher, g.position || "bottom_right"));
    function unread() {
      var n = news.filter(function (a) { return !has(rt._local._get(), "read", a.id); }).length;
      count.textContent = L.unread.replace("{n}", n);
      count.hidden = !n;
    }
    /* An entry (or an announcement as one): its line, and what clicking it does. */
    function line(e, run) {
      return h("li", {}, [h("button", { "class": "gs-item", onclick: run }, [h("span", {}, [
        h("span", { "class": "gs-label", text: e.title }), e.text ? h("span", { "class": "gs-desc", text: e.text }) : null])])]);
    }
    function read(title, body) {
      var back = h("button", { "class": "gs-btn", text: L.back, onclick: function () { show(""); } });
      list.replaceChildren(h("h3", { "class": "gs-title", text: title }), h("div", { "class": "gs-body" }, [richText(body, rt._media)]), h("div", { "class": "gs-btns" }, [back]));
      back.focus();
    }
    function show(query) {
      var words = norm(query).toLowerCase(), groups = {}, order = [];
      var entries = g.entries.filter(function (e) { return audienceOk(e.audience, rt._user) && (!e.pages || here(e.pages)); })
        .concat(news.map(function (a) { return { section: L.news, title: a.steps[0].title, text: a.date, body: a.steps[0].body, action: "article" }; }));
      entries.forEach(function (e) {
        if (words && norm(e.title + " " + e.text + " " + richText(e.body || "").textContent).toLowerCase().indexOf(words) < 0) return;
        if (!groups[e.section || ""]) order.push(e.section || ""), groups[e.section || ""] = [];
        groups[e.section || ""].push(line(e, function (ev) {
          if (e.action === "article") return read(e.title, e.body);
          if (e.action === "open_url") { var u = safeUrl(e.url); if (u) location.assign(u); return; }
          if (rt.start(e.guideId, { from: ev.currentTarget })) toggle(false);
        }));
      });
      list.replaceChildren.apply(list, order.length ? order.map(function (s) {
        return h("section", {}, [s ? h("h3", { "class": "gs-desc", text: s }) : null, h("ul", { "class": "gs-items" }, groups[s])]);
      }) : [h("p", { role: "status", text: L.none })]);
    }
    function toggle(open) {
      launcher.setAttribute("aria-expanded", open);
      if (!open) { panel?.remove(); panel = null; return; }
      var id = "gs" + (++uid), search = g.search !== false && h("input", { type: "search", "class": "gs-search", "aria-label": L.search, placeholder: L.search, oninput: function () { show(search.value); } });
      list = h("div", { "class": "gs-list" });
      panel = mount(rt, h("div", { "class": "gs-panel" + side, role: "dialog", "aria-labelledby": id }, [
        closeButton(rt, function () { toggle(false); launcher.focus(); }), h("h2", { "class": "gs-title", id: id, text: g.title }), search, list]));
      above(panel, launcher);
      show("");
      (search || panel.querySelector("button")).focus();
      rt._local._update(function (v) { news.forEach(function (a) { mark(v, "read", a.id); }); });
      unread();
    }
    offs.push(onKey("Escape", function () { if (panel) { toggle(false); launcher.focus(); } }));
    unread();
    return { end: function () { runAll(offs); panel?.remove(); launcher.remove(); } };
  }
};
