"""Corpus benchmark: documents per second and peak memory, local engine and Dask.

Generates a corpus of realistic news articles (about 4 KB each), built from the
project's sample articles (``timeline/samples/*.txt``) and three templates written
here, with varied years, publication dates and names; then measures, each in a fresh
subprocess:

* the local engine (``timeline.events.iter_results``, streaming, one core) on N and on
  2N documents: documents/s and peak RSS, to show memory flat in corpus size;
* the Dask engine (``timeline.distributed.write_events_parquet``) on a LocalCluster of 1
  and of 2 worker processes: documents/s (cluster start-up reported apart) and peak RSS
  of the client and of each worker;
* a profile of the local engine on a slice of the corpus, the time grouped by component
  (tagger, semantics, sentences, periods, readers, pandas, dateparser...).

Targets: local >= 1,000 articles/s per core; local peak memory for 2N within 10% of N;
Dask 2 workers >= 1.6x the 1-worker rate.

Usage (from the repository root)::

    python benchmarks/bench_corpus.py                      # 1,000 docs: a few minutes
    python benchmarks/bench_corpus.py --docs 100000 --format parquet --profile-docs 500
        # the full run: about 410 MB of text (N) and 820 MB (2N); at today's ~95 articles
        # per CPU-second that is ~18 min for N and ~36 min for 2N on the local engine, and
        # ~18 / ~10 min on Dask with 1 / 2 workers: run it on an otherwise idle machine
    python benchmarks/bench_corpus.py --docs 5000 --format parquet --no-dask
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _register_readers() -> None:
    """Make sure the corpus and HTML readers are registered (``timeline.readers`` imports
    them itself once wired; importing twice is harmless)."""
    import timeline.readers.corpus  # noqa: F401
    import timeline.readers.html  # noqa: F401

TARGET_LOCAL = 1000.0  # articles/s per core
TARGET_FLAT = 1.10  # peak(2N) / peak(N)
TARGET_SCALE = 1.6  # dask 2 workers / 1 worker

# Three short articles written for this benchmark; {P1}.. people, {ORG} an
# organisation, {CITY} a place, filled per document.
OWN_TEMPLATES = [
    """The {CITY} harbour bridge reopened to traffic on Wednesday morning, ending a closure that began in February 2022 when inspectors found cracked steel beams beneath the eastern span.

City engineer {P1} said crews finished the last load tests on March 8 and that the bridge can again carry buses and delivery trucks. The council approved the final payment to {ORG} at its meeting on Monday.

Commuters faced detours of up to twenty minutes during the works. A second phase, which will repaint the western span, is scheduled to start in the autumn of 2025 and should last about six months.

Mayor {P2} will hold a ribbon-cutting ceremony on April 2, 2024, the city said in a statement released on Tuesday. Residents can comment on the repainting plan until May 15.""",
    """A court in {CITY} on Thursday postponed the trial of three former executives of {ORG} until September 30, after defence lawyers asked for more time to study documents seized in 2021.

Judge {P1} said the hearing scheduled for next Monday would go ahead only to settle procedural questions. Prosecutors had hoped to open their case in early June.

The executives were charged in November 2023 with hiding losses from investors between 2018 and 2020. They deny wrongdoing. {P2}, who represents one of them, said on Friday that the new date was fair.

The company, which changed its name last year, is expected to publish its annual accounts on 14 March. Its shares fell 4 percent on Thursday.""",
    """Organisers of the {CITY} river festival said on Tuesday that this year's event will take place on September 16 instead of the usual weekend in late June, after the water agency warned of high levels along the embankment.

The festival, which drew about 40,000 visitors in 2022, will keep its boat parade and night market. Tickets bought for the June dates remain valid, festival director {P1} said.

Volunteers can register until August 31, and a public meeting about the new layout is planned for July 12. {ORG}, the main sponsor, confirmed its support on Monday.

