/* timeline page behaviour: search, details panel, events table, themes.
   Works for full pages and for several fragments on one page: everything hangs
   off the root element whose id is "<div_id>-root". Document text is only ever
   inserted with textContent / createTextNode, never as HTML. */
(function () {
  "use strict";
  if (window.TimelinePage) { return; }

  var SAFE_URL = /^https?:\/\/[^\s"<>\\`]+$/i;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  /* performance.mark when the browser has it (benchmarks read these marks). */
  function mark(name) {
    if (window.performance && window.performance.mark) { window.performance.mark("tl:" + name); }
  }

  function readPayload(id) {
    var node = document.getElementById(id + "-data");
    return JSON.parse(node.textContent);
  }

  /* {column: [values]} -> [{column: value}] with an id per row. */
  function rowsOf(cols) {
    if (!cols) { return []; }
    var names = Object.keys(cols), n = cols.title ? cols.title.length : 0, out = new Array(n);
    for (var i = 0; i < n; i++) {
      var e = { id: i };
      for (var k = 0; k < names.length; k++) { e[names[k]] = cols[names[k]][i]; }
      out[i] = e;
    }
    return out;
  }

  /* Text for Plotly, which renders a subset of HTML: escape it. */
  function esc(s) {
    return String(s === null || s === undefined ? "" : s)
      .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function shorten(s, n) {
    s = String(s || "").split(/\s+/).join(" ").trim();
    return s.length <= n ? s : s.slice(0, n - 1).replace(/\s+$/, "") + "\u2026";
  }

  function wrap(s, width, maxLines) {
    var words = String(s || "").split(/\s+/).filter(Boolean), lines = [], cur = "";
    for (var i = 0; i < words.length; i++) {
      var w = words[i];
      if (cur && cur.length + 1 + w.length > width) {
        lines.push(cur);
        cur = w;
        if (lines.length === maxLines) {
          lines[lines.length - 1] = lines[lines.length - 1].replace(/[.,;: ]+$/, "") + " \u2026";
          return lines;
        }
      } else {
        cur = cur ? cur + " " + w : w;
      }
    }
    if (cur) { lines.push(cur); }
    return lines;
  }

  /* Hover text of an event: same content as the Python figure's hover. */
  function hoverOf(e) {
    var lines = ["<b>" + esc(shorten(e.title || e.mention || e.value || "(event)", 90)) + "</b>",
      esc(shorten(e.mention, 60)) + " <span style='opacity:0.7'>\u2192 " + esc(e.value) + "</span>"];
    wrap(e.sentence, 72, 4).forEach(function (l) { lines.push(esc(l)); });
    lines.push("<i>" + esc(shorten(e.doc, 60)) + "</i>" + (e.doc_title ? " \u2014 " + esc(shorten(e.doc_title, 60)) : ""));
    var notes = [], st = String(e.status || "").trim().toLowerCase();
    if (st && st !== "reported") { notes.push(esc(st)); }
    if (e.year_assumed) { notes.push("year assumed" + (e.reference_date ? " from " + esc(e.reference_date) : "")); }
    if (e.n_sources && e.n_sources > 1) { notes.push(e.n_sources + " sources"); }
    if (notes.length) { lines.push("<i>" + notes.join(" \u00b7 ") + "</i>"); }
    return lines.join("<br>");
  }

  /* Hover text of a trace, written only for the marks hovered: an array-like view
     of the trace's event ids (plotly.js reads hovertext[i] when a mark is hovered),
     so the first plot does not wait for 10,000 hover texts. Browsers without Proxy
     get the texts written up front. */
  function hoverTexts(ids, evs, cache) {
    function text(id) { return cache[id] || (cache[id] = evs[id] ? hoverOf(evs[id]) : ""); }
    if (typeof window.Proxy !== "function") { return ids.map(text); }
    return new window.Proxy(ids, {
      get: function (target, key) {
        if (typeof key === "string" && /^\d+$/.test(key)) {
          var id = target[+key];
          return id === undefined || id === null ? undefined : text(id);
        }
        return target[key];
      }
    });
  }

  function haystack(e) {
    return [e.title, e.sentence, e.mention, e.value, e.doc, e.doc_title, e.source,
      (e.actors || []).join(" "), (e.sources || []).join(" ")].join("\n").toLowerCase();
  }

  function fmtPeriod(e) {
    if (!e.start) { return ""; }
    return e.end && e.end !== e.start ? e.start + " \u2192 " + e.end : e.start;
  }

  function Timeline(id) {
    this.id = id;
    this.root = document.getElementById(id + "-root");
    this.gd = document.getElementById(id);
    this.payload = readPayload(id);
    mark("parsed");
    this.events = rowsOf(this.payload.events);
    mark("rows");
    this.hay = null;
    this.keep = null;
  }

  Timeline.prototype.start = function () {
    var self = this, P = this.payload;
    var fig = P.figure;
    var evs = this.events, cache = {};
    fig.data.forEach(function (tr) {
      var role = tr.meta && tr.meta.tl;
      if ((role === "points" || role === "spans" || role === "marks") && tr.customdata && !tr.hovertext &&
          evs.length) {
        tr.hovertext = hoverTexts(tr.customdata, evs, cache);
      }
    });
    presetMargins(fig.layout, fig.data);
    mark("hover");
    return window.Plotly.newPlot(this.gd, fig.data, fig.layout, P.config).then(function () {
      mark("plotted");
      self.orig = self.gd.data.map(function (tr) {
        return tr.customdata && tr.x ? Array.prototype.slice.call(tr.x) : null;
      });
      self.collectItems();
      mark("items");
      self.wire();
      self.relabel();
      mark("labelled");
      self.root.setAttribute("data-ready", "true");
      window.__timelineReady = true;
      window.__timelineReadyAt = window.performance ? window.performance.now() : 0;
    }, function (err) {
      self.fail("The chart could not be drawn: " + err);
    });
  };

  /* Every drawn mark: event id, lane trace, row (y), start/end in ms. WebGL lanes
     ("marks") hold meta.spans spans of four vertices, then points of two. */
  Timeline.prototype.collectItems = function () {
    var items = [], gd = this.gd, xa = gd._fullLayout.xaxis;
    function toMs(v) { return xa.d2l(v); }
    gd.data.forEach(function (tr, i) {
      var role = tr.meta && tr.meta.tl;
      if (!tr.customdata || (role !== "points" && role !== "spans" && role !== "marks")) { return; }
      var cd = tr.customdata, n = cd.length, j, a, b;
      if (role === "marks") {
        var ns = 4 * (tr.meta.spans || 0);
        for (j = 0; j + 2 < ns; j += 4) {
          items.push({ id: cd[j], t: i, y: tr.y[j], a: toMs(tr.x[j]), b: toMs(tr.x[j + 2]), p: false });
        }
        for (j = ns; j < n; j += 2) {
          a = toMs(tr.x[j]);
          items.push({ id: cd[j], t: i, y: tr.y[j], a: a, b: a, p: true });
        }
      } else if (tr.type === "bar") {
        for (j = 0; j < n; j++) {
          a = toMs(tr.base[j]);
          items.push({ id: cd[j], t: i, y: tr.y[j], a: a, b: a + tr.x[j], p: false });
        }
      } else {
        for (j = 0; j < n; j++) {
          a = toMs(tr.x[j]);
          items.push({ id: cd[j], t: i, y: tr.y[j], a: a, b: a, p: true });
        }
      }
    }, this);
    this.items = items;
  };

  var measureCtx = null;
  function textWidth(text, font) {
    if (!measureCtx) { measureCtx = document.createElement("canvas").getContext("2d"); }
    measureCtx.font = font;
    return measureCtx.measureText(text).width;
  }

  function plainText(s) {
    return String(s === null || s === undefined ? "" : s).replace(/<[^>]*>/g, "")
      .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  }

  /* Margins wide enough for the lane names (y tick labels) and the legend, measured
     before the first plot: plotly.js then finds nothing to push ("automargin") and
     draws the plot once instead of drawing it again with the margins it measured.
     A slight overestimate only widens the margin; an underestimate costs the redraw. */
  function presetMargins(layout, data) {
    var family = (layout.font && layout.font.family) || "sans-serif", size = (layout.font && layout.font.size) || 12;
    var m = layout.margin || (layout.margin = {}), w = 0, k;
    var ticks = (layout.yaxis && layout.yaxis.ticktext) || [];
    if (ticks.length) {
      var tickFont = ((layout.yaxis.tickfont && layout.yaxis.tickfont.size) || size) + "px " + family;
      for (k = 0; k < ticks.length; k++) { w = Math.max(w, textWidth(plainText(ticks[k]), tickFont)); }
      m.l = Math.max(m.l || 0, Math.ceil(w) + 18);
    }
    var lg = layout.legend || {};
    if (layout.showlegend === false || !(lg.x >= 1) || lg.xanchor !== "left") { return; }
    w = textWidth(plainText(lg.title && lg.title.text), size + "px " + family);
    for (k = 0; k < data.length; k++) {
      var tr = data[k];
      if (tr.showlegend === false || (tr.legend && tr.legend !== "legend")) { continue; }
      w = Math.max(w, 40 + textWidth(plainText(tr.name), size + "px " + family));
    }
    m.r = Math.max(m.r || 0, Math.ceil(w) + 20);
  }

  /* Labels for the current zoom: in each row, left to right, a label is drawn
     when it fits before the next mark and after the previous label (to the right
     of a point, else to its left; inside a span from its visible start). */
  Timeline.prototype.relabel = function () {
    var gd = this.gd, fl = gd._fullLayout, self = this;
    if (!fl || !fl.xaxis || !fl._size) { return; }
    var xa = fl.xaxis, ya = fl.yaxis, size = fl._size, width = size.w, keep = this.keep;
    var layer = this.labelLayer;
    if (!layer || !layer.parentNode) {
      layer = this.labelLayer = el("div", "tl-labels");
      layer.setAttribute("aria-hidden", "true");
      gd.appendChild(layer);
    }
    layer.style.left = size.l + "px";
    layer.style.top = size.t + "px";
    layer.style.width = size.w + "px";
    layer.style.height = size.h + "px";
    var r0 = xa.r2l(xa.range[0]), r1 = xa.r2l(xa.range[1]);
    var pxPerMs = width / (r1 - r0);
    var hidden = {};
    (gd._fullData || []).forEach(function (fd) { if (fd.visible !== true) { hidden[fd.index] = true; } });
    var rows = {}, inView = 0, items = this.items;
    for (var k = 0; k < items.length; k++) {
      var it = items[k];
      if (hidden[it.t] || (keep !== null && !keep[it.id]) || it.b < r0 || it.a > r1) { continue; }
      (rows[it.y] || (rows[it.y] = [])).push(it);
      inView++;
    }
    var cs = window.getComputedStyle(layer);
    var font = cs.fontSize + " " + cs.fontFamily;
    var maxChars = this.payload.label_chars || 34;
    var frag = document.createDocumentFragment(), shown = 0;
    if (inView <= (this.payload.max_labels || 800)) {
      Object.keys(rows).forEach(function (y) {
        var row = rows[y], py = ya.l2p(+y);
        row.sort(function (p, q) { return p.a - q.a; });
        var prevEnd = -Infinity;
        for (var k = 0; k < row.length; k++) {
          var it = row[k], ev = self.events[it.id];
          if (!ev) { continue; }
          var label = ev.shortLabel || (ev.shortLabel = shorten(ev.title || ev.mention || ev.value, maxChars));
          if (!label) { continue; }
          var w = textWidth(label, font) + 2;
          var ax = it.p ? (it.a - r0) * pxPerMs : Math.max((it.a - r0) * pxPerMs, 0);
          var markR = it.p ? ax + 6 : (it.b - r0) * pxPerMs;
          var nx = k + 1 < row.length ? row[k + 1] : null;
          var next = nx ? (nx.a - r0) * pxPerMs - (nx.p ? 8 : 3) : width;
          next = Math.min(next, width);
          var start = it.p ? ax + 8 : ax + 4, x = null;
          if (start >= prevEnd && start + w <= next) {
            x = start;
            prevEnd = start + w + 4;
          } else if (ax - 8 - w >= Math.max(prevEnd, 0)) {
            x = ax - 8 - w;
            prevEnd = Math.max(prevEnd, markR + 2);
          } else {
            prevEnd = Math.max(prevEnd, markR + 2);
          }
          if (x !== null) {
            var span = el("span", "tl-label", label);
            span.style.left = x.toFixed(1) + "px";
            span.style.top = py.toFixed(1) + "px";
            span.setAttribute("data-id", String(it.id));
            frag.appendChild(span);
            shown++;
          }
        }
      });
    }
    layer.textContent = "";
    layer.appendChild(frag);
    this.shownLabels = shown;
    this.root.setAttribute("data-labels", String(shown));
  };

  /* Restyling x makes Plotly re-detect the x axis type (and range) from the data:
     pin both to what they are. */
  Timeline.prototype.keepAxis = function () {
    var xa = this.gd._fullLayout.xaxis;
    return { "xaxis.type": "date", "xaxis.range": xa.range.slice(), "xaxis.autorange": false };
  };

  Timeline.prototype.syncLanes = function () {
    var on = {};
    this.gd.data.forEach(function (tr) {
      if (tr.legendgroup && tr.visible !== "legendonly" && tr.visible !== false) { on[tr.legendgroup] = true; }
    });
    var boxes = this.root.querySelectorAll(".tl-lane");
    for (var i = 0; i < boxes.length; i++) {
      boxes[i].checked = !!on["lane" + boxes[i].getAttribute("data-lane")];
    }
  };

  Timeline.prototype.fail = function (msg) {
    var p = el("p", "tl-error", msg);
    this.gd.appendChild(p);
  };

  Timeline.prototype.wire = function () {
    var self = this, root = this.root;
    this.gd.on("plotly_click", function (data) {
      if (!data || !data.points || !data.points.length) { return; }
      var cd = data.points[0].customdata;
      if (cd !== undefined && cd !== null) { self.showDetails(+cd); }
    });
    var busy = false, pending = null;
    function later() {
      clearTimeout(pending);
      pending = setTimeout(function () {
        if (busy) { return; }
        busy = true;
        try { self.relabel(); } finally { busy = false; }
      }, 60);
    }
    this.gd.on("plotly_relayout", function (d) {
      if (!d) { return; }
      for (var k in d) {
        if (k.indexOf("xaxis.range") === 0 || k === "xaxis.autorange" || k === "width" || k === "autosize") {
          later();
          return;
        }
      }
    });
    var frame = null;
    this.gd.on("plotly_relayouting", function () {
      if (frame) { return; }
      frame = window.requestAnimationFrame(function () { frame = null; self.relabel(); });
    });
    this.gd.on("plotly_restyle", function (d) {
      if (!busy && d && d[0] && "visible" in d[0]) { later(); }
    });
    window.addEventListener("resize", later);
    this.later = later;
    var search = root.querySelector(".tl-search");
    if (search) {
      var timer = null;
      search.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(function () { self.filter(search.value); }, 120);
      });
    }
    /* Lane checkboxes: keyboard-reachable twin of the legend (kept in sync). */
    root.addEventListener("change", function (ev) {
      var box = ev.target;
      if (!box.classList || !box.classList.contains("tl-lane")) { return; }
      var group = "lane" + box.getAttribute("data-lane"), idx = [];
      self.gd.data.forEach(function (tr, i) { if (tr.legendgroup === group) { idx.push(i); } });
      if (idx.length) { window.Plotly.restyle(self.gd, { visible: box.checked ? true : "legendonly" }, idx); }
    });
    this.gd.on("plotly_restyle", function () { self.syncLanes(); });
    var theme = root.querySelector(".tl-theme");
    if (theme) {
      theme.addEventListener("change", function () { self.setTheme(theme.value); });
    }
    var close = root.querySelector(".tl-close");
    if (close) { close.addEventListener("click", function () { self.hideDetails(); }); }
    root.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape") { self.hideDetails(); }
    });
    root.addEventListener("click", function (ev) {
      var b = ev.target.closest ? ev.target.closest(".tl-show") : null;
      if (b && root.contains(b)) { self.showDetails(+b.getAttribute("data-id")); }
    });
    var wrap = root.querySelector(".tl-table-wrap");
    if (wrap && wrap.getAttribute("data-lazy") === "true") {
      wrap.addEventListener("toggle", function () {
        if (wrap.open) { self.fillTable(); }
      });
    }
  };

  /* Rows of the events table, built on first opening for large tables. */
  /* Large tables: rows are built when the table is opened, for the events that
     match the search, at most payload.table_max of them (a note says so). */
  Timeline.prototype.fillTable = function () {
    var tbody = this.root.querySelector(".tl-table tbody");
    if (!tbody || tbody.getAttribute("data-filled") === "true") { return; }
    var frag = document.createDocumentFragment();
    var cols = this.payload.table_columns, keep = this.keep;
    var cap = this.payload.table_max || 5000, shown = 0, total = 0;
    for (var i = 0; i < this.events.length; i++) {
      var e = this.events[i];
      if (keep !== null && !keep[e.id]) { continue; }
      total++;
      if (shown >= cap) { continue; }
      shown++;
      var tr = el("tr");
      tr.setAttribute("data-id", String(e.id));
      for (var k = 0; k < cols.length; k++) {
        var c = cols[k], v = e[c];
        if (Array.isArray(v)) { v = v.join("; "); }
        tr.appendChild(el("td", c === "value" || c === "mention" ? "tl-nowrap" : "", v === null || v === undefined ? "" : v));
      }
      var td = el("td");
      var b = el("button", "tl-show", "Details");
      b.type = "button";
      b.setAttribute("data-id", String(e.id));
      td.appendChild(b);
      tr.appendChild(td);
      frag.appendChild(tr);
    }
    tbody.textContent = "";
    tbody.appendChild(frag);
    tbody.setAttribute("data-filled", "true");
    var note = this.root.querySelector(".tl-table-note");
    if (note) {
      note.textContent = shown < total ? "Showing the first " + shown + " of " + total +
        " matching rows: search to narrow them down." : "";
    }
  };

  Timeline.prototype.filterTable = function () {
    var keep = this.keep;
    var rows = this.root.querySelectorAll(".tl-table tbody tr");
    for (var i = 0; i < rows.length; i++) {
      var id = +rows[i].getAttribute("data-id");
      rows[i].hidden = keep !== null && !keep[id];
    }
  };

  Timeline.prototype.filter = function (query) {
    var terms = String(query || "").toLowerCase().split(/\s+/).filter(Boolean);
    var evs = this.events, n = evs.length, keep = null, shown = n;
    if (terms.length) {
      if (!this.hay) { this.hay = evs.map(haystack); }
      keep = new Uint8Array(n);
      shown = 0;
      for (var i = 0; i < n; i++) {
        var h = this.hay[i], ok = true;
        for (var k = 0; k < terms.length; k++) {
          if (h.indexOf(terms[k]) < 0) { ok = false; break; }
        }
        if (ok) { keep[i] = 1; shown++; }
      }
    }
    this.keep = keep;
    var xs = [], idx = [], gd = this.gd, orig = this.orig;
    gd.data.forEach(function (tr, i) {
      if (!orig[i]) { return; }
      var cd = tr.customdata, o = orig[i];
      xs.push(keep === null ? o.slice() : o.map(function (v, j) { return keep[cd[j]] ? v : null; }));
      idx.push(i);
    });
    if (idx.length) { window.Plotly.update(gd, { x: xs }, this.keepAxis(), idx); }
    this.relabel();
    var wrap = this.root.querySelector(".tl-table-wrap");
    if (wrap && wrap.getAttribute("data-lazy") === "true") {
      var tb = this.root.querySelector(".tl-table tbody");
      if (tb) { tb.setAttribute("data-filled", "false"); }
      if (wrap.open) { this.fillTable(); }
    } else {
      this.filterTable();
    }
    var count = this.root.querySelector(".tl-count");
    if (count) {
      count.textContent = keep === null ? n + " events" : shown + " of " + n + " events match";
    }
    this.root.setAttribute("data-shown", String(shown));
  };

  Timeline.prototype.setTheme = function (name) {
    var th = (this.payload.themes || {})[name];
    if (!th) { return; }
    this.root.setAttribute("data-theme", name);
    if (this.payload.full_page) { document.documentElement.setAttribute("data-tl-theme", name); }
    var gd = this.gd;
    window.Plotly.relayout(gd, th.layout);
    var textIdx = [], styleIdx = [];
    gd.data.forEach(function (tr, i) {
      if (tr.textfont) { textIdx.push(i); }
      if (tr.meta && tr.meta.tl === "style-legend") { styleIdx.push(i); }
    });
    if (textIdx.length) { window.Plotly.restyle(gd, { "textfont.color": th.text }, textIdx); }
    if (styleIdx.length) {
      window.Plotly.restyle(gd, { "marker.color": th.muted, "marker.line.color": th.muted }, styleIdx);
    }
  };

  Timeline.prototype.hideDetails = function () {
    var panel = this.root.querySelector(".tl-details");
    if (panel && !panel.hidden) { panel.hidden = true; this.resize(); }
  };

  /* The plot shares its row with the details panel: refit it when that changes. */
  Timeline.prototype.resize = function () {
    var gd = this.gd;
    var self = this, root = this.root;
    if (window.Plotly && window.Plotly.Plots) {
      root.setAttribute("data-resizing", "true");
      window.Plotly.Plots.resize(gd).then(function () {
        self.relabel();
        root.removeAttribute("data-resizing");
      }, function () { root.removeAttribute("data-resizing"); });
    }
  };

  Timeline.prototype.showDetails = function (id) {
    var e = this.events[id];
    var panel = this.root.querySelector(".tl-details");
    if (!e || !panel) { return; }
    var body = panel.querySelector(".tl-details-body");
    body.textContent = "";
    var h = el("h3", "tl-details-title", e.title || e.mention || e.value || "(event)");
    h.tabIndex = -1;
    body.appendChild(h);
    if (e.status && e.status !== "reported") { body.appendChild(el("span", "tl-badge", e.status)); }
    if (e.year_assumed) { body.appendChild(el("span", "tl-badge", "year assumed")); }
    if (e.n_sources && e.n_sources > 1) { body.appendChild(el("span", "tl-badge", e.n_sources + " sources")); }

    var dl = el("dl");
    function row(label, value, node) {
      if ((value === undefined || value === null || value === "") && !node) { return; }
      dl.appendChild(el("dt", "", label));
      var dd = el("dd");
      if (node) { dd.appendChild(node); } else { dd.textContent = String(value); }
      dl.appendChild(dd);
    }
    row("As written", e.mention);
    row("Normalised", e.value + (e.granularity ? " (" + e.granularity + ")" : ""));
    row("Period", fmtPeriod(e));
    if (e.year_assumed) { row("Year", "assumed from reference date " + (e.reference_date || "")); }
    body.appendChild(dl);

    var q = el("blockquote", "tl-sentence");
    var s = e.sentence || "", hl = e.hl;
    if (hl && hl.length === 2 && hl[0] >= 0 && hl[1] <= s.length && hl[0] < hl[1]) {
      q.appendChild(document.createTextNode(s.slice(0, hl[0])));
      q.appendChild(el("mark", "", s.slice(hl[0], hl[1])));
      q.appendChild(document.createTextNode(s.slice(hl[1])));
    } else {
      q.appendChild(document.createTextNode(s));
    }
    body.appendChild(q);

    var dl2 = el("dl");
    dl = dl2;
    row("Document", e.doc);
    row("Title", e.doc_title);
    row("Source", e.source);
    if (e.url && SAFE_URL.test(e.url)) {
      var a = el("a", "tl-url", e.url);
      a.href = e.url;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      row("URL", null, a);
    } else if (e.url) {
      row("URL", e.url);
    }
    row("Actors", (e.actors || []).join(", "));
    row("Sources", (e.sources || []).join(", "));
    row("Reference date", e.reference_date);
    body.appendChild(dl2);

    var wasHidden = panel.hidden;
    panel.hidden = false;
    if (wasHidden) { this.resize(); }
    h.focus({ preventScroll: true });
  };

  var TimelinePage = {
    instances: {},
    /* Start the timeline whose plot div has this id, once plotly.js is there. */
    boot: function (id) {
      var tries = 0;
      function go() {
        if (typeof window.Plotly !== "undefined" && window.Plotly.newPlot) {
          if (!window.__timelineBootAt && window.performance) { window.__timelineBootAt = window.performance.now(); }
          var t = new Timeline(id);
          TimelinePage.instances[id] = t;
          t.start();
          return;
        }
        if (tries++ > 600) {
          var gd = document.getElementById(id);
          if (gd) { gd.appendChild(el("p", "tl-error", "plotly.js could not be loaded.")); }
          return;
        }
        setTimeout(go, 50);
      }
      if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", go);
      } else {
        go();
      }
    }
  };
  window.TimelinePage = TimelinePage;
})();
