// paperkg explorer: the overview map and the expanding graph view (vis-network).
// Every string comes from untrusted listings: it is only set as textContent, as a canvas label,
// or inside an href the page builds itself (/node?key=...). Never as HTML.
(function () {
  "use strict";
  // colour swatches carry their colour as data (no inline styles under the CSP)
  Array.prototype.forEach.call(document.querySelectorAll("[data-color]"), function (el) {
    el.style.background = el.getAttribute("data-color");
  });
  // suggestions while typing in the search box (the form still submits to /search)
  var q = document.getElementById("q");
  var suggest = document.getElementById("suggest");
  if (q && suggest) {
    var timer = null;
    var asked = 0;
    q.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var text = q.value.trim();
        var mine = ++asked;
        if (text.length < 2) { suggest.hidden = true; return; }
        fetch("/api/search?limit=8&q=" + encodeURIComponent(text))
          .then(function (r) { return r.json(); })
          .then(function (data) {
            if (mine !== asked) { return; }  // an older answer arriving late
            suggest.textContent = "";
            data.hits.forEach(function (h) {
              var li = suggest.appendChild(document.createElement("li"));
              var tag = li.appendChild(document.createElement("span"));
              tag.className = "tag t-" + String(h.kind).toLowerCase().replace(/[^a-z0-9]/g, "");
              tag.textContent = h.kind;
              var a = li.appendChild(document.createElement("a"));
              a.href = "/node?key=" + encodeURIComponent(h.key);
              a.textContent = " " + h.name;
            });
            suggest.hidden = !data.hits.length;
          });
      }, 120);
    });
    document.addEventListener("click", function (ev) {
      if (ev.target !== q && !suggest.contains(ev.target)) { suggest.hidden = true; }
    });
  }

  // the console: choosing a library query shows its parameters
  var named = document.getElementById("named");
  if (named) {
    named.addEventListener("change", function () {
      window.location.href = "/cypher?name=" + encodeURIComponent(named.value);
    });
  }
  var box = document.getElementById("graph");
  if (!box || typeof vis === "undefined") { return; }
  var mode = box.getAttribute("data-mode");
  var state = {
    ready: false, stable: false, stableMs: null, expanded: [], errors: [], requests: 0,
    nodes: 0, edges: 0
  };
  window.paperkgGraph = state;
  window.addEventListener("error", function (ev) { state.errors.push(String(ev.message)); });

  var SHAPES = {
    Paper: "hexagon", Method: "dot", Model: "square", Dataset: "diamond",
    Benchmark: "triangle", Metric: "triangleDown", Task: "star"
  };
  var nodes = new vis.DataSet();
  var edges = new vis.DataSet();
  var info = document.getElementById("info");
  var status = document.getElementById("graph-status");
  var full = {};  // id -> the node as the API gave it

  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) { n.className = cls; }
    if (text !== undefined && text !== null) { n.textContent = String(text); }
    return n;
  }
  function short(text, n) {
    text = String(text || "");
    return text.length <= n ? text : text.slice(0, n - 1) + "\u2026";
  }
  function nodeHref(key) { return "/node?key=" + encodeURIComponent(key); }
  function graphHref(key) { return "/graph?key=" + encodeURIComponent(key); }

  function toVis(n) {
    var item = {
      id: n.id, label: short(n.name, 32), value: n.value, shape: SHAPES[n.type] || "dot",
      color: { background: n.color, border: n.color,
               highlight: { background: n.color, border: "#000" },
               hover: { background: n.color, border: "#000" } },
      ptype: n.type
    };
    if (typeof n.x === "number") { item.x = n.x; item.y = n.y; }
    return item;
  }
  function toVisEdge(e) {
    var item = { id: e.id, from: e.from, to: e.to, rtype: e.type };
    if (e.type === "CO_USED") {
      item.width = Math.min(6, 0.5 + Math.sqrt(e.papers || 1));
      item.color = { color: "#c4c4c4", highlight: "#333" };
    } else {
      if (edgeLabels) { item.label = e.type; }
      item.arrows = { to: { enabled: true, scaleFactor: 0.45 } };
      item.width = e.type === "INTRODUCES" ? 2 : 1;
    }
    return item;
  }
  function add(data, around) {
    var fresh = [];
    data.nodes.forEach(function (n) {
      full[n.id] = n;
      if (!nodes.get(n.id)) { fresh.push(n); }
    });
    if (around && fresh.length) {
      // new neighbours go on a ring around the node that was opened: nothing else moves
      var p = network.getPositions([around])[around] || { x: 0, y: 0 };
      var r = 120 + 6 * fresh.length;
      fresh.forEach(function (n, i) {
        var a = 2 * Math.PI * i / fresh.length;
        n.x = p.x + r * Math.cos(a);
        n.y = p.y + r * Math.sin(a);
      });
    }
    nodes.add(fresh.map(toVis));
    edges.add(data.edges.filter(function (e) { return !edges.get(e.id); }).map(toVisEdge));
    state.nodes = nodes.length;
    state.edges = edges.length;
    legend();
  }

  function legend() {
    var list = document.getElementById("legend");
    if (!list) { return; }
    var counts = {};
    nodes.forEach(function (n) { counts[n.ptype] = (counts[n.ptype] || 0) + 1; });
    list.textContent = "";
    Object.keys(counts).sort().forEach(function (t) {
      var li = list.appendChild(el("li"));
      li.appendChild(el("span", "tag t-" + t.toLowerCase().replace(/[^a-z0-9]/g, ""), t));
      li.appendChild(el("span", "num", counts[t]));
    });
  }

  function show(id) {
    var n = full[id];
    if (!info || !n) { return; }
    info.textContent = "";
    var close = info.appendChild(el("button", "close", "\u00d7"));
    close.type = "button";
    close.setAttribute("aria-label", "close");
    close.addEventListener("click", function () { info.hidden = true; });
    info.appendChild(el("div", "tag t-" + String(n.type).toLowerCase(), n.type));
    info.appendChild(el("h2", null, n.name));
    if (n.papers) { info.appendChild(el("p", "muted", n.papers + " papers")); }
    var p = info.appendChild(el("p"));
    var a = p.appendChild(el("a", null, "open its page"));
    a.href = nodeHref(n.id);
    if (mode === "overview") {
      p.appendChild(document.createTextNode(" \u00b7 "));
      var g = p.appendChild(el("a", null, "graph view"));
      g.href = graphHref(n.id);
    }
    info.hidden = false;
  }

  function expand(id) {
    if (state.expanded.indexOf(id) >= 0) { return Promise.resolve(null); }
    state.expanded.push(id);
    state.requests += 1;
    return fetch("/api/neighbours?limit=40&key=" + encodeURIComponent(id))
      .then(function (r) { return r.json(); })
      .then(function (data) {
        add(data, id);
        if (nodes.length <= RELAYOUT_MAX) {
          // a short settle so the new ring does not sit on other nodes; then physics stops
          network.setOptions({ physics: { enabled: true } });
          network.once("stabilizationIterationsDone", function () {
            network.setOptions({ physics: { enabled: false } });
          });
          network.stabilize(80);
        }
        if (status) {
          status.textContent = nodes.length + " nodes shown" +
            (data.left_out ? "; " + data.left_out + " more neighbours of the last one opened" : "");
        }
        return data;
      });
  }

  var physics = true;
  var RELAYOUT_MAX = 400;
  var edgeLabels = true;  // relationship names on the lines, while there are few lines
  var options = {
    autoResize: true,
    layout: { improvedLayout: false, randomSeed: 7 },
    nodes: {
      borderWidth: 1, borderWidthSelected: 3,
      font: { face: "sans-serif", size: 13, strokeWidth: 3, strokeColor: "#ffffff" },
      scaling: { min: 6, max: 40, label: { enabled: true, min: 7, max: 30, maxVisible: 40,
                                           drawThreshold: mode === "overview" ? 8 : 7 } }
    },
    edges: {
      smooth: false, width: 1,
      color: { color: "#a0a0a0", highlight: "#333333", hover: "#555555" },
      font: { size: 9, align: "middle", color: "#555555", strokeWidth: 2 }
    },
    physics: {
      enabled: true, solver: "barnesHut",
      barnesHut: { gravitationalConstant: -6000, springLength: 140, springConstant: 0.03,
                   avoidOverlap: 0.2 },
      stabilization: { enabled: true, iterations: 150, updateInterval: 50, fit: true }
    },
    interaction: { hover: true, multiselect: false, keyboard: false }
  };
  var network = new vis.Network(box, { nodes: nodes, edges: edges }, options);
  window.paperkgNetwork = network;

  function markStable() {
    if (state.stable) { return; }
    network.setOptions({ physics: { enabled: false } });
    network.fit({ animation: false });
    if (network.getScale() > 1.3) { network.moveTo({ scale: 1.3 }); }  // a few nodes: not huge
    state.stable = true;
    state.stableMs = Math.round(performance.now());
    var center = box.getAttribute("data-center");
    if (center && nodes.get(center)) { network.selectNodes([center]); }
  }

  network.on("doubleClick", function (p) {
    if (p.nodes.length) { window.location.href = nodeHref(p.nodes[0]); }
  });
  network.on("click", function (p) {
    if (!p.nodes.length) { if (info) { info.hidden = true; } return; }
    show(p.nodes[0]);
    if (mode === "focus") { expand(p.nodes[0]); }
  });

  state.requests += 1;
  fetch(box.getAttribute("data-src"))
    .then(function (r) { return r.json(); })
    .then(function (data) {
      physics = !data.nodes.some(function (n) { return typeof n.x === "number"; });
      edgeLabels = data.edges.length <= 60;
      var center = box.getAttribute("data-center");
      var biggest = Math.max.apply(null, data.nodes.map(function (n) { return n.value || 1; }));
      data.nodes.forEach(function (n) { if (n.id === center) { n.value = biggest; } });
      if (!physics) {
        network.setOptions({ physics: { enabled: false } });
      }
      add(data, null);
      if (center) { state.expanded.push(center); }
      if (physics && data.nodes.length > 1) {
        // nodes added to a live network only start the simulation: stabilise explicitly
        network.once("stabilizationIterationsDone", markStable);
        network.stabilize(150);
        setTimeout(function () { if (!state.stable) { network.stopSimulation(); markStable(); } },
                   15000);
      } else {
        network.once("afterDrawing", markStable);
        network.redraw();
      }
      if (status && data.left_out) {
        status.textContent = data.left_out + " more neighbours are not shown (the most " +
          "connected are).";
      }
      state.ready = true;
    })
    .catch(function (err) { state.errors.push(String(err)); });

  state.expand = expand;
  state.show = show;
  state.positionOf = function (id) { return network.canvasToDOM(network.getPositions([id])[id]); };
}());
