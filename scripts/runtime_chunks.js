"use strict";
/* Build step after terser (scripts/build_runtime.py): where each later kind's chunk sits in the minified runtime.
   The later kinds' source files were wrapped as GS_CHUNK("52-banner", () => { … }) before minifying, so terser
   minified the whole runtime at once (shared mangled names, nothing a chunk uses dropped from the core) and kept
   each chunk a function of its own passed to an unknown global, which it can neither inline nor move code out of.
   Usage: node runtime_chunks.js MIN  prints [{name, start, end, fn: [start, end]}] (offsets in code points of
   MIN's text) and fails unless GS_CHUNK appears only as those calls, at the top level of the runtime's function;
   node runtime_chunks.js --parse FILE…  fails unless every FILE parses as a script;
   node runtime_chunks.js --own SRC  fails when code outside a chunk of the readable chunked source names what a chunk
   declares at its top level (it would be an undefined global once wrapped, in every runtime: move it to the core). */
const { acorn, children } = require("./runtime_ast.js");
const fs = require("fs");
const opts = { ecmaVersion: 2022 };
if (process.argv[2] === "--parse") {
  for (const file of process.argv.slice(3)) {
    try { acorn.parse(fs.readFileSync(file, "utf8"), opts); } catch (e) { console.error(`${file}: ${e.message}`); process.exit(1); }
  }
  process.exit(0);
}
const isChunk = (n) => n.type === "CallExpression" && n.callee.type === "Identifier" && n.callee.name === "GS_CHUNK";
if (process.argv[2] === "--own") {
  const ast = acorn.parse(fs.readFileSync(process.argv[3], "utf8"), opts), chunks = [];
  (function find(n) { if (isChunk(n)) chunks.push(n); else children(n).forEach(find); })(ast);
  for (const chunk of chunks) {
    const own = new Set();
    for (const s of chunk.arguments[1].body.body) {
      if (s.type === "FunctionDeclaration") own.add(s.id.name);
      if (s.type === "VariableDeclaration") s.declarations.forEach((d) => own.add(d.id.name));
    }
    /* Every name mentioned outside this chunk (property names after a dot and literal keys left out; a
       same-named local elsewhere is reported too: rename one of them). */
    (function walk(n) {
      if (n === chunk) return;
      if (n.type === "Identifier" && own.has(n.name)) {
        console.error(`${n.name}, declared in chunk ${chunk.arguments[0].value}, is named outside it at ${n.start}`);
        process.exit(1);
      }
      for (const c of children(n)) {
        if ((n.type === "MemberExpression" && c === n.property && !n.computed) || (n.type === "Property" && c === n.key && !n.computed)) continue;
        walk(c);
      }
    })(ast);
  }
  process.exit(0);
}
const src = fs.readFileSync(process.argv[2], "utf8");
const ast = acorn.parse(src, opts);
const found = [];
/* Offsets in code points (what Python's str counts), not UTF-16 units: the survey's emoji scale is outside the BMP. */
const at = (i) => [...src.slice(0, i)].length;
let mentions = 0;
(function walk(n, fnDepth) {
  if (n.type === "Identifier" && n.name === "GS_CHUNK") mentions++;
  if (isChunk(n)) {
    const [name, fn] = n.arguments;
    if (n.arguments.length !== 2 || name.type !== "Literal" || fn.type !== "ArrowFunctionExpression" || fn.params.length || fnDepth !== 1)
      throw new Error(`GS_CHUNK call at ${n.start} is not GS_CHUNK("name", () => …) at the runtime's top level`);
    found.push({ name: name.value, start: at(n.start), end: at(n.end), fn: [at(fn.start), at(fn.end)] });
  }
  const inner = /Function/.test(n.type) ? fnDepth + 1 : fnDepth;
  children(n).forEach((c) => walk(c, inner));
})(ast, 0);
if (mentions !== found.length) throw new Error(`GS_CHUNK is mentioned ${mentions} times, called as a chunk ${found.length}`);
process.stdout.write(JSON.stringify(found));
