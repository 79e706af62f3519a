"""The HTML page: embed modes, escaping of the embedded data, table, snapshot."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from tests.browser_fixtures import PAYLOADS, hostile_events, sample_events
from timeline.chart import plot
from timeline.errors import OutputError
from timeline.page import BUNDLES, choose_bundle, plotly_cdn_url, script_json, to_html, write_html

SNAPSHOTS = Path(__file__).parent / "snapshots"


def _payload(html_text: str, div_id: str) -> dict:
    m = re.search(rf'<script type="application/json" id="{div_id}-data">(.*?)</script>', html_text, re.S)
    assert m, "no data block"
    return json.loads(m.group(1))


def _records(data: dict) -> list[dict]:
    cols = data["events"]
    return [{k: v[i] for k, v in cols.items()} for i in range(len(cols["title"]))]


def test_inline_page_is_self_contained():
    h = to_html(sample_events(), title="US and Russia")
    assert h.startswith("<!DOCTYPE html>")
    # the partial "basic" bundle (SVG scatter and bars), not the 4.8 MB full library
    assert f"plotly.js (basic - minified) v{BUNDLES['basic'][0]}" in h and 1_000_000 < len(h) < 2_000_000
    assert '<script src="https://cdn' not in h and 'src="plotly' not in h
    assert "<title>US and Russia</title>" in h
    assert '<details class="tl-table-wrap">' in h  # collapsed by default


def test_cdn_and_directory_modes(tmp_path):
    h = to_html(sample_events(), plotlyjs="cdn")
    url = plotly_cdn_url("basic")
    assert url == f"https://cdn.plot.ly/plotly-basic-{BUNDLES['basic'][0]}.min.js"
    assert f'<script src="{url}"' in h and len(h) < 200_000
    p = write_html(sample_events(), tmp_path / "out" / "t.html", plotlyjs="directory")
    js = p.parent / "plotly-basic.min.js"
    assert p.exists() and 1_000_000 < js.stat().st_size < 2_000_000 and not (p.parent / "plotly.min.js").exists()
    assert '<script src="plotly-basic.min.js"' in p.read_text(encoding="utf-8")
    f = write_html(sample_events(), tmp_path / "out" / "f.html", plotlyjs="directory", fragment=True)
    assert (f.parent / "plotly.min.js").stat().st_size > 3_000_000  # fragments: the full plotly.js
    with pytest.raises(OutputError, match="plotlyjs"):
        to_html(sample_events(), plotlyjs="bundle")
    with pytest.raises(OutputError, match="div_id"):
        to_html(sample_events(), div_id='x"><script>')


def test_bundle_choice(monkeypatch):
    """Small tables draw SVG scatter + bars (basic bundle); large ones WebGL scatter
    (gl2d bundle); fragments and foreign figures get the full plotly.js."""
    assert choose_bundle({"scatter", "bar"}) == "basic" and choose_bundle({"scatter", "scattergl"}) == "gl2d"
    assert choose_bundle({"scattergl", "bar"}) is None and choose_bundle({"heatmap"}) is None
    monkeypatch.setattr("timeline.chart.GL_THRESHOLD", 3)
    big = to_html(sample_events(), plotlyjs="cdn", div_id="tl-big")
    assert '"type":"scattergl"' in big and '"type":"bar"' not in big
    assert f'<script src="{plotly_cdn_url("gl2d")}"' in big
    assert f"plotly.js (gl2d - minified) v{BUNDLES['gl2d'][0]}" in to_html(sample_events())
    frag = to_html(sample_events(), plotlyjs="cdn", fragment=True)
    assert json.dumps(plotly_cdn_url()) in frag
    import plotly.graph_objects as go

    assert f'src="{plotly_cdn_url()}"' in to_html(go.Figure(go.Bar(x=[1], y=[2])), plotlyjs="cdn")


def test_vendored_bundles_match_their_versions():
    """The vendored files are the versions BUNDLES names (scripts/update_plotlyjs.sh),
    with their licence and provenance."""
    d = Path(__file__).resolve().parent.parent / "timeline" / "vendor" / "plotlyjs"
    versions = (d / "VERSIONS").read_text(encoding="utf-8")
    assert "MIT License" in (d / "LICENSE").read_text(encoding="utf-8")
    for name, (version, _) in BUNDLES.items():
        head = (d / f"plotly-{name}.min.js").read_text(encoding="utf-8")[:200]
        assert f"plotly.js ({name} - minified) v{version}" in head
        assert f"plotly.js-{name}-dist-min@{version}" in versions


def test_fragment_loads_plotly_once():
    f = to_html(sample_events(), fragment=True, plotlyjs="cdn", div_id="tl-a")
    assert "<html" not in f and "<body" not in f
    assert 'id="tl-a"' in f and "data-timeline-plotly" in f and 'typeof window.Plotly!=="undefined"' in f
    g = to_html(sample_events(), fragment=True, div_id="tl-b")
    assert g.startswith('<script charset="utf-8">if (typeof window.Plotly === "undefined") {')
    assert "TimelinePage.boot(\"tl-b\")" in g


def test_figure_input_and_foreign_figure():
    fig = plot(sample_events(), title="T")
    h = to_html(fig, plotlyjs="cdn", div_id="tl-f")
    assert len(_records(_payload(h, "tl-f"))) == len(sample_events())
    import plotly.graph_objects as go

    h = to_html(go.Figure(go.Scatter(x=[1, 2], y=[3, 4])), plotlyjs="cdn", div_id="tl-g")
    assert _payload(h, "tl-g")["events"] is None and 'class="tl-search"' not in h


def test_script_json_escapes_breakouts():
    s = script_json({"a": "</script><!--<b>&\u2028\u2029"})
    assert "</" not in s and "<!--" not in s and "\u2028" not in s and "\u2029" not in s and "&" not in s
    assert json.loads(s) == {"a": "</script><!--<b>&\u2028\u2029"}


def test_hostile_text_is_inert_in_html():
    e = hostile_events()
    h = to_html(e, plotlyjs="cdn", div_id="tl-h", title=PAYLOADS[1], lanes="actor")
    body = h.split("<body>", 1)[1]
    # no document-made tag anywhere; only our own scripts
    assert body.count("<script") == 3
    for bad in ("<img", "<svg", "<a href", "<span style=\"position", "<b onmouse", "href=\"javascript", "href=\"data",
                "<u>"):
        assert bad not in body
    block = re.search(r'id="tl-h-data">(.*?)</script>', body, re.S).group(1)
    assert "\u2028" not in block and "<" not in block
    # the data round-trips exactly
    data = _payload(h, "tl-h")
    assert [r["sentence"] for r in _records(data)] == list(e["sentence"])
    assert [r["title"] for r in _records(data)] == list(e["title"])
    # only http(s) URLs are offered as links
    links = [r["link"] for r in _records(data)]
    assert all(x == "" or x.startswith(("http://", "https://")) for x in links)
    assert not any("javascript" in x or x.startswith("data:") for x in links)


def test_table_rows_escaped_and_lazy_for_big_tables(monkeypatch):
    h = to_html(hostile_events(), plotlyjs="cdn", div_id="tl-t")
    rows = re.findall(r'<tr data-id="(\d+)">', h)
    assert len(rows) == len(hostile_events())
    assert "&lt;script&gt;window.__pwned=1" in h
    import timeline.page as page

    monkeypatch.setattr(page, "TABLE_STATIC_MAX", 3)
    h = to_html(sample_events(), plotlyjs="cdn", div_id="tl-t")
    assert 'data-lazy="true"' in h and not re.findall(r'<tr data-id="\d+">', h)


def test_details_data_has_highlight_offsets():
    e = sample_events()
    data = _payload(to_html(e, plotlyjs="cdn", div_id="tl-d"), "tl-d")
    for r in _records(data):
        a, b = r["hl"]
        assert r["sentence"][a:b] == r["mention"]
    r0 = _records(data)[0]
    assert r0["link"] == e.loc[0, "url"]
    geneva = next(r for r in _records(data) if r["doc"] == "notes-geneva.txt")
    spring = next(r for r in _records(data) if r["value"] == "2025-SP")
    assert (spring["start"], spring["end"]) == ("2025-03-01", "2025-05-31")
    assert (r0["start"], r0["end"]) == ("2025-02-18", "")
    # no hover text in the page's figure: the page script writes it from these columns
    assert '"hovertext"' not in json.dumps(data["figure"])
    assert geneva["url"].startswith("ftp:") and geneva["link"] == ""


def _normalise(h: str) -> str:
    from plotly.offline import get_plotlyjs_version

    for name, (version, _) in BUNDLES.items():
        h = h.replace(f"plotly-{name}-{version}.min.js", f"plotly-{name}-X.Y.Z.min.js")
    h = h.replace(get_plotlyjs_version(), "X.Y.Z")
    # the page's own script and style are files of their own: a snapshot holds the page
    # around them (structure, data, settings), not copies of them
    assets = Path(__file__).resolve().parent.parent / "timeline" / "assets"
    for name in ("timeline.js", "timeline.css"):
        body = (assets / name).read_text(encoding="utf-8").strip()
        assert body in h, f"{name} not found inlined in the page"
        h = h.replace(body, f"/* {name} */")
    return h


def _matches_snapshot(h: str, name: str) -> None:
    """Great-tables-style snapshot check. Regenerate with ``UPDATE_SNAPSHOTS=1`` after
    an intended change and review the diff."""
    f = SNAPSHOTS / name
    if os.environ.get("UPDATE_SNAPSHOTS") or not f.exists():
        SNAPSHOTS.mkdir(exist_ok=True)
        f.write_text(h, encoding="utf-8")
        if not os.environ.get("UPDATE_SNAPSHOTS"):
            pytest.fail("snapshot created; run again")
    assert h == f.read_text(encoding="utf-8")


def test_snapshot_page():
    """CDN mode, fixed div id."""
    _matches_snapshot(_normalise(to_html(sample_events(), plotlyjs="cdn", div_id="tl-snap", title="US–Russia")),
                      "page_sample.html")


def test_snapshot_fragment():
    _matches_snapshot(_normalise(to_html(sample_events(), plotlyjs="cdn", fragment=True, div_id="tl-snap2",
                                         lanes="actor", theme="dark")), "fragment_actor_dark.html")


def test_deterministic_output():
    a = to_html(sample_events(), plotlyjs="cdn")
    b = to_html(sample_events(), plotlyjs="cdn")
    assert a == b


def test_merged_events_show_sources():
    e = sample_events()
    e["n_sources"] = [3] + [1] * (len(e) - 1)
    e["sources"] = [["a.txt", "b.txt", "c.txt"]] + [[d] for d in e["doc"][1:]]
    h = to_html(e, plotlyjs="cdn", div_id="tl-m")
    assert '<th scope="col">Sources</th>' in h
    data = _payload(h, "tl-m")
    assert data["events"]["n_sources"][0] == 3 and data["events"]["sources"][0] == ["a.txt", "b.txt", "c.txt"]
    assert "n_sources" in data["table_columns"]
