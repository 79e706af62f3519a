"""The Plotly figure of an event table.

Time runs on x. Each lane (one per document by default, or one per value of any
column; ``lanes="actor"`` gives one lane per actor) is a horizontal band; events
that would overlap, label included, are stacked into rows inside their lane by a
greedy interval packing computed for the initial zoom, so labels never collide.

* A day or anything finer is a **point**; a week, month, season, quarter, year...
  is a **span** (a bar from ``start`` to ``end``).
* Events that are not reported as having happened (planned, expected,
  hypothetical) are **hollow**; negated ones are crosses; events whose year was
  assumed from the reference date are **diamonds / hatched spans**. A second
  legend says what each style means.
* All document text is HTML-escaped before it reaches Plotly, which otherwise
  renders ``<a href>``, ``<span style>`` and ``<br>`` in hover and label text.

:func:`plot` returns the figure; :func:`prepare` gives the per-item table it is
built from (used by :mod:`timeline.page` for the search box, the details panel
and the events table).
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from .errors import OutputError
from .schema import ensure_schema

__all__ = ["plot", "prepare", "THEMES", "PALETTE", "Prepared", "POINT_GRANULARITIES"]

#: Granularities drawn as points; coarser ones are spans.
POINT_GRANULARITIES = frozenset({"day", "part_of_day", "hour", "minute", "second"})

#: Lane colours (Tableau 10): readable on white and on dark backgrounds.
PALETTE = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
    "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
)

#: Layout colours of each theme (the page switches between them).
THEMES: dict[str, dict[str, str]] = {
    "light": {
        "paper": "#ffffff", "plot": "#ffffff", "font": "#1f2328", "muted": "#57606a",
        "grid": "#e6e8eb", "line": "#d0d7de", "hover_bg": "#ffffff", "hover_border": "#8c959f",
        "button_bg": "#f6f8fa", "button_active": "#d0d7de", "lane_band": "rgba(246,248,250,0.9)",
    },
    "dark": {
        "paper": "#0d1117", "plot": "#0d1117", "font": "#e6edf3", "muted": "#9198a1",
        "grid": "#21262d", "line": "#30363d", "hover_bg": "#161b22", "hover_border": "#6e7681",
        "button_bg": "#21262d", "button_active": "#484f58", "lane_band": "rgba(22,27,34,0.9)",
    },
    "print": {
        "paper": "#ffffff", "plot": "#ffffff", "font": "#000000", "muted": "#333333",
        "grid": "#dddddd", "line": "#999999", "hover_bg": "#ffffff", "hover_border": "#000000",
        "button_bg": "#ffffff", "button_active": "#cccccc", "lane_band": "rgba(0,0,0,0)",
    },
}

#: Above this many drawn items, points and spans use WebGL traces (no labels
#: drawn by default: the page shows labels once the user zooms in).
GL_THRESHOLD = 3000
#: Rows a lane may grow to when stacking; beyond, events share rows unlabelled.
MAX_ROWS_PER_LANE = 10
#: Assumed width of the plotting area at the initial zoom (px), and font metrics.
PLOT_WIDTH_PX = 980
CHAR_PX = 6.6
LABEL_CHARS = 34
ROW_PX = 24

_TENTATIVE = {"planned", "expected", "hypothetical"}
_LANE_ALIASES = {"actor": "actors", "document": "doc", "docs": "doc"}


def esc(value: Any) -> str:
    """Text for Plotly/HTML: ``None``/NA become ``""``; ``<``, ``>`` and ``&`` are escaped."""
    if value is None or (not isinstance(value, (list, tuple, np.ndarray)) and pd.isna(value)):
        return ""
    return html.escape(str(value), quote=False)


def _esc_fast(s: str) -> str:
    """``esc`` for a value known to be a ``str``."""
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _text(value: Any) -> str:
    if value is None or (not isinstance(value, (list, tuple, np.ndarray)) and pd.isna(value)):
        return ""
    return str(value)


def _shorten(s: str, n: int) -> str:
    if len(s) <= n and "  " not in s and "\n" not in s and "\t" not in s:
        return s
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"


def _wrap(s: str, width: int = 72, max_lines: int = 4) -> list[str]:
    """Greedy word wrap of plain text into at most ``max_lines`` lines."""
    words = s.split()
    lines: list[str] = []
    cur = ""
    for w in words:
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
            if len(lines) == max_lines:
                break
        else:
            cur = f"{cur} {w}" if cur else w
    else:
        if cur:
            lines.append(cur)
        return lines
    if lines:
        lines[-1] = lines[-1].rstrip(".,;: ") + " …"
    return lines


def highlight_span(sentence: str, mention: str) -> tuple[int, int] | None:
    """Offsets of ``mention`` inside ``sentence`` (first exact, then case-insensitive
    occurrence), or ``None``."""
    if not sentence or not mention:
        return None
    i = sentence.find(mention)
    if i < 0:
        i = sentence.lower().find(mention.lower())
    if i < 0:
        return None
    return i, i + len(mention)


def safe_url(url: Any) -> str:
    """``url`` when it is an absolute http(s) URL without whitespace or control
    characters, else ``""`` (so ``javascript:``/``data:`` never become links)."""
    u = _text(url).strip()
    if not u.lower().startswith(("http://", "https://")):
        return ""
    if any(ord(c) < 33 or c in '"<>\\`' for c in u):
        return ""
    return u


@dataclass
class Prepared:
    """What the figure is drawn from.

    ``events``: the event table (schema order), indexed 0..n-1 (the event id).
    ``items``: one row per drawn item (an event appears once per lane it is in)
    with columns ``eid, lane, lane_idx, x0, x1, xp, is_point, kind, assumed,
    row, y, label, label_side, show_label, hover``.
    ``lanes``: lane names in display order; ``lane_rows``: rows per lane;
    ``lane_col``: the column lanes were made from.
    """

    events: pd.DataFrame
    items: pd.DataFrame
    lanes: list[str]
    lane_rows: list[int]
    lane_col: str
    x_range: tuple[pd.Timestamp, pd.Timestamp] | None


def _lane_values(ev: pd.DataFrame, lanes: str) -> tuple[str, pd.Series]:
    col = _LANE_ALIASES.get(lanes, lanes)
    if col not in ev.columns:
        raise OutputError(
            f"lanes={lanes!r}: no such column; use one of: actor, "
            + ", ".join(c for c in ev.columns if c != "actors")
        )
    if col in ("actors", "sources"):
        vals = ev[col].map(
            lambda a: [str(x) for x in a if _text(x).strip()] if isinstance(a, (list, tuple, np.ndarray)) else []
        )
        missing = "(no actor)" if col == "actors" else "(no source)"
        vals = vals.map(lambda a: a or [missing])
        return col, vals
    empty = f"(no {col})"
    if col == "doc":
        names = doc_labels(ev)
        return col, ev[col].map(lambda v: [names.get(_text(v)) or _text(v).strip() or empty])
    return col, ev[col].map(lambda v: [_text(v).strip() or empty])


def doc_labels(ev: pd.DataFrame) -> dict[str, str]:
    """A short, distinct lane name for each document: its title when it has one that no
    other document shares, else the shortest end of its path that tells it apart
    ("05_witkoff_visit.txt" rather than "/home/me/story/05_witkoff_visit.txt")."""
    docs = list(dict.fromkeys(_text(d) for d in ev["doc"].tolist()))
    titles: dict[str, str] = {}
    if "doc_title" in ev.columns:
        for d, t in zip(ev["doc"].tolist(), ev["doc_title"].tolist()):
            t = _text(t).strip()
            if t and _text(d) not in titles:
                titles[_text(d)] = t
    shared = {t for t in titles.values() if list(titles.values()).count(t) > 1}
    parts = {d: [p for p in re.split(r"[/\\]", d) if p] or [d] for d in docs}
    labels: dict[str, str] = {}
    for d in docs:
        if d in titles and titles[d] not in shared:
            labels[d] = titles[d]
            continue
        for k in range(1, len(parts[d]) + 1):
            tail = "/".join(parts[d][-k:])
            if sum(1 for o in docs if o == tail or o.endswith("/" + tail) or o.endswith("\\" + tail)) <= 1:
                labels[d] = tail
                break
        else:
            labels[d] = d
    return labels


def _initial_range(items: pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The period the chart opens on: every event, unless a few early ones (a war that
    began decades ago, a treaty of 1997) would squeeze the rest into a sliver; then it
    opens on the last nine tenths of the events and the "all" button shows the rest."""
    lo, hi = items["x0"].min(), items["x1"].max()
    if len(items) >= 10:
        q = items["x0"].quantile(0.1)
        if hi - q < (hi - lo) * 0.35:
            return q, hi
    return lo, hi


