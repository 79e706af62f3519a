"""Exports: TimelineJS 3 JSON and static images (PNG, SVG, PDF).

Static images go through Kaleido (``kaleido>=1``), which drives a Chromium it
finds itself. We never let it download one: :func:`write_image` points Kaleido's
browser finder (choreographer) at the system browser through the ``BROWSER_PATH``
environment variable -- the value already set, else ``/usr/bin/chromium``, else
``chromium``/``chromium-browser``/``google-chrome`` on ``PATH``.
"""

from __future__ import annotations

import html
import os
from pathlib import Path
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from .chart import _LANE_ALIASES, _text, plot, safe_url
from .errors import OutputError
from .page import find_chromium
from .schema import ensure_schema

__all__ = ["to_timelinejs", "write_image", "IMAGE_FORMATS"]

IMAGE_FORMATS = ("png", "svg", "pdf")

_YEAR_ONLY = {"century", "decade", "year"}
_MONTH = {"half", "quarter", "season", "month"}


def _date_obj(ts: pd.Timestamp, granularity: str) -> dict[str, int]:
    """A TimelineJS partial date at the precision of ``granularity``."""
    d: dict[str, int] = {"year": int(ts.year)}
    if granularity in _YEAR_ONLY:
        return d
    d["month"] = int(ts.month)
    if granularity in _MONTH:
        return d
    d["day"] = int(ts.day)
    if granularity in ("part_of_day", "hour", "minute", "second"):
        d["hour"] = int(ts.hour)
        if granularity in ("minute", "second"):
            d["minute"] = int(ts.minute)
        if granularity == "second":
            d["second"] = int(ts.second)
    return d


def _dates(start: pd.Timestamp, end: pd.Timestamp, granularity: str) -> tuple[dict, dict | None]:
    """Start and (for multi-unit periods) end date objects."""
    s = _date_obj(start, granularity)
    if granularity in ("year", "month", "day"):
        return s, None
    if granularity in ("part_of_day",):
        return s, _date_obj(end, "hour")
    if granularity in ("hour", "minute", "second"):
        return s, None
    last = end - pd.Timedelta(days=1)  # inclusive last day of [start, end)
    if granularity == "week":
        return s, _date_obj(last, "day")
    e = _date_obj(last, granularity)
    return s, (e if e != s else None)


def _lane(row: Any, col: str) -> str:
    v = getattr(row, col, None)
    if isinstance(v, (list, tuple)):
        return _text(v[0]) if len(v) else ""
    return _text(v)


def to_timelinejs(events: pd.DataFrame, *, lanes: str = "doc", title: str | None = None) -> dict[str, Any]:
    """The events as a TimelineJS 3 JSON document (``{"title"?, "events": [...]}``).

    Dates are partial date objects at the event's precision (``{year}``,
    ``{year, month}``, ``{year, month, day}``, plus ``hour``/``minute`` for times);
    periods coarser than a day that are not a single year or month (a season, a
    quarter, a week...) get an ``end_date``. ``display_date`` keeps the date as
    written. ``headline`` is the title and ``text`` the sentence -- both
    HTML-escaped, since TimelineJS renders them as HTML -- followed by the document
    (linked only when its URL is http(s)). ``group`` is the lane (the document by
    default, or ``lanes``: ``"source"``, ``"actor"`` -> first actor...). Events
    without a calendar date are left out.
    """
    if not isinstance(events, pd.DataFrame):
        raise OutputError(f"expected an event table (pandas DataFrame), got {type(events).__name__}")
    ev = ensure_schema(events)
    col = _LANE_ALIASES.get(lanes, lanes)
    if col not in ev.columns:
        raise OutputError(f"lanes={lanes!r}: no such column")
    out_events = []
    for i, r in enumerate(ev.itertuples(index=False)):
        if pd.isna(r.start) or pd.isna(r.end):
            continue
        gran = _text(r.granularity) or "day"
        start_d, end_d = _dates(pd.Timestamp(r.start), pd.Timestamp(r.end), gran)
        mention = _text(r.mention)
        if mention:
            start_d = {**start_d, "display_date": html.escape(mention, quote=False)}
        text = f"<p>{html.escape(_text(r.sentence), quote=False)}</p>"
        doc = html.escape(_text(r.doc_title) or _text(r.doc), quote=False)
        url = safe_url(r.url)
        src = f'<a href="{html.escape(url, quote=True)}" target="_blank" rel="noopener noreferrer">{doc}</a>' if url else doc
        notes = []
        status = _text(r.status)
        if status and status != "reported":
            notes.append(html.escape(status, quote=False))
        if not pd.isna(r.year_assumed) and bool(r.year_assumed):
            notes.append("year assumed")
        n = getattr(r, "n_sources", None)
        if n is not None and not pd.isna(n) and int(n) > 1:
            notes.append(f"{int(n)} sources")
        text += f"<p><small>{src}{' · ' + ' · '.join(notes) if notes else ''}</small></p>"
        slide: dict[str, Any] = {
            "start_date": start_d,
            "text": {"headline": html.escape(_text(r.title) or mention or _text(r.value), quote=False),
                     "text": text},
            "group": html.escape(_lane(r, col), quote=False),
            "unique_id": f"event-{i}",
        }
        if end_d is not None:
            slide["end_date"] = end_d
        out_events.append(slide)
    doc: dict[str, Any] = {"events": out_events}
    if title:
        doc["title"] = {"text": {"headline": html.escape(title, quote=False), "text": ""}}
    return doc


