/* Where, when and for whom a guide shows: URL rules, schedule, audience, frequency. */
/* URL rules never run on the browser's backtracking RegExp: globs and regexes compile to a Thompson
   NFA matched in O(pattern x address) steps whatever the pattern, so no rule can freeze a tab.
   studio/domain/pattern.py is the same construction (shared vectors keep the two equal). */
var MAX_STATES = 3000, compiled = {};
var ATOM = /^(?:\[\^?(?:\\[-dwsDWS\\^$.|?*+()[\]{}\/]|[^\]\\^[])+\]|\\[-dwsDWS\\^$.|?*+()[\]{}\/]|[^\\^$|?*+()[\]{}])/;
var REPEAT = /^(?:([*+?])|\{(\d{1,3})(,(\d{0,3}))?\})\??/;

/* Nodes {t, e}: t a RegExp (consumes one character, then e), "^"/"$" (e where the anchor holds) or none (e).
   A counted repeat is spelled out in the source (x{2,3} as xx(?:x)?) and parsed again. */
function compileRe(src) {
  var i = 0, N = [];
  function mk(t) { if (N.push({ t: t, e: [] }) > MAX_STATES) throw 0; return N.length - 1; }
  function alt() {
    var s = mk(), f = mk(), b;
    do { b = seq(); N[s].e.push(b[0]); N[b[1]].e.push(f); } while (src[i] === "|" && ++i);
    return [s, f];
  }
  function atom() {
    var c = src[i], m, g;
    if (c === "(") {
      i += src.substr(i, 3) === "(?:" ? 3 : 1;
      if (src[i] === "?") throw 0;
      g = alt();
      if (src[i++] !== ")") throw 0;
      return g;
    }
    if (c === "^" || c === "$") { i++; g = mk(c); return [g, g]; }
    if (!(m = ATOM.exec(src.slice(i)))) throw 0;
    i += m[0].length;
    g = mk(new RegExp(m[0])); /* one character: tested on one, so no anchors */
    return [g, g];
  }
  function seq() {
    var s = mk(), f = s;
    while (i < src.length && src[i] !== "|" && src[i] !== ")") {
      var from = i, n = N.length, a = atom(), m = REPEAT.exec(src.slice(i)), q = m && m[1], j, x, lo, hi;
      if (m && (typeof N[a[0]].t === "string" || REPEAT.test(src.slice(i + m[0].length)))) throw 0;
      if (m && !q) {
        x = src.slice(from, i); lo = +m[2]; hi = m[3] ? (m[4] ? +m[4] : -1) : lo;
        if (hi >= 0 && hi < lo) throw 0;
        src = src.slice(0, from) + x.repeat(lo) + (hi < 0 ? x + "*" : ("(?:" + x).repeat(hi - lo) + ")?".repeat(hi - lo)) + src.slice(i + m[0].length);
        N.length = n; i = from;
        continue;
      }
      if (m) i += m[0].length;
      /* f -> a -> j; ? and * may skip a (f -> j), + and * repeat it (j -> a) */
      j = mk(); N[f].e.push(a[0]); N[a[1]].e.push(j);
      if (q === "*" || q === "?") N[f].e.push(j);
      if (q === "*" || q === "+") N[j].e.push(a[0]);
      f = j;
    }
    return [s, f];
  }
  var top = alt();
  if (i < src.length) throw 0;
  return { N: N, s: top[0], f: top[1] };
}

/* Whether the NFA matches anywhere in s (RegExp.test semantics), one pass over s. */
function nfaTest(m, s) {
  var N = m.N, seen = [], set = [], pos, x, stack, node;
  for (pos = 0; pos <= s.length; pos++) {
    stack = [m.s];
    set.forEach(function (y) { if (N[y].t.test(s[pos - 1])) stack.push.apply(stack, N[y].e); });
    set = [];
    while (stack.length) {
      x = stack.pop();
      if (seen[x] === pos + 1) continue;
      seen[x] = pos + 1;
      node = N[x];
      if (x === m.f) return true;
      if (node.t?.test) set.push(x);
      else if (!node.t || (node.t === "^" ? !pos : pos === s.length)) stack.push.apply(stack, node.e);
    }
  }
  return false;
}

/* A glob as a pattern: ** spans anything, * anything but /. */
function globSrc(p) {
  return "^" + p.replace(/\*\*|\*|[-\\^$.|?+()[\]{}\/]/g, function (c) { return c === "**" ? ".*" : c === "*" ? "[^/]*" : "\\" + c; }) + "$";
}

/* The compiled matcher of a glob or regex rule, or null for one outside the supported subset. */
function ruleMatcher(rule) {
  var key = rule.match + " " + rule.value;
  if (!own(compiled, key)) {
    try { compiled[key] = rule.match === "regex" && rule.value.length > 200 ? null : compileRe(rule.match === "glob" ? globSrc(rule.value) : rule.value); }
    catch (e) { compiled[key] = null; }
  }
  return compiled[key];
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
    case "glob": case "regex": var m = ruleMatcher(rule); return !!m && nfaTest(m, s);
  }
  return false;
}

/* Whether the rule holds on the current page. */
function here(rule) { return urlMatches(rule, location.href); }

function attrOf(user, path) {
  return path.split(".").reduce(function (o, k) { return o == null ? undefined : o[k]; }, user);
}

/* not_exists, not_equals and not_one_of are the negations of exists, equals and one_of. */
function conditionOk(c, user) {
  var v = attrOf(user, c.attribute), x = c.value, s = String(v), neg = /^not_(exists|equals|one_of)$/.test(c.op), op = neg ? c.op.slice(4) : c.op;
  var ok = v != null && (op === "exists" || (op === "equals" ? s === String(x)
    : op === "contains" ? (Array.isArray(v) ? v.map(String) : s).indexOf(String(x)) >= 0
      : op === "starts_with" ? s.indexOf(String(x)) === 0
        : op === "one_of" ? x.indexOf(s) >= 0
          : v !== "" && (op === "greater_than" ? +v > x : op === "less_than" && +v < x)));
  return neg ? !ok : ok;
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
