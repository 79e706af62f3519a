"""Test data and the shared headless-Chromium fixture for chart/page/export tests.

Import what you need in a test module::

    from tests.browser_fixtures import sample_events, hostile_events, browser  # noqa: F401
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

from timeline.periods import period_of
from timeline.schema import ensure_schema

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]


def ev(doc: str, value: str, mention: str, sentence: str, title: str, *, actors=(), status="reported",
       year_assumed=False, ref="2025-02-20", url=None, doc_title=None, source=None, mod=None) -> dict:
    """One event row; start/end/granularity computed from the TIMEX3 value."""
    p = period_of(value, mod)
    start = sentence.find(mention)
    return {
        "doc": doc, "value": value, "type": "DATE", "mod": mod, "start": p.start if p else None,
        "end": p.end if p else None, "granularity": p.granularity if p else None, "mention": mention,
        "char_start": max(start, 0), "char_end": max(start, 0) + len(mention), "sentence": sentence,
        "title": title, "actors": list(actors), "status": status, "anchor": "dct" if year_assumed else "",
        "year_assumed": year_assumed, "reference_date": ref, "reference_source": "given",
        "doc_title": doc_title, "url": url, "source": source,
    }


def sample_events() -> pd.DataFrame:
    """US–Russia diplomacy, 2021–2025, four documents, mixed precisions."""
    a = dict(doc="wire-2025-02-20.txt", url="https://news.example.org/2025/02/20/riyadh-talks",
             doc_title="Envoys meet in Riyadh", source="Example Wire", ref="2025-02-20")
    b = dict(doc="analysis-2024-12.txt", url="https://magazine.example.com/analysis/arms-control",
             doc_title="Arms control after New START", source="Example Magazine", ref="2024-12-05")
    c = dict(doc="brief-2022.txt", url=None, doc_title=None, source=None, ref="2022-03-01")
    d = dict(doc="notes-geneva.txt", url="ftp://files.example.net/notes.txt", doc_title="Geneva notes",
             source="Archive", ref="2021-06-20")
    rows = [
        ev(value="2025-02-18", mention="on Tuesday", title="Rubio and Lavrov meet in Riyadh",
           sentence="US and Russian delegations met in Riyadh on Tuesday for their first formal talks in years.",
           actors=["Marco Rubio", "Sergei Lavrov"], **a),
        ev(value="2025-02-12", mention="Feb. 12", title="Trump and Putin speak by phone",
           sentence="Trump said he spoke with Putin by phone on Feb. 12 and agreed to start negotiations.",
           actors=["Donald Trump", "Vladimir Putin"], year_assumed=True, **a),
        ev(value="2025-02-19", mention="Wednesday", title="Kremlin welcomes talks",
           sentence="The Kremlin on Wednesday described the Riyadh meeting as useful.",
           actors=["Kremlin"], **a),
        ev(value="2025-02-17", mention="Monday", title="Delegations arrive in Riyadh",
           sentence="Both delegations arrived in the Saudi capital on Monday.", actors=["Marco Rubio"], **a),
        ev(value="2025-03", mention="next month", title="Follow-up talks planned",
           sentence="Officials said follow-up talks could take place next month at a lower level.",
           actors=["Marco Rubio"], status="planned", **a),
        ev(value="2025-SP", mention="this spring", title="Possible summit",
           sentence="A summit between the two leaders is expected this spring, aides said.",
           actors=["Donald Trump", "Vladimir Putin"], status="expected", **a),
        ev(value="2021-02-03", mention="February 3, 2021", title="New START extended",
           sentence="New START was extended for five years on February 3, 2021, days before it would have lapsed.",
           actors=["Joe Biden", "Vladimir Putin"], **b),
        ev(value="2023-02", mention="February 2023", title="Russia suspends New START",
           sentence="Moscow suspended its participation in the treaty in February 2023.",
           actors=["Vladimir Putin"], **b),
        ev(value="2026-02-05", mention="February 5, 2026", title="New START expires",
           sentence="The treaty is due to expire on February 5, 2026.", status="expected", **b),
        ev(value="2024", mention="this year", title="No arms-control talks",
           sentence="There were no formal arms-control talks this year.", status="negated", **b),
        ev(value="2022-02-24", mention="February 24", title="Invasion of Ukraine",
           sentence="Russia launched its full-scale invasion of Ukraine on February 24.",
           actors=["Russia"], year_assumed=True, **c),
        ev(value="2022-01-10", mention="January 10", title="Strategic stability talks in Geneva",
           sentence="US and Russian officials held strategic stability talks in Geneva on January 10.",
           actors=["Wendy Sherman", "Sergei Ryabkov"], year_assumed=True, **c),
        ev(value="2022-Q1", mention="the first quarter", title="Sanctions packages",
           sentence="Western governments announced several sanctions packages in the first quarter.",
           actors=["European Union", "United States"], **c),
        ev(value="2021-06-16", mention="June 16, 2021", title="Biden–Putin summit in Geneva",
           sentence="Biden and Putin met at a villa in Geneva on June 16, 2021.",
           actors=["Joe Biden", "Vladimir Putin"], **d),
        ev(value="2021-SU", mention="summer 2021", title="Ambassadors return",
           sentence="Both ambassadors returned to their posts in summer 2021.", **d),
    ]
    return ensure_schema(rows)


#: Text that would run script / inject markup if it were not escaped.
PAYLOADS = [
    "<script>window.__pwned=1;document.title='PWNED'</script>",
    "<img src=x onerror=\"window.__pwned=2;document.title='PWNED'\">",
    "<a href=\"javascript:window.__pwned=3\">click me</a>",
    "<span style=\"position:fixed;top:0;left:0;width:100%;height:100%;background:red\">big</span>",
    "</script><script>window.__pwned=4</script><!--",
    "<b onmouseover=\"window.__pwned=5\">bold</b>\u2028line\u2029sep",
    "<svg onload=\"window.__pwned=6\"></svg>",
]


def hostile_events() -> pd.DataFrame:
    """Events whose every text field carries an injection attempt."""
    rows = []
    for k, p in enumerate(PAYLOADS):
        urls = ["javascript:window.__pwned=7", "data:text/html,<script>window.__pwned=8</script>",
                "https://ok.example.org/?q=\"><script>window.__pwned=9</script>", "http://x.example/ok"]
        rows.append(ev(
            doc=f"doc{k % 3}{p}", value=f"2024-0{k + 1}-1{k}", mention=f"in {p} June",
            sentence=f"Officials met {p} and then in {p} June again.", title=f"T{k} {p}",
            actors=[p, "Actor <i>x</i>"], url=urls[k % len(urls)], doc_title=p, source=p,
        ))
    rows.append(ev(doc="span<doc>", value="2024-SU", mention="<summer>", sentence="It was <summer> time.",
                   title="<u>span</u>", status="planned", year_assumed=True))
    return ensure_schema(rows)


def _in_ci() -> bool:
    return bool(os.environ.get("CI"))


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium (Playwright) per test session.

    Skips only outside CI when Chromium or Playwright is missing; in CI (env ``CI``
    set) a missing browser is a failure, so browser tests never vanish silently."""
    missing = None
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        missing = f"{CHROMIUM} not found"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover
        missing = "playwright not installed"
    if missing:
        if _in_ci():
            pytest.fail(f"browser tests need Chromium and Playwright in CI: {missing}")
        pytest.skip(missing)
    # Playwright gives each launch a fresh temporary profile (its own --user-data-dir).
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium"),
                              args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page_of(browser, tmp_path):
    """``open(html_text_or_path) -> (page, console_errors)``: loads a page in a new
    context and collects console errors and uncaught exceptions."""
    contexts = []

    def open_(html_or_path, *, width: int = 1280, height: int = 900):
        ctx = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(ctx)
        page = ctx.new_page()
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        if isinstance(html_or_path, Path):
            path = html_or_path
        else:
            path = tmp_path / f"page{len(contexts)}.html"
            path.write_text(html_or_path, encoding="utf-8")
        page.goto(path.resolve().as_uri())
        page.wait_for_function("() => window.__timelineReady === true || !!document.querySelector('.js-plotly-plot .main-svg')",
                               timeout=20000)
        return page, errors

    yield open_
    for c in contexts:
        c.close()
