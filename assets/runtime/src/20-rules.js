/* Where, when and for whom a guide shows: URL rules, schedule, audience, frequency. */
var NESTED_QUANTIFIER = /[+*}]\)\??[+*{]/;

function globRe(p) {
  var out = "";
  for (var i = 0; i < p.length; i++) {
    if (p.substr(i, 2) === "**") { out += ".*"; i++; }
    else if (p[i] === "*") out += "[^/]*";
    else out += p[i].replace(/[.+?^${}()|[\]\\\/]/g, "\\$&");
  }
  return new RegExp("^" + out + "$");
}

function trimSlash(p) { return p.length > 1 && p.slice(-1) === "/" ? p.slice(0, -1) : p; }

/* Same semantics as studio.domain.UrlRule.matches (shared test vectors keep them equal). */
function urlMatches(rule, href) {
  if (!rule) return true;
  var v = rule.value, s;
  if (v.indexOf("://") >= 0) s = href;
  else {
    var u = new URL(href, location.href);
    s = (u.pathname || "/") + (rule.withQuery ? u.search + u.hash : "");
  }
  switch (rule.match) {
    case "exact": return trimSlash(s) === trimSlash(v);
    case "prefix": return s.indexOf(v) === 0;
    case "glob": return globRe(v).test(s);
    case "regex":
      if (v.length > 200 || NESTED_QUANTIFIER.test(v)) return false;
      try { return new RegExp(v).test(s); } catch (e) { return false; }
  }
  return false;
}

function attrOf(user, path) {
  return path.split(".").reduce(function (o, k) { return o == null ? undefined : o[k]; }, user);
}

function conditionOk(c, user) {
  var v = attrOf(user, c.attribute), x = c.value, list = Array.isArray(v) ? v.map(String) : null;
  switch (c.op) {
    case "exists": return v != null;
    case "not_exists": return v == null;
    case "equals": return v != null && String(v) === String(x);
    case "not_equals": return v == null || String(v) !== String(x);
    case "contains": return v != null && (list ? list.indexOf(String(x)) >= 0 : String(v).indexOf(String(x)) >= 0);
    case "starts_with": return v != null && String(v).indexOf(String(x)) === 0;
    case "one_of": return v != null && x.indexOf(String(v)) >= 0;
    case "not_one_of": return v == null || x.indexOf(String(v)) < 0;
    case "greater_than": return v != null && v !== "" && +v > x;
    case "less_than": return v != null && v !== "" && +v < x;
  }
  return false;
}

function audienceOk(rule, user) {
  if (!rule) return true;
  var ok = function (c) { return conditionOk(c, user || {}); };
  return rule.match === "any" ? rule.conditions.some(ok) : rule.conditions.every(ok);
}

function scheduleOk(s, now) {
  return !s || ((!s.startAt || now >= Date.parse(s.startAt)) && (!s.endAt || now < Date.parse(s.endAt)));
}

/* Whether an automatic guide may show again, given what this user has seen, done and dismissed.
   A persistent widget (the checklist) stays across pages until dismissed, so dismissals count, not views. */
function frequencyOk(g, local, session, persistent) {
  if (persistent) {
    var f = g.frequency;
    return f === "always" || (!has(local, "done", g.id) && !has(f === "once" ? local : session, "dismissed", g.id));
  }
  switch (g.frequency) {
    case "once": return !has(local, "seen", g.id);
    case "once_per_session": return !has(session, "seen", g.id);
    case "until_completed": return !has(local, "done", g.id) && !has(session, "seen", g.id);
  }
  return true;
}
