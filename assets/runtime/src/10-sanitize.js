/* Guide content through our own allow-list (defence in depth over the export's nh3 pass). */
var TAGS = /^(P|BR|STRONG|B|EM|I|U|S|A|UL|OL|LI|CODE|PRE|BLOCKQUOTE|H3|H4|IMG|SPAN)$/;
/* Dropped with their content; any other unknown element is unwrapped to its allowed children. */
var DROP = /^(SCRIPT|STYLE|IFRAME|OBJECT|TEMPLATE|NOSCRIPT|SVG|MATH|TEXTAREA|SELECT|TITLE)$/;
var ATTRS = { A: ["href", "title", "target"], IMG: ["src", "alt", "width", "height"] };
var parsePolicy;

/* An absolute http(s)/mailto URL, or null for anything else (javascript:, data:, …). */
function safeUrl(v) {
  try {
    var u = new URL(String(v), location.href);
    return /^(https?|mailto):$/.test(u.protocol) ? u.href : null;
  } catch (e) { return null; }
}

function parseHtml(html) {
  var input = "<body>" + html;
  if (window.trustedTypes && parsePolicy === undefined) {
    try { parsePolicy = trustedTypes.createPolicy(NS, { createHTML: function (s) { return s; } }); } catch (e) { parsePolicy = null; }
  }
  try {
    return new DOMParser().parseFromString(parsePolicy ? parsePolicy.createHTML(input) : input, "text/html").body;
  } catch (e) { return null; }
}

/* A fragment holding the allowed part of `html`; an inert parse, so nothing in it runs or loads. */
function richText(html) {
  var frag = document.createDocumentFragment(), body = parseHtml(String(html || ""));
  if (!body) { frag.appendChild(document.createTextNode(String(html || ""))); return frag; }
  (function copy(from, to) {
    slice(from.childNodes).forEach(function (n) {
      if (n.nodeType === 3) { to.appendChild(document.createTextNode(n.data)); return; }
      if (n.nodeType !== 1) return;
      var tag = n.tagName.toUpperCase();
      if (DROP.test(tag)) return;
      if (!TAGS.test(tag)) { copy(n, to); return; }
      var el = document.createElement(tag);
      (ATTRS[tag] || []).forEach(function (a) {
        var v = n.getAttribute(a);
        if (v == null) return;
        if (a === "href" || a === "src") v = safeUrl(v);
        if (a === "target") v = "_blank";
        if (v != null) el.setAttribute(a, v);
      });
      if (tag === "A") el.setAttribute("rel", "noopener noreferrer");
      copy(n, el);
      to.appendChild(el);
    });
  })(body, frag);
  return frag;
}