def _kind(status: Any) -> str:
    s = _text(status).strip().lower()
    if s in _TENTATIVE:
        return "tentative"
    if s == "negated":
        return "negated"
    return "reported"


def _col(ev: pd.DataFrame, c: str) -> list:
    """A column as a plain Python list (NA -> None): fast to iterate."""
    s = ev[c]
    if s.dtype == object:
        return [None if (v is None or (not isinstance(v, (list, tuple, np.ndarray)) and pd.isna(v))) else v
                for v in s.tolist()]
    return s.astype(object).where(s.notna(), None).tolist()


def _hover(ev: pd.DataFrame) -> list[str]:
    """Hover text of each event (escaped, Plotly's HTML subset only). The page
    script builds the same text in the browser (``hoverOf`` in timeline.js)."""
    out = []
    cols = {c: _col(ev, c) for c in ("title", "mention", "value", "sentence", "status", "year_assumed",
                                      "reference_date", "doc", "doc_title")}
    ns = _col(ev, "n_sources") if "n_sources" in ev.columns else [None] * len(ev)
    e = _esc_fast
    for i in range(len(ev)):
        g = {c: cols[c][i] for c in cols}
        title = e(_shorten(str(g["title"] or g["mention"] or g["value"] or "(event)"), 90))
        mention = e(_shorten(str(g["mention"] or ""), 60))
        value = e(str(g["value"] or ""))
        lines = [f"<b>{title}</b>", f"{mention} <span style='opacity:0.7'>→ {value}</span>"]
        lines += [e(x) for x in _wrap(str(g["sentence"] or ""))]
        doc = e(_shorten(str(g["doc"] or ""), 60))
        dt = str(g["doc_title"] or "")
        lines.append(f"<i>{doc}</i>" + (f" — {e(_shorten(dt, 60))}" if dt else ""))
        notes = []
        st = str(g["status"] or "").strip().lower()
        if st and st != "reported":
            notes.append(e(st))
        if g["year_assumed"]:
            ref = str(g["reference_date"] or "")
            notes.append("year assumed" + (f" from {e(ref)}" if ref else ""))
        if ns[i] is not None and int(ns[i]) > 1:
            notes.append(f"{int(ns[i])} sources")
        if notes:
            lines.append("<i>" + " · ".join(notes) + "</i>")
        out.append("<br>".join(lines))
    return out


