"use strict";
/* Build step before terser: function declarations become arrow functions bound with var (shorter once
   minified, ~80 B gzipped), only where that cannot change behaviour: nothing inside reads its own this,
   arguments, new.target or super; it is never called with new nor its .prototype read; and it cannot run or be
   read before its declaration (its name is not reachable from the code before it in the same body, directly
   or through the functions that code reaches). Usage: node runtime_arrows.js IN OUT */
const { acorn, children } = require("./runtime_ast.js");
const fs = require("fs");
const src = fs.readFileSync(process.argv[2], "utf8");
const ast = acorn.parse(src, { ecmaVersion: 2022 });
const blocked = new Set();
for (const m of src.matchAll(/\bnew\s+([A-Za-z_$][\w$]*)|([A-Za-z_$][\w$]*)\.prototype\b/g)) blocked.add(m[1] || m[2]);
const isFn = (n) => /^(FunctionDeclaration|FunctionExpression|ArrowFunctionExpression)$/.test(n.type);

function usesOwnThis(fn) {
  let found = false;
  (function walk(n) {
    if (n.type === "ThisExpression" || n.type === "Super" || n.type === "MetaProperty") found = true;
    if (n.type === "Identifier" && n.name === "arguments") found = true;
    if (!found && (n === fn || !/^Function/.test(n.type))) children(n).forEach(walk);
  })(fn);
  return found;
}

/* Every name a node mentions (property names after a dot and literal keys left out). */
function names(node, into) {
  (function walk(n) {
    if (n.type === "Identifier") into.add(n.name);
    for (const c of children(n)) {
      if ((n.type === "MemberExpression" && c === n.property && !n.computed) || (n.type === "Property" && c === n.key && !n.computed)) continue;
      walk(c);
    }
  })(node);
  return into;
}

let converted = 0;
/* The text of node, every function body inside rewritten. */
function render(node) {
  let out = "", at = node.start;
  (function walk(n) {
    if (n !== node && isFn(n) && n.body.type === "BlockStatement") {
      out += src.slice(at, n.body.start) + body(n.body);
      at = n.body.end;
      return;
    }
    if (n === node && isFn(n) && n.body.type === "BlockStatement") {
      out += src.slice(at, n.body.start) + body(n.body);
      at = n.body.end;
      return;
    }
    children(n).forEach(walk);
  })(node);
  return out + src.slice(at, node.end);
}

function body(b) {
  const stmts = b.body, decls = new Map();
  stmts.forEach((s) => s.type === "FunctionDeclaration" && decls.set(s.id.name, s));
  let out = "{", at = b.start + 1;
  const before = new Set();
  stmts.forEach((s) => {
    let text;
    if (s.type === "FunctionDeclaration" && !s.async && !s.generator && !blocked.has(s.id.name) && !usesOwnThis(s) && !reaches(before, s.id.name, decls)) {
      text = `var ${s.id.name} = (${s.params.map(render).join(", ")}) => ${body(s.body)};`;
      converted++;
    } else text = render(s);
    out += src.slice(at, s.start) + text;
    at = s.end;
    names(s, before);
  });
  return out + src.slice(at, b.end);
}

/* Whether `name` is mentioned by the code before (the names in `seen`) or by a declared function it reaches. */
function reaches(seen, name, decls) {
  const all = new Set(seen), todo = [...seen];
  while (todo.length) {
    const d = decls.get(todo.pop());
    if (!d) continue;
    for (const n of names(d, new Set())) if (!all.has(n)) { all.add(n); todo.push(n); }
  }
  return all.has(name);
}

const out = render(ast);
acorn.parse(out, { ecmaVersion: 2022 });
fs.writeFileSync(process.argv[3], out);
console.error(`runtime_arrows: ${converted} function declarations as arrows`);
