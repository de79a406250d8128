// newskg timeline page: incidents and statements on a date axis, one row per outlet, place or
// speaker; the sentence on hover (built as text), the entity page on click. Plain SVG, no library.
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("newskg-data").textContent);
  var $ = function (id) { return document.getElementById(id); };
  var SVG = "http://www.w3.org/2000/svg";
  function el(tag, text, cls) { var e = document.createElement(tag); if (text != null) e.textContent = String(text); if (cls) e.className = cls; return e; }
  function sv(tag, attrs, text) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text != null) e.textContent = String(text);
    return e;
  }
  var kinds = {}, on = {};
  D.kinds.forEach(function (k) {
    kinds[k.name] = k; on[k.name] = true;
    var l = el("label"), cb = el("input"); cb.type = "checkbox"; cb.checked = true;
    cb.addEventListener("change", function () { on[k.name] = cb.checked; draw(); });
    var sw = el("span", null, "swatch"); sw.style.background = k.color;
    l.append(cb, sw, el("span", k.label + " (" + D.items.filter(function (i) { return i.kind === k.name; }).length + ")"));
    $("kinds").appendChild(l);
  });
  $("rows").addEventListener("change", draw);
  var DAY = 86400000;
  function t(d) { return Date.parse(d + "T00:00:00Z"); }
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  function ticks(lo, hi) {
    var out = [], d = new Date(lo), span = (hi - lo) / DAY;
    if (span > 3 * 365) {
      var step = Math.ceil(span / 365 / 10);
      for (var y = d.getUTCFullYear(); Date.UTC(y, 0, 1) <= hi; y += step) if (Date.UTC(y, 0, 1) >= lo) out.push([Date.UTC(y, 0, 1), String(y)]);
    } else if (span > 90) {
      var ms = Math.ceil(span / 30 / 12);
      for (var m = d.getUTCFullYear() * 12 + d.getUTCMonth(); Date.UTC(Math.floor(m / 12), m % 12, 1) <= hi; m += ms) {
        var at = Date.UTC(Math.floor(m / 12), m % 12, 1);
        if (at >= lo) out.push([at, MONTHS[m % 12] + " " + Math.floor(m / 12)]);
      }
    } else {
      var ds = Math.max(1, Math.ceil(span / 12));
      for (var x = lo; x <= hi; x += ds * DAY) { var dd = new Date(x); out.push([x, dd.getUTCDate() + " " + MONTHS[dd.getUTCMonth()] + " " + dd.getUTCFullYear()]); }
    }
    return out;
  }
  function mark(kind, x, y) {
    var c = kinds[kind].color;
    if (kind === "Incident") {
      var pts = [], r1 = 8, r2 = 3.6;
      for (var i = 0; i < 10; i++) { var a = -Math.PI / 2 + i * Math.PI / 5, r = i % 2 ? r2 : r1; pts.push((x + r * Math.cos(a)).toFixed(1) + "," + (y + r * Math.sin(a)).toFixed(1)); }
      return sv("polygon", { points: pts.join(" "), fill: c, "class": "mark" });
    }
    var d = [[x, y - 6.5], [x + 6.5, y], [x, y + 6.5], [x - 6.5, y]].map(function (q) { return q[0].toFixed(1) + "," + q[1].toFixed(1); });
    return sv("polygon", { points: d.join(" "), fill: c, "class": "mark" });
  }
  var tip = $("tip");
  function showTip(item, ev) {
    tip.replaceChildren();
    tip.appendChild(el("div", item.label, "t-label"));
    tip.appendChild(el("div", kinds[item.kind].label + ", " + item.date, "t-cls"));
    if (item.text) tip.appendChild(el("blockquote", item.text.length > 700 ? item.text.slice(0, 700) + "…" : item.text));
    var dl = el("dl");
    [["place", item.place.join("; ")], ["victims", item.victims.join("; ")], ["figures", item.facts.join(", ")], ["sources", item.sources.join("; ")]]
      .forEach(function (kv) { if (kv[1] && kv[1].charAt(0) !== "(") { dl.appendChild(el("dt", kv[0])); dl.appendChild(el("dd", kv[1])); } });
    tip.appendChild(dl);
    tip.hidden = false;
    tip.style.left = Math.min(ev.clientX + 14, window.innerWidth - tip.offsetWidth - 8) + "px";
    tip.style.top = Math.min(ev.clientY + 14, window.innerHeight - tip.offsetHeight - 8) + "px";
  }
  var MAX_LANES = 12;
  function showMore(items, ev) {
    tip.replaceChildren();
    var first = items[0].date, last = items[items.length - 1].date;
    tip.appendChild(el("div", items.length + " more", "t-label"));
    tip.appendChild(el("div", first === last ? first : first + " to " + last, "t-cls"));
    var ul = el("ul");
    items.slice(0, 12).forEach(function (i) { ul.appendChild(el("li", i.date + " " + i.label + (i.text ? ": " + i.text.slice(0, 80) : ""))); });
    if (items.length > 12) ul.appendChild(el("li", "…"));
    tip.appendChild(ul);
    tip.hidden = false;
    tip.style.left = Math.min(ev.clientX + 14, window.innerWidth - tip.offsetWidth - 8) + "px";
    tip.style.top = Math.min(ev.clientY + 14, window.innerHeight - tip.offsetHeight - 8) + "px";
  }
  function draw() {
    var by = $("rows").value, chart = $("chart");
    chart.replaceChildren();
    var items = D.items.filter(function (i) { return on[i.kind]; });
    $("counts").textContent = items.length + " shown" + (D.undated ? ", " + D.undated + " without a date left out" : "");
    if (!items.length) { chart.appendChild(el("div", "Nothing dated to show.", "muted")); return; }
    var lo = t(items[0].date), hi = t(items[items.length - 1].date);
    var pad = Math.max(15 * DAY, (hi - lo) * 0.04); lo -= pad; hi += pad;
    var rowsMap = {};
    items.forEach(function (i) { i[by].forEach(function (r) { (rowsMap[r] = rowsMap[r] || []).push(i); }); });
    var names = Object.keys(rowsMap).sort(function (a, b) { return rowsMap[b].length - rowsMap[a].length || (a < b ? -1 : 1); });
    var left = 210, width = Math.max(760, chart.clientWidth - 30), plot = width - left - 20;
    function X(d) { return left + (t(d) - lo) / (hi - lo) * plot; }
    var y = 34, rows = [];
    names.forEach(function (name) {
      // marks closer than 15 px stack; a stack taller than MAX_LANES ends in a "+N" mark
      var lanes = [], placed = [], more = [], last = MAX_LANES - 1;
      rowsMap[name].forEach(function (i) {
        var x = X(i.date), k = 0;
        while (k < last && k < lanes.length && lanes[k] > x - 15) k++;
        if (k < last) { lanes[k] = x; placed.push([i, x, k]); return; }
        if (lanes[last] !== undefined && lanes[last] > x - 15) { more[more.length - 1].items.push(i); return; }
        lanes[last] = x; more.push({ x: x, items: [i] });
      });
      var h = Math.max(1, lanes.length) * 17 + 13;
      rows.push({ name: name, y: y, h: h, placed: placed, more: more }); y += h;
    });
    var svg = sv("svg", { width: width, height: y + 8, role: "img" });
    var axis = sv("g", { "class": "axis" });
    ticks(lo, hi).forEach(function (tk) {
      var x = left + (tk[0] - lo) / (hi - lo) * plot;
      axis.appendChild(sv("line", { x1: x, x2: x, y1: 26, y2: y, "class": "grid" }));
      axis.appendChild(sv("text", { x: x, y: 18, "text-anchor": "middle" }, tk[1]));
    });
    svg.appendChild(axis);
    rows.forEach(function (r) {
      svg.appendChild(sv("line", { x1: 0, x2: width, y1: r.y + r.h, y2: r.y + r.h, "class": "rowline" }));
      var label = r.name.length > 30 ? r.name.slice(0, 29) + "…" : r.name;
      svg.appendChild(sv("text", { x: 4, y: r.y + 19 }, label));
      r.placed.forEach(function (p) {
        var m = mark(p[0].kind, p[1], r.y + 15 + p[2] * 17);
        m.dataset.kind = p[0].kind;
        m.addEventListener("mouseenter", function (ev) { showTip(p[0], ev); });
        m.addEventListener("mouseleave", function () { tip.hidden = true; });
        if (p[0].page) m.addEventListener("click", function () { location.href = p[0].page; });
        svg.appendChild(m);
      });
      r.more.forEach(function (g) {
        var t = sv("text", { x: g.x - 6, y: r.y + 19 + (MAX_LANES - 1) * 17, "class": "more" }, "+" + g.items.length);
        t.addEventListener("mouseenter", function (ev) { showMore(g.items, ev); });
        t.addEventListener("mouseleave", function () { tip.hidden = true; });
        svg.appendChild(t);
      });
    });
    chart.appendChild(svg);
  }
  draw();
  window.addEventListener("resize", draw);
  window.__newskgReady = performance.now();
  document.body.dataset.ready = "1";
})();
