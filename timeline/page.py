"""The HTML page (or fragment) around the timeline figure.

The page adds what a bare Plotly figure lacks: a search box that filters events as
you type, a details panel that opens when an event is clicked (the sentence with
the date words highlighted, the document and its link), the events as an HTML
table (collapsed by default), and a theme switch (light, dark, print).

Safety: document text reaches the page in two ways only, both inert: HTML-escaped
text in the table, and a JSON block (``<script type="application/json">``) whose
``<``, ``>``, ``&``, U+2028 and U+2029 are written as ``\\uXXXX`` escapes. The page
script inserts that text with ``textContent`` and builds ``<mark>`` and ``<a>``
elements itself; only ``http(s)`` URLs become links.

plotly.js can be inlined (``plotlyjs="inline"``, an offline self-contained file),
taken from the CDN (``"cdn"``), from a file beside the page (``"directory"``) or
left to the host page (``"none"``). A full page of our own figure gets the smallest
official plotly.js bundle that draws it (vendored in ``timeline/vendor/plotlyjs``,
see ``scripts/update_plotlyjs.sh``): ``basic`` (SVG scatter and bars, 1.2 MB) or
``gl2d`` (WebGL scatter for large tables, 1.6 MB), instead of the full 4.8 MB
library, which takes about three times as long to load. Fragments and foreign
figures get the full plotly.js shipped with the ``plotly`` package, because a host
page may hold other Plotly figures that need any trace type; fragments load
plotly.js at most once per page, whatever the mode, and each fragment's script
waits until ``window.Plotly`` exists.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from .chart import (LABEL_CHARS, PALETTE, THEMES, Prepared, _col, _text, highlight_span,
                    lane_shapes, plot, safe_url, theme_layout)
from .errors import OutputError

__all__ = ["to_html", "write_html", "screenshot", "PLOTLYJS_MODES", "BUNDLES", "choose_bundle", "plotly_cdn_url"]

PLOTLYJS_MODES = ("inline", "cdn", "directory", "none")
#: Above this many events the table rows are built by the page script when the
#: table is first opened, rather than written into the HTML.
TABLE_STATIC_MAX = 2000
#: The most rows the page script builds at once for such a table (search narrows them).
TABLE_JS_MAX = 5000
TABLE_COLUMNS = [("value", "Date"), ("mention", "As written"), ("title", "Event"), ("status", "Status"),
                 ("doc", "Document"), ("sentence", "Sentence")]
#: The most labels the page draws at once (beyond, zoom in to see labels).
MAX_LABELS = 800
_ID_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,63}$")
_PLOTLY_FILE = "plotly.min.js"
_NOWRAP_TD = '<td class="tl-nowrap">'
#: The partial plotly.js bundles vendored in ``timeline/vendor/plotlyjs`` (fetched by
#: ``scripts/update_plotlyjs.sh`` from npm, ``plotly.js-<name>-dist-min``): name ->
#: (version, trace types it draws). ``gl2d`` was last published for plotly.js 3.7.0.
BUNDLES: dict[str, tuple[str, frozenset[str]]] = {
    "basic": ("4.1.1", frozenset({"scatter", "bar", "pie"})),
    "gl2d": ("3.7.0", frozenset({"scatter", "scattergl", "splom", "parcoords"})),
}


@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    return resources.files("timeline").joinpath("assets", name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def _plotlyjs(bundle: str | None = None) -> str:
    """plotly.js source: the full library of the ``plotly`` package (``bundle=None``)
    or a vendored partial bundle."""
    if bundle is None:
        from plotly.offline import get_plotlyjs

        return get_plotlyjs()
    return resources.files("timeline").joinpath("vendor", "plotlyjs", bundle_file(bundle)).read_text(
        encoding="utf-8")


def bundle_file(bundle: str | None) -> str:
    """File name of a plotly.js bundle in ``"directory"`` mode (``plotly.min.js`` for the full one)."""
    return _PLOTLY_FILE if bundle is None else f"plotly-{bundle}.min.js"


def plotly_cdn_url(bundle: str | None = None) -> str:
    """The CDN address of the full plotly.js bundled with the installed plotly
    (``bundle=None``), or of a vendored partial bundle (the vendored version)."""
    if bundle is not None:
        return f"https://cdn.plot.ly/plotly-{bundle}-{BUNDLES[bundle][0]}.min.js"
    from plotly.offline import get_plotlyjs_version

    return f"https://cdn.plot.ly/plotly-{get_plotlyjs_version()}.min.js"


def choose_bundle(trace_types: set[str]) -> str | None:
    """The smallest vendored bundle drawing every trace type (``None``: the full plotly.js)."""
    for name in ("basic", "gl2d"):
        if trace_types <= BUNDLES[name][1]:
            return name
    return None


def script_json(obj: Any) -> str:
    """JSON safe to embed in a ``<script>`` element: no ``</script>``, ``<!--``,
    ``&`` or line separators can appear literally."""
    s = obj if isinstance(obj, str) else json.dumps(obj, ensure_ascii=False, separators=(",", ":"), default=str)
    return (s.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _attr(s: Any) -> str:
    return html.escape(_text(s), quote=True)


def _flatten(d: dict, prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in d.items():
        key = f"{prefix}.{k}" if prefix else k
        if isinstance(v, dict):
            out.update(_flatten(v, key))
        else:
            out[key] = v
    return out


_FINE = ("part_of_day", "hour", "minute", "second")


def _period_columns(ev: pd.DataFrame) -> tuple[list[str], list[str]]:
    """Readable first and last (inclusive) day of each period ("" when not dated)."""
    if not len(ev):
        return [], []
    gran = _col(ev, "granularity")
    fine = np.array([g in _FINE for g in gran], dtype=bool)
    start = ev["start"].to_numpy().astype("datetime64[m]")
    end = ev["end"].to_numpy().astype("datetime64[m]")
    last = np.where(fine, end, end - np.timedelta64(1, "D"))
    s_day = np.datetime_as_string(start, unit="D")
    s_min = np.char.replace(np.datetime_as_string(start, unit="m").astype(str), "T", " ")
    l_day = np.datetime_as_string(last, unit="D")
    l_min = np.char.replace(np.datetime_as_string(last, unit="m").astype(str), "T", " ")
    a = np.where(fine, s_min, s_day).tolist()
    b = np.where(fine, l_min, l_day).tolist()
    nat = (np.isnat(start) | np.isnat(end)).tolist()
    later = (last > start).tolist()
    firsts = ["" if n else x for x, n in zip(a, nat)]
    lasts = ["" if n or not lt else y for y, n, lt in zip(b, nat, later)]
    return firsts, lasts


def _event_columns(prep: Prepared) -> dict[str, list[Any]]:
    """The events for the page script, column by column (event id = position)."""
    ev = prep.events
    cols = {c: [_text(v) for v in _col(ev, c)] for c in (
        "title", "mention", "value", "granularity", "sentence", "doc", "doc_title", "source", "url", "status",
        "reference_date")}
    out: dict[str, list[Any]] = dict(cols)
    out["start"], out["end"] = _period_columns(ev)
    out["hl"] = [highlight_span(s_, m) for s_, m in zip(cols["sentence"], cols["mention"])]
    out["link"] = [safe_url(u) if u else "" for u in cols["url"]]
    out["actors"] = [[_text(x) for x in a] if isinstance(a, (list, tuple)) else [] for a in ev["actors"].tolist()]
    out["year_assumed"] = [bool(v) for v in ev["year_assumed"].fillna(False).tolist()]
    if "sources" in ev.columns:
        out["sources"] = [[_text(x) for x in v] if isinstance(v, (list, tuple, np.ndarray)) else []
                          for v in ev["sources"].tolist()]
    if "n_sources" in ev.columns:
        out["n_sources"] = [None if v is None else int(v) for v in _col(ev, "n_sources")]
    return out


def _table_columns(cols: dict[str, list[Any]]) -> list[tuple[str, str]]:
    """Table columns; merged tables (``n_sources``) also show the number of sources."""
    return TABLE_COLUMNS + ([("n_sources", "Sources")] if "n_sources" in cols else [])


def _table_html(cols: dict[str, list[Any]], lazy: bool, caption: str) -> str:
    columns = _table_columns(cols)
    head = "".join(f'<th scope="col">{html.escape(h)}</th>' for _, h in columns)
    rows: list[str] = []
    n = len(cols["title"])
    if not lazy:
        for i in range(n):
            cells = "".join(
                (_NOWRAP_TD if c in ("value", "mention") else "<td>") + _attr(cols[c][i]) + "</td>"
                for c, _ in columns
            )
            rows.append(f'<tr data-id="{i}">{cells}<td><button type="button" class="tl-show" '
                        f'data-id="{i}">Details</button></td></tr>')
    lazy_attr = ' data-lazy="true"' if lazy else ""
    filled_attr = "" if lazy else ' data-filled="true"'
    return (
        f'<details class="tl-table-wrap"{lazy_attr}>'
        f"<summary>Events table ({n} rows)</summary>"
        '<p class="tl-note tl-table-note" aria-live="polite"></p>'
        f'<div class="tl-table-scroll"><table class="tl-table"><caption class="tl-note">{html.escape(caption)}'
        f'</caption><thead><tr>{head}<th scope="col"><span class="tl-note">Details</span></th></tr></thead>'
        f"<tbody{filled_attr}>" + "\n".join(rows) + "</tbody></table></div></details>"
    )


def _plotly_tags(mode: str, fragment: bool, bundle: str | None = None) -> str:
    """How the page gets plotly.js (``bundle``: a vendored partial bundle, or the full one)."""
    if mode == "none":
        return ""
    if mode == "inline":
        src = _plotlyjs(bundle)
        if fragment:
            return ('<script charset="utf-8">if (typeof window.Plotly === "undefined") {\n'
                    + src + "\n}</script>")
        return f'<script charset="utf-8">{src}</script>'
    url = plotly_cdn_url(bundle) if mode == "cdn" else bundle_file(bundle)
    if not fragment:
        return f'<script src="{_attr(url)}" charset="utf-8"></script>'
    return (
        "<script>(function(){if(typeof window.Plotly!==\"undefined\"||"
        "document.querySelector(\"script[data-timeline-plotly]\")){return;}"
        "var s=document.createElement(\"script\");s.src=" + script_json(json.dumps(url)) + ";s.charset=\"utf-8\";"
        "s.setAttribute(\"data-timeline-plotly\",\"\");document.head.appendChild(s);})();</script>"
    )


def _page_figure(fig: go.Figure, theme: str) -> dict[str, Any]:
    """The figure as the page draws it (a plain dict; ``fig`` is not changed): no
    title (the page heading shows it); no hover text (the page script writes it
    from the event data, which halves the file); labels drawn by the page script
    at every zoom (an HTML layer over the plot) instead of fixed per-trace text."""
    d = fig.to_plotly_json()
    data = []
    for tr in d["data"]:
        meta = tr.get("meta")
        role = meta.get("tl") if isinstance(meta, dict) else None
        if role == "span-labels":
            continue
        tr = dict(tr)
        if role == "points" and tr.get("type") == "scatter":
            tr["mode"] = "markers"
            tr.pop("text", None)
            tr.pop("textposition", None)
        if role in ("points", "spans", "marks"):
            tr.pop("hovertext", None)
        data.append(tr)
    layout = dict(d["layout"])
    layout["title"] = {**layout.get("title", {}), "text": ""}
    layout["margin"] = {**layout.get("margin", {}), "t": 40}
    return {"data": data, "layout": layout}


def _figure_title(fig: go.Figure) -> str:
    """The figure's title as plain text (it is stored escaped), or "Timeline"."""
    t = fig.layout.title.text if fig.layout.title else None
    return html.unescape(re.sub(r"<[^>]*>", "", t)) if t else "Timeline"


