/* Guide content through our own allow-list (defence in depth over the export's nh3 pass). */
var TAGS = /^(P|BR|STRONG|B|EM|I|U|S|A|UL|OL|LI|CODE|PRE|BLOCKQUOTE|H3|H4|IMG|SPAN)$/;
/* Dropped with their content; any other unknown element is unwrapped to its allowed children. */
var DROP = /^(SCRIPT|STYLE|IFRAME|OBJECT|TEMPLATE|NOSCRIPT|SVG|MATH|TEXTAREA|SELECT|TITLE)$/;
var ATTRS = { A: ["href", "title", "target"], IMG: ["src", "alt", "width", "height"] };
var parsePolicy;

/* An absolute http(s)/mailto URL, or null for anything else (javascript:, data:, …). */
function safeUrl(v, base) {
  try {
    var u = new URL(String(v), base || location.href);
    return /^(https?|mailto):$/.test(u.protocol) ? u.href : null;
  } catch (e) { return null; }
}

function parseHtml(html) {
  var input = "<body>" + html;
  if (window.trustedTypes && parsePolicy === undefined) {
    try { parsePolicy = trustedTypes.createPolicy(NS, { createHTML: function (s) { return s; } }); }
    catch (e) { parsePolicy = null; warn("Trusted Types: plain text"); }
  }
  /* Without our policy the parser is a blocked sink: no call, so no violation report on every render. */
  if (parsePolicy === null) return null;
  try {
    return new DOMParser().parseFromString(parsePolicy ? parsePolicy.createHTML(input) : input, "text/html").body;
  } catch (e) { return null; }
}

/* The text of guide HTML without parsing it: tags become spaces, the export's entities characters. */
function plainText(html) {
  return html.replace(/<[^>]*>/g, " ").replace(/&(#39|quot|lt|gt|amp);/g, function (m, e) { return { "#39": "'", quot: '"', lt: "<", gt: ">", amp: "&" }[e]; });
}

/* A fragment holding the allowed part of `html`; an inert parse, so nothing in it runs or loads.
   Images keep a src only where `media` allows it (the runtime's origin allow-list). */
function richText(html, media) {
  var frag = new DocumentFragment(), body = parseHtml(html = String(html || ""));
  if (!body) { frag.appendChild(mkText(norm(plainText(html)))); return frag; }
  (function copy(from, to) {
    slice(from.childNodes).forEach(function (n) {
      if (n.nodeType === 3) { to.appendChild(mkText(n.data)); return; }
      if (n.nodeType !== 1) return;
      var tag = n.tagName.toUpperCase();
      if (DROP.test(tag)) return;
      if (!TAGS.test(tag)) { copy(n, to); return; }
      var el = mkEl(tag);
      (ATTRS[tag] || []).forEach(function (a) {
        var v = n.getAttribute(a);
        if (v == null) return;
        if (a === "href") v = safeUrl(v);
        if (a === "src") v = media ? media(v) : null;
        if (a === "target") v = "_blank";
        if (v != null) el.setAttribute(a, v);
      });
      if (tag === "A") el.setAttribute("rel", "noopener noreferrer");
      if (tag === "IMG") el.setAttribute("referrerpolicy", "no-referrer");
      copy(n, el);
      to.appendChild(el);
    });
  })(body, frag);
  return frag;
}
