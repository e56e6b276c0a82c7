/* Ledgerly demo app: renders the shared shell and small interactions. No dependencies. */
(function () {
  "use strict";
  var NAV = [
    ["dashboard.html", "Dashboard", "nav-dashboard"],
    ["customers.html", "Customers", "nav-customers"],
    ["/reports/overview", "Reports", "nav-reports"],
    ["settings.html", "Settings", "nav-settings"]
  ];

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function currentSection() {
    var path = location.pathname;
    if (path.indexOf("/reports") === 0) return "Reports";
    if (/customers/.test(path)) return "Customers";
    if (/settings/.test(path)) return "Settings";
    return "Dashboard";
  }

  function renderShell() {
    var shell = document.querySelector("[data-shell]");
    if (!shell) return;
    var nav = el("nav", { "class": "sidebar", "aria-label": "Main" }, [
      el("div", { "class": "brand" }, [el("span", { "class": "logo", "aria-hidden": "true" }), "Ledgerly"])
    ]);
    NAV.forEach(function (item) {
      var href = item[0].charAt(0) === "/" ? item[0] : "/" + item[0];
      var link = el("a", { href: href, "data-testid": item[2] }, [item[1]]);
      if (item[1] === currentSection()) link.setAttribute("aria-current", "page");
      nav.appendChild(link);
    });
    var top = el("header", { "class": "topbar" }, [
      el("input", { "class": "search", type: "search", placeholder: "Search customers, invoices…", "aria-label": "Search" }),
      el("div", { "class": "grow" }),
      el("button", { type: "button", id: "help-button", "aria-label": "Help" }, ["?"]),
      el("div", { "class": "avatar", title: "Signed in as Dana Reyes" }, ["DR"]),
      /* In the top bar, not at the foot of the sidebar: a corner widget (a help launcher) sits there,
         and a banner that pushes the page down would move it below the window. */
      el("a", { href: "/index.html", id: "sign-out" }, ["Sign out"])
    ]);
    var main = shell.querySelector("main");
    var column = el("div", {}, [top]);
    shell.insertBefore(nav, shell.firstChild);
    shell.insertBefore(column, main);
    column.appendChild(main);
  }

  function toast(message) {
    var node = el("div", { "class": "toast", role: "status" }, [message]);
    document.body.appendChild(node);
    setTimeout(function () { node.remove(); }, 2500);
  }

  window.Ledgerly = { el: el, toast: toast };
  document.addEventListener("DOMContentLoaded", renderShell);
})();
