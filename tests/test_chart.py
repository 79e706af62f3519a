"""The Plotly figure: lanes, points and spans, styles, stacking, escaping."""

from __future__ import annotations

import re

import pandas as pd
import plotly.graph_objects as go
import pytest

from tests.browser_fixtures import PAYLOADS, ev, hostile_events, sample_events
from timeline.chart import CHAR_PX, PLOT_WIDTH_PX, highlight_span, plot, prepare, safe_url
from timeline.errors import OutputError
from timeline.schema import ensure_schema, empty_events


def _traces(fig: go.Figure, role: str) -> list:
    return [t for t in fig.data if t.meta and t.meta.get("tl") == role]


def _drawn_ids(fig: go.Figure, role: str) -> list[int]:
    return [int(i) for t in _traces(fig, role) for i in t.customdata]


def test_points_for_days_spans_for_coarser():
    e = sample_events()
    fig = plot(e)
    points = set(_drawn_ids(fig, "points"))
    spans = set(_drawn_ids(fig, "spans"))
    day = set(e.index[e["granularity"] == "day"])
    assert points == day
    assert spans == set(e.index) - day
    # a span is a bar from start to end
    bar = _traces(fig, "spans")[0]
    i = int(bar.customdata[0])
    assert pd.Timestamp(bar.base[0]) == e.loc[i, "start"]
    assert bar.x[0] == pytest.approx((e.loc[i, "end"] - e.loc[i, "start"]).total_seconds() * 1000)


def test_one_lane_per_document_in_order_of_first_event():
    from timeline.chart import doc_labels

    prep = prepare(sample_events())
    names = doc_labels(sample_events())  # a document's title, else its file name
    assert prep.lanes == [names[d] for d in ["analysis-2024-12.txt", "notes-geneva.txt", "brief-2022.txt", "wire-2025-02-20.txt"]]
    fig = plot(sample_events())
    names = [t.name for t in fig.data if t.showlegend and (t.legend in (None, "legend"))]
    assert names == prep.lanes


def test_actor_lanes_explode_lists():
    e = sample_events()
    prep = prepare(e, lanes="actor")
    items = prep.items
    # the Trump–Putin call is in two lanes
    call = e.index[e["title"] == "Trump and Putin speak by phone"][0]
    assert sorted(items.loc[items["eid"] == call, "lane"]) == ["Donald Trump", "Vladimir Putin"]
    assert "(no actor)" in prep.lanes  # events without actors still drawn
    assert len(items) == sum(max(1, len(a)) for a in e["actors"])


def test_lanes_by_any_column_and_bad_column():
    assert prepare(sample_events(), lanes="source").lanes[0] == "Example Magazine"
    with pytest.raises(OutputError, match="no such column"):
        plot(sample_events(), lanes="nope")
    with pytest.raises(OutputError):
        plot([{"doc": "a"}])  # type: ignore[arg-type]
    with pytest.raises(OutputError, match="theme"):
        plot(sample_events(), theme="neon")


def test_planned_and_assumed_are_distinct_and_explained():
    e = sample_events()
    fig = plot(e)
    sym = {}
    for t in _traces(fig, "points"):
        for i, s in zip(t.customdata, t.marker.symbol):
            sym[int(i)] = s
    by_title = {e.loc[i, "title"]: s for i, s in sym.items()}
    assert by_title["Rubio and Lavrov meet in Riyadh"] == "circle"
    assert by_title["New START expires"] == "circle-open"  # expected
    assert by_title["Invasion of Ukraine"] == "diamond"  # year assumed
    bars = {}
    for t in _traces(fig, "spans"):
        for k, i in enumerate(t.customdata):
            bars[e.loc[int(i), "title"]] = (t.marker.color[k], t.marker.pattern.shape[k])
    assert bars["Follow-up talks planned"][0] != bars["Sanctions packages"][0].replace("0.42", "0.42")
    assert bars["No arms-control talks"][1] == "x"  # negated
    legend = [t.name for t in fig.data if t.legend == "legend2"]
    assert any("planned" in n for n in legend) and any("year assumed" in n for n in legend)
    assert any("negated" in n for n in legend)


