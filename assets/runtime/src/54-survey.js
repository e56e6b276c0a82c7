
/* A survey: one question per screen in a corner panel (or centred), then a thank-you screen. Scales and single
   choices are native radio groups (arrow keys; "3 of 11" to screen readers), multiple choices check boxes, in
   a form (Enter answers). Its own throttling replaces the frequency: a share of users (each user's draw is
   kept), "Ask me later" for snoozeDays, and again reaskDays after an answer or a close (never without).
   Its state: sv[guideId] = {r: the draw, z: snoozed until, a: answered or closed at, k: the question on screen,
   where it goes on after a page load}. */
KINDS.survey = {
  _one: true,
  _ok: function (rt, g, now) {
    var s = rt._local._get().sv?.[g.id] || {};
    if (s.r == null) svPut(rt, g, { r: s.r = Math.random() * 100 });
    return s.r < (g.samplePercent ?? 100) && !(now < s.z) && (!s.a || g.reaskDays > 0 && now >= s.a + g.reaskDays * 864e5);
  },
  _play: function (rt, g, at) {
    var L = rt._labels, panel = null, unfollow, id = "gs" + (++uid), n = g.questions.length;
    var close = function () { svPut(rt, g, { a: Date.now(), k: 0 }); rt.finish(g, "dismissed"); };
    var btn = function (label, fn, primary) {
      return h("button", { type: fn ? "button" : "submit", "class": primary ? "gs-btn gs-primary" : "gs-btn", text: label, onclick: fn || null });
    };
    /* One screen: a form around a fieldset named by its legend; later screens take the focus. */
    function screen(legend, kids, radio, of, btns, submit) {
      var again = panel, form = h("form", { onsubmit: function (e) { e.preventDefault(); submit(form); } }, [
        closeButton(rt, close),
        h("fieldset", { role: radio && "radiogroup" }, [h("legend", { id: id, "class": "gs-title", text: legend })].concat(kids)),
        h("div", { "class": "gs-foot" }, [h("span", { "class": "gs-progress", text: of }), h("span", { "class": "gs-btns" }, btns)])
      ]);
      unfollow?.();
      panel?.remove();
      mount(rt, panel = h("div", { "class": "gs-panel gs-survey gs-" + g.position, "data-at": g.position, role: "dialog",
        "aria-labelledby": id, onkeydown: function (e) { if (e.key === "Escape") close(); } }, [form]));
      /* Above the launchers stacked in its corner (cornerStack), never over them. */
      unfollow = above(panel, () => q(rt._surface._root(), "[data-corner]").filter(b => sameCorner(b.dataset.corner, g.position))
        .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)[0]);
      underPanels(rt);
      if (again) q(form, "input,textarea,.gs-primary")[0].focus({ preventScroll: true });
    }
    /* Ask question k (its follow-up when fu), then go on. */
    function ask(k, fu) {
      if (!fu) svPut(rt, g, { k: k });
      var qn = fu || g.questions[k], t = qn.type, nps = t === "nps", multi = t === "multiple_choice", open = t === "open_text";
      var hi = nps ? 10 : t === "csat" ? 5 : qn.scale || 5, face = t === "csat" && qn.style !== "stars", star = !face && qn.style === "stars";
      var glyph = face || star, other = null, row = null, kids;
      var opt = function (value, text, cls) {
        return h("label", { "class": cls }, [h("input", { type: multi ? "checkbox" : "radio", name: id, value: value, "aria-label": glyph && value + " / " + hi }),
          h("span", { "aria-hidden": glyph && "true", text: text })]);
      };
      if (open) kids = [h("textarea", { "aria-labelledby": id, placeholder: qn.placeholder })];
      else if (qn.options) {
        kids = qn.options.map(function (o) { return opt(o.id, o.label, "gs-opt"); });
        if (qn.allowOther) kids.push(opt("other", L.other, "gs-opt"), other = h("input", { type: "text", "aria-label": L.other,
          oninput: function () { q(panel, "[value=other]")[0].checked = true; } }));
      } else {
        kids = [row = h("div", { "class": "gs-scale" + (face ? " gs-faces" : star ? " gs-stars" : "") })];
        for (var v = nps ? 0 : 1; v <= hi; v++) row.appendChild(opt(v, face ? Array.from("\ud83d\ude1e\ud83d\ude41\ud83d\ude10\ud83d\ude42\ud83d\ude00")[v - 1] : star ? "\u2605" : v));
        if (nps) kids.push(h("div", { "class": "gs-ends gs-desc" }, [h("span", { text: qn.lowLabel }), h("span", { text: qn.highLabel })]));
      }
      screen(qn.text, kids, !multi && !open, L.progress.replace("{n}", k + 1).replace("{total}", n), [g.snoozeDays > 0 ? btn(L.later, function () {
        svPut(rt, g, { z: Date.now() + g.snoozeDays * 864e5 });
        rt._emit("survey_snoozed", { guideId: g.id });
        rt.finish(g);
      }) : null, btn(k < n - 1 ? L.next : L.done, 0, 1)], function (form) {
        var picked = q(form, ":checked").map(function (i) { return i.value; });
        var value = open ? q(form, "textarea")[0].value.trim() : multi ? picked : row ? +picked[0] : picked[0];
        if (multi ? !value.length : !value && value !== 0) {
          /* Not answered: the question is marked (screen readers hear "invalid") and its first answer focused. */
          if (qn.required !== false) return q(form, "fieldset")[0].setAttribute("aria-invalid", "true"), q(form, "input,textarea")[0].focus();
        } else {
          var d = { guideId: g.id, questionId: qn.id, value: value }, f = nps && qn.followUp;
          if (other && picked.indexOf("other") >= 0) d.text = other.value.trim();
          rt._emit("survey_answered", d);
          svPut(rt, g, { k: k + 1 });
          if (f = f && f[value < 7 ? "detractor" : value < 9 ? "passive" : "promoter"]) return ask(k, { id: qn.id + "/follow-up", type: "open_text", text: f, required: false });
        }
        if (k < n - 1) return ask(k + 1);
        svPut(rt, g, { a: Date.now(), k: 0 });
        rt._completed(g);
        var ty = g.thankYou || {};
        screen(ty.title, [h("div", { "class": "gs-body" }, [richText(ty.body, rt._media)])], false, "", [btn(L.close, 0, 1)], function () { rt.finish(g); });
      });
    }
    /* From question `at` when started there (the studio's preview of the question being edited), else where it was left. */
    at = at || rt._local._get().sv?.[g.id]?.k;
    ask(at < n ? at : 0);
    return { _end: function () { unfollow?.(); panel?.remove(); } };
  }
};

function svPut(rt, g, o) { rt._local._update(function (v) { mark(v, "sv", g.id, assign({}, v.sv?.[g.id], o)); }); }
