"""Chart/page scale benchmark.

Builds timeline pages of 1k, 10k and 100k synthetic events, loads each in headless
Chromium (Playwright, system /usr/bin/chromium) and prints: build time (Python),
file size inline and with the CDN, time until the plot has rendered (from
navigation start to the page script's ready flag), how much of it is plotly.js
itself loading (parse + run of the 4.8 MB library, the same for every size) versus
our data and drawing, and the time a search takes (typing to redrawn plot).
Targets: 10k events rendered < 2 s, 100k < 6 s (total, from navigation start).

    /work/.venv/bin/python benchmarks/bench_chart.py [--sizes 1000 10000 100000]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pandas as pd  # noqa: E402

from timeline.page import CHROMIUM_FLAGS, find_chromium, to_html  # noqa: E402
from timeline.periods import period_of  # noqa: E402
from timeline.schema import ensure_schema  # noqa: E402

TARGETS = {10_000: 2.0, 100_000: 6.0}
WORDS = ("talks sanctions summit envoy treaty ceasefire call visit delegation minister agreement "
         "prisoner exchange embassy statement meeting proposal pipeline grain deal").split()


def synthetic(n: int, seed: int = 1) -> pd.DataFrame:
    """``n`` events in 40 documents over 2021-2025; 75% days, the rest months,
    seasons, quarters and years; a few planned or with an assumed year."""
    rnd = random.Random(seed)
    t0 = datetime(2021, 1, 1)
    rows = []
    for i in range(n):
        d = t0 + timedelta(days=rnd.randrange(0, 5 * 365))
        k = rnd.random()
        if k < 0.75:
            value, mention = d.strftime("%Y-%m-%d"), d.strftime("%B %d")
        elif k < 0.88:
            value, mention = d.strftime("%Y-%m"), d.strftime("%B %Y")
        elif k < 0.94:
            value, mention = f"{d.year}-{rnd.choice(['SP', 'SU', 'FA', 'WI'])}", "this season"
        elif k < 0.97:
            value, mention = f"{d.year}-Q{1 + (d.month - 1) // 3}", "the quarter"
        else:
            value, mention = str(d.year), str(d.year)
        p = period_of(value)
        w = rnd.sample(WORDS, 4)
        sentence = (f"Officials said the {w[0]} and the {w[1]} were discussed {mention}, "
                    f"according to a statement about the {w[2]} and the {w[3]}.")
        rows.append({
            "doc": f"feed-{i % 40:02d}.txt", "value": value, "type": "DATE", "start": p.start, "end": p.end,
            "granularity": p.granularity, "mention": mention, "char_start": 0, "char_end": len(mention),
            "sentence": sentence, "title": f"{w[0].capitalize()} {w[1]} {i}", "actors": [w[2].capitalize()],
            "status": "planned" if rnd.random() < 0.1 else "reported", "year_assumed": rnd.random() < 0.1,
            "reference_date": "2025-06-01", "reference_source": "given",
            "url": f"https://news.example.org/{i}",
        })
    return ensure_schema(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    ap.add_argument("--keep", help="directory to keep the pages in")
    ap.add_argument("--repeat", type=int, default=3, help="page loads per size (the median is printed)")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    out = Path(args.keep or tempfile.mkdtemp(prefix="tl-bench-"))
    out.mkdir(parents=True, exist_ok=True)
    print(f"{'events':>8} {'build s':>8} {'inline MB':>10} {'cdn MB':>8} {'render s':>9} {'plotly.js s':>11} "
          f"{'ours s':>7} {'search s':>9}  target")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_FLAGS)
        for n in args.sizes:
            ev = synthetic(n)
            t = time.perf_counter()
            html = to_html(ev, title=f"{n} synthetic events")
            build = time.perf_counter() - t
            cdn = to_html(ev, plotlyjs="cdn")
            path = out / f"bench-{n}.html"
            path.write_text(html, encoding="utf-8")
            runs = []
            errors: list[str] = []
            for _ in range(args.repeat):
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                page.on("pageerror", lambda e: errors.append(str(e)))
                page.goto(path.as_uri(), timeout=180_000)
                page.wait_for_function("window.__timelineReady === true", timeout=180_000)
                render = page.evaluate("window.__timelineReadyAt") / 1000
                boot = page.evaluate("window.__timelineBootAt") / 1000
                t = time.perf_counter()
                page.fill(".tl-search", "summit")
                page.wait_for_function("document.querySelector('.tl-root').hasAttribute('data-shown')",
                                       timeout=120_000)
                page.evaluate("() => new Promise(r => requestAnimationFrame(() => r()))")
                search = time.perf_counter() - t
                page.close()
                runs.append((render, boot, search))
            render, boot, search = (statistics.median(r[k] for r in runs) for k in range(3))
            target = TARGETS.get(n)
            verdict = "" if target is None else (f"< {target:g} s " + ("OK" if render < target else "MISSED"))
            print(f"{n:>8} {build:>8.2f} {len(html.encode()) / 1e6:>10.1f} {len(cdn.encode()) / 1e6:>8.1f} "
                  f"{render:>9.2f} {boot:>11.2f} {render - boot:>7.2f} {search:>9.2f}  {verdict}{'  errors: ' + '; '.join(errors) if errors else ''}",
                  flush=True)
        browser.close()
    print(f"pages in {out}")


if __name__ == "__main__":
    main()