The festival was first held in 1998 and was cancelled only once, in the spring of 2020. {P2} of the tourism office said hotel bookings for mid-September had doubled within a day.""",
]
FIRST = ["Ines", "Marcus", "Priya", "Dana", "Tomasz", "Aiko", "Kwame", "Lucia", "Noor", "Henrik", "Sofia", "Mateo",
         "Yara", "Oleksandr", "Grace", "Rafael", "Mei", "Jonas", "Amara", "Pierre"]
LAST = ["Carvalho", "Oyelaran", "Nandakumar", "Whitfield", "Kowalski", "Tanaka", "Mensah", "Ferraro", "Haddad",
        "Lindqvist", "Petrova", "Alvarez", "Okafor", "Bondarenko", "Mitchell", "Duarte", "Chen", "Weber", "Diallo", "Rousseau"]
ORGS = ["Northbay Construction", "the Meridian Group", "Harlow Energy", "Castell Bank", "Brightline Freight",
        "the Orion Trust", "Vessel Logistics", "Ardent Pharma"]
CITIES = ["Porto", "Gdansk", "Leeds", "Lyon", "Tampere", "Valencia", "Utrecht", "Trieste", "Cork", "Bergen"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
BASE = date(2025, 1, 24)


def _paragraphs() -> list[str]:
    """Body paragraphs of the sample articles and of the templates above."""
    out = []
    for p in sorted((ROOT / "timeline" / "samples").glob("*.txt")):
        for para in re.split(r"\n\s*\n", p.read_text(encoding="utf-8")):
            para = " ".join(para.split())
            if len(para) > 80 and not para.lower().startswith(("published", "by ", "posted", "updated")):
                out.append(para)
    for t in OWN_TEMPLATES:
        out.extend(p.strip() for p in t.split("\n\n"))
    return out


def make_article(i: int, paragraphs: list[str], target: int = 4000) -> dict:
    """Article ``i`` (deterministic): ~``target`` characters of paragraphs, years shifted
    by the same offset as its publication date, names and months varied."""
    rng = random.Random(i)
    shift = rng.randint(-8, 0)
    pub = BASE + timedelta(days=rng.randint(-150, 150))
    pub = pub.replace(year=pub.year + shift) if not (pub.month == 2 and pub.day == 29) else pub
    fill = {
        "{P1}": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        "{P2}": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        "{ORG}": rng.choice(ORGS),
        "{CITY}": rng.choice(CITIES),
    }
    month_map = {m: MONTHS[(k + rng.randint(0, 2)) % 12] for k, m in enumerate(MONTHS)} if rng.random() < 0.5 else {}
    parts: list[str] = []
    size = 0
    while size < target:
        para = rng.choice(paragraphs)
        for k, v in fill.items():
            para = para.replace(k, v)
        para = re.sub(r"\b(19[5-9]\d|20[0-2]\d)\b", lambda m: str(int(m.group()) + shift), para)
        if month_map:
            para = re.sub(r"\b(" + "|".join(MONTHS) + r")\b", lambda m: month_map[m.group()], para)
        parts.append(para)
        size += len(para) + 2
    title = parts[0].split(". ")[0][:90]
    return {"id": f"art{i:07d}", "date": pub.isoformat(), "title": title, "source": rng.choice(["Wire", "Ledger", "Post"]),
            "text": "\n\n".join(parts)}


def make_corpus(path: Path, n: int, fmt: str) -> Path:
    """Write ``n`` articles to ``path`` (JSON Lines or Parquet, row groups of 2,000), streaming."""
    paragraphs = _paragraphs()
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "jsonl":
        with open(path, "w", encoding="utf-8") as f:
            for i in range(n):
                f.write(json.dumps(make_article(i, paragraphs), ensure_ascii=False) + "\n")
        return path
    import pyarrow as pa
    import pyarrow.parquet as pq

    writer = None
    for start in range(0, n, 2000):
        rows = [make_article(i, paragraphs) for i in range(start, min(n, start + 2000))]
        table = pa.Table.from_pylist(rows)
        if writer is None:
            writer = pq.ParquetWriter(str(path), table.schema)
        writer.write_table(table)
    if writer is not None:
        writer.close()
    return path


# ---------------------------------------------------------------- children (one run each)


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def child_local(path: str) -> dict:
    """Stream the corpus through the local engine (rows counted, not kept)."""
    import warnings

    from timeline.events import iter_results

    _register_readers()
    warnings.simplefilter("ignore")
    base = _maxrss_mb()
    t = time.perf_counter()
    cpu = time.process_time()
    docs = rows = errors = 0
    for r in iter_results([path]):
        if r.error is not None:
            errors += 1
            continue
        docs += 1
        rows += len(r.rows)
    dt = time.perf_counter() - t
    return {"docs": docs, "rows": rows, "errors": errors, "seconds": dt, "cpu": time.process_time() - cpu,
            "maxrss_mb": _maxrss_mb(), "import_rss_mb": base}


def child_dask(path: str, workers: int, out: str) -> dict:
    import logging
    import warnings

    from distributed import Client, LocalCluster

    from timeline.distributed import write_events_parquet

    warnings.simplefilter("ignore")
    t0 = time.perf_counter()
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        client.run(lambda: __import__("timeline.events"))  # imports on workers: part of start-up
        startup = time.perf_counter() - t0

        def cpu() -> float:
            r = __import__("resource").getrusage(0)
            return r.ru_utime + r.ru_stime

        before = sum(client.run(cpu).values())
        t = time.perf_counter()
        res = write_events_parquet([path], out, client=client)
        dt = time.perf_counter() - t
        worker_cpu = sum(client.run(cpu).values()) - before
        worker_rss = list(client.run(lambda: __import__("resource").getrusage(0).ru_maxrss / 1024).values())
    return {"docs": res.documents, "rows": res.rows, "errors": len(res.errors), "seconds": dt, "startup": startup,
            "maxrss_mb": _maxrss_mb(), "worker_maxrss_mb": worker_rss, "load": os.getloadavg()[0],
            "worker_cpu": worker_cpu}


def child_profile(path: str, docs: int) -> dict:
    """cProfile of the local engine on ``docs`` documents (after 20 to warm up), own
    time by component."""
    import warnings

    from timeline.events import iter_results

    _register_readers()
    warnings.simplefilter("ignore")
    prof = cProfile.Profile()
    n = 0
    it = iter_results([path])
    for _ in range(20):  # warm up: lazy imports, resources, regex compilation
        next(it, None)
    prof.enable()
    for _ in it:
        n += 1
        if n >= docs:
            break
    prof.disable()
    stats = pstats.Stats(prof)
    groups: dict[str, float] = {}
    top: list[tuple[float, str]] = []
    for (filename, line, func), (_cc, _nc, tt, _ct, callers) in stats.stats.items():  # type: ignore[attr-defined]
        top.append((tt, f"{_short(filename)}:{line}({func})"))
        if filename == "~" and callers:  # C functions (regex, str methods): charged to their callers
            for (cfile, _cl, _cf), ctimes in callers.items():
                g = _component(cfile)
                groups[g] = groups.get(g, 0.0) + ctimes[2]
            continue
        g = _component(filename)
        groups[g] = groups.get(g, 0.0) + tt
    top.sort(reverse=True)
    # pipeline stages: cumulative time of what the per-document code calls directly
    stages: dict[str, float] = {}
    for (filename, line, func), (_cc, _nc, _tt, _ct, callers) in stats.stats.items():  # type: ignore[attr-defined]
        for (cfile, _cl, cfunc), ctimes in callers.items():
            if cfile.endswith(("timeline/events.py",)) and cfunc in ("_rows", "iter_results", "events_for_document"):
                key = f"{_short(filename)}:{func}"
                stages[key] = stages.get(key, 0.0) + ctimes[3]
    return {"docs": n, "total": sum(groups.values()), "groups": groups, "top": top[:12], "stages": stages}


def _component(filename: str) -> str:
    f = filename.replace("\\", "/")
    if "/timeline/" in f:
        sub = f.split("/timeline/")[-1]
        if sub.startswith("tagger"):
            return "timeline.tagger"
        if sub.startswith("semantics"):
            return "timeline.semantics"
        return "timeline." + sub.split("/")[0].removesuffix(".py")
    for lib in ("pandas", "pyarrow", "dateparser", "regex", "json", "re/", "numpy"):
        if f"/{lib}" in f or f.endswith(f"/{lib.rstrip('/')}.py"):
            return lib.rstrip("/")
    if f.startswith("~") or f.startswith("<"):
        return "C functions called from C"
    return "other python"


def _short(filename: str) -> str:
    return filename.split("/timeline/")[-1] if "/timeline/" in filename else filename.rsplit("/", 2)[-1]


def _run_child(args: list[str]) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    p = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, env=env, cwd=ROOT)
    if p.returncode != 0:
        raise SystemExit(f"child {args} failed:\n{p.stderr[-3000:]}")
    return json.loads(p.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------- main


def _print_local(loc: dict, big: Path | None, n: int) -> None:
    """Print the local engine's figures (and run the 2N corpus for the memory check)."""
    rate = loc["docs"] / loc["seconds"]
    cpu_rate = loc["docs"] / max(loc["cpu"], 1e-9)
    ok = "PASS" if cpu_rate >= TARGET_LOCAL else "FAIL"
    print(f"local engine, N={n:,}: {loc['docs']:,} docs, {loc['rows']:,} events in {loc['seconds']:.1f} s = "
          f"{rate:,.0f} docs/s wall, {cpu_rate:,.0f} docs per CPU-second  "
          f"[{ok}: target >= {TARGET_LOCAL:,.0f}/s per core]")
    print(f"  peak RSS {loc['maxrss_mb']:.0f} MB (after imports {loc['import_rss_mb']:.0f} MB)")
    if big is not None:
        loc2 = _run_child(["--child", "local", str(big)])
        ratio = loc2["maxrss_mb"] / loc["maxrss_mb"]
        ok = "PASS" if ratio <= TARGET_FLAT else "FAIL"
        print(f"local engine, 2N={2 * n:,}: {loc2['docs'] / loc2['seconds']:,.0f} docs/s, peak RSS "
              f"{loc2['maxrss_mb']:.0f} MB = {ratio:.2f}x N's  [{ok}: target <= {TARGET_FLAT:.2f}x, flat]")
    print()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=1000, help="N: documents in the corpus (2N is also measured); default 1000")
    ap.add_argument("--format", choices=["jsonl", "parquet"], default="jsonl", help="corpus file format (default jsonl)")
    ap.add_argument("--workdir", type=Path, default=None, help="where to write the corpora (default: a temp dir, removed)")
    ap.add_argument("--no-dask", action="store_true", help="skip the Dask runs")
    ap.add_argument("--no-flat", action="store_true", help="skip the 2N local run")
    ap.add_argument("--no-local", action="store_true", help="skip the local engine runs")
    ap.add_argument("--profile-docs", type=int, default=300, help="documents profiled (0: no profile); default 300")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    a = ap.parse_args(argv)

    if a.child:
        kind, *rest = a.child
        if kind == "local":
            out = child_local(rest[0])
        elif kind == "dask":
            out = child_dask(rest[0], int(rest[1]), rest[2])
        else:
            out = child_profile(rest[0], int(rest[1]))
        print(json.dumps(out))
        return 0

    tmp = a.workdir or Path(tempfile.mkdtemp(prefix="timeline-bench-"))
    try:
        n = a.docs
        t = time.perf_counter()
        small = make_corpus(tmp / f"corpus_{n}.{a.format}", n, a.format)
        big = None if a.no_flat or a.no_local else make_corpus(tmp / f"corpus_{2 * n}.{a.format}", 2 * n, a.format)
        size_mb = small.stat().st_size / 1e6
        paragraphs = _paragraphs()
        sample = [len(make_article(i, paragraphs)["text"]) for i in range(min(n, 200))]
        print(f"corpus: {n:,} articles of {sum(sample) / len(sample) / 1000:.1f} KB text on average, "
              f"{size_mb:.1f} MB as {a.format}, generated in {time.perf_counter() - t:.1f} s in {tmp}")
        print(f"machine: {os.cpu_count()} cores, python {sys.version.split()[0]}, load average "
              f"{os.getloadavg()[0]:.1f} (other work on the machine slows the wall-clock figures)")
        print()

        loc = None if a.no_local else _run_child(["--child", "local", str(small)])
        if loc is not None:
            _print_local(loc, big, n)

        if not a.no_dask:
            rates = {}
            for w in (1, 2):
                d = _run_child(["--child", "dask", str(small), str(w), str(tmp / f"events_{w}.parquet")])
                rates[w] = d["docs"] / d["seconds"]
                print(f"dask, {w} worker(s): {d['docs']:,} docs, {d['rows']:,} events in {d['seconds']:.1f} s = "
                      f"{rates[w]:,.0f} docs/s, {d['docs'] / max(d['worker_cpu'], 1e-9):,.0f} docs per worker CPU-second "
                      f"(cluster start-up {d['startup']:.1f} s apart); peak RSS client "
                      f"{d['maxrss_mb']:.0f} MB, workers {', '.join(f'{x:.0f}' for x in d['worker_maxrss_mb'])} MB")
                if d["load"] > os.cpu_count():
                    print(f"  (load average {d['load']:.1f} on {os.cpu_count()} cores during this run)")
            sp = rates[2] / rates[1]
            ok = "PASS" if sp >= TARGET_SCALE else "FAIL"
            print(f"  speed-up 2 workers / 1 worker: {sp:.2f}x  [{ok}: target >= {TARGET_SCALE}x]")
            print()

        if a.profile_docs:
            pr = _run_child(["--child", "profile", str(small), str(a.profile_docs)])
            tot = pr["total"]
            print(f"profile of the local engine on {pr['docs']} docs: {tot:.2f} s "
                  f"({1000 * tot / max(pr['docs'], 1):.1f} ms/doc under cProfile), own time by component "
                  f"(C functions such as regex matching charged to the Python code calling them):")
            for g, s in sorted(pr["groups"].items(), key=lambda kv: -kv[1]):
                if s / tot >= 0.005:
                    print(f"  {g:32s} {s:7.2f} s  {100 * s / tot:5.1f}%  {1000 * s / max(pr['docs'], 1):6.2f} ms/doc")
            print("  pipeline stages (cumulative time of the calls made by timeline/events.py):")
            for name, sec in sorted(pr["stages"].items(), key=lambda kv: -kv[1])[:8]:
                print(f"    {sec:6.2f} s  {100 * sec / tot:5.1f}%  {name}")
            print("  top functions (own time):")
            for s, name in pr["top"][:8]:
                print(f"    {s:6.2f} s  {name}")
    finally:
        if a.workdir is None:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