def _label_boxes(prep):
    """Estimated pixel boxes of the drawn labels at the initial zoom."""
    lo, hi = prep.x_range
    px = PLOT_WIDTH_PX / (hi - lo).value
    out = []
    for r in prep.items[prep.items["show_label"]].itertuples():
        anchor = (r.xp if r.is_point else r.x0).value
        x = (anchor - lo.value) * px
        w = len(r.label) * CHAR_PX
        a, b = (x - 7 - w, x) if r.label_side == "left" else (x, x + 7 + w)
        out.append((r.y, a, b))
    return out


def test_dense_week_is_stacked_without_overlap():
    rows = [ev(doc="daily.txt", value=f"2025-02-{10 + k // 3:02d}", mention=f"day {k}",
               sentence=f"Meeting number {k} took place on day {k}.", title=f"Meeting number {k} in Riyadh")
            for k in range(18)]
    rows.append(ev(doc="daily.txt", value="2023", mention="2023", sentence="Talks stalled in 2023.",
                   title="Talks stalled"))
    prep = prepare(ensure_schema(rows))
    assert prep.items["show_label"].sum() >= 10  # labels where they fit
    boxes = _label_boxes(prep)
    for i, (y1, a1, b1) in enumerate(boxes):
        for y2, a2, b2 in boxes[i + 1:]:
            if y1 == y2:
                assert b1 <= a2 or b2 <= a1, "labels overlap"
    assert prep.lane_rows[0] > 1


def test_undated_rows_not_drawn_and_empty_table():
    e = sample_events()
    e.loc[0, ["start", "end"]] = pd.NaT
    fig = plot(e)
    assert 0 not in _drawn_ids(fig, "points")
    fig = plot(empty_events())
    assert any("No dated events" in a.text for a in fig.layout.annotations)


def test_hover_has_title_mention_value_sentence_doc():
    e = sample_events()
    fig = plot(e)
    t = _traces(fig, "points")[0]
    i = int(t.customdata[0])
    h = t.hovertext[0]
    for col in ("title", "mention", "value", "doc"):
        assert str(e.loc[i, col]) in h
    assert e.loc[i, "sentence"].split()[0] in h


def test_n_sources_in_hover():
    e = sample_events()
    e["n_sources"] = 1
    e.loc[0, "n_sources"] = 3
    e["sources"] = [[d] for d in e["doc"]]
    fig = plot(e)
    hov = {int(i): h for t in _traces(fig, "points") for i, h in zip(t.customdata, t.hovertext)}
    assert "3 sources" in hov[0]
    assert "sources" not in hov[1]


_TAG = re.compile(r"<(?!/?(?:b|i|br|span)\b)[a-zA-Z/!]")


def test_all_text_escaped_before_plotly():
    fig = plot(hostile_events(), lanes="actor", title=PAYLOADS[0])
    texts: list[str] = [fig.layout.title.text]
    for t in fig.data:
        texts.append(t.name or "")
        texts += list(getattr(t, "hovertext", None) or [])
        texts += [s for s in (getattr(t, "text", None) or []) if isinstance(s, str)]
    texts += list(fig.layout.yaxis.ticktext)
    joined = "\n".join(texts)
    assert "<script" not in joined and "<img" not in joined and "<a " not in joined and "<svg" not in joined
    assert "<u>" not in joined and "<span style=\"position" not in joined
    assert not _TAG.search(joined.replace("<span style='opacity:0.7'>", "").replace("<span style='color:", ""))
    assert "&lt;script&gt;" in joined