def _figure_and_prep(events_or_fig: Any, *, lanes: str, title: str | None, theme: str
                     ) -> tuple[go.Figure, Prepared | None, str]:
    if isinstance(events_or_fig, go.Figure):
        fig = events_or_fig
        prep = getattr(fig, "_timeline", None)
        fig_theme = getattr(fig, "_timeline_theme", theme)
        if title is not None:
            fig = go.Figure(fig)
            fig.update_layout(title_text=html.escape(title, quote=False))
            fig._timeline = prep
        return fig, prep, fig_theme
    if isinstance(events_or_fig, pd.DataFrame):
        fig = plot(events_or_fig, lanes=lanes, title=title, theme=theme, _with_hover=False)
        return fig, fig._timeline, theme
    raise OutputError(f"expected an event table or a plotly Figure, got {type(events_or_fig).__name__}")


def to_html(events_or_fig: pd.DataFrame | go.Figure, *, plotlyjs: str = "inline", fragment: bool = False,
            title: str | None = None, theme: str = "light", lanes: str = "doc", div_id: str | None = None,
            full_html: bool | None = None) -> str:
    """The timeline as an HTML page (or, with ``fragment=True``, a ``<div>`` with its
    scripts to paste into a report).

    ``events_or_fig`` is an event table (drawn with :func:`timeline.chart.plot`) or a
    figure made by ``plot`` (a foreign figure works too, without search and table).
    ``plotlyjs``: ``"inline"`` (default, works offline), ``"cdn"``, ``"directory"``
    (plotly.js in a file beside the page, see :func:`write_html`) or ``"none"`` (the
    host page loads plotly.js). ``div_id`` fixes the plot div's id (default: derived
    from the content, so output is reproducible).

    A full page of a figure made by ``plot`` loads the smallest partial plotly.js
    bundle that draws it (see :data:`BUNDLES`; in ``"directory"`` mode the file is
    ``plotly-<bundle>.min.js``); fragments and foreign figures load the full plotly.js.
    """
    return _page(events_or_fig, plotlyjs=plotlyjs, fragment=fragment, title=title, theme=theme, lanes=lanes,
                 div_id=div_id, full_html=full_html)[0]