def _static_figure(events_or_fig: pd.DataFrame | go.Figure, plot_kw: dict[str, Any]) -> go.Figure:
    if isinstance(events_or_fig, go.Figure):
        fig = go.Figure(events_or_fig)
    elif isinstance(events_or_fig, pd.DataFrame):
        fig = plot(events_or_fig, **plot_kw)
    else:
        raise OutputError(f"expected an event table or a plotly Figure, got {type(events_or_fig).__name__}")
    # no interactive furniture on paper
    fig.update_layout(xaxis_rangeselector_visible=False, xaxis_rangeslider_visible=False)
    if fig.layout.legend and fig.layout.legend.title and fig.layout.legend.title.text:
        fig.update_layout(legend_title_text=fig.layout.legend.title.text.split(" <span")[0])
    return fig


def write_image(events_or_fig: pd.DataFrame | go.Figure, path: str | os.PathLike, *, format: str | None = None,
                width: int = 1400, height: int | None = None, scale: float = 1.0, **plot_kw: Any) -> Path:
    """Write the timeline as a PNG, SVG or PDF (``format``, else from the suffix)
    through Kaleido and the system Chromium. ``plot_kw`` go to
    :func:`timeline.chart.plot` (``lanes``, ``title``, ``theme``). ``height``
    defaults to the figure's own (it grows with the number of rows)."""
    path = Path(path)
    fmt = (format or path.suffix.lstrip(".")).lower()
    if fmt == "jpg":
        fmt = "jpeg"
    if fmt not in IMAGE_FORMATS:
        raise OutputError(f"{path}: unknown image format {fmt or '(none)'!r}; use one of {', '.join(IMAGE_FORMATS)}")
    try:
        import kaleido  # noqa: F401
    except ImportError as e:
        raise OutputError("image export needs Kaleido: pip install 'timeline[image]' (kaleido>=1)") from e
    if not os.environ.get("BROWSER_PATH"):
        chrome = find_chromium()
        if chrome is None:
            raise OutputError("image export needs Chromium or Chrome: install it (Debian: apt install chromium) "
                              "or set BROWSER_PATH to its executable")
        os.environ["BROWSER_PATH"] = chrome
    elif not os.access(os.environ["BROWSER_PATH"], os.X_OK):
        raise OutputError(f"BROWSER_PATH={os.environ['BROWSER_PATH']!r} is not an executable browser")
    fig = _static_figure(events_or_fig, plot_kw)
    h = int(height or fig.layout.height or 700)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fig.write_image(str(path), format=fmt, width=width, height=h, scale=scale)
    except OutputError:
        raise
    except Exception as e:  # Kaleido/choreographer raise many kinds of errors
        raise OutputError(f"{path}: image export failed: {type(e).__name__}: {e}") from e
    return path
