/* Every guide is checked when its bundle loads: a malformed one is skipped with a guide_error naming
   the field, so it can neither stop the other guides nor leave the page half-changed. Checked are
   the shapes the runtime relies on (lists, strings it reads as text, rules, targets). */
function isObj(v) { return !!v && typeof v === "object" && !Array.isArray(v); }

/* The first malformed field of a guide ("steps.0.target"), or null when it can play. */
function guideProblem(g) {
  function need(ok, f) { if (!ok) throw f; }
  function rule(r, f) { need(r == null || isObj(r) && typeof r.value === "string" && (/^(exact|prefix)$/.test(r.match) || ruleMatcher(r)), f); }
  function walk(o, at) {
    if (Array.isArray(o)) return o.forEach(function (x, j) { walk(x, at + j + "."); });
    if (isObj(o)) Object.keys(o).forEach(function (k) {
      var v = o[k], f = at + k, list = Array.isArray(v);
      need(v == null || (/^(name|text|attribute)$/.test(k) ? typeof v === "string"
        : /^(steps|items|entries|candidates|buttons|conditions)$/.test(k) ? list && v.every(isObj)
          : !/^(classes|ancestors|siblings|framePath|shadowPath)$/.test(k) || list), f);
      if (/^(page|pages|completeUrl)$/.test(k) || k === "url" && (o.type || o.mode)) rule(v, f);
      if (/^(target|element)$/.test(k)) need(v == null || isObj(v) && Array.isArray(v.candidates) && v.candidates.every(function (c) { return typeof c?.value === "string"; }), f);
      if (/one_of/.test(o.op)) need(Array.isArray(o.value), at + "value");
      if (k !== "attributes") walk(v, f + ".");
    });
  }
  try {
    need(isObj(g) && typeof g.id === "string", "id");
    need(own(KINDS, g.kind), "kind");
    walk(g, "");
    need(!g.audience || g.audience.conditions, "audience.conditions");
    var list = { checklist: "items", survey: "questions", resource_center: "entries" }[g.kind] || "steps";
    need((g[list] || []).length, list);
    need(!/^(tooltip|hotspot)$/.test(g.kind) || g.steps[0].target, "steps.0.target");
    return null;
  } catch (f) { return String(f); }
}
