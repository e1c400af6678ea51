// paperkg viz: legend, type filter, search, tooltips and info panel for the pyvis network.
// Every string shown comes from untrusted listings: it is only ever set as textContent or as a
// checked http(s) href, never parsed as HTML.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("paperkg-data").textContent);
  var state = {
    ready: false, stable: false, stableMs: null, drawnNodes: 0, drawnEdges: 0,
    expected: data.expected, physics: data.physics, leftOut: data.leftOut, errors: []
  };
  window.paperkgViz = state;
  state.timings = { script: Math.round(performance.now()) };

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function safeHref(url) {
    try {
      var parsed = new URL(url);
      if (parsed.protocol === "http:" || parsed.protocol === "https:") { return parsed.href; }
    } catch (e) { /* not a URL */ }
    return null;
  }

  function colorOf(kind) {
    for (var i = 0; i < data.legend.length; i++) {
      if (data.legend[i].label === kind) { return data.legend[i].color; }
    }
    return "#555555";
  }

  // A card describing a node or relationship; links are live only in the side panel.
  function card(info, liveLinks) {
    var box = el("div", "pkg-card");
    var kind = box.appendChild(el("div", "pkg-kind", info.kind));
    kind.style.color = colorOf(info.kind);
    box.appendChild(el("div", "pkg-heading", info.heading));
    info.lines.forEach(function (pair) {
      var line = box.appendChild(el("div", "pkg-line"));
      line.appendChild(el("span", "pkg-key", pair[0]));
      line.appendChild(el("span", "pkg-value", pair[1]));
    });
    info.links.forEach(function (pair) {
      var line = box.appendChild(el("div", "pkg-line"));
      line.appendChild(el("span", "pkg-key", "link"));
      var href = safeHref(pair[1]);
      if (liveLinks && href) {
        var a = line.appendChild(el("a", null, pair[0]));
        a.href = href;
        a.target = "_blank";
        a.rel = "noopener noreferrer";
      } else {
        line.appendChild(el("span", "pkg-value", pair[0]));
      }
    });
    info.rels.forEach(function (rel) {
      var block = box.appendChild(el("div", "pkg-rel"));
      var head = block.appendChild(el("div", "pkg-line"));
      head.appendChild(el("span", "pkg-key", "role"));
      head.appendChild(el("span", "pkg-value",
        rel.role + " (" + rel.type + " " + rel.direction + " " + rel.other + ")"));
      if (rel.evidence) { block.appendChild(el("div", "pkg-evidence", rel.evidence)); }
    });
    if (info.more) { box.appendChild(el("div", "pkg-line", "+ " + info.more + " more")); }
    return box;
  }

  // Header, notes and the two legends.
  document.getElementById("pkg-title").textContent = data.title;
  document.getElementById("pkg-summary").textContent = data.summary;
  var notes = document.getElementById("pkg-notes");
  data.notes.forEach(function (note) { notes.appendChild(el("li", null, note)); });

  var legend = document.getElementById("pkg-legend");
  data.legend.forEach(function (entry) {
    var li = legend.appendChild(el("li"));
    var label = li.appendChild(el("label"));
    var box = label.appendChild(el("input"));
    box.type = "checkbox";
    box.checked = true;
    box.dataset.type = entry.label;
    box.addEventListener("change", function () { setTypeVisible(entry.label, box.checked); });
    if (entry.glyph) {
      label.appendChild(el("span", "pkg-glyph", entry.glyph));
    } else {
      var swatch = label.appendChild(el("span", "pkg-swatch"));
      swatch.style.background = entry.color;
    }
    label.appendChild(el("span", null, entry.label));
    label.title = entry.doc;
    li.appendChild(el("span", "pkg-count", entry.count));
  });
  document.getElementById("pkg-all").addEventListener("click", function () {
    data.legend.forEach(function (entry) { setTypeVisible(entry.label, true); });
  });
  var communities = document.getElementById("pkg-communities");
  if (communities && data.communities && data.communities.length) {
    document.getElementById("pkg-community-section").hidden = false;
    data.communities.slice(0, 12).forEach(function (entry) {
      var li = communities.appendChild(el("li"));
      var swatch = li.appendChild(el("span", "pkg-swatch"));
      swatch.style.background = entry.color;
      li.appendChild(el("span", "pkg-community-name", entry.name));
      li.appendChild(el("span", "pkg-count", entry.count));
    });
    if (data.communities.length > 12) {
      communities.appendChild(el("li", "pkg-more",
        "+ " + (data.communities.length - 12) + " smaller (grey)"));
    }
  }
  var hint = document.getElementById("pkg-size-hint");
  if (hint && data.sizeLabel) { hint.textContent = data.sizeLabel; }
  var edgeLegend = document.getElementById("pkg-edge-legend");
  data.edgeTypes.forEach(function (entry) {
    var li = edgeLegend.appendChild(el("li"));
    li.appendChild(el("span", "pkg-edge-name", entry.type));
    li.appendChild(el("span", "pkg-count", entry.count));
    li.title = entry.doc;
  });

  function setTypeVisible(type, visible) {
    var changes = nodes.get({ filter: function (n) { return n.ptype === type; } })
      .map(function (n) { return { id: n.id, hidden: !visible }; });
    nodes.update(changes);
    var boxes = legend.querySelectorAll("input[type=checkbox]");
    for (var i = 0; i < boxes.length; i++) {
      if (boxes[i].dataset.type === type) { boxes[i].checked = visible; }
    }
    return changes.length;
  }

  // Side panel with live links for the clicked node or relationship.
  var panel = document.getElementById("pkg-info");
  function showInfo(info) {
    panel.textContent = "";
    var close = panel.appendChild(el("button", "pkg-close", "\u00d7"));
    close.type = "button";
    close.setAttribute("aria-label", "close");
    close.addEventListener("click", function () { panel.hidden = true; });
    panel.appendChild(card(info, true));
    panel.hidden = false;
  }

  // Search by label: exact matches first, then prefixes, then substrings.
  var names = document.getElementById("pkg-names");
  var found = document.getElementById("pkg-found");
  var search = document.getElementById("pkg-search");
  var seenNames = {};
  nodes.get().forEach(function (n) {
    if (seenNames[n.fullname]) { return; }
    seenNames[n.fullname] = true;
    var option = names.appendChild(el("option"));
    option.value = n.fullname;
  });

  function find(text) {
    var query = String(text || "").trim().toLowerCase();
    if (!query) { found.textContent = ""; network.unselectAll(); return []; }
    var ranked = [];
    nodes.get().forEach(function (n) {
      var name = String(n.fullname).toLowerCase();
      var rank = name === query ? 0 : name.indexOf(query) === 0 ? 1 :
        name.indexOf(query) > 0 ? 2 : -1;
      if (rank >= 0) { ranked.push([rank, -(n.value || 0), name, n.id]); }
    });
    ranked.sort(function (a, b) {
      return a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0);
    });
    var ids = ranked.map(function (r) { return r[3]; });
    if (!ids.length) {
      found.textContent = "No node matches \u201c" + text + "\u201d.";
      network.unselectAll();
      return ids;
    }
    var first = nodes.get(ids[0]);
    if (first.hidden) { setTypeVisible(first.ptype, true); }
    network.selectNodes([ids[0]]);
    network.focus(ids[0], { scale: 1.2, animation: false });
    showInfo(data.nodeInfo[ids[0]]);
    found.textContent = ids.length === 1 ? "1 match." :
      ids.length + " matches; showing the most connected.";
    return ids;
  }
  search.addEventListener("change", function () { find(search.value); });
  search.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { find(search.value); } });

  // Tooltips as elements (vis shows them as given, without parsing HTML), built on first hover
  // so that large views start fast.
  function ensureTitle(dataset, id, info) {
    var item = dataset.get(id);
    if (item && !item.title && info) { dataset.update({ id: id, title: card(info, false) }); }
  }
  network.on("hoverNode", function (p) { ensureTitle(nodes, p.node, data.nodeInfo[p.node]); });
  network.on("hoverEdge", function (p) { ensureTitle(edges, p.edge, data.edgeInfo[p.edge]); });

  state.timings.tooltips = Math.round(performance.now());
  network.on("click", function (params) {
    if (params.nodes.length) { showInfo(data.nodeInfo[params.nodes[0]]); }
    else if (params.edges.length) { showInfo(data.edgeInfo[params.edges[0]]); }
    else { panel.hidden = true; }
  });

  function count() {
    state.drawnNodes = network.body.nodeIndices.length;
    state.drawnEdges = network.body.edgeIndices.length;
  }
  function markStable() {
    if (state.stable) { return; }
    state.stable = true;
    state.stableMs = Math.round(performance.now());
    count();
    if (data.focus !== null && data.focus !== undefined) { network.selectNodes([data.focus]); }
  }
  if (data.physics) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      network.fit({ animation: false });
      markStable();
    });
    // a safety net: never leave physics running for long
    setTimeout(function () {
      if (!state.stable) { network.stopSimulation(); network.setOptions({ physics: false }); markStable(); }
    }, 15000);
  } else {
    network.once("afterDrawing", function () { markStable(); });
    network.redraw();
  }
  window.addEventListener("error", function (ev) { state.errors.push(String(ev.message)); });
  state.find = find;
  state.setTypeVisible = setTypeVisible;
  state.count = function () { count(); return [state.drawnNodes, state.drawnEdges]; };
  state.ready = true;
}());
