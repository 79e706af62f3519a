"""Pipeline benchmark: CPU speed of ``timeline.events.events_for_document`` and a
byte-for-byte check of its output.

Usage (from the repository root)::

    python benchmarks/bench_pipeline.py timeline/samples /work/shared/seeds /work/shared/te3 \\
        [--repeat N] [--write BASELINE.jsonl] [--check BASELINE.jsonl] [--profile]

Arguments are directories or files:

* a ``.tml`` file (TimeML; a directory is searched recursively for them): the plain text
  inside ``<TEXT>`` with its tags stripped, the DCT as reference date;
* a directory with a ``README.md`` holding a table ``| file.txt | YYYY-MM-DD | ...``
  (the user's seeds): each listed ``.txt`` with that reference date;
* anything else (``.txt`` files, a directory of them, ``.jsonl``/``.csv`` corpora) is read
  with :func:`timeline.readers.iter_documents`, the reference date as the tool settles it
  (with ``today`` fixed at 2025-01-01 so that the output is reproducible).

Prints documents/s and MB/s in CPU time (``time.process_time``: the machine may be shared),
per corpus group and overall, and the CPU split by stage (tag / describe / NameIndex /
sentences / periods / rest), measured by wrapping the functions ``timeline.events`` calls.

``--write`` stores every event row (all columns) of every document as JSON Lines;
``--check`` compares the rows of this run with such a file and exits 1 on any difference,
naming the first differing documents.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import timeline.events as events  # noqa: E402
from timeline.documents import Document  # noqa: E402
from timeline.readers import ReadOptions, iter_documents  # noqa: E402
import timeline.readers.corpus  # noqa: E402,F401  (registers .jsonl/.csv/.parquet)

TODAY = date(2025, 1, 1)
_TAG = re.compile(r"<[^>]+>")
_DCT = re.compile(r"<DCT>.*?value=\"(\d{4}-\d{2}-\d{2})", re.S)
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_README_ROW = re.compile(r"^\|\s*([^|\s]+\.txt)\s*\|\s*(\d{4}-\d{2}-\d{2})\s*\|", re.M)


def _tml_document(path: Path) -> Document | None:
    raw = path.read_text(encoding="utf-8")
    m, t = _DCT.search(raw), _TEXT.search(raw)
    if not m or not t:
        return None
    text = html.unescape(_TAG.sub("", t.group(1)))
    return Document(name=path.name, text=text, reference_date=date.fromisoformat(m.group(1)),
                    reference_source="given", path=str(path))


def load(arg: str) -> list[tuple[str, Document]]:
    """(group, document) pairs of one command-line argument."""
    p = Path(arg)
    group = p.name or str(p)
    if p.is_file() and p.suffix == ".tml":
        d = _tml_document(p)
        return [(group, d)] if d else []
    if p.is_dir():
        tmls = sorted(p.rglob("*.tml"))
        if tmls:
            return [(group, d) for d in map(_tml_document, tmls) if d is not None]
        readme = p / "README.md"
        rows = _README_ROW.findall(readme.read_text(encoding="utf-8")) if readme.is_file() else []
        if rows:
            out = []
            for name, ref in rows:
                text = (p / name).read_text(encoding="utf-8")
                out.append((group, Document(name=name, text=text, reference_date=date.fromisoformat(ref),
                                            reference_source="given", path=str(p / name))))
            return out
    out = []
    for d in iter_documents([p], ReadOptions()):
        if isinstance(d, Document):
            out.append((group, events.with_reference_date(d, None, TODAY)))
    return out


class Stages:
    """Wraps the functions ``timeline.events`` looks up by name and adds up their CPU time."""

    NAMES = {"tag": "tag", "describe": "describe", "sentence_spans": "sentences", "period_of": "periods"}

    def __init__(self) -> None:
        self.cpu: dict[str, float] = defaultdict(float)
        self._saved: dict[str, object] = {}

    def _wrap(self, fn, label: str):
        clock, cpu = time.process_time, self.cpu

        def wrapped(*a, **k):
            t0 = clock()
            try:
                return fn(*a, **k)
            finally:
                cpu[label] += clock() - t0
        return wrapped

    def __enter__(self) -> Stages:
        for attr, label in self.NAMES.items():
            fn = getattr(events, attr)
            self._saved[attr] = fn
            setattr(events, attr, self._wrap(fn, label))
        ni = events.NameIndex
        self._saved["NameIndex.from_text"] = ni.__dict__["from_text"]
        orig = ni.from_text
        wrapped = self._wrap(orig, "NameIndex")
        ni.from_text = staticmethod(wrapped)  # type: ignore[method-assign]
        return self

    def __exit__(self, *exc) -> None:
        for attr in self.NAMES:
            setattr(events, attr, self._saved[attr])
        events.NameIndex.from_text = self._saved["NameIndex.from_text"]  # type: ignore[method-assign]


def _jsonable(row: dict) -> dict:
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in row.items()}


def run(docs: list[tuple[str, Document]], repeat: int) -> tuple[dict[str, list[float]], list[list[dict]]]:
    """CPU seconds per group (one entry per repeat) and the rows of each document (last run)."""
    per_group: dict[str, list[float]] = defaultdict(list)
    rows: list[list[dict]] = []
    for r in range(repeat):
        spent: dict[str, float] = defaultdict(float)
        out = []
        for group, doc in docs:
            t0 = time.process_time()
            out.append(events.events_for_document(doc))
            spent[group] += time.process_time() - t0
        for g, s in spent.items():
            per_group[g].append(s)
        rows = out
    return per_group, rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="+", help="directories or files (see the module docstring)")
    ap.add_argument("--repeat", type=int, default=3, help="runs over the documents (best run reported); default 3")
    ap.add_argument("--write", type=Path, help="write every event row to this JSONL baseline")
    ap.add_argument("--check", type=Path, help="compare every event row with this JSONL baseline")
    ap.add_argument("--profile", action="store_true", help="print a cProfile of one run (top 25 by own time)")
    a = ap.parse_args(argv)

    docs = [pair for arg in a.inputs for pair in load(arg)]
    if not docs:
        print("no documents", file=sys.stderr)
        return 2
    groups: dict[str, list[Document]] = defaultdict(list)
    for g, d in docs:
        groups[g].append(d)

    # Warm-up (imports, lazily built tables), then timed runs.
    events.events_for_document(docs[0][1])
    per_group, rows = run(docs, max(1, a.repeat))
    print(f"{'group':<12}{'docs':>6}{'KB/doc':>8}{'events':>8}{'CPU s':>9}{'docs/s':>9}{'MB/s':>7}")
    tot_docs = tot_bytes = 0
    tot_cpu = 0.0
    n_events = defaultdict(int)
    for (g, _), r in zip(docs, rows):
        n_events[g] += len(r)
    for g, ds in groups.items():
        nbytes = sum(len(d.text.encode("utf-8")) for d in ds)
        cpu = min(per_group[g])
        tot_docs += len(ds)
        tot_bytes += nbytes
        tot_cpu += cpu
        print(f"{g:<12}{len(ds):>6}{nbytes / len(ds) / 1024:>8.1f}{n_events[g]:>8}{cpu:>9.3f}"
              f"{len(ds) / cpu:>9.0f}{nbytes / cpu / 1e6:>7.2f}")
    print(f"{'all':<12}{tot_docs:>6}{tot_bytes / tot_docs / 1024:>8.1f}{sum(n_events.values()):>8}{tot_cpu:>9.3f}"
          f"{tot_docs / tot_cpu:>9.0f}{tot_bytes / tot_cpu / 1e6:>7.2f}")

    with Stages() as st:
        t0 = time.process_time()
        for _, d in docs:
            events.events_for_document(d)
        total = time.process_time() - t0
    print("\nCPU by stage (one instrumented run):")
    for label in ("tag", "describe", "NameIndex", "sentences", "periods"):
        print(f"  {label:<10}{st.cpu[label]:>8.3f} s {100 * st.cpu[label] / total:>5.1f}%")
    rest = total - sum(st.cpu.values())
    print(f"  {'rest':<10}{rest:>8.3f} s {100 * rest / total:>5.1f}%")

    if a.profile:
        import cProfile
        import pstats

        pr = cProfile.Profile()
        pr.enable()
        for _, d in docs:
            events.events_for_document(d)
        pr.disable()
        pstats.Stats(pr).sort_stats("tottime").print_stats(25)

    lines = [json.dumps({"doc_key": f"{g}/{d.name}", "i": i, **_jsonable(row)}, ensure_ascii=False, sort_keys=True)
             for (g, d), r in zip(docs, rows) for i, row in enumerate(r)]
    if a.write:
        a.write.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"\nwrote {len(lines)} rows to {a.write}")
    if a.check:
        want = a.check.read_text(encoding="utf-8").splitlines()
        if want == lines:
            print(f"\ncheck: all {len(lines)} rows identical to {a.check}")
        else:
            bad = sorted({json.loads(x)["doc_key"] for x in set(want) ^ set(lines)})
            print(f"\ncheck FAILED: {len(want)} rows expected, {len(lines)} got; "
                  f"{len(bad)} documents differ, e.g. {bad[:5]}")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