def _pack(items: pd.DataFrame, x_range: tuple[pd.Timestamp, pd.Timestamp], max_rows: int) -> None:
    """Stack items into rows inside each lane (in place): columns ``row``,
    ``show_label`` and ``label_side``.

    Greedy interval packing at the initial zoom: an item occupies its span (or its
    marker) plus the estimated width of its label; it goes to the first row where
    it does not overlap what is already there. When every row up to ``max_rows``
    is taken, it goes without its label to the row where its bare mark fits best.
    """
    lo, hi = x_range
    ns_per_px = max(pd.Timedelta(hi - lo).as_unit("ns").value / PLOT_WIDTH_PX, 1.0)
    x0a, x1a, xpa = (items[c].to_numpy().astype("datetime64[ns]").astype(np.int64) for c in ("x0", "x1", "xp"))
    x0, x1, xp = x0a.tolist(), x1a.tolist(), xpa.tolist()  # Python scalars: much faster in the loop
    is_point = items["is_point"].to_numpy().tolist()
    lab_len = items["label"].str.len().to_numpy().tolist()
    hi_ns = pd.Timestamp(hi).as_unit("ns").value
    n = len(items)
    rows = [0] * n
    show = [False] * n
    side = ["right"] * n
    gap = 10 * ns_per_px
    mark = 7 * ns_per_px
    for _, idx in items.groupby("lane_idx", sort=False).indices.items():
        order = idx[np.lexsort((x1a[idx], x0a[idx]))].tolist()
        ends: list[float] = []  # last occupied x per row
        for i in order:
            pt = is_point[i]
            if pt:
                a, b = xp[i] - mark, xp[i] + mark
            else:
                a, b = x0[i], x1[i]
            lw = (lab_len[i] * CHAR_PX + 14) * ns_per_px
            la, lb = a, max(b, (xp[i] if pt else x0[i]) + mark + lw)
            s = "right"
            if lb > hi_ns and pt:  # label would run off the right edge
                la, lb, s = xp[i] - mark - lw, b, "left"
            limit = la - gap
            for r in range(len(ends)):
                if ends[r] <= limit:
                    ends[r] = lb
                    rows[i], show[i], side[i] = r, True, s
                    break
            else:
                if len(ends) < max_rows:
                    ends.append(lb)
                    rows[i], show[i], side[i] = len(ends) - 1, True, s
                else:  # no room for the label: the mark alone, in the emptiest row
                    r = min(range(len(ends)), key=ends.__getitem__)
                    if ends[r] < b:
                        ends[r] = b
                    rows[i] = r
    items["row"] = np.array(rows, dtype=np.int64)
    items["show_label"] = np.array(show, dtype=bool)
    items["label_side"] = np.array(side, dtype=object)


