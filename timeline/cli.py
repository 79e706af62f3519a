"""The ``timeline`` command: a thin layer over the library.

Library errors become one-line messages on stderr naming the file and the problem;
other files are still processed, and the exit code says whether anything failed
(0 all good, 1 some input or output failed, 2 bad usage).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .errors import TimelineError

__all__ = ["main", "build_parser"]

PROG = "timeline"


class _Reporter:
    """One-line messages on stderr; remembers whether anything failed."""

    def __init__(self, quiet: bool = False) -> None:
        self.failed = False
        self.quiet = quiet

    def error(self, msg: str) -> None:
        self.failed = True
        print(f"{PROG}: error: {msg}", file=sys.stderr)

    def warning(self, msg: str) -> None:
        print(f"{PROG}: warning: {msg}", file=sys.stderr)

    def note(self, msg: str) -> None:
        if not self.quiet:
            print(f"{PROG}: note: {msg}", file=sys.stderr)


def _add_input_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="text/Markdown files, saved web pages, CSV/JSONL/Parquet corpora, directories (read recursively), or - for standard input")
    p.add_argument("--reference-date", metavar="YYYY-MM-DD",
                   help="publication date to resolve relative dates against (default: the date each document states, else today)")
    p.add_argument("--text-column", default="text", metavar="NAME", help="text column of CSV/JSONL/Parquet corpora (default: text)")
    p.add_argument("--max-size", type=float, default=20, metavar="MB", help="refuse files larger than this many megabytes (default: 20)")
    p.add_argument("--merge", action="store_true", help="merge mentions of the same event across documents")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no notes")


def _build() -> str:
    """Which build is installed: the compiled modules (TIMELINE_COMPILE=1) or pure Python."""
    from . import semantics

    return "compiled" if semantics.__file__.endswith((".so", ".pyd")) else "pure Python"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Find the dated events that news articles report and draw them on an interactive timeline.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__} ({_build()})")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    b = sub.add_parser("build", help="write the timeline of documents as an HTML page (or PNG/SVG/PDF image)",
                       description="Write the timeline of documents as one HTML page (or a PNG, SVG or PDF image, by the output's suffix).")
    _add_input_args(b)
    b.add_argument("-o", "--output", default="timeline.html", metavar="FILE", help="output file: .html (default timeline.html), .png, .svg or .pdf")
    b.add_argument("--title", metavar="TEXT", help="chart title")
    b.add_argument("--plotlyjs", choices=["inline", "cdn", "directory"], default="inline",
                   help="inline: one self-contained file that works offline (default); cdn: a small file loading plotly.js from the CDN; directory: the plotly.js file beside the page (plotly-basic.min.js or plotly-gl2d.min.js; plotly.min.js with --fragment)")
    b.add_argument("--fragment", action="store_true", help="write a <div> to paste into a report instead of a whole page")
    b.add_argument("--lanes", default="doc", metavar="COLUMN", help="one lane per value of this column: doc (default), actors, source, ...")
    b.add_argument("--theme", choices=["light", "dark", "print"], default="light", help="colour theme (default: light)")

    e = sub.add_parser("events", help="print the event table (CSV, JSON, JSON Lines, TimelineJS, Parquet)",
                       description="Print the event table of documents, one row per dated event mention.")
    _add_input_args(e)
    e.add_argument("--format", choices=["csv", "json", "jsonl", "timelinejs", "parquet"], default=None,
                   help="output format (default: from the -o suffix, else csv)")
    e.add_argument("-o", "--output", metavar="FILE", help="write to this file instead of standard output")
    e.add_argument("--engine", choices=["local", "dask"], default="local", help="local (default) or a Dask cluster")
    e.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address (tcp://host:port); default: start a local cluster")
    e.add_argument("--workers", type=int, metavar="N", help="workers of the local Dask cluster (default: one per core)")

    t = sub.add_parser("tag", help="tag TimeML documents with TIMEX3 elements (TempEval-3 style)",
                       description="Tag TimeML documents: each FILE is written to DIR under the same name, its <TEXT> re-tagged with TIMEX3 elements, its DCT as reference date.")
    t.add_argument("files", nargs="+", metavar="FILE", help="TimeML (.tml) documents")
    t.add_argument("--out", required=True, metavar="DIR", help="output directory")

    d = sub.add_parser("demo", help="build the timeline of the bundled sample articles",
                       description="Build the timeline of the sample articles that come with timeline.")
    d.add_argument("-o", "--output", default="timeline-demo.html", metavar="FILE", help="output file (default: timeline-demo.html)")
    d.add_argument("--theme", choices=["light", "dark", "print"], default="light")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    rep = _Reporter(quiet=getattr(args, "quiet", False))
    try:
        if args.command == "tag":
            return _cmd_tag(args, rep)
        if args.command == "demo":
            return _cmd_demo(args, rep)
        return _cmd_events(args, rep) if args.command == "events" else _cmd_build(args, rep)
    except TimelineError as e:
        rep.error(str(e))
        return 1
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


# ---------------------------------------------------------------- commands

def _options(args: argparse.Namespace):
    from .readers import ReadOptions

    return ReadOptions(max_bytes=int(args.max_size * 1_000_000), text_column=args.text_column)


def _results(args: argparse.Namespace, rep: _Reporter):
    """Each document's result, streamed, its errors and notes already reported."""
    from .events import iter_results
    from .progress import progress

    for r in progress(iter_results(args.paths, reference_date=args.reference_date, options=_options(args)),
                      desc="reading", quiet=args.quiet):
        _report(r, rep)
        yield r


def _collect(args: argparse.Namespace, rep: _Reporter):
    """Events of every input, reporting errors and notes; a DataFrame."""
    from .schema import ensure_schema

    df = ensure_schema([row for r in _results(args, rep) for row in r.rows])
    if args.merge:
        from .merge import merge_events

        df = merge_events(df)
    return df


