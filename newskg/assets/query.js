// The query page: YASGUI on this server's /sparql, one tab per saved query, nothing from outside.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("newskg-data").textContent);
  var endpoint = new URL(data.endpoint, window.location.href).href;
  var names = Object.keys(data.prefixes);

  function withPrefixes(text) {
    var head = names.filter(function (p) {
      return !new RegExp("PREFIX\\s+" + p + ":", "i").test(text);
    }).map(function (p) { return "PREFIX " + p + ": <" + data.prefixes[p] + ">"; });
    var lines = text.split("\n");
    var lead = 0;
    while (lead < lines.length && /^\s*#/.test(lines[lead])) { lead += 1; }
    return lines.slice(0, lead).concat(head, lines.slice(lead)).join("\n");
  }

  // Only the autocompleters that work offline (the others ask an outside service).
  Yasgui.Yasqe.defaults.autocompleters = ["prefixes", "variables"];
  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    persistenceId: null,
    autoAddOnInit: false,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
  });
  window.newskgYasgui = yasgui;

  var list = document.getElementById("saved-list");
  data.queries.forEach(function (q, i) {
    var text = withPrefixes(q.text);
    if (/[?$]ENTITY\b/.test(text)) {
      text = "# Write a name in quotes in place of ?ENTITY, e.g. \"Jane Doe\" (newskg query binds it with --entity).\n" + text;
    }
    var tab = yasgui.addTab(i === 0, {
      name: q.name, yasqe: { value: text }, requestConfig: { endpoint: endpoint, method: "POST" },
    });
    var li = document.createElement("li");
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = q.name;
    button.title = q.doc;
    button.dataset.query = q.name;
    button.addEventListener("click", function () {
      yasgui.selectTabId(tab.getId());
      tab.query();
    });
    li.appendChild(button);
    list.appendChild(li);
  });
  document.getElementById("prefix-names").textContent = names.join(", ");
})();
