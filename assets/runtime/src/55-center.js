
/* A resource center: its launcher in a corner (its title and how many announcements are unread) opens a panel
   of entries in sections, with a search box over titles, summaries and articles. A guide entry starts its guide
   and closes the panel, a link opens, an article reads inside the panel. "What's new" lists the bundle's
   announcements newest first; they count as read once the panel has shown them. Announcements never play alone. */
KINDS.announcement = { _play: function () { return { _end: function () {} }; } };
KINDS.resource_center = {
  _stays: true,
  _play: function (rt, g) {
    var offs = [], list = null, search = null, L = rt._labels, now = Date.now();
    var news = g.announcements === false ? [] : rt._guides.filter(function (a) {
      return a.kind === "announcement" && scheduleOk(a.schedule, now) && audienceOk(a.audience, rt._user);
    }).sort(function (a, b) { return a.date < b.date ? 1 : -1; });
    var c = cornerPanel(rt, g, offs, function () {
      search = g.search !== false && h("input", { type: "search", "class": "gs-search", "aria-label": L.search, placeholder: L.search, oninput: function () { show(search.value); } });
      return [search, list = h("div", { "class": "gs-list" })];
    }, function () {
      show("");
      (search || c._panel.querySelector("button")).focus();
      rt._local._update(function (v) { news.forEach(function (a) { mark(v, "read", a.id); }); });
      unread();
    });
    function unread() {
      var n = news.filter(function (a) { return !has(rt._local._get(), "read", a.id); }).length;
      c._count.textContent = L.unread.replace("{n}", n);
      c._count.hidden = !n;
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
        /* An entry (or an announcement as one): its line, and what clicking it does. */
        groups[e.section || ""].push(listItem(e.title, e.text, function (ev) {
          if (e.action === "article") return read(e.title, e.body);
          if (e.action === "open_url") { var u = safeUrl(e.url); if (u) location.assign(u); return; }
          if (rt.start(e.guideId, { from: ev.currentTarget })) c._toggle(false);
        }));
      });
      list.replaceChildren.apply(list, order.length ? order.map(function (s) {
        return h("section", {}, [s ? h("h3", { "class": "gs-desc", text: s }) : null, h("ul", { "class": "gs-items" }, groups[s])]);
      }) : [h("p", { role: "status", text: L.none })]);
    }
    unread();
    return { _end: function () { runAll(offs); } };
  }
};
