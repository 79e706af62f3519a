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

  function readPayload(id) {
    var node = document.getElementById(id + "-data");
    return JSON.parse(node.textContent);
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
    this.events = this.payload.events || [];
    this.hay = null;
    this.keep = null;
  }

  Timeline.prototype.start = function () {
    var self = this, P = this.payload;
    var fig = P.figure;
    return window.Plotly.newPlot(this.gd, fig.data, fig.layout, P.config).then(function () {
      self.orig = self.gd.data.map(function (tr) {
        return tr.customdata && tr.x ? Array.prototype.slice.call(tr.x) : null;
      });
      self.wire();
      self.root.setAttribute("data-ready", "true");
      window.__timelineReady = true;
    }, function (err) {
      self.fail("The chart could not be drawn: " + err);
    });
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
    var search = root.querySelector(".tl-search");
    if (search) {
      var timer = null;
      search.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(function () { self.filter(search.value); }, 120);
      });
    }
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
  Timeline.prototype.fillTable = function () {
    var tbody = this.root.querySelector(".tl-table tbody");
    if (!tbody || tbody.getAttribute("data-filled") === "true") { return; }
    var frag = document.createDocumentFragment();
    var cols = this.payload.table_columns;
    this.events.forEach(function (e) {
      var tr = el("tr");
      tr.setAttribute("data-id", String(e.id));
      cols.forEach(function (c) {
        var v = e[c];
        if (Array.isArray(v)) { v = v.join("; "); }
        var td = el("td", c === "value" || c === "mention" ? "tl-nowrap" : "", v === null || v === undefined ? "" : v);
        tr.appendChild(td);
      });
      var td = el("td");
      var b = el("button", "tl-show", "Details");
      b.type = "button";
      b.setAttribute("data-id", String(e.id));
      td.appendChild(b);
      tr.appendChild(td);
      frag.appendChild(tr);
    });
    tbody.appendChild(frag);
    tbody.setAttribute("data-filled", "true");
    this.filterTable();
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
    if (idx.length) { window.Plotly.restyle(gd, { x: xs }, idx); }
    this.filterTable();
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
    if (panel && !panel.hidden) { panel.hidden = true; }
  };

  Timeline.prototype.showDetails = function (id) {
    var e = this.events[id];
    var panel = this.root.querySelector(".tl-details");
    if (!e || !panel) { return; }
    var body = panel.querySelector(".tl-details-body");
    body.textContent = "";
    var h = el("h3", "tl-details-title", e.title || e.mention || "(event)");
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

    panel.hidden = false;
    h.focus({ preventScroll: true });
  };

  var TimelinePage = {
    instances: {},
    /* Start the timeline whose plot div has this id, once plotly.js is there. */
    boot: function (id) {
      var tries = 0;
      function go() {
        if (typeof window.Plotly !== "undefined" && window.Plotly.newPlot) {
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