def prepare(events: pd.DataFrame, lanes: str = "doc", *, max_rows: int | None = None,
            hover: bool = True) -> Prepared:
    """Lay the events out: lanes, rows, labels and hover text (see :class:`Prepared`)."""
    if not isinstance(events, pd.DataFrame):
        raise OutputError(f"expected an event table (pandas DataFrame), got {type(events).__name__}")
    ev = ensure_schema(events)
    col, lane_lists = _lane_values(ev, lanes)
    n = len(ev)
    hover = _hover(ev) if n and hover else [""] * n
    gran = ev["granularity"].fillna("").astype(str)
    dated = ev["start"].notna() & ev["end"].notna()
    is_point = gran.isin(POINT_GRANULARITIES).to_numpy()
    start = ev["start"]
    end = ev["end"].where(ev["end"] > ev["start"], ev["start"] + pd.Timedelta(days=1))
    mid = start + (end - start) / 2
    labels = [
        _esc_fast(_shorten(str(t or m or v or ""), LABEL_CHARS))
        for t, m, v in zip(_col(ev, "title"), _col(ev, "mention"), _col(ev, "value"))
    ]
    assumed = ev["year_assumed"].fillna(False).astype(bool).to_numpy()
    kinds = [_kind(s) for s in _col(ev, "status")]

    eids = np.flatnonzero(dated.to_numpy())
    ll = lane_lists.tolist()
    lane_rows_raw = [(i, ln) for i in eids.tolist() for ln in ll[i]]
    items = pd.DataFrame(
        {
            "eid": np.array([i for i, _ in lane_rows_raw], dtype=np.int64),
            "lane": [ln for _, ln in lane_rows_raw],
        }
    )
    if len(items):
        e = items["eid"].to_numpy()
        items["x0"] = start.to_numpy().astype("datetime64[ns]")[e]
        items["x1"] = end.to_numpy().astype("datetime64[ns]")[e]
        items["xp"] = mid.to_numpy().astype("datetime64[ns]")[e]
        items["is_point"] = is_point[e]
        items["kind"] = np.array(kinds, dtype=object)[e]
        items["assumed"] = assumed[e]
        items["label"] = np.array(labels, dtype=object)[e]
        # lane order: by each lane's first event (time, then table order)
        first = items.assign(_t=items["x0"]).groupby("lane", sort=False)["_t"].min()
        lane_names = list(first.sort_values(kind="stable").index)
        lane_index = {ln: k for k, ln in enumerate(lane_names)}
        items["lane_idx"] = items["lane"].map(lane_index).astype(np.int64)
        lo, hi = _initial_range(items)
        pad = max((hi - lo) * 0.03, pd.Timedelta(days=1))
        x_range = (lo - pad, hi + pad)
        if max_rows is None:
            max_rows = max(1, min(MAX_ROWS_PER_LANE, 48 // max(1, len(lane_names))))
        _pack(items, x_range, max_rows)
        lane_rows = [int(items.loc[items["lane_idx"] == k, "row"].max()) + 1 for k in range(len(lane_names))]
        offsets = np.concatenate([[0], np.cumsum(lane_rows)[:-1]]) if lane_names else np.array([0])
        items["y"] = offsets[items["lane_idx"].to_numpy()] + items["row"].to_numpy()
        items["hover"] = np.array(hover, dtype=object)[e]
    else:
        lane_names, lane_rows, x_range = [], [], None
        for c in ("x0", "x1", "xp", "is_point", "kind", "assumed", "label", "lane_idx", "row",
                  "show_label", "label_side", "y", "hover"):
            items[c] = pd.Series(dtype=object)
    return Prepared(ev, items, lane_names, lane_rows, col, x_range)


def _dates(s: pd.Series) -> list[str]:
    """Datetimes as ISO strings (what Plotly gets in JSON anyway, but much faster)."""
    return np.datetime_as_string(s.to_numpy().astype("datetime64[s]"), unit="s").tolist()


def _rgba(hex_color: str, alpha: float) -> str:
    h = hex_color.lstrip("#")
    r, g, b = (int(h[i: i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


def _symbol(kind: str, assumed: bool) -> str:
    if kind == "negated":
        return "x-thin-open"
    base = "diamond" if assumed else "circle"
    return base + ("-open" if kind == "tentative" else "")


def theme_layout(theme: str) -> dict[str, Any]:
    """Layout properties that change with the theme (also used by the page's switch)."""
    if theme not in THEMES:
        raise OutputError(f"theme={theme!r}: use one of {', '.join(THEMES)}")
    t = THEMES[theme]
    axis = {"gridcolor": t["grid"], "linecolor": t["line"], "zerolinecolor": t["grid"],
            "tickfont": {"color": t["font"]}}
    return {
        "paper_bgcolor": t["paper"],
        "plot_bgcolor": t["plot"],
        "font": {"color": t["font"]},
        "xaxis": {**axis, "rangeselector": {"bgcolor": t["button_bg"], "activecolor": t["button_active"],
                                              "font": {"color": t["font"]}, "bordercolor": t["line"]},
                  "rangeslider": {"bgcolor": t["plot"], "bordercolor": t["line"]}},
        "yaxis": axis,
        "hoverlabel": {"bgcolor": t["hover_bg"], "bordercolor": t["hover_border"], "font": {"color": t["font"]}},
        "legend": {"font": {"color": t["font"]}, "bgcolor": "rgba(0,0,0,0)"},
        "legend2": {"font": {"color": t["font"]}, "bgcolor": "rgba(0,0,0,0)"},
    }


def _merge(a: dict, b: dict) -> dict:
    out = dict(a)
    for k, v in b.items():
        out[k] = _merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def plot(events: pd.DataFrame, *, lanes: str = "doc", title: str | None = None, theme: str = "light",
         _with_hover: bool = True) -> go.Figure:
    """An interactive timeline of an event table.

    Parameters
    ----------
    events:
        An event table (see :mod:`timeline.schema`); rows without a calendar
        period (``start``/``end`` missing) are not drawn.
    lanes:
        Column giving one lane per value: ``"doc"`` (default), ``"actor"`` (one
        lane per actor; an event with several actors appears in each), ``"source"``,
        or any other column.
    title:
        Figure title (plain text; escaped).
    theme:
        ``"light"``, ``"dark"`` or ``"print"``.
    """
    tl = theme_layout(theme)
    prep = prepare(events, lanes, hover=_with_hover)
    fig = _figure(prep, title=title, theme=theme, tl=tl)
    fig._timeline = prep  # read by timeline.page to build the page around it
    fig._timeline_theme = theme
    return fig


def _figure(prep: Prepared, *, title: str | None, theme: str, tl: dict) -> go.Figure:
    t = THEMES[theme]
    items = prep.items
    gl = len(items) > GL_THRESHOLD
    traces: list[go.BaseTraceType] = []
    for k, lane in enumerate(prep.lanes):
        color = PALETTE[k % len(PALETTE)]
        group = f"lane{k}"
        name = esc(_shorten(lane, 40))
        li = items[items["lane_idx"] == k]
        sp = li[~li["is_point"]]
        pt = li[li["is_point"]]
        first = True
        if gl:
            if len(li):
                traces.append(_gl_marks(sp, pt, color, name, group))
            continue
        if len(sp):
            kinds = sp["kind"].to_numpy()
            tent = kinds != "reported"
            fill = [_rgba(color, 0.10) if x else _rgba(color, 0.42) for x in tent]
            traces.append(dict(
                type="bar", orientation="h", base=_dates(sp["x0"]), x=((sp["x1"] - sp["x0"]).dt.total_seconds() * 1000).tolist(),
                y=sp["y"].tolist(), width=0.62, customdata=sp["eid"].tolist(), hovertext=list(sp["hover"]),
                hovertemplate="%{hovertext}<extra></extra>", name=name, legendgroup=group,
                showlegend=first, marker={
                    "color": fill, "line": {"color": color, "width": [1.6 if x else 0.8 for x in tent]},
                    "pattern": {"shape": ["x" if kd == "negated" else "/" if a else ""
                                          for kd, a in zip(kinds, sp["assumed"])],
                                "fgcolor": color, "fgopacity": 0.55, "size": 7, "solidity": 0.25},
                },
                meta={"tl": "spans"},
            ))
            lab = sp[sp["show_label"]]
            if len(lab):
                traces.append(dict(
                    type="scatter", x=_dates(lab["x0"]), y=lab["y"].tolist(), mode="text", text=["\u2002" + s for s in lab["label"]],
                    textposition="middle right", textfont={"size": 11, "color": t["font"]},
                    hoverinfo="skip", showlegend=False, legendgroup=group, name=name, cliponaxis=True,
                    customdata=lab["eid"].tolist(), meta={"tl": "span-labels"},
                ))
            first = False
        if len(pt):
            symbols = [_symbol(kd, a) for kd, a in zip(pt["kind"], pt["assumed"])]
            marker = {"color": color, "size": 10, "symbol": symbols, "line": {"color": color, "width": 2}}
            common = dict(
                x=_dates(pt["xp"]), y=pt["y"].tolist(), customdata=pt["eid"].tolist(), hovertext=list(pt["hover"]),
                hovertemplate="%{hovertext}<extra></extra>", name=name, legendgroup=group,
                showlegend=first, marker=marker, meta={"tl": "points"},
            )
            text = [s if show else "" for s, show in zip(pt["label"], pt["show_label"])]
            pos = ["middle " + s for s in pt["label_side"]]
            traces.append(dict(
                type="scatter", mode="markers+text", text=text, textposition=pos,
                textfont={"size": 11, "color": t["font"]}, cliponaxis=True, **common))
    traces += _style_legend(items, t)

    total_rows = int(sum(prep.lane_rows)) or 1
    height = int(min(1800, max(420, 200 + ROW_PX * total_rows)))
    shapes = lane_shapes(prep, theme)
    tickvals, ticktext = [], []
    y = 0
    for k, (lane, nr) in enumerate(zip(prep.lanes, prep.lane_rows)):
        tickvals.append(y + (nr - 1) / 2)
        color = PALETTE[k % len(PALETTE)]
        ticktext.append(f"<span style='color:{color}'>■</span> {esc(_shorten(lane, 26))}")
        y += nr
    layout: dict[str, Any] = {
        "template": "none",
        "title": {"text": esc(title) if title else "", "x": 0.01, "xanchor": "left",
                  "font": {"size": 18}},
        "height": height,
        "margin": {"l": 10, "r": 10, "t": 86 if title else 56, "b": 52},
        "barmode": "overlay",
        "dragmode": "zoom",
        "hovermode": "closest",
        "hoverlabel": {"align": "left", "font": {"size": 12}},
        "font": {"family": "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
                 "size": 12},
        "showlegend": True,
        "legend": {"title": {"text": _legend_title(prep.lane_col)}, "x": 1.0, "xanchor": "left", "y": 1,
                   "yanchor": "top", "itemclick": "toggle", "itemdoubleclick": "toggleothers",
                   "groupclick": "togglegroup", "tracegroupgap": 2},
        "legend2": {"orientation": "h", "x": 0.0, "xanchor": "left", "y": 0.0, "yanchor": "bottom",
                    "yref": "container", "itemclick": False, "itemdoubleclick": False, "font": {"size": 11},
                    "title": {"text": "Marks:"}},
        "xaxis": {
            "type": "date", "showgrid": True, "side": "bottom", "automargin": True,
            "range": [prep.x_range[0], prep.x_range[1]] if prep.x_range else None,
            "rangeselector": {"x": 0, "y": 1.0, "yanchor": "bottom", "buttons": [
                {"count": 1, "label": "1m", "step": "month", "stepmode": "backward"},
                {"count": 6, "label": "6m", "step": "month", "stepmode": "backward"},
                {"count": 1, "label": "1y", "step": "year", "stepmode": "backward"},
                {"label": "all", "step": "all"},
            ]},
            "rangeslider": {"visible": False},
        },
        "yaxis": {"range": [total_rows - 0.5 + 0.2, -0.7], "fixedrange": True, "showgrid": False,
                  "zeroline": False, "tickmode": "array", "tickvals": tickvals, "ticktext": ticktext,
                  "automargin": True, "ticks": "", "tickfont": {"size": 12}},
        "shapes": shapes,
        "uirevision": "timeline",
    }
    if not len(items):
        layout["annotations"] = [{"text": "No dated events", "showarrow": False, "xref": "paper",
                                  "yref": "paper", "x": 0.5, "y": 0.5, "font": {"size": 16}}]
    layout = _merge(layout, tl)
    # validating every array costs seconds on big tables: validate small figures only
    return go.Figure(data=traces, layout=layout, _validate=len(items) <= GL_THRESHOLD)


def lane_shapes(prep: Prepared, theme: str) -> list[dict[str, Any]]:
    """Alternate lane bands and lane separators, coloured for ``theme``."""
    t = THEMES[theme]
    shapes: list[dict[str, Any]] = []
    y = 0
    for k, nr in enumerate(prep.lane_rows):
        if k % 2 == 1 and t["lane_band"] != "rgba(0,0,0,0)":
            shapes.append({"type": "rect", "xref": "paper", "x0": 0, "x1": 1, "y0": y - 0.5, "y1": y + nr - 0.5,
                           "fillcolor": t["lane_band"], "line": {"width": 0}, "layer": "below"})
        if k:
            shapes.append({"type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": y - 0.5, "y1": y - 0.5,
                           "line": {"color": t["line"], "width": 1}, "layer": "below"})
        y += nr
    return shapes


def _legend_title(col: str) -> str:
    names = {"doc": "Documents", "actors": "Actors", "source": "Sources", "sources": "Sources"}
    return esc(names.get(col, col.replace("_", " ").capitalize())) + " <span style='font-size:10px'>(click to hide)</span>"


def _gl_marks(sp: pd.DataFrame, pt: pd.DataFrame, color: str, name: str, group: str) -> dict[str, Any]:
    """All of a lane's marks as ONE WebGL trace (``meta.tl == "marks"``; far fewer
    traces draw much faster): first each span as a thick line segment over four
    vertices (start, middle, end, gap) with the style's marker at its middle, then
    each point as two vertices (the point, a gap). ``meta.spans`` says how many spans
    lead. Per-vertex marker symbols tell the styles apart as for points: hollow when
    planned/expected, a cross when negated, a diamond when the year was assumed
    (WebGL lines have one style per trace, so spans carry the same markers)."""
    ns, npt = len(sp), len(pt)
    xs = np.empty(ns * 4 + npt * 2, dtype="datetime64[s]")
    ys = np.empty(len(xs), dtype=float)
    cd = np.empty(len(xs), dtype=np.int64)
    size = np.zeros(len(xs), dtype=float)
    if ns:
        xs[0:ns * 4:4] = sp["x0"].to_numpy().astype("datetime64[s]")
        xs[1:ns * 4:4] = sp["xp"].to_numpy().astype("datetime64[s]")
        xs[2:ns * 4:4] = sp["x1"].to_numpy().astype("datetime64[s]")
        xs[3:ns * 4:4] = np.datetime64("NaT")
        ys[:ns * 4] = np.repeat(sp["y"].to_numpy().astype(float), 4)
        ys[3:ns * 4:4] = np.nan
        cd[:ns * 4] = np.repeat(sp["eid"].to_numpy(), 4)
        size[1:ns * 4:4] = 8
    if npt:
        xs[ns * 4::2] = pt["xp"].to_numpy().astype("datetime64[s]")
        xs[ns * 4 + 1::2] = np.datetime64("NaT")
        ys[ns * 4::2] = pt["y"].to_numpy().astype(float)
        ys[ns * 4 + 1::2] = np.nan
        cd[ns * 4:] = np.repeat(pt["eid"].to_numpy(), 2)
        size[ns * 4::2] = 10
    sym = ([_symbol(k, a) for k, a in zip(sp["kind"], sp["assumed"]) for _ in range(4)]
           + [_symbol(k, a) for k, a in zip(pt["kind"], pt["assumed"]) for _ in range(2)])
    hov = np.concatenate([np.repeat(sp["hover"].to_numpy(), 4), np.repeat(pt["hover"].to_numpy(), 2)]).tolist()
    return dict(
        type="scattergl", mode="lines+markers", connectgaps=False,
        x=[None if v == "NaT" else v for v in np.datetime_as_string(xs, unit="s").tolist()],
        y=[None if math.isnan(v) else v for v in ys.tolist()],
        customdata=cd.tolist(), hovertext=hov, hovertemplate="%{hovertext}<extra></extra>",
        line={"color": _rgba(color, 0.6), "width": 7},
        marker={"color": color, "size": size.tolist(), "symbol": sym, "line": {"color": color, "width": 2}},
        name=name, legendgroup=group, showlegend=True, meta={"tl": "marks", "spans": ns},
    )


def _style_legend(items: pd.DataFrame, t: dict[str, str]) -> list[go.BaseTraceType]:
    """Legend entries (in ``legend2``) explaining the mark styles present."""
    if not len(items):
        return []
    c = t["muted"]
    entries = [("circle", "reported", True)]
    kinds = set(items["kind"])
    if "tentative" in kinds:
        entries.append(("circle-open", "planned / expected", True))
    if "negated" in kinds:
        entries.append(("x-thin-open", "negated", True))
    if items["assumed"].any():
        entries.append(("diamond", "year assumed", True))
    if (~items["is_point"]).any():
        entries.append(("square", "span = month, season, year…", True))
    return [
        dict(type="scatter", x=[None], y=[None], mode="markers", name=label, legend="legend2", showlegend=True,
                   marker={"symbol": sym, "color": c, "size": 9, "line": {"color": c, "width": 2}},
                   hoverinfo="skip", meta={"tl": "style-legend"})
        for sym, label, _ in entries
    ]
