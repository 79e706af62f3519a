"""Evaluate the tagger on the TempEval-3 training corpus (TimeBank + AQUAINT).

Usage:  python benchmarks/te3_eval.py TE3_DIR [--out DIR] [--errors N]

Tags every ``.tml`` of ``TE3_DIR/TimeBank`` and ``TE3_DIR/AQUAINT`` with
:func:`timeline.tagger.timeml.tag_timeml` into a temporary (or ``--out``) directory, runs
``TE3_DIR/score.py`` on the whole corpus, prints its table, then a table of error counts by
category (missed, spurious, extent, value, type) and, with ``--errors N``, the N most
frequent errors of each category.
"""

from __future__ import annotations

import argparse
import collections
import importlib.util
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from timeline.tagger.timeml import tag_timeml_file  # noqa: E402

FOLDERS = ("TimeBank", "AQUAINT")


def _load_scorer(te3: Path):
    spec = importlib.util.spec_from_file_location("te3_score", te3 / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("te3", type=Path, help="folder with TimeBank/, AQUAINT/ and score.py")
    ap.add_argument("--out", type=Path, help="keep the tagged files here")
    ap.add_argument("--errors", type=int, default=0, help="show the N most frequent errors per category")
    a = ap.parse_args(argv)

    scorer = _load_scorer(a.te3)
    out = a.out or Path(tempfile.mkdtemp(prefix="te3_"))
    gold_all = out / "_gold"
    sys_all = out / "_system"
    for d in (gold_all, sys_all):
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir(parents=True)
    t0 = time.perf_counter()
    n = 0
    for folder in FOLDERS:
        for f in sorted((a.te3 / folder).glob("*.tml")):
            tag_timeml_file(f, sys_all)
            shutil.copy(f, gold_all / f.name)
            n += 1
    dt = time.perf_counter() - t0
    errs: list[dict] = []
    res, _ = scorer.score_dirs(str(gold_all), str(sys_all), False, errs)
    print(f"{n} documents tagged in {dt:.2f}s")
    print(scorer.fmt(res))

    cats: dict[str, collections.Counter] = {k: collections.Counter()
                                            for k in ("missed", "spurious", "extent", "value", "type")}
    for e in errs:
        if e["kind"] == "missed":
            cats["missed"][(e["gold"][0].lower(), e["gold"][1], e["gold"][2])] += 1
        elif e["kind"] == "spurious":
            cats["spurious"][(e["sys"][0].lower(), e["sys"][1], e["sys"][2])] += 1
        else:
            g, s = e["gold"], e["sys"]
            if not e["strict"]:
                cats["extent"][(g[0].lower(), s[0].lower())] += 1
            if g[2] != s[2]:
                cats["value"][(g[0].lower(), g[2], s[0].lower(), s[2])] += 1
            if g[1] != s[1]:
                cats["type"][(g[0].lower(), g[1], s[1])] += 1
    print("\n=== errors by category ===")
    print(f"{'category':10s} {'count':>6s}")
    for k, c in cats.items():
        print(f"{k:10s} {sum(c.values()):6d}")
    if a.errors:
        for k, c in cats.items():
            print(f"\n--- {k} (top {a.errors}) ---")
            for item, cnt in c.most_common(a.errors):
                print(f"{cnt:4d}  {item}")
    if not a.out:
        shutil.rmtree(out, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
