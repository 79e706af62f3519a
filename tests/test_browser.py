"""The page in real headless Chromium: rendering, labels, details, search, themes,
table, embed modes and hostile text. Marked ``browser``; see
``tests/browser_fixtures.py`` for the CI rule (never a silent skip in CI)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser_fixtures import PAYLOADS, ev, hostile_events, sample_events  # noqa: F401
from timeline.chart import doc_labels
from timeline.page import to_html, write_html
from timeline.schema import ensure_schema

pytestmark = pytest.mark.browser

#: Pixel position (page coordinates) of an event's mark, and helpers.
JS_HELPERS = r"""
window.__tl = {
  gd: () => document.querySelector('.js-plotly-plot'),
  drawnIds: () => {
    const gd = document.querySelector('.js-plotly-plot'); const ids = new Set();
    gd.data.forEach(t => { if (!t.customdata || !t.meta || t.meta.tl === 'span-labels') return;
      t.customdata.forEach((c, j) => { if (t.x[j] !== null && t.x[j] !== undefined) ids.add(c); }); });
    return Array.from(ids).sort((a, b) => a - b);
  },
  pos: (id) => {
    const gd = document.querySelector('.js-plotly-plot'); const fl = gd._fullLayout;
    const xa = fl.xaxis, ya = fl.yaxis, box = gd.getBoundingClientRect();
    for (const t of gd.data) {
      if (!t.customdata || !t.meta || !['points', 'spans', 'marks'].includes(t.meta.tl)) continue;
      const j = t.customdata.indexOf(id); if (j < 0) continue;
      let x;
      if (t.type === 'bar') { x = xa.d2p(t.base[j]) + (xa.d2p(t.base[j]) < 0 ? 0 : 2); }
      else { x = xa.d2p(t.x[j]); }
      return [box.left + fl._size.l + x, box.top + fl._size.t + ya.d2p(t.y[j])];
    }
    return null;
  },
};
"""


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    d = tmp_path_factory.mktemp("pages")
    out = {}
    out["sample"] = write_html(sample_events(), d / "sample.html", title="US–Russia diplomacy", plotlyjs="directory")
    out["hostile"] = write_html(hostile_events(), d / "hostile.html", title="<img src=x onerror=alert(1)>",
                                plotlyjs="directory", lanes="actor")
    return out


def _open(page_of, path: Path):
    page, errors = page_of(path)
    page.add_script_tag(content=JS_HELPERS)
    return page, errors


def test_renders_every_event_without_errors(page_of, pages):
    page, errors = _open(page_of, pages["sample"])
    e = sample_events()
    assert page.evaluate("window.__tl.drawnIds()") == list(range(len(e)))
    n_points = page.locator(".scatterlayer .trace .points path.point").count()
    n_bars = page.locator(".barlayer .point").count()
    assert n_points == int((e["granularity"] == "day").sum())
    assert n_bars == int((e["granularity"] != "day").sum())
    # range buttons and a title
    assert page.locator(".rangeselector .button").count() == 4
    assert page.locator("h1.tl-heading").inner_text() == "US–Russia diplomacy"
    assert errors == []


def _label_boxes(page):
    return page.evaluate("""() => Array.from(document.querySelectorAll('.tl-labels .tl-label'))
        .filter(t => t.textContent.trim()).map(t => { const r = t.getBoundingClientRect();
        return [t.textContent, r.left, r.top, r.right, r.bottom]; })""")


def _assert_no_overlap(boxes):
    for i, (ta, l1, t1, r1, b1) in enumerate(boxes):
        for tb, l2, t2, r2, b2 in boxes[i + 1:]:
            inter = min(r1, r2) - max(l1, l2) > 1 and min(b1, b2) - max(t1, t2) > 1
            assert not inter, f"labels overlap: {ta!r} / {tb!r}"


def test_labels_do_not_overlap(page_of, pages):
    page, _ = _open(page_of, pages["sample"])
    boxes = _label_boxes(page)
    assert len(boxes) == len(sample_events())  # every label fits here
    _assert_no_overlap(boxes)


def test_dense_week_readable(page_of):
    rows = [ev(doc="live-blog.txt", value=f"2025-02-{10 + k // 4:02d}", mention=f"day {k}",
               sentence=f"Round {k} of talks was held.", title=f"Round {k} of talks in Riyadh")
            for k in range(24)]
    rows += [ev(doc="review.txt", value="2022", mention="2022", sentence="A hard year.", title="Relations collapse"),
             ev(doc="review.txt", value="2024-06", mention="June 2024", sentence="Prisoner swap talks.",
                title="Prisoner swap talks")]
    page, errors = page_of(to_html(ensure_schema(rows)))
    boxes = _label_boxes(page)
    assert len(boxes) >= 12
    _assert_no_overlap(boxes)
    assert errors == []


def test_click_opens_details_with_highlight_and_link(page_of, pages):
    page, _ = _open(page_of, pages["sample"])
    e = sample_events()
    assert page.locator(".tl-details").is_hidden()
    for i in (0, 5):  # a point and a span
        x, y = page.evaluate(f"window.__tl.pos({i})")
        page.mouse.move(x, y)
        page.wait_for_function("t => document.querySelector('.hoverlayer').textContent.includes(t)",
                               arg=e.loc[i, "title"])
        hover = page.locator(".hoverlayer").text_content()
        assert e.loc[i, "title"] in hover and e.loc[i, "value"] in hover
        page.mouse.click(x, y)
        panel = page.locator(".tl-details")
        panel.wait_for(state="visible")
        page.wait_for_selector(".tl-root:not([data-resizing])")
        assert panel.locator("h3").inner_text() == e.loc[i, "title"]
        assert panel.locator("mark").inner_text() == e.loc[i, "mention"]
        assert e.loc[i, "sentence"] in panel.inner_text()
        a = panel.locator("a")
        assert a.get_attribute("href") == e.loc[i, "url"]
        assert a.get_attribute("rel") == "noopener noreferrer"
        page.keyboard.press("Escape")
        assert panel.is_hidden()
        page.wait_for_selector(".tl-root:not([data-resizing])")


def test_search_filters_plot_and_table(page_of, pages):
    page, errors = _open(page_of, pages["sample"])
    e = sample_events()
    page.fill(".tl-search", "saudi")
    page.wait_for_function("document.querySelector('.tl-root').getAttribute('data-shown') !== null")
    hay = (e["title"] + " " + e["sentence"] + " " + e["mention"] + " " + e["doc"] + " "
           + e["doc_title"].fillna("") + " " + e["actors"].map(" ".join)).str.lower()
    want = [i for i in range(len(e)) if "saudi" in hay[i]]
    assert 0 < len(want) < len(e)
    assert page.evaluate("window.__tl.drawnIds()") == want
    assert page.locator(".tl-count").inner_text() == f"{len(want)} of {len(e)} events match"
    page.locator(".tl-table-wrap summary").click()
    visible = page.locator(".tl-table tbody tr:visible").count()
    assert visible == len(want)
    # actor names are searchable too; clearing restores everything
    page.fill(".tl-search", "lavrov riyadh")  # every word must match
    page.wait_for_function("JSON.stringify(window.__tl.drawnIds()) === '[0]'")
    assert page.evaluate("window.__tl.drawnIds()") == [0]
    page.fill(".tl-search", "")
    page.wait_for_function("document.querySelector('.tl-count').textContent === '15 events'")
    assert page.evaluate("window.__tl.drawnIds()") == list(range(len(e)))
    assert errors == []


def test_theme_switch(page_of, pages):
    page, errors = _open(page_of, pages["sample"])
    page.select_option(".tl-theme", "dark")
    page.wait_for_function("document.querySelector('.js-plotly-plot')._fullLayout.paper_bgcolor === '#0d1117'")
    assert page.get_attribute(".tl-root", "data-theme") == "dark"
    assert page.evaluate("window.__tl.gd()._fullLayout.paper_bgcolor") == "#0d1117"
    bg = page.evaluate("getComputedStyle(document.querySelector('.tl-root')).backgroundColor")
    assert bg == "rgb(13, 17, 23)"
    page.select_option(".tl-theme", "print")
    page.wait_for_function("document.querySelector('.js-plotly-plot')._fullLayout.paper_bgcolor === '#ffffff'")
    assert page.evaluate("window.__tl.gd()._fullLayout.paper_bgcolor") == "#ffffff"
    assert errors == []


def test_table_and_keyboard(page_of, pages):
    page, _ = _open(page_of, pages["sample"])
    e = sample_events()
    assert page.locator(".tl-table-wrap").get_attribute("open") is None  # collapsed
    page.focus(".tl-table-wrap summary")
    page.keyboard.press("Enter")
    rows = page.locator(".tl-table tbody tr")
    assert rows.count() == len(e)
    assert rows.nth(3).locator("td").nth(2).inner_text() == e.loc[3, "title"]
    rows.nth(3).locator("button").focus()
    page.keyboard.press("Enter")
    assert page.locator(".tl-details h3").inner_text() == e.loc[3, "title"]
    # the search box is reachable with Tab from the start of the page
    page.reload()
    page.wait_for_function("window.__timelineReady === true")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "tl-search"


def test_hostile_text_stays_text(page_of, pages):
    page, errors = _open(page_of, pages["hostile"])
    e = hostile_events()
    n = len(e)
    # hover every mark and open every event's details
    for i in range(n):
        pos = page.evaluate(f"window.__tl.pos({i})")
        page.mouse.move(*pos)
        page.wait_for_function("t => document.querySelector('.hoverlayer').textContent.startsWith(t)",
                               arg=f"T{i} " if i < len(PAYLOADS) else "<u>")
        assert page.locator(".hoverlayer a, .hoverlayer img").count() == 0
        page.mouse.click(*pos)
        panel = page.locator(".tl-details")
        panel.wait_for(state="visible")
        page.wait_for_selector(".tl-root:not([data-resizing])")  # the plot refits beside the panel
        assert panel.locator("h3").inner_text() == e.loc[i, "title"]
        assert panel.locator("mark").count() == 1
        assert panel.locator("mark").inner_text() == e.loc[i, "mention"]
        for a in panel.locator("a").all():
            assert a.get_attribute("href").startswith(("http://", "https://"))
    page.locator(".tl-table-wrap summary").click()
    assert page.evaluate("window.__pwned") is None
    assert page.title() == "<img src=x onerror=alert(1)>"
    assert page.locator("img, iframe, object, embed").count() == 0
    assert page.locator("svg [onload], b[onmouseover], u").count() == 0
    assert page.locator("script").count() == 5  # plotly, data, page script, boot + the test's helpers
    # the text shows as text (table and lane labels)
    assert "<script>window.__pwned=1" in page.locator(".tl-table").inner_text()
    assert "<script>window.__pwned=1" in page.locator(".yaxislayer-above").text_content()
    assert errors == []


def test_two_fragments_share_one_plotly(page_of, tmp_path):
    e = sample_events()
    a = to_html(e, fragment=True, div_id="tl-one", plotlyjs="directory")
    b = to_html(e.iloc[:5], fragment=True, div_id="tl-two", plotlyjs="directory", theme="dark")
    c = to_html(e.iloc[5:], fragment=True, div_id="tl-three", plotlyjs="inline")
    write_html(e, tmp_path / "x.html", plotlyjs="directory", fragment=True)  # puts plotly.min.js in tmp_path
    host = tmp_path / "report.html"
    host.write_text(f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Report</title></head><body>"
                    f"<h1>Report</h1>{a}<p>Between.</p>{b}<p>And.</p>{c}</body></html>", encoding="utf-8")
    page, errors = page_of(host)
    page.wait_for_function("document.querySelectorAll('.tl-root[data-ready=true]').length === 3", timeout=20000)
    assert page.locator("script[data-timeline-plotly]").count() == 1
    assert page.locator("#tl-one .points path.point").count() > 0
    page.fill("#tl-two-root .tl-search", "saudi")
    page.wait_for_function("document.querySelector('#tl-two-root').hasAttribute('data-shown')")
    assert page.get_attribute("#tl-two-root", "data-shown") == "1"
    assert page.get_attribute("#tl-one-root", "data-shown") is None
    assert errors == []


def test_inline_page_and_many_events_webgl(page_of):
    rows = [ev(doc=f"feed-{k % 5}.txt", value=(f"2024-{1 + k % 12:02d}-{1 + k % 28:02d}" if k % 4 else f"2024-{1 + k % 12:02d}"),
               mention="x", sentence=f"Event {k}.", title=f"Event {k}") for k in range(4000)]
    page, errors = page_of(to_html(ensure_schema(rows)))
    page.add_script_tag(content=JS_HELPERS)
    assert len(page.evaluate("window.__tl.drawnIds()")) == 4000
    assert page.locator("canvas").count() > 0
    assert errors == []


def test_zoom_reveals_labels_without_overlap(page_of):
    """Labels are re-laid out at every zoom: a crowded week shows more labels once
    zoomed in, and none overlap; large (WebGL) tables get labels once zoomed."""
    rows = [ev(doc=f"live-{k % 2}.txt", value=f"2025-02-{10 + k % 7:02d}T{8 + k % 10:02d}:00", mention=f"at {k}",
               sentence=f"Update {k}.", title=f"Update {k} from the talks") for k in range(40)]
    rows += [ev(doc="live-0.txt", value=f"20{18 + k}", mention="y", sentence="Year.", title=f"Year {k}") for k in range(6)]
    page, errors = page_of(to_html(ensure_schema(rows)))
    before = int(page.get_attribute(".tl-root", "data-labels"))
    page.evaluate("Plotly.relayout(document.querySelector('.js-plotly-plot'), "
                  "{'xaxis.range': ['2025-02-10', '2025-02-17']})")
    page.wait_for_function(f"+document.querySelector('.tl-root').getAttribute('data-labels') > {before}")
    boxes = _label_boxes(page)
    assert len(boxes) > before
    _assert_no_overlap(boxes)
    assert errors == []


def test_webgl_page_labels_on_zoom(page_of):
    rows = [ev(doc=f"feed-{k % 3}.txt", value=f"2024-{1 + k % 12:02d}-{1 + k % 28:02d}", mention="x",
               sentence=f"Event {k}.", title=f"Event {k}") for k in range(3500)]
    page, errors = page_of(to_html(ensure_schema(rows)))
    assert page.get_attribute(".tl-root", "data-labels") == "0"  # too many to label at full view
    page.evaluate("Plotly.relayout(document.querySelector('.js-plotly-plot'), "
                  "{'xaxis.range': ['2024-03-01', '2024-03-04']})")
    page.wait_for_function("+document.querySelector('.tl-root').getAttribute('data-labels') > 0")
    _assert_no_overlap(_label_boxes(page))
    # WebGL marks answer hover and click too
    page.add_script_tag(content=JS_HELPERS)
    target = next(k for k in range(3500) if rows[k]["value"] in ("2024-03-01", "2024-03-02", "2024-03-03"))
    x, y = page.evaluate(f"window.__tl.pos({target})")
    page.mouse.move(x, y)
    page.wait_for_function("v => document.querySelector('.hoverlayer').textContent.includes(v)",
                           arg=rows[target]["value"])
    page.mouse.click(x, y)
    page.locator(".tl-details").wait_for(state="visible")
    # dense data: several marks may share the spot; the one opened is at that date
    assert rows[target]["value"] in page.locator(".tl-details").inner_text()
    assert errors == []


def test_lanes_toggle_from_legend_and_keyboard(page_of, pages):
    page, errors = _open(page_of, pages["sample"])
    e = sample_events()
    wire = [i for i in range(len(e)) if e.loc[i, "doc"] == "wire-2025-02-20.txt"]
    # keyboard: open the lanes menu, untick the wire document
    page.focus(".tl-lanes summary")
    page.keyboard.press("Enter")
    box = page.locator('.tl-lane[data-lane="3"]')
    box.focus()
    page.keyboard.press("Space")
    page.wait_for_function("document.querySelector('.js-plotly-plot')._fullData.some(t => t.visible === 'legendonly')")
    visible = page.evaluate("""() => { const gd = document.querySelector('.js-plotly-plot'); const ids = [];
        gd._fullData.forEach(t => { if (t.visible === true && t.customdata && t.meta && t.meta.tl !== 'style-legend')
          t.customdata.forEach(c => ids.push(c)); }); return ids.sort((a, b) => a - b); }""")
    assert visible == [i for i in range(len(e)) if i not in wire]
    page.wait_for_function("ids => { const l = Array.from(document.querySelectorAll('.tl-label'));"
                           " return l.length > 0 && l.every(s => !ids.includes(+s.dataset.id)); }", arg=wire)
    labelled = page.evaluate("Array.from(document.querySelectorAll('.tl-label')).map(s => +s.dataset.id)")
    assert labelled and not set(labelled) & set(wire)
    # the legend brings it back, and the checkbox follows
    page.locator(".legend .traces").filter(has_text=doc_labels(e)["wire-2025-02-20.txt"][:20]).locator(".legendtoggle").click()
    page.wait_for_function("document.querySelector('.tl-lane[data-lane=\"3\"]').checked")
    assert errors == []


def test_empty_and_minimal_tables_render(page_of):
    from timeline.schema import empty_events

    page, errors = page_of(to_html(empty_events(), title="Nothing"))
    assert page.locator(".annotation-text").text_content() == "No dated events"
    assert errors == []
    offs = {"char_start": 0, "char_end": 1}  # ensure_schema cannot fill missing int columns (yet)
    minimal = ensure_schema([{"doc": "a.txt", "value": "2024-05", "start": "2024-05-01", "end": "2024-06-01",
                              "granularity": "month", **offs},
                             {"doc": "a.txt", "value": "2024-05-02", "start": "2024-05-02", "end": "2024-05-03",
                              "granularity": "day", "mention": "May 2", **offs},
                             {"doc": "b.txt", "value": "PRESENT_REF", "mention": "now", **offs}])
    page, errors = page_of(to_html(minimal))
    page.add_script_tag(content=JS_HELPERS)
    assert page.evaluate("window.__tl.drawnIds()") == [0, 1]
    page.locator(".tl-table-wrap summary").click()
    assert page.locator(".tl-table tbody tr").count() == 3  # the undated one is listed, not drawn
    page.locator(".tl-table tbody tr").nth(0).locator("button").click()
    assert page.locator(".tl-details h3").inner_text() == "2024-05"  # no title, no mention: the value
    assert errors == []


def test_screenshot_helper(tmp_path, browser):  # noqa: F811 - the fixture ensures Chromium is there
    from timeline.page import screenshot

    page = write_html(sample_events(), tmp_path / "s.html", plotlyjs="directory")
    png = screenshot(page, tmp_path / "s.png", width=900, height=500)
    head = png.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    import struct

    assert struct.unpack(">II", head[16:24]) == (900, 500)


def test_cdn_page_with_the_cdn_served_locally(browser, tmp_path):  # noqa: F811
    """CDN mode, with the CDN request answered from the bundled plotly.min.js
    (no network in tests); a second fragment on the page does not load it again."""
    from plotly.offline import get_plotlyjs

    from timeline.page import plotly_cdn_url

    e = sample_events()
    host = tmp_path / "cdn.html"
    host.write_text("<!DOCTYPE html><html><head><meta charset='utf-8'><title>R</title></head><body>"
                    + to_html(e, fragment=True, plotlyjs="cdn", div_id="tl-c1")
                    + to_html(e.iloc[:4], fragment=True, plotlyjs="cdn", div_id="tl-c2") + "</body></html>",
                    encoding="utf-8")
    ctx = browser.new_context()
    hits = []

    def serve(route):
        hits.append(route.request.url)
        route.fulfill(status=200, content_type="application/javascript", body=get_plotlyjs())

    ctx.route(plotly_cdn_url(), serve)
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.goto(host.as_uri())
    page.wait_for_function("document.querySelectorAll('.tl-root[data-ready=true]').length === 2", timeout=20000)
    assert hits == [plotly_cdn_url()]
    assert errors == []
    # a full page loads the partial bundle from the CDN (answered from the vendored file)
    from timeline.page import _plotlyjs

    ctx.route(plotly_cdn_url("basic"), lambda route: (hits.append(route.request.url), route.fulfill(
        status=200, content_type="application/javascript", body=_plotlyjs("basic"))))
    page_full = tmp_path / "full.html"
    page_full.write_text(to_html(e, plotlyjs="cdn"), encoding="utf-8")
    page.goto(page_full.as_uri())
    page.wait_for_function("window.__timelineReady === true", timeout=20000)
    assert hits == [plotly_cdn_url(), plotly_cdn_url("basic")]
    assert errors == []
    ctx.close()


def test_large_table_is_built_on_opening_and_follows_search(page_of, monkeypatch):
    import timeline.page as tp

    monkeypatch.setattr(tp, "TABLE_STATIC_MAX", 5)
    monkeypatch.setattr(tp, "TABLE_JS_MAX", 8)
    e = sample_events()
    page, errors = page_of(to_html(e))
    assert page.locator(".tl-table tbody tr").count() == 0  # nothing until opened
    page.locator(".tl-table-wrap summary").click()
    page.wait_for_function("document.querySelectorAll('.tl-table tbody tr').length > 0")  # 'toggle' is async
    assert page.locator(".tl-table tbody tr").count() == 8
    assert "first 8 of 15" in page.locator(".tl-table-note").inner_text()
    page.fill(".tl-search", "treaty")
    page.wait_for_function("document.querySelector('.tl-root').hasAttribute('data-shown')")
    n = int(page.get_attribute(".tl-root", "data-shown"))
    assert 0 < n < 8 and page.locator(".tl-table tbody tr").count() == n
    assert page.locator(".tl-table-note").inner_text() == ""
    assert errors == []