def _report(r, rep: _Reporter) -> None:
    if r.error is not None:
        rep.error(str(r.error))
        return
    doc = r.document
    if doc.reference_source == "today":
        rep.warning(f"{doc.name}: no publication date found; relative dates and missing years were resolved "
                    f"against today ({doc.reference_date}) and marked year_assumed (give --reference-date)")
    if not doc.text.strip():
        rep.note(f"{doc.name}: empty document, no events")
    elif not r.rows:
        rep.note(f"{doc.name}: no dated events found")


def _parse_ref(args: argparse.Namespace) -> None:
    from .documents import parse_reference_date

    if args.reference_date is not None:
        parse_reference_date(args.reference_date)  # fails early with one line


def _cmd_events(args: argparse.Namespace, rep: _Reporter) -> int:
    _parse_ref(args)
    fmt = args.format
    if fmt is None:
        suffix = Path(args.output).suffix.lower().lstrip(".") if args.output else ""
        fmt = suffix if suffix in ("csv", "json", "jsonl", "parquet") else "csv"
    if args.engine == "dask":
        from .distributed import run_dask

        options = _options(args)
        direct = fmt == "parquet" and args.output and not args.merge  # streamed to Parquet by the workers' results
        res = run_dask(args.paths, scheduler=args.scheduler, n_workers=args.workers,
                       reference_date=args.reference_date, options=options, quiet=args.quiet,
                       out_path=args.output if direct else None)
        for e in res.errors:
            rep.error(str(e))
        for name in res.undated:
            rep.warning(f"{name}: no publication date found; relative dates and missing years were resolved "
                        "against today and marked year_assumed (give --reference-date)")
        if not direct:
            df = res.events
            if args.merge:
                from .merge import merge_events

                df = merge_events(df)
            _write_events(df, fmt, args.output)
        if not args.quiet:
            rep.note(f"{res.documents} documents, {res.rows} event mentions (dask)")
        return 1 if rep.failed else 0
    if fmt in ("csv", "jsonl") and not args.merge:
        _stream_events(args, rep, fmt)
    else:
        _write_events(_collect(args, rep), fmt, args.output)
    return 1 if rep.failed else 0


def _stream_events(args: argparse.Namespace, rep: _Reporter, fmt: str) -> None:
    """CSV and JSON Lines are written document by document: memory stays flat."""
    from .outputs import CsvStream, write_jsonl
    from .schema import ensure_schema

    out = open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout
    try:
        csv_out = CsvStream(out) if fmt == "csv" else None
        wrote = False
        for r in _results(args, rep):
            if r.rows:
                df = ensure_schema(r.rows)
                csv_out.write(df) if csv_out is not None else write_jsonl(df, out)
                wrote = True
        if csv_out is not None and not wrote:
            csv_out.write(ensure_schema([]))  # the header, so an empty table is still a CSV
        out.flush()
    finally:
        if out is not sys.stdout:
            out.close()


def _write_events(df, fmt: str, output: str | None) -> None:
    from .outputs import write_table

    if fmt == "timelinejs":
        import json

        from .export import to_timelinejs

        text = json.dumps(to_timelinejs(df), ensure_ascii=False, indent=1) + "\n"
        if output:
            Path(output).write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
        return
    write_table(df, output if output else sys.stdout, fmt)


def _cmd_build(args: argparse.Namespace, rep: _Reporter) -> int:
    _parse_ref(args)
    out = Path(args.output)
    suffix = out.suffix.lower()
    if suffix not in (".html", ".htm", ".png", ".svg", ".pdf"):
        rep.error(f"{out}: unknown output kind {suffix or '(no suffix)'}: use .html, .png, .svg or .pdf")
        return 1
    df = _collect(args, rep)
    if df.empty:
        rep.note("no dated events in the input: the timeline is empty")
    _draw(df, out, title=args.title, lanes=args.lanes, theme=args.theme,
          plotlyjs=args.plotlyjs, fragment=args.fragment)
    if not args.quiet:
        print(f"{PROG}: wrote {out} ({len(df)} events)", file=sys.stderr)
    return 1 if rep.failed else 0


def _draw(df, out: Path, *, title, lanes, theme, plotlyjs="inline", fragment=False) -> None:
    if out.suffix.lower() in (".png", ".svg", ".pdf"):
        from .export import write_image

        write_image(df, out, title=title, lanes=lanes, theme=theme)
    else:
        from .page import write_html

        write_html(df, out, title=title, lanes=lanes, theme=theme, plotlyjs=plotlyjs, fragment=fragment)


def _cmd_tag(args: argparse.Namespace, rep: _Reporter) -> int:
    from .tagger.timeml import tag_timeml_file

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    n = 0
    for f in args.files:
        try:
            tag_timeml_file(f, out)
            n += 1
        except TimelineError as e:
            rep.error(str(e))
    rep.note(f"tagged {n} of {len(args.files)} documents into {out}")
    return 1 if rep.failed else 0


def _cmd_demo(args: argparse.Namespace, rep: _Reporter) -> int:
    from .samples import sample_paths

    args.paths = [str(p) for p in sample_paths()]
    args.reference_date = None
    args.text_column = "text"
    args.max_size = 20
    args.merge = False
    args.quiet = False
    df = _collect(args, rep)
    out = Path(args.output)
    _draw(df, out, title="Sample: US–Russia diplomacy over the war in Ukraine", lanes="doc", theme=args.theme)
    print(f"{PROG}: wrote {out} ({len(df)} events from {len(args.paths)} sample articles)", file=sys.stderr)
    return 1 if rep.failed else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
