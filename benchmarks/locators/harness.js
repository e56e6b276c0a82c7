/* Benchmark harness, injected after the runtime, the recorder and the baselines. */
window.__bench = (function () {
  function safe(fn) { try { return fn(); } catch (e) { return null; } }
  function absXPath(el) {
    var parts = [];
    for (var n = el; n && n.nodeType === 1; n = n.parentElement) {
      var i = 1;
      for (var s = n.previousElementSibling; s; s = s.previousElementSibling) if (s.localName === n.localName) i++;
      parts.unshift(n.localName + "[" + i + "]");
    }
    return "/" + parts.join("/");
  }
  function only(list) { return list && list.length === 1 ? list[0] : null; }
  function byCss(sel) { return sel ? only(safe(function () { return document.querySelectorAll(sel); })) : null; }
  function byXPath(x) {
    var r = safe(function () { return document.evaluate(x, document, null, 7, null); });
    return r && r.snapshotLength === 1 ? r.snapshotItem(0) : null;
  }
  function byRole(rn) {
    if (!rn.role || !rn.name) return null;
    var D = GuideRuntime.dom;
    return only(Array.from(document.querySelectorAll("*")).filter(function (e) { return D.roleOf(e) === rn.role && D.nameOf(e) === rn.name; }));
  }
  var firsts = {};
  return {
    /* Ours' first resolve of a target on the page, on its own (a bench reads the main thread's CPU time around it);
       resolve(rec, path, key) then reports it instead of resolving again. */
    first: function (rec, key) {
      var t = performance.now(), el = GuideRuntime.resolve(rec.ours).element;
      firsts[key] = [el, performance.now() - t];
    },
    capture: function (path) {
      var el = document.querySelector(path);
      return {
        ours: GuideRecorder.capture(el),
        finder: safe(function () { return window.__finder(el); }),
        csg: safe(function () { return CssSelectorGenerator.getCssSelector(el); }),
        xpath: absXPath(el),
        role: { role: GuideRuntime.dom.roleOf(el), name: GuideRuntime.dom.nameOf(el) }
      };
    },
    resolve: function (rec, truthPath, key) {
      var truth = truthPath ? document.querySelector(truthPath) : null;
      function verdict(el) { return el ? (el === truth ? "correct" : "wrong") : "none"; }
      function timed(fn) { var t = performance.now(); var el = fn(); return [verdict(el), performance.now() - t]; }
      /* ours is timed on its first resolve of the page, before the loose one */
      var f = firsts[key], ours = f ? [verdict(f[0]), f[1]] : timed(function () { return GuideRuntime.resolve(rec.ours).element; });
      delete firsts[key];
      var loose = GuideRuntime.resolve(rec.ours, { minConfidence: 0 });
      return {
        ours: ours,
        loose: [verdict(loose.element), loose.confidence],
        finder: timed(function () { return byCss(rec.finder); }),
        csg: timed(function () { return byCss(rec.csg); }),
        xpath: timed(function () { return byXPath(rec.xpath); }),
        role: timed(function () { return byRole(rec.role); })
      };
    }
  };
})();
