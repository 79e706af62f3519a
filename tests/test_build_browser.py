"""`timeline build` as a user runs it, opened in headless Chromium: no console errors,
every event drawn, and hostile article text stays text."""

from __future__ import annotations

import json

import pytest

from conftest import SAMPLES, run_cli
from tests.test_browser import JS_HELPERS

HOSTILE = """Talks in Geneva <script>window.__pwned=1;document.title='PWNED'</script>

Published: March 3, 2025

On March 1, officials met <img src=x onerror="window.__pwned=2;document.title='PWNED'"> in Geneva.
The talks, <a href="javascript:window.__pwned=3">read more</a>, resumed on March 2 with <b onmouseover="window.__pwned=4">bold</b> claims.
<style>body{display:none}</style> A third round is planned for March 10 <iframe src="data:text/html,<script>parent.__pwned=5</script>"></iframe>.
"""


@pytest.mark.browser
def test_built_page_shows_every_event_and_only_text(page_of, tmp_path):
    article = tmp_path / "hostile <b onclick=\"window.__pwned=6\">news.txt"
    article.write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "story.html"
    p = run_cli("build", str(SAMPLES), str(article), "-o", str(out), "--title", "<i>Story</i>")
    assert p.returncode == 0, p.stderr
    events = [json.loads(x) for x in run_cli("events", str(SAMPLES), str(article), "--format", "jsonl").stdout.splitlines()]
    hostile_rows = [e for e in events if e["doc"] == str(article)]
    assert [e["value"] for e in hostile_rows] == ["2025-03-01", "2025-03-02", "2025-03-10"]

    page, errors = page_of(out)
    page.add_script_tag(content=JS_HELPERS)
    assert len(page.evaluate("window.__tl.drawnIds()")) == len(events)
    page.locator(".tl-table-wrap summary").click()
    assert page.locator(".tl-table tbody tr").count() == len(events)
    table = page.locator(".tl-table").inner_text()
    assert "<img src=x onerror=" in table and "<script>" not in page.locator("h1").inner_html()
    assert page.locator("h1.tl-heading").inner_text() == "<i>Story</i>"
    # nothing ran, nothing was injected
    assert page.evaluate("window.__pwned") is None and "PWNED" not in page.title()
    assert page.locator("img, iframe, style:not([data-timeline])").count() <= page.locator("head style").count()
    assert page.locator("iframe, img, b[onmouseover], a[href^='javascript']").count() == 0
    assert page.locator("body").is_visible()
    assert errors == []
