/* Every guide is checked when its bundle loads: a malformed one is skipped with a guide_error naming
   the field, so it can neither stop the other guides nor leave the page half-changed. */
var SHAPES = {}, LINES = ["string id kind title body label tag role name text attribute action src alt guideId op mode event placement",
  "list steps items candidates buttons conditions", "strings classes ancestors siblings framePath shadowPath",
  "object trigger audience schedule fingerprint page advance media attributes completeUrl",
  "number delayMs waitMs priority index score"];
/* Plain loops at load: the page may have replaced Array.prototype methods (see tampered()). */
for (var li = 0; li < 5; li++) for (var lw = LINES[li].split(" "), lk = 0; lk < lw.length; lk++) SHAPES[lw[lk]] = lw[0];

function isObj(v) { return !!v && typeof v === "object" && !Array.isArray(v); }

function fits(shape, v) {
  return shape === "list" ? Array.isArray(v) && v.every(isObj)
    : shape === "strings" ? Array.isArray(v) && v.every(function (x) { return typeof x === "string"; })
      : shape === "object" ? isObj(v) : typeof v === shape;
}

/* The first malformed field of a guide ("steps.0.target"), or null when it can play. */
function guideProblem(g) {
  function need(ok, f) { if (!ok) throw f; }
  function rule(r, f) { need(r == null || isObj(r) && typeof r.value === "string" && (/^(exact|prefix)$/.test(r.match) || ruleMatcher(r)), f); }
  function walk(o, at) {
    if (Array.isArray(o)) return o.forEach(function (x, j) { walk(x, at + j + "."); });
    if (!isObj(o)) return;
    Object.keys(o).forEach(function (k) {
      var v = o[k], f = at + k;
      need(v == null || !own(SHAPES, k) || fits(SHAPES[k], v), f);
      if (/^(page|completeUrl)$/.test(k) || k === "url" && o.type) rule(v, f);
      if (k === "target" || k === "element") need(v == null || isObj(v) && Array.isArray(v.candidates) && v.candidates.every(function (c) { return isObj(c) && typeof c.value === "string"; }), f);
      if (k === "advance" && v) rule(v.url, f + ".url");
      if (k === "conditions") v.forEach(function (c, j) { need(typeof c.attribute === "string" && (!/one_of/.test(c.op) || Array.isArray(c.value)), f + "." + j); });
      if (k !== "attributes") walk(v, f + ".");
    });
  }
  try {
    need(isObj(g), "guide");
    need(typeof g.id === "string", "id");
    need(own(KINDS, g.kind), "kind");
    walk(g, "");
    need(!g.audience || g.audience.conditions, "audience.conditions");
    if (g.kind === "checklist") need(g.items && g.items.length, "items");
    else need(g.steps && g.steps.length && (!/^(tooltip|hotspot)$/.test(g.kind) || g.steps[0].target), g.steps && g.steps.length ? "steps.0.target" : "steps");
    return null;
  } catch (f) { return String(f); }
}