def test_helpers():
    assert highlight_span("Met on Monday, and Monday again.", "Monday") == (7, 13)
    assert highlight_span("Met on MONDAY.", "Monday") == (7, 13)
    assert highlight_span("Nothing here.", "Monday") is None
    assert safe_url("https://a.example/x?y=1") == "https://a.example/x?y=1"
    for bad in ("javascript:alert(1)", "data:text/html,x", " JavaScript:x", "ftp://x", "https://x\" onclick=1",
                None, float("nan")):
        assert safe_url(bad) == ""


def test_large_tables_use_webgl_and_no_trace_per_event():
    rows = [ev(doc=f"d{k % 7}.txt", value=f"2024-{1 + k % 12:02d}-{1 + k % 28:02d}" if k % 3 else f"2024-{1 + k % 12:02d}",
               mention="x", sentence="s", title=f"E{k}") for k in range(5000)]
    fig = plot(ensure_schema(rows))
    assert len(fig.data) < 40
    # one WebGL trace per lane: its spans (4 vertices each) first, then its points (2 each)
    marks = _traces(fig, "marks")
    assert len(marks) == 7 and all(isinstance(t, go.Scattergl) for t in marks)
    spans = sorted(int(i) for t in marks for i in t.customdata[:4 * t.meta["spans"]:4])
    points = sorted(int(i) for t in marks for i in t.customdata[4 * t.meta["spans"]::2])
    assert spans == [k for k in range(5000) if not k % 3] and points == [k for k in range(5000) if k % 3]
    t = marks[0]
    assert t.x[3] is None and t.x[4 * t.meta["spans"] + 1] is None  # gaps between marks
    assert set(t.marker.size[1:4 * t.meta["spans"]:4]) == {8} and set(t.marker.size[4 * t.meta["spans"]::2]) == {10}


def test_document_lanes_get_short_distinct_names():
    from timeline.chart import doc_labels

    ev = ensure_schema([
        {"doc": "/home/ana/story/b/x.txt", "value": "2025-01-01", "start": "2025-01-01", "end": "2025-01-02"},
        {"doc": "/home/ana/story/c/x.txt", "value": "2025-01-02", "start": "2025-01-02", "end": "2025-01-03"},
        {"doc": "/home/ana/story/b/y.txt", "value": "2025-01-03", "start": "2025-01-03", "end": "2025-01-04"},
        {"doc": "page.html", "doc_title": "Kremlin <b>reply</b>", "value": "2025-01-04", "start": "2025-01-04", "end": "2025-01-05"},
    ])
    assert doc_labels(ev) == {"/home/ana/story/b/x.txt": "b/x.txt", "/home/ana/story/c/x.txt": "c/x.txt",
                              "/home/ana/story/b/y.txt": "y.txt", "page.html": "Kremlin <b>reply</b>"}
    ticks = " ".join(plot(ev).layout.yaxis.ticktext)
    assert "b/x.txt" in ticks and "/home/ana" not in ticks and "Kremlin &lt;b&gt;reply&lt;/b&gt;" in ticks


def test_opens_on_the_bulk_of_events_not_an_outlier():
    rows = [{"doc": "a", "value": "1997", "start": "1997-01-01", "end": "1998-01-01"}]
    rows += [{"doc": "a", "value": f"2025-0{m}-01", "start": f"2025-0{m}-01", "end": f"2025-0{m}-02"} for m in range(1, 10)]
    rows += [{"doc": "a", "value": "2024-12-01", "start": "2024-12-01", "end": "2024-12-02"}]
    lo, hi = plot(ensure_schema(rows)).layout.xaxis.range
    assert pd.Timestamp(lo) > pd.Timestamp("2024-06-01") and pd.Timestamp(hi) > pd.Timestamp("2025-09-01")
    few = rows[:3]  # with few events every one is in view
    lo, _ = plot(ensure_schema(few)).layout.xaxis.range
    assert pd.Timestamp(lo) < pd.Timestamp("1997-01-02")
