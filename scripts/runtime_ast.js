"use strict";
/* What the runtime's build steps (runtime_arrows.js, runtime_chunks.js) share: acorn, the parser terser ships
   (no dependency of its own), and the child nodes of an AST node. */
const acorn = require(require.resolve("acorn", { paths: [require.resolve("terser")] }));

/* The direct child nodes of an acorn node, in source order. */
function children(n) {
  const out = [];
  for (const k in n) {
    const v = n[k];
    if (Array.isArray(v)) v.forEach((c) => c && typeof c.type === "string" && out.push(c));
    else if (v && typeof v.type === "string") out.push(v);
  }
  return out;
}

module.exports = { acorn, children };