def _page(events_or_fig: pd.DataFrame | go.Figure, *, plotlyjs: str = "inline", fragment: bool = False,
          title: str | None = None, theme: str = "light", lanes: str = "doc", div_id: str | None = None,
          full_html: bool | None = None) -> tuple[str, str | None]:
    """:func:`to_html`, and the plotly.js bundle the page loads (``None``: the full one)."""
    if plotlyjs not in PLOTLYJS_MODES:
        raise OutputError(f"plotlyjs={plotlyjs!r}: use one of {', '.join(PLOTLYJS_MODES)}")
    if theme not in THEMES:
        raise OutputError(f"theme={theme!r}: use one of {', '.join(THEMES)}")
    if full_html is not None:
        fragment = not full_html
    fig, prep, theme = _figure_and_prep(events_or_fig, lanes=lanes, title=title, theme=theme)
    plain_title = title if title is not None else _figure_title(fig)
    page_fig = _page_figure(fig, theme) if prep is not None else fig.to_plotly_json()
    fig_json = pio.to_json(page_fig, validate=False, remove_uids=True)
    if div_id is None:
        div_id = "timeline-" + hashlib.sha1(fig_json.encode("utf-8")).hexdigest()[:10]
    elif not _ID_RE.match(div_id):
        raise OutputError(f"div_id={div_id!r}: use a letter then letters, digits, '-' or '_' (at most 64)")

    records = _event_columns(prep) if prep is not None else None
    themes = {}
    for name, t in THEMES.items():
        lay = _flatten(theme_layout(name))
        if prep is not None:
            lay["shapes"] = lane_shapes(prep, name)
        themes[name] = {"layout": lay, "text": t["font"], "muted": t["muted"]}
    config = {
        "responsive": True, "displaylogo": False, "scrollZoom": not fragment,
        "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"],
        "toImageButtonOptions": {"format": "png", "filename": "timeline", "scale": 2},
    }
    rest = json.dumps({"events": records, "label_chars": LABEL_CHARS, "max_labels": MAX_LABELS, "table_max": TABLE_JS_MAX, "themes": themes, "config": config, "full_page": not fragment,
                       "table_columns": [c for c, _ in _table_columns(records or {})]},
                      ensure_ascii=False, separators=(",", ":"), default=str)
    payload = script_json('{"figure":' + fig_json + "," + rest[1:])

    n_events = len(records["title"]) if records is not None else 0
    parts = [f'<div class="tl-root" id="{div_id}-root" data-theme="{theme}" role="region" '
             f'aria-label="{_attr(plain_title)}">']
    if fragment:
        parts.append(f"<style>{_asset('timeline.css')}</style>")
    controls = []
    if records is not None:
        controls.append(
            f'<label>Search <input type="search" class="tl-search" placeholder="words in titles, sentences, '
            f'actors, documents…" aria-describedby="{div_id}-count" autocomplete="off"></label>'
            f'<span class="tl-count" id="{div_id}-count" aria-live="polite">{n_events} events</span>'
        )
    if prep is not None and prep.lanes:
        boxes = "".join(
            f'<label><input type="checkbox" class="tl-lane" data-lane="{k}" checked> '
            f'<span class="tl-swatch" style="background:{PALETTE[k % len(PALETTE)]}"></span>{_attr(lane)}</label>'
            for k, lane in enumerate(prep.lanes))
        controls.append(f'<details class="tl-lanes"><summary>Lanes ({len(prep.lanes)})</summary>'
                        f'<div class="tl-lane-list" role="group" aria-label="Show lanes">{boxes}</div></details>')
    opts = "".join(f'<option value="{n}"{" selected" if n == theme else ""}>{n}</option>' for n in THEMES)
    controls.append(f'<label>Theme <select class="tl-theme">{opts}</select></label>')
    heading = f'<h{2 if fragment else 1} class="tl-heading">{html.escape(plain_title)}</h{2 if fragment else 1}>'
    if prep is None:
        heading = '<span class="tl-heading"></span>'
    plot_label = (f"Timeline chart of {n_events} events; the same events are listed in the events table"
                  if records is not None else "Chart")
    parts.append(f'<div class="tl-toolbar">{heading}<div class="tl-controls">{"".join(controls)}</div></div>')
    parts.append(
        f'<div class="tl-main"><div class="tl-plot" id="{div_id}" role="figure" '
        f'aria-label="{_attr(plot_label)}"></div>'
        '<aside class="tl-details" hidden aria-label="Event details" tabindex="-1">'
        '<button type="button" class="tl-close" aria-label="Close details">×</button>'
        '<div class="tl-details-body"></div></aside></div>'
    )
    if records is not None:
        undated = int(prep.events["start"].isna().sum()) if prep is not None else 0
        caption = f"{n_events} event mentions" + (
            f"; {undated} without a calendar date (not drawn)" if undated else "")
        parts.append(_table_html(records, n_events > TABLE_STATIC_MAX, caption))
    parts.append(f'<script type="application/json" id="{div_id}-data">{payload}</script>')
    parts.append(f"<script>{_asset('timeline.js')}</script>")
    parts.append(f'<script>window.TimelinePage.boot("{div_id}");</script>')
    parts.append("</div>")
    body = "\n".join(parts)
    if fragment:
        return _plotly_tags(plotlyjs, True) + "\n" + body, None
    bundle = choose_bundle({tr.get("type", "scatter") for tr in page_fig["data"]}) if prep is not None else None
    return (
        f'<!DOCTYPE html>\n<html lang="en" data-tl-theme="{theme}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="timeline">\n'
        f"<title>{html.escape(plain_title)}</title>\n<style>body{{margin:0}}\n{_asset('timeline.css')}</style>\n"
        f"{_plotly_tags(plotlyjs, False, bundle)}\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    ), bundle


def write_html(events_or_fig: pd.DataFrame | go.Figure, path: str | os.PathLike, **kwargs: Any) -> Path:
    """Write :func:`to_html` to ``path`` (same keywords). With ``plotlyjs="directory"``
    the plotly.js the page loads is written beside it (``plotly-basic.min.js``,
    ``plotly-gl2d.min.js`` or, for fragments and foreign figures, ``plotly.min.js``;
    once, kept when identical)."""
    path = Path(path)
    text, bundle = _page(events_or_fig, **kwargs)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if kwargs.get("plotlyjs") == "directory":
            js = path.parent / bundle_file(bundle)
            src = _plotlyjs(bundle)
            if not js.exists() or js.stat().st_size != len(src.encode("utf-8")):
                js.write_text(src, encoding="utf-8")
    except OSError as e:
        raise OutputError(f"{path}: cannot write: {e.strerror or e}") from e
    return path


def find_chromium() -> str | None:
    """The Chromium/Chrome to drive: ``$BROWSER_PATH``, then ``/usr/bin/chromium``,
    then ``chromium``, ``chromium-browser``, ``google-chrome`` on ``PATH``."""
    env = os.environ.get("BROWSER_PATH")
    if env and os.access(env, os.X_OK):
        return env
    if os.access("/usr/bin/chromium", os.X_OK):
        return "/usr/bin/chromium"
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"):
        p = shutil.which(name)
        if p:
            return p
    return None


CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def screenshot(html_path: str | os.PathLike, png_path: str | os.PathLike, width: int = 1200,
               height: int = 700, *, full_page: bool = False, theme: str | None = None) -> Path:
    """A PNG screenshot of a built page in headless Chromium (after the chart has
    rendered). Uses Playwright when installed, else ``chromium --screenshot``."""
    html_path, png_path = Path(html_path).resolve(), Path(png_path)
    chrome = find_chromium()
    if chrome is None:
        raise OutputError("screenshot: no Chromium found (set BROWSER_PATH or install chromium)")
    if not html_path.exists():
        raise OutputError(f"{html_path}: no such page")
    png_path.parent.mkdir(parents=True, exist_ok=True)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    if sync_playwright is not None:
        def shoot() -> None:
            with sync_playwright() as p:
                b = p.chromium.launch(executable_path=chrome, args=CHROMIUM_FLAGS)
                try:
                    page = b.new_page(viewport={"width": width, "height": height}, device_scale_factor=1)
                    page.goto(html_path.as_uri())
                    page.wait_for_function("() => window.__timelineReady === true", timeout=60000)
                    if theme:
                        page.select_option(".tl-theme", theme)
                    page.wait_for_timeout(300)
                    page.screenshot(path=str(png_path), full_page=full_page)
                finally:
                    b.close()

        # in a thread of its own: Playwright's sync API refuses to run inside a running event loop
        with ThreadPoolExecutor(1) as pool:
            try:
                pool.submit(shoot).result()
            except Exception as e:
                raise OutputError(f"screenshot of {html_path} failed: {type(e).__name__}: {e}") from e
        return png_path
    with tempfile.TemporaryDirectory(prefix="tl-shot-") as udd:
        cmd = [chrome, *CHROMIUM_FLAGS, f"--user-data-dir={udd}", f"--window-size={width},{height}",
               "--virtual-time-budget=10000", f"--screenshot={png_path}", html_path.as_uri()]
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if r.returncode != 0 or not png_path.exists():
        raise OutputError(f"screenshot failed: {r.stderr.strip()[-300:]}")
    return png_path
