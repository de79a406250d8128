// newskg network page: draws the embedded graph with vis-network (physics off, positions given),
// builds tooltips and panels from DOM text nodes only, and filters what is shown.
(function () {
  "use strict";
  performance.mark("newskg:start");
  var D = JSON.parse(document.getElementById("newskg-data").textContent);
  performance.mark("newskg:parsed");
  var $ = function (id) { return document.getElementById(id); };
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  var SVG = "http://www.w3.org/2000/svg";
  var style = {};
  D.classes.forEach(function (c) { style[c.name] = c; });
  var byId = D.nodes;  // node ids are their index
  var big = D.lod;  // a big graph: labels only for what is in view (painted in afterDrawing)

  // ---- legend (also the class filter): the same colour and shape as the canvas ----
  var classOn = {};
  function shapeSvg(c) {
    var s = document.createElementNS(SVG, "svg");
    s.setAttribute("width", "16"); s.setAttribute("height", "16"); s.setAttribute("viewBox", "0 0 16 16");
    var p, pts = {
      triangle: "8,1.5 15,14.5 1,14.5", diamond: "8,1 15,8 8,15 1,8",
      star: "8,0.5 10,6 15.5,6 11,9.5 12.8,15 8,11.6 3.2,15 5,9.5 0.5,6 6,6",
      hexagon: "8,1 14.5,4.5 14.5,11.5 8,15 1.5,11.5 1.5,4.5"
    }[c.shape];
    if (c.shape === "dot") { p = document.createElementNS(SVG, "circle"); p.setAttribute("cx", "8"); p.setAttribute("cy", "8"); p.setAttribute("r", "7"); }
    else if (pts) { p = document.createElementNS(SVG, "polygon"); p.setAttribute("points", pts); }
    else { p = document.createElementNS(SVG, "rect"); p.setAttribute("x", "1.5"); p.setAttribute("y", "1.5"); p.setAttribute("width", "13"); p.setAttribute("height", "13"); }
    p.setAttribute("fill", c.color); p.setAttribute("class", "swatch-shape");
    s.appendChild(p);
    return s;
  }
  D.classes.forEach(function (c) {
    classOn[c.name] = true;
    if (!c.count) return;
    var row = el("label", null, "legend-row");
    row.dataset.cls = c.name; row.dataset.color = c.color; row.dataset.shape = c.shape;
    var cb = el("input"); cb.type = "checkbox"; cb.checked = true;
    cb.addEventListener("change", function () { classOn[c.name] = cb.checked; apply(); });
    row.append(cb, shapeSvg(c), el("span", c.label), el("span", c.count, "n"));
    $("legend").appendChild(row);
  });

  // ---- notice of what the cap left out ----
  if (D.notice.left_out.length) {
    var left = D.notice.left_out.map(function (x) { return x[1] + " " + x[0]; }).join(", ");
    var n = D.notice.left_out.reduce(function (a, x) { return a + x[1]; }, 0);
    $("notice").textContent = "Showing the " + D.notice.shown.toLocaleString("en") + " most connected of " +
      (D.notice.shown + n).toLocaleString("en") + " nodes. Left out: " + left +
      ". Run newskg view with --focus NAME for one neighbourhood, or --max-nodes 0 for everything.";
    $("notice").hidden = false;
  }

  // ---- selects ----
  var outlets = {};
  D.articles.forEach(function (a, i) {
    if (a.outlet) outlets[a.outlet] = true;
    var o = el("option", a.title + (a.file && a.file !== a.title ? " — " + a.file : "")); o.value = String(i);
    $("article").appendChild(o);
  });
  Object.keys(outlets).sort().forEach(function (name) { var o = el("option", name); o.value = name; $("outlet").appendChild(o); });
  var dates = D.nodes.map(function (n) { return n.date; }).filter(Boolean).sort();
  if (dates.length) { $("since").min = $("until").min = dates[0]; $("since").max = $("until").max = dates[dates.length - 1]; }

  // ---- vis data ----
  // one colour object per class, shared by its nodes: the legend's colour is the fill on the canvas
  var colors = {}, SMALL_FONT = { size: 11, color: "#5b6470" }, SMALL_SCALING = { label: { drawThreshold: 10 } };
  D.classes.forEach(function (c) {
    colors[c.name] = { background: c.color, border: c.color, highlight: { background: c.color, border: "#111111" },
                       hover: { background: c.color, border: "#111111" } };
  });
  // size by mentions, linear from 10 to 34 px over this graph's range (computed here: cheaper than vis's scaling)
  var most = D.nodes.reduce(function (m, n) { return Math.max(m, n.value); }, 1);
  function sized(v) { return most > 1 ? 10 + 24 * (Math.max(1, v) - 1) / (most - 1) : 16; }
  var nodes = new vis.DataSet(D.nodes.map(function (n) {
    var o = { id: n.id, label: big ? undefined : n.label, x: n.x, y: n.y, shape: style[n.cls].shape, color: colors[n.cls] };
    if (n.cls === "Statement" || n.cls === "Article") { o.size = 9; o.font = SMALL_FONT; o.scaling = SMALL_SCALING; }
    else if (n.cls === "Incident") o.size = 20; else o.size = sized(n.value);
    return o;
  }));
  var WEAK = { color: "#c9ced5", highlight: "#333333", hover: "#333333" };
  var edges = new vis.DataSet(D.edges.map(function (e, i) {
    if (e[2] === "mentions") return { id: i, from: e[0], to: e[1], prop: e[2], dashes: true, color: WEAK };
    return { id: i, from: e[0], to: e[1], label: big ? undefined : e[3], prop: e[2] };
  }));
  performance.mark("newskg:datasets");
  var visible = new Set(D.nodes.map(function (n) { return n.id; }));
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return visible.has(n.id); } });
  var edgeView = new vis.DataView(edges, { filter: function (e) { return visible.has(e.from) && visible.has(e.to); } });
  var network = new vis.Network($("canvas"), { nodes: nodeView, edges: edgeView }, {
    physics: false, layout: { improvedLayout: false },
    interaction: { hover: true, hideEdgesOnDrag: big, hideEdgesOnZoom: big, tooltipDelay: 3600000 },
    nodes: { borderWidth: 0, borderWidthSelected: 3,  // the border would be the fill colour: not stroked (faster)
             font: { size: 17, color: "#1f2328", strokeWidth: 4, strokeColor: "#ffffff" } },
    edges: { smooth: false, width: 1, arrows: { to: { enabled: !big, scaleFactor: 0.5 } }, selectionWidth: 1.5,
             color: { color: "#8a939e", highlight: "#333333", hover: "#333333" },
             font: { size: 11, color: "#4d5560", strokeWidth: 3, strokeColor: "#ffffff" } }
  });

  performance.mark("newskg:network");
  // ---- filters ----
  var focusId = null;
  function passes(n) {
    if (!classOn[n.cls]) return false;
    var since = $("since").value, until = $("until").value, outlet = $("outlet").value, art = $("article").value;
    if (!since && !until && !outlet && art === "") return true;
    if (outlet && n.cls === "MediaOutlet" && n.label === outlet) return true;
    var arts = n.arts;
    if (!arts.length) return !outlet && art === "" && (!n.date || ((!since || n.date >= since) && (!until || n.date <= until)));
    return arts.some(function (i) {
      var a = D.articles[i], d = n.date || a.date || "";
      return (!since || d >= since) && (!until || d <= until) && (!outlet || a.outlet === outlet) && (art === "" || String(i) === art);
    });
  }
  var adjacency = null;
  function neighbours() {
    if (adjacency) return adjacency;
    adjacency = D.nodes.map(function () { return []; });
    D.edges.forEach(function (e) { adjacency[e[0]].push(e[1]); adjacency[e[1]].push(e[0]); });
    return adjacency;
  }
  function apply() {
    var ok = new Set();
    D.nodes.forEach(function (n) { if (passes(n)) ok.add(n.id); });
    if (focusId !== null) {
      var hops = Math.max(0, parseInt($("hops").value, 10) || 0), adj = neighbours();
      var seen = new Set([focusId]), frontier = [focusId];
      ok.add(focusId);
      for (var h = 0; h < hops; h++) {
        var next = [];
        frontier.forEach(function (id) { adj[id].forEach(function (m) { if (ok.has(m) && !seen.has(m)) { seen.add(m); next.push(m); } }); });
        frontier = next;
      }
      ok = seen;
      $("focus-label").textContent = "around “" + byId[focusId].label + "”, " + hops + " hop" + (hops === 1 ? "" : "s");
    } else {
      $("focus-label").textContent = "none — pick a node, then “show its neighbourhood”";
    }
    visible = ok;
    nodeView.refresh(); edgeView.refresh();
    status();
  }
  function status() {
    var e = edgeView.length;
    $("counts").textContent = visible.size.toLocaleString("en") + " of " + D.nodes.length.toLocaleString("en") +
      " nodes, " + e.toLocaleString("en") + " edges shown";
  }
  ["since", "until", "outlet", "article", "hops"].forEach(function (id) { $(id).addEventListener("change", apply); });
  $("clear").addEventListener("click", function () {
    focusId = null; $("since").value = $("until").value = $("outlet").value = $("article").value = "";
    Object.keys(classOn).forEach(function (k) { classOn[k] = true; });
    document.querySelectorAll("#legend input").forEach(function (cb) { cb.checked = true; });
    apply(); network.fit({ animation: false });
  });

  // ---- tooltip and details: text only ----
  function describe(n, box) {
    box.appendChild(el("div", n.label, "t-label"));
    box.appendChild(el("div", style[n.cls].label, "t-cls"));
    if (n.quote) box.appendChild(el("blockquote", n.quote.length > 600 ? n.quote.slice(0, 600) + "…" : n.quote));
    if (n.info.length) {
      var dl = el("dl");
      n.info.forEach(function (kv) { dl.appendChild(el("dt", kv[0])); dl.appendChild(el("dd", kv[1])); });
      box.appendChild(dl);
    }
  }
  var tip = $("tip");
  network.on("hoverNode", function (p) {
    tip.replaceChildren(); describe(byId[p.node], tip); tip.hidden = false;
    var r = $("canvas").getBoundingClientRect(), x = r.left + p.pointer.DOM.x + 14, y = r.top + p.pointer.DOM.y + 14;
    tip.style.left = Math.min(x, window.innerWidth - tip.offsetWidth - 8) + "px";
    tip.style.top = Math.min(y, window.innerHeight - tip.offsetHeight - 8) + "px";
  });
  network.on("blurNode", function () { tip.hidden = true; });
  network.on("dragStart", function () { tip.hidden = true; });
  function details(id) {
    var box = $("details"), n = byId[id];
    box.replaceChildren();
    describe(n, box);
    var actions = el("div", null, "actions");
    if (n.page) { var a = el("a", n.cls === "Statement" ? "speaker’s page" : "open its page"); a.href = n.page; a.id = "page-link"; actions.appendChild(a); }
    var b = el("button", "show its neighbourhood"); b.id = "focus-here";
    b.addEventListener("click", function () { setFocus(id); });
    actions.appendChild(b);
    box.appendChild(actions);
  }
  network.on("click", function (p) { if (p.nodes.length) details(p.nodes[0]); });
  network.on("doubleClick", function (p) { if (p.nodes.length && byId[p.nodes[0]].page) location.href = byId[p.nodes[0]].page; });

  function setFocus(id) { focusId = id; apply(); network.fit({ nodes: Array.from(visible), animation: false }); network.selectNodes([id]); }
  // big graphs: vis-network measures every label it holds, which is slow for 10,000 nodes, so the
  // page paints the labels itself, on the canvas, for what is in view once zoomed in far enough
  var painted = 0;
  function paint(ctx, text, x, y, size, colour) {
    ctx.font = size + "px system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
    ctx.strokeText(text, x, y); ctx.fillStyle = colour; ctx.fillText(text, x, y);
  }
  network.on("afterDrawing", function (ctx) {
    painted = 0;
    var s = network.getScale();
    if (!big || s < 0.45) return;
    var v = network.getViewPosition(), c = $("canvas"), bn = network.body.nodes;
    var w = c.clientWidth / s / 2 + 80, h = c.clientHeight / s / 2 + 40;
    function inView(b) { return b && Math.abs(b.x - v.x) < w && Math.abs(b.y - v.y) < h; }
    ctx.save(); ctx.textAlign = "center"; ctx.textBaseline = "top"; ctx.lineJoin = "round";
    ctx.strokeStyle = "#ffffff"; ctx.lineWidth = 3;
    D.edges.forEach(function (e) {
      var a = bn[e[0]], b = bn[e[1]];
      if (e[2] === "mentions" || s < 0.8 || !visible.has(e[0]) || !visible.has(e[1]) || !inView(a) || !inView(b)) return;
      paint(ctx, e[3], (a.x + b.x) / 2, (a.y + b.y) / 2 - 5, 10, "#4d5560"); painted++;
    });
    D.nodes.forEach(function (n) {
      var b = bn[n.id], small = n.cls === "Statement" || n.cls === "Article";
      if (!visible.has(n.id) || !inView(b) || (small && s < 0.91)) return;
      paint(ctx, n.label, b.x, b.y + (b.shape.height || 2 * b.options.size) / 2 + 3, small ? 11 : 17, small ? "#5b6470" : "#1f2328");
      painted++;
    });
    ctx.restore();
  });

  function focusNode(id) {
    if (!visible.has(id)) { $("clear").click(); }
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.2), animation: false });
    details(id);
  }

  // ---- search over every label, other spelling and quote ----
  var hay = D.nodes.map(function (n) {
    var alt = n.info.filter(function (kv) { return kv[0] === "also written"; }).map(function (kv) { return kv[1]; });
    return [n.label, n.quote || ""].concat(alt).join(" ").toLowerCase();
  });
  var hits = $("hits"), current = [];
  function search() {
    var q = $("search").value.trim().toLowerCase();
    hits.replaceChildren(); current = [];
    if (!q) return;
    for (var i = 0; i < hay.length && current.length < 12; i++) {
      if (D.nodes[i].label.toLowerCase().indexOf(q) >= 0) current.push(i);
    }
    for (var j = 0; j < hay.length && current.length < 12; j++) {
      if (current.indexOf(j) < 0 && hay[j].indexOf(q) >= 0) current.push(j);
    }
    current.forEach(function (id, k) {
      var li = el("li", D.nodes[id].label); if (k === 0) li.className = "on";
      li.appendChild(el("span", style[D.nodes[id].cls].label, "c"));
      li.addEventListener("click", function () { pick(id); });
      hits.appendChild(li);
    });
  }
  function pick(id) { hits.replaceChildren(); focusNode(id); }
  $("search").addEventListener("input", search);
  $("search").addEventListener("keydown", function (ev) { if (ev.key === "Enter" && current.length) pick(current[0]); });

  // ---- start: #focus=IRI&hops=N from an entity page ----
  var ready = false;
  network.once("afterDrawing", function () {
    ready = true;
    window.__newskgReady = performance.now();
    document.body.dataset.ready = "1";
  });
  var hash = new URLSearchParams(location.hash.slice(1));
  if (hash.get("hops")) $("hops").value = hash.get("hops");
  if (hash.get("focus")) {
    var target = D.nodes.find(function (n) { return n.iri === hash.get("focus"); });
    if (target) setFocus(target.id);
  }
  status();
  window.newskg = { network: network, nodes: nodes, edges: edges, data: D, focusNode: focusNode, setFocus: setFocus,
                    apply: apply, visible: function () { return Array.from(visible); }, painted: function () { return painted; }, isReady: function () { return ready; } };
})();
