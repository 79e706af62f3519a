"""Speed of timeline.semantics (NameIndex, describe) and timeline.merge on a folder of texts.

Usage: python benchmarks/bench_semantics.py DIR [--repeat N]

DIR holds .txt documents. Sentences and date mentions are found here with simple
regular expressions (month names, weekdays, years), not with the tagger, so the
figures isolate the cost of semantics and merge. CPU time (process_time) is reported,
best of the repeats.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from timeline.merge import merge_events  # noqa: E402
from timeline.semantics import NameIndex, describe  # noqa: E402

_DATE = re.compile(
    r"\b(?:(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)(?: \d{1,2})?(?:,? \d{4})?|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|(?:19|20)\d\d)\b")
_SENT = re.compile(r"\S[^\n]*?(?:[.!?][\"”’]?(?=\s)|\n|$)")


def _jobs(folder: Path) -> list[tuple[str, list[tuple[tuple[int, int], tuple[int, int]]]]]:
    jobs = []
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        mentions = []
        for s in _SENT.finditer(text):
            for m in _DATE.finditer(text, s.start(), s.end()):
                mentions.append(((s.start(), s.end()), (m.start(), m.end())))
        jobs.append((text, mentions))
    return jobs


def _best(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.process_time()
        fn()
        best = min(best, time.process_time() - t)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    jobs = _jobs(args.folder)
    if not jobs:
        sys.exit(f"{args.folder}: no .txt files")
    n_docs = len(jobs)
    n_mentions = sum(len(m) for _, m in jobs)
    kb = sum(len(t) for t, _ in jobs) / 1000

    def index_only() -> None:
        for text, _ in jobs:
            NameIndex.from_text(text)

    outs: list = []

    def full() -> None:
        outs.clear()
        for text, mentions in jobs:
            names = NameIndex.from_text(text)
            for sent, men in mentions:
                outs.append(describe(text, sent, men, names=names))

    t_index = _best(index_only, args.repeat)
    t_full = _best(full, args.repeat)
    day, next_day = pd.Timestamp("2025-01-01"), pd.Timestamp("2025-01-02")
    rows = []
    it = iter(outs)
    for d, (text, mentions) in enumerate(jobs):
        for sent, men in mentions:
            out = next(it)
            rows.append({"doc": f"doc{d}", "value": "2025-01-01", "start": day, "end": next_day,
                         "mention": text[men[0]:men[1]], "char_start": men[0], "char_end": men[1],
                         "sentence": text[sent[0]:sent[1]], "title": out.title,
                         "actors": out.actors, "status": out.status})
    frame = pd.DataFrame(rows)
    t_merge = _best(lambda: merge_events(frame), max(1, args.repeat // 2))
    print(f"{n_docs} documents, {kb:.1f} KB, {n_mentions} date mentions")
    print(f"NameIndex.from_text: {t_index / n_docs * 1e3:.3f} ms/doc, {t_index / kb * 4e3:.3f} ms per 4 KB")
    if n_mentions:
        print(f"describe: {(t_full - t_index) / n_mentions * 1e3:.3f} ms/mention (sentence analysis included)")
    print(f"merge_events ({len(frame)} rows, all on one day): {t_merge:.3f} s")


if __name__ == "__main__":
    main()
