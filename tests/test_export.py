"""TimelineJS 3 JSON and static images."""

from __future__ import annotations

import json
import os
import re
import shutil
import struct

import pytest

from tests.browser_fixtures import CHROMIUM, PAYLOADS, ev, hostile_events, sample_events
from timeline.errors import OutputError
from timeline.export import to_timelinejs, write_image
from timeline.schema import ensure_schema


def _by_headline(doc):
    return {s["text"]["headline"]: s for s in doc["events"]}


def test_partial_dates_and_display_date():
    doc = _by_headline(to_timelinejs(sample_events()))
    assert len(doc) == len(sample_events())
    s = doc["Rubio and Lavrov meet in Riyadh"]
    assert s["start_date"] == {"year": 2025, "month": 2, "day": 18, "display_date": "on Tuesday"}
    assert "end_date" not in s
    assert doc["Russia suspends New START"]["start_date"] == {"year": 2023, "month": 2, "display_date": "February 2023"}
    assert doc["No arms-control talks"]["start_date"] == {"year": 2024, "display_date": "this year"}
    spring = doc["Possible summit"]
    assert spring["start_date"]["month"] == 3 and spring["end_date"] == {"year": 2025, "month": 5}
    assert doc["Sanctions packages"]["end_date"] == {"year": 2022, "month": 3}
    assert s["group"] == "wire-2025-02-20.txt"
    assert "first formal talks" in s["text"]["text"]
    assert 'href="https://news.example.org/2025/02/20/riyadh-talks"' in s["text"]["text"]
    assert "expected" in doc["New START expires"]["text"]["text"]
    json.dumps(doc)  # serialisable


def test_weeks_times_groups_and_undated():
    rows = [ev(doc="a", value="2025-W08", mention="last week", sentence="It happened last week.", title="W"),
            ev(doc="a", value="2025-02-18T14:30", mention="2:30 pm", sentence="At 2:30 pm they met.", title="T",
               actors=["Lavrov", "Rubio"]),
            ev(doc="a", value="XXXX-12-25", mention="Christmas", sentence="At Christmas.", title="U")]
    e = ensure_schema(rows)
    doc = _by_headline(to_timelinejs(e, lanes="actor", title="T&T"))
    assert set(doc) == {"W", "T"}
    assert doc["W"]["start_date"]["day"] == 17 and doc["W"]["end_date"] == {"year": 2025, "month": 2, "day": 23}
    assert doc["T"]["start_date"]["hour"] == 14 and doc["T"]["start_date"]["minute"] == 30
    assert doc["T"]["group"] == "Lavrov"
    with pytest.raises(OutputError):
        to_timelinejs(e, lanes="nope")


def test_timelinejs_escapes_everything():
    doc = to_timelinejs(hostile_events(), title=PAYLOADS[0])
    text = json.dumps(doc, ensure_ascii=False)
    for bad in ("<script", "<img", "<svg", "<span style", "<b on", "<u>"):
        assert bad not in text
    # the only tags are ours
    tags = set(re.findall(r"<(/?[a-z]+)", text))
    assert tags <= {"p", "/p", "small", "/small", "a", "/a"}
    hrefs = re.findall(r'<a href=\\"([^"\\]*)', text)
    assert hrefs and all(h.startswith(("http://", "https://")) for h in hrefs)


def test_image_format_errors(tmp_path, monkeypatch):
    with pytest.raises(OutputError, match="format"):
        write_image(sample_events(), tmp_path / "x.gif")
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-such-chrome"))
    with pytest.raises(OutputError, match="BROWSER_PATH"):
        write_image(sample_events(), tmp_path / "x.png")


@pytest.mark.browser
@pytest.mark.slow
def test_png_and_svg_through_kaleido(tmp_path, monkeypatch):
    if not os.path.exists(CHROMIUM) and not shutil.which("chromium"):
        if os.environ.get("CI"):
            pytest.fail("image export test needs Chromium in CI")
        pytest.skip("no Chromium")
    monkeypatch.delenv("BROWSER_PATH", raising=False)
    png = write_image(sample_events(), tmp_path / "t.png", width=1200, title="US–Russia")
    head = png.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    w, h = struct.unpack(">II", head[16:24])
    assert w == 1200 and h >= 420
    svg = write_image(hostile_events(), tmp_path / "t.svg", title="<script>x</script>").read_text(encoding="utf-8")
    assert ("&lt;script&gt;x&lt;/script&gt;" in svg or "&#60;script&#62;x&#60;/script&#62;" in svg)
    assert "<script" not in svg
    assert "rangeselector" not in svg  # no interactive buttons on paper
