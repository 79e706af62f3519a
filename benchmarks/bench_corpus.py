"""Corpus benchmark: documents per second and peak memory, local engine and Dask.

Generates a corpus of realistic news articles (about 4 KB each), built from the
project's sample articles (``timeline/samples/*.txt``), three dated templates and
eighteen background paragraphs written here (quotes, context, analysis: few or no
dates), with varied years, publication dates and names. By default the articles are as
sparse in dates as real news (the density is printed next to TempEval-3's: pass
``--reference-corpus`` to measure it); ``--dense`` builds them from dated paragraphs
only, ~2.5 times denser in events, as a stress test. Then measures, each in a fresh
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

    python benchmarks/bench_corpus.py                      # 5,000 docs: a few minutes (Dask needs
        # runs of several seconds for its scaling to show: 1,000 docs measured 1.41x, 6,000 1.83x)
    python benchmarks/bench_corpus.py --docs 100000 --format parquet --profile-docs 500
        # the full run: about 410 MB of text (N) and 820 MB (2N); at ~250-300 realistic
        # articles per CPU-second that is ~6 min for N and ~12 min for 2N on the local
        # engine, and ~6 / ~3.5 min on Dask with 1 / 2 workers (--dense: ~2.5x longer):
        # run it on an otherwise idle machine
    python benchmarks/bench_corpus.py --docs 5000 --format parquet --no-dask
    python benchmarks/bench_corpus.py --docs 300 --no-dask --reference-corpus /work/shared/te3
    python benchmarks/bench_corpus.py --docs 300 --no-dask --dense
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
# a child measuring the compiled build imports timeline from a tree built with it
sys.path.insert(0, os.environ.get("TIMELINE_BENCH_TREE") or str(ROOT))


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
# Background paragraphs written for this benchmark: quotes, context, analysis, the
# bulk of a real news story, carrying few or no dates. Real news is sparse in dates:
# the TempEval-3 training corpus has one TIMEX3 every ~290 characters, and only part
# of them are calendar dates; the dated paragraphs above carry one every ~115.
BACKGROUND = [
    "{P1}, who has followed the dispute for {ORG}, said the two sides still disagree on almost every detail that matters. \"Everyone wants a deal, but nobody wants to be the one who pays for it,\" {P1} said. \"Until that changes, the talks will go round in circles.\"",
    "The decision was welcomed by local business groups, who had complained that uncertainty was keeping customers away. Shop owners near the centre of {CITY} said trade had been slow, and several said they had cut staff hours rather than lay people off.",
    "Critics say the plan does little to address the underlying problem. A report by an independent watchdog found that maintenance budgets had been cut repeatedly, and that warnings from engineers were often filed without a reply. The authors called for a full review of how contracts are awarded.",
    "{P2} declined to say how much the measures would cost, or who would pay for them. Officials have promised to publish the figures once negotiations with suppliers are complete, but opposition members argue that the public deserves to see them before any vote is held.",
    "Analysts were divided on what the announcement means for investors. Some described it as a sensible compromise that removes a source of risk; others warned that the underlying weaknesses remain and that the market has been too quick to celebrate. Trading volumes were higher than usual.",
    "Residents who spoke to reporters were more cautious. \"We have heard promises like this before,\" said one retired teacher who has lived in the same street for decades. \"I will believe it when the work is finished and the noise stops.\" Others said they simply wanted clear information.",
    "The agency said it would not comment on individual cases, citing privacy rules, but confirmed that its inspectors had visited several sites in the region. A spokesperson added that any company found to have broken the rules could face fines or lose its licence.",
    "{ORG} has grown quickly in recent years, expanding from a single office into a network that employs several thousand people across the country. Its rapid growth has drawn scrutiny from regulators, who have questioned whether its internal controls kept pace with the business.",
    "Diplomats familiar with the discussions, who asked not to be named because they were not authorised to speak publicly, said the main sticking point was the sequence of steps each side would take. One described the mood in the room as tense but businesslike.",
    "The figures suggest that demand is cooling more slowly than expected. Economists had forecast a sharper fall, pointing to higher borrowing costs and weaker confidence among households, but spending on services held up better than goods, according to the statistics office.",
    "Environmental groups said the project would damage wetlands that shelter migrating birds and called on the government to order a new impact assessment. The developer says it has redesigned the access road to avoid the most sensitive areas and will plant trees to offset the rest.",
    "{P1} grew up in a small town outside {CITY} and studied engineering before moving into politics. Colleagues describe a methodical, sometimes stubborn negotiator who prefers to work through detailed briefing papers rather than rely on advisers.",
    "Hospitals in the area said they had enough beds for now but warned that staff shortages remain a concern. Nurses' unions have argued for better pay and safer rosters, saying many of their members are exhausted after long stretches without a break.",
    "The opposition accused the government of rushing the bill through parliament without proper debate. Its leader said ministers had ignored the advice of their own experts and that the law would be challenged in court if it passed in its current form.",
    "It is not the first time the company has faced questions about its safety record. Former employees have described a culture in which deadlines took priority over checks, claims the company rejects. It says it has hired an outside firm to audit its procedures.",
    "Supporters of the measure argue that it will make services faster and cheaper for ordinary users, while opponents fear it will concentrate power in the hands of a few large providers. Both camps have spent heavily on advertising to win over undecided voters.",
    "Police said the investigation was at an early stage and appealed for witnesses to come forward. Officers have been going door to door in the neighbourhood and are examining footage from cameras along the main road, a senior investigator told reporters outside the station.",
    "Farmers in the region say the weather has been the hardest they can remember, with heavy rain followed by a long dry spell. Many have delayed planting, and some fear they will not recover their costs unless prices rise or the authorities offer support.",
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


# Share of an article's paragraphs (after its dated lead) drawn from the dated
# paragraphs in the realistic mode; the rest are BACKGROUND. Chosen so that the corpus
# is a little DENSER than the TempEval-3 news on both figures the benchmark prints
# (measured: ~254 chars per tagged TIMEX3 and ~362 per event row, against 283 and 380
# on TempEval-3's training set; the user's seed articles are sparser still, ~900 chars
# per event); --dense draws every paragraph from the dated ones.
DATED_SHARE = 0.35


def make_article(i: int, paragraphs: list[str], target: int = 4000, *, dense: bool = False) -> dict:
    """Article ``i`` (deterministic): ~``target`` characters of paragraphs, years shifted
    by the same offset as its publication date, names and months varied.

    Realistic mode (default): a dated lead paragraph, then background paragraphs
    (:data:`BACKGROUND`, no repeats within an article) mixed with dated ones
    (:data:`DATED_SHARE`). ``dense``: dated paragraphs only (one event every ~115
    characters: a stress test, far denser than news)."""
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
    background = [] if dense else rng.sample(BACKGROUND, len(BACKGROUND))
    parts: list[str] = []
    size = 0
    while size < target:
        if parts and background and rng.random() >= DATED_SHARE:
            para = background.pop()
        else:
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


def make_corpus(path: Path, n: int, fmt: str, *, dense: bool = False) -> Path:
    """Write ``n`` articles to ``path`` (JSON Lines or Parquet, row groups of 2,000), streaming."""
    paragraphs = _paragraphs()
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "jsonl":
        with open(path, "w", encoding="utf-8") as f:
            for i in range(n):
                f.write(json.dumps(make_article(i, paragraphs, dense=dense), ensure_ascii=False) + "\n")
        return path
    import pyarrow as pa
    import pyarrow.parquet as pq

    writer = None
    for start in range(0, n, 2000):
        rows = [make_article(i, paragraphs, dense=dense) for i in range(start, min(n, start + 2000))]
        table = pa.Table.from_pylist(rows)
        if writer is None:
            writer = pq.ParquetWriter(str(path), table.schema)
        writer.write_table(table)
    if writer is not None:
        writer.close()
    return path


# ---------------------------------------------------------------- density

#: The TempEval-3 training corpus (TimeBank + AQUAINT, 256 documents): 1,822 TIMEX3 in
#: the 529,484 characters of their <TEXT> (the creation-time TIMEX3s not counted),
#: counted from the corpus's gold annotation: one every ~290 characters.
TE3_CHARS, TE3_TIMEX3 = 529_484, 1_822


def density(texts: list[tuple[str, object]]) -> dict:
    """Characters per TIMEX3 the tagger finds and per event row the pipeline keeps, over
    ``texts`` (pairs of text and reference date)."""
    from timeline.documents import Document
    from timeline.events import events_for_document
    from timeline.tagger import tag

    chars = timexes = events = 0
    for k, (text, ref) in enumerate(texts):
        chars += len(text)
        timexes += len(tag(text, ref))
        events += len(events_for_document(Document(name=f"d{k}", text=text, reference_date=ref,
                                                   reference_source="given")))
    return {"docs": len(texts), "chars": chars, "timexes": timexes, "events": events}


def reference_density(root: Path) -> dict:
    """The same figures on a TimeML corpus (every ``*.tml`` under ``root``), plus its gold
    TIMEX3 count (those inside <TEXT>)."""
    from timeline.tagger.timeml import timeml_dct, timeml_plain_text

    texts, gold = [], 0
    for f in sorted(root.rglob("*.tml")):
        src = f.read_text(encoding="utf-8")
        m = re.search(r"<TEXT\b[^>]*>(.*?)</TEXT>", src, re.S)
        if m:
            texts.append((timeml_plain_text(m.group(1)), timeml_dct(src)))
            gold += len(re.findall(r"<TIMEX3\b", m.group(1)))
    out = density(texts)
    out["gold"] = gold
    return out


def _print_density(label: str, d: dict) -> None:
    per = lambda k: d["chars"] / d[k] if d.get(k) else float("inf")  # noqa: E731
    gold = f", gold {per('gold'):,.0f} chars per annotated TIMEX3" if "gold" in d else ""
    print(f"  {label:<34}{d['docs']:>5} docs: {per('timexes'):>5,.0f} chars per tagged TIMEX3, "
          f"{per('events'):>5,.0f} per event row ({d['events'] / d['docs']:.1f} events/doc){gold}")


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
            "maxrss_mb": _maxrss_mb(), "import_rss_mb": base, "build": _build()}


def _build() -> str:
    """Which build of timeline this process runs: compiled modules, or pure Python."""
    from timeline import semantics

    return "compiled (mypyc)" if semantics.__file__.endswith((".so", ".pyd")) else "pure Python"


def build_compiled(dest: Path) -> Path:
    """A copy of the package with setup.py's compiled build (TIMELINE_COMPILE=1) in place."""
    shutil.rmtree(dest, ignore_errors=True)  # (a --workdir reused from an earlier run)
    shutil.copytree(ROOT / "timeline", dest / "timeline", ignore=shutil.ignore_patterns("__pycache__", "*.so", "*.pyd"))
    shutil.copy(ROOT / "setup.py", dest / "setup.py")
    p = subprocess.run([sys.executable, "setup.py", "-q", "build_ext", "--inplace"], cwd=dest,
                       env=dict(os.environ, TIMELINE_COMPILE="1"), capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit(f"compiled build failed (needs mypy and a C compiler):\n{p.stderr[-3000:]}")
    return dest


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


def _run_child(args: list[str], tree: Path | None = None) -> dict:
    """Run this script as a child; ``tree``: import timeline from there (a compiled build)."""
    env = dict(os.environ, PYTHONPATH=str(tree or ROOT), TIMELINE_BENCH_TREE=str(tree or ""))
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
    print(f"local engine ({loc['build']}), N={n:,}: {loc['docs']:,} docs, {loc['rows']:,} events in {loc['seconds']:.1f} s = "
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
    ap.add_argument("--docs", type=int, default=5000, help="N: documents in the corpus (2N is also measured); default 5000")
    ap.add_argument("--format", choices=["jsonl", "parquet"], default="jsonl", help="corpus file format (default jsonl)")
    ap.add_argument("--workdir", type=Path, default=None, help="where to write the corpora (default: a temp dir, removed)")
    ap.add_argument("--no-dask", action="store_true", help="skip the Dask runs")
    ap.add_argument("--no-flat", action="store_true", help="skip the 2N local run")
    ap.add_argument("--no-local", action="store_true", help="skip the local engine runs")
    ap.add_argument("--profile-docs", type=int, default=300, help="documents profiled (0: no profile); default 300")
    ap.add_argument("--dense", action="store_true",
                    help="dated paragraphs only (a stress test ~2.5x denser in events than news); default: realistic mix")
    ap.add_argument("--reference-corpus", type=Path, default=None,
                    help="a TimeML corpus (e.g. TempEval-3) whose density is measured and printed next to the corpus's")
    ap.add_argument("--compiled", action="store_true",
                    help="also build the compiled modules (TIMELINE_COMPILE=1, mypyc; ~1 min) and measure the "
                         "local engine with them on the same corpus")
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
        small = make_corpus(tmp / f"corpus_{n}.{a.format}", n, a.format, dense=a.dense)
        big = (None if a.no_flat or a.no_local
               else make_corpus(tmp / f"corpus_{2 * n}.{a.format}", 2 * n, a.format, dense=a.dense))
        size_mb = small.stat().st_size / 1e6
        paragraphs = _paragraphs()
        sample = [make_article(i, paragraphs, dense=a.dense) for i in range(min(n, 200))]
        print(f"corpus ({'dense: dated paragraphs only' if a.dense else 'realistic density'}): {n:,} articles of "
              f"{sum(len(r['text']) for r in sample) / len(sample) / 1000:.1f} KB text on average, "
              f"{size_mb:.1f} MB as {a.format}, generated in {time.perf_counter() - t:.1f} s in {tmp}")
        print("density (temporal expressions and events per character):")
        _print_density("this corpus (first articles)", density(
            [(r["text"], date.fromisoformat(r["date"])) for r in sample]))
        if a.reference_corpus is not None:
            _print_density(f"reference: {a.reference_corpus.name}", reference_density(a.reference_corpus))
        else:
            print(f"  reference: TempEval-3 training corpus, {TE3_CHARS / TE3_TIMEX3:,.0f} chars per annotated "
                  f"TIMEX3 ({TE3_TIMEX3:,} in {TE3_CHARS:,} chars; --reference-corpus DIR measures it and the "
                  f"tagged and event figures)")
        print(f"machine: {os.cpu_count()} cores, python {sys.version.split()[0]}, load average "
              f"{os.getloadavg()[0]:.1f} (other work on the machine slows the wall-clock figures)")
        print()

        loc = None if a.no_local else _run_child(["--child", "local", str(small)])
        if loc is not None:
            _print_local(loc, big, n)
        if a.compiled and not a.no_local:
            t = time.perf_counter()
            tree = build_compiled(tmp / "compiled")
            print(f"compiled build made in {time.perf_counter() - t:.0f} s")
            comp = _run_child(["--child", "local", str(small)], tree=tree)
            _print_local(comp, None, n)
            if loc is not None:
                same = "same" if comp["rows"] == loc["rows"] else "DIFFERENT"
                print(f"  compiled / pure: {loc['cpu'] / max(comp['cpu'], 1e-9):.2f}x per CPU-second "
                      f"({same} number of events)")
                print()

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
