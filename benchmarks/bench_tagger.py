"""Throughput of the temporal tagger against dateparser's search_dates on the same texts.

Usage:  python benchmarks/bench_tagger.py TE3_DIR_OR_TEXT_DIR [--repeat N] [--no-dateparser]

The folder may hold TimeML files (``*.tml``, searched recursively: the plain text of each
``<TEXT>`` is used) or plain-text files (``*.txt``). Prints characters per second for
``timeline.tagger.tag`` and for ``dateparser.search.search_dates(text, languages=['en'])``,
and the ratio; also the peak memory growth of the tagger over the documents (should stay
flat in the number of documents).
"""

from __future__ import annotations

import argparse
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from timeline.tagger import tag  # noqa: E402
from timeline.tagger.timeml import timeml_dct, timeml_plain_text  # noqa: E402


TARGET_MBS = 1.0  # tagger throughput, MB of text per CPU second


def load_texts(root: Path) -> list[tuple[str, object]]:
    """(text, reference date) for every document under ``root``."""
    import re

    docs = []
    for f in sorted(root.rglob("*.tml")):
        src = f.read_text(encoding="utf-8")
        m = re.search(r"<TEXT\b[^>]*>(.*?)</TEXT>", src, re.S)
        if m:
            docs.append((timeml_plain_text(m.group(1)), timeml_dct(src)))
    for f in sorted(root.rglob("*.txt")):
        docs.append((f.read_text(encoding="utf-8", errors="replace"), None))
    return docs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("root", type=Path)
    ap.add_argument("--repeat", type=int, default=3, help="passes over the corpus for the tagger")
    ap.add_argument("--no-dateparser", action="store_true")
    a = ap.parse_args(argv)

    docs = load_texts(a.root)
    if not docs:
        print(f"no .tml or .txt documents under {a.root}", file=sys.stderr)
        return 2
    chars = sum(len(t) for t, _ in docs)
    print(f"{len(docs)} documents, {chars:,} characters")

    tag("warm up the compiled rules on January 1, 2020.")
    best = best_cpu = float("inf")
    n_timex = 0
    for _ in range(a.repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        n_timex = 0
        for text, ref in docs:
            n_timex += len(tag(text, ref))
        best = min(best, time.perf_counter() - t0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    rate = chars / best
    cpu_rate = chars / best_cpu
    ok = "PASS" if cpu_rate >= TARGET_MBS * 1e6 else "FAIL"
    print(f"timeline.tagger.tag      {rate / 1e6:8.3f} MB/s  ({rate:,.0f} chars/s wall, "
          f"{cpu_rate / 1e6:.3f} MB/s per CPU second; {n_timex} timexes, best of {a.repeat})  "
          f"[{ok}: target >= {TARGET_MBS:g} MB/s per CPU second]")

    tracemalloc.start()
    half = len(docs) // 2 or 1
    for text, ref in docs[:half]:
        tag(text, ref)
    _, peak_half = tracemalloc.get_traced_memory()
    tracemalloc.reset_peak()
    for text, ref in docs:
        tag(text, ref)
    cur, peak_all = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"memory: peak {peak_half / 1e6:.2f} MB over {half} docs, {peak_all / 1e6:.2f} MB over {len(docs)} docs "
          f"(retained {cur / 1e6:.2f} MB)")

    if a.no_dateparser:
        return 0
    try:
        from dateparser.search import search_dates
    except ImportError:
        print("dateparser not installed: skipped")
        return 0
    search_dates("warm up on January 1, 2020", languages=["en"])
    t0, c0 = time.perf_counter(), time.process_time()
    for text, _ in docs:
        search_dates(text, languages=["en"])
    dt, dcpu = time.perf_counter() - t0, time.process_time() - c0
    dp_rate = chars / dt
    print(f"dateparser.search_dates  {dp_rate / 1e6:8.3f} MB/s  ({dp_rate:,.0f} chars/s wall, "
          f"{chars / dcpu / 1e6:.3f} MB/s per CPU second; one pass)")
    print(f"ratio tagger/dateparser  {rate / dp_rate:8.1f}x wall, {cpu_rate / (chars / dcpu):.1f}x CPU")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
