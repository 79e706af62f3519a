"""Event extraction on a Dask cluster, for corpora too large for one process.

The client only lists files (it walks directories, never reads documents). Workers do
the rest, in two rounds of tasks:

1. each corpus file (CSV, JSON Lines, Parquet) is cut into parts on a worker
   (:func:`timeline.readers.corpus.corpus_parts`: byte ranges on record boundaries,
   Parquet row ranges), the file scanned once, streaming;
2. each part, and each batch of plain files (text, HTML...), becomes one task that reads
   its documents and applies :func:`timeline.events.events_for_document` to each.

Results come back as event frames in input order, so the table is the one the local
engine (:func:`timeline.events.extract`) gives, row for row. :func:`write_events_parquet`
writes them to one Parquet file as they arrive, in order, without holding them all.

A bad file or row comes back as a message naming it (an :class:`~timeline.errors.InputError`
rebuilt on the client), never as a worker traceback; an unexpected failure while
extracting one document is reported the same way, naming the document, and the run
goes on.

Without a scheduler address a :class:`distributed.LocalCluster` is started (worker
processes, one thread each) and closed at the end; with ``scheduler="tcp://host:port"``
the work goes to that cluster, whose workers must see the same paths (a shared file
system) and have timeline installed.
"""

from __future__ import annotations

import logging
import os
import warnings
from contextlib import closing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from .documents import Document, parse_reference_date, with_reference_date
from .errors import InputError, OutputError
from .readers import ReadOptions, iter_documents
from .readers.corpus import CORPUS_SUFFIXES, CorpusPart, corpus_parts, read_part
from .schema import EVENT_COLUMNS, empty_events, ensure_schema

__all__ = ["DaskResult", "run_dask", "extract_dask", "write_events_parquet"]

#: plain files (text, HTML) read by one task
FILES_PER_TASK = 32
#: corpus part sizes (see corpus_parts)
PART_BYTES = 4 * 1024 * 1024
PART_ROWS = 2000

_ErrorTuple = tuple[str, str]  # (path or document name, problem)


@dataclass
class DaskResult:
    """What a distributed run gave.

    ``events`` is the event table (None when it was written to Parquet instead),
    ``rows`` its number of rows, ``documents`` the number of documents read,
    ``errors`` the problems met (each names its file, row or document) in input order,
    ``undated`` the documents resolved against today for want of a publication date.
    """

    events: pd.DataFrame | None
    rows: int = 0
    documents: int = 0
    errors: list[InputError] = field(default_factory=list)
    undated: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- work units


@dataclass(frozen=True)
class _Unit:
    """One task: a batch of plain files, or one corpus part."""

    files: tuple[str, ...] = ()
    part: CorpusPart | None = None


@dataclass
class _UnitResult:
    frame: pd.DataFrame
    documents: int
    errors: list[_ErrorTuple]
    undated: list[str]


def _unit_documents(unit: _Unit, options: ReadOptions) -> Iterator[Document | InputError]:
    if unit.part is not None:
        try:
            yield from read_part(unit.part, options)
        except InputError as e:
            yield e
    else:
        yield from iter_documents(unit.files, options)


def _run_unit(unit: _Unit, given: date | None, today: date, options: ReadOptions) -> _UnitResult:
    """On a worker: the event rows of every document of ``unit``."""
    from .events import events_for_document

    rows: list[dict] = []
    errors: list[_ErrorTuple] = []
    undated: list[str] = []
    n = 0
    for item in _unit_documents(unit, options):
        if isinstance(item, InputError):
            errors.append((item.path, item.problem))
            continue
        n += 1
        try:
            doc = with_reference_date(item, given, today)
            if doc.reference_source == "today":
                undated.append(doc.name)
            rows.extend(events_for_document(doc, today=today))
        except Exception as e:  # a bug on one document must not lose the run
            errors.append((item.name, f"events could not be extracted ({type(e).__name__}: {e})"))
    frame = ensure_schema(rows) if rows else empty_events()
    return _UnitResult(frame, n, errors, undated)


def _plan(path: str, options: ReadOptions, part_bytes: int, part_rows: int, min_parts: int) -> list[CorpusPart] | _ErrorTuple:
    """On a worker: the parts of one corpus file, or the problem that stops it. Parts
    are at most ``part_bytes``/``part_rows`` and small enough that the file makes
    ``min_parts`` parts (every worker gets work, even from one file)."""
    try:
        size = os.path.getsize(path)
        part_bytes = max(16 * 1024, min(part_bytes, size // max(min_parts, 1) + 1))
        if Path(path).suffix.lower() in (".parquet", ".pq"):
            rows = _parquet_rows(path)
            if rows is not None:
                part_rows = max(10, min(part_rows, -(-rows // max(min_parts, 1))))
        return corpus_parts(path, options, part_bytes=part_bytes, part_rows=part_rows)
    except InputError as e:
        return (e.path, e.problem)
    except OSError as e:
        return (path, e.strerror or str(e))


def _describe(unit: _Unit) -> str:
    if unit.part is not None:
        return f"{unit.part.path} (rows from {unit.part.first_row})"
    return unit.files[0] if len(unit.files) == 1 else f"{unit.files[0]} and {len(unit.files) - 1} other file(s)"


def _worker_failure(e: BaseException) -> str:
    text = " ".join(str(e).split())[:200]
    return f"a Dask worker failed while extracting these documents ({type(e).__name__}{': ' + text if text else ''})"


def _parquet_rows(path: str) -> int | None:
    try:
        import pyarrow.parquet as pq

        return int(pq.ParquetFile(path).metadata.num_rows)
    except Exception:  # not Parquet: corpus_parts reports it
        return None


def _expand(paths: Iterable[str | os.PathLike[str]]) -> list[str | InputError]:
    """The files under ``paths`` in the order the local engine reads them."""
    from .readers import expand_paths  # the registry's own expansion: same files, same order

    return [
        InputError("-", "standard input cannot be read by the Dask engine: give files or directories") if item == "-"
        else item if isinstance(item, InputError) else str(item)
        for item in expand_paths(paths)
    ]


# ---------------------------------------------------------------- cluster


class _Cluster:
    """A Dask client: on a given scheduler, or on a LocalCluster started (and closed) here."""

    def __init__(self, scheduler: str | None, n_workers: int | None, client: Any = None) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise OutputError("the Dask engine needs the dask extra: pip install 'timeline[dask]'") from None
        self.cluster = None
        self.own_client = client is None
        if client is not None:
            self.client = client
        elif scheduler:
            try:
                self.client = Client(scheduler, timeout="10s")
            except (OSError, TimeoutError) as e:
                raise OutputError(f"cannot reach the Dask scheduler at {scheduler} ({e})") from None
        else:
            with warnings.catch_warnings():
                # no dashboard; its HTTP port may be taken by another cluster: any port does
                warnings.filterwarnings("ignore", message="Port .* is already in use")
                self.cluster = LocalCluster(
                    n_workers=n_workers or os.cpu_count() or 1,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
            self.client = Client(self.cluster)

    def close(self) -> None:
        if self.own_client:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _units(client: Any, items: list[str | InputError], options: ReadOptions,
           part_bytes: int, part_rows: int) -> list[_Unit | InputError]:
    """Work units in input order; corpus files are cut into parts by the workers."""
    corpora = [x for x in items if isinstance(x, str) and Path(x).suffix.lower() in CORPUS_SUFFIXES]
    plans: dict[str, list[CorpusPart] | _ErrorTuple] = {}
    if corpora:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        futures = client.map(_plan, corpora, options=options, part_bytes=part_bytes, part_rows=part_rows,
                             min_parts=4 * workers, pure=False)
        plans = dict(zip(corpora, client.gather(futures)))
    units: list[_Unit | InputError] = []
    batch: list[str] = []

    def flush() -> None:
        if batch:
            units.append(_Unit(files=tuple(batch)))
            batch.clear()

    for x in items:
        if isinstance(x, InputError):
            flush()
            units.append(x)
        elif x in plans:
            flush()
            plan = plans[x]
            if isinstance(plan, tuple):
                units.append(InputError(*plan))
            else:
                units.extend(_Unit(part=p) for p in plan)
        else:
            batch.append(x)
            if len(batch) >= FILES_PER_TASK:
                flush()
    flush()
    return units


def _results(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    scheduler: str | None,
    n_workers: int | None,
    reference_date: str | date | None,
    options: ReadOptions | None,
    today: date | None,
    quiet: bool,
    client: Any,
    part_bytes: int,
    part_rows: int,
    stop_on_error: bool,
) -> Iterator[tuple[_UnitResult | None, InputError | None]]:
    """Per unit, in input order: its result, or the error that stands for it."""
    from .progress import ProgressBar

    given = parse_reference_date(reference_date) if reference_date is not None else None
    today = today or date.today()  # one "today" for every worker
    options = options or ReadOptions()
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    items = _expand(paths)
    cluster = _Cluster(scheduler, n_workers, client)
    futures: list[Any] = []  # None once its result is fetched
    try:
        units = _units(cluster.client, items, options, part_bytes, part_rows)
        work = [u for u in units if isinstance(u, _Unit)]
        futures = cluster.client.map(_run_unit, work, given=given, today=today, options=options, pure=False)
        index = {f.key: i for i, f in enumerate(futures)}
        done: dict[int, _UnitResult] = {}
        nxt = 0
        from distributed import as_completed

        completed = as_completed(futures)
        with ProgressBar(len(work), desc="extracting", unit="part", quiet=quiet) as bar:
            for u in units:
                if isinstance(u, InputError):
                    yield None, u
                    if stop_on_error:
                        return
                    continue
                while nxt not in done:
                    f = next(completed)
                    i = index[f.key]
                    try:
                        done[i] = f.result()
                    except Exception as e:  # the worker died (memory, killed...): name the files
                        done[i] = _UnitResult(empty_events(), 0, [(_describe(work[i]), _worker_failure(e))], [])
                    futures[i] = None  # released: the worker frees the result
                    f.release()
                    del f
                    bar.update()
                res = done.pop(nxt)
                nxt += 1
                yield res, None
                if stop_on_error and res.errors:
                    return
    finally:
        left = [f for f in futures if f is not None]
        if left and not cluster.own_client:
            cluster.client.cancel(left)  # work no one will read (stopped early)
        cluster.close()


# ---------------------------------------------------------------- public API


def run_dask(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    scheduler: str | None = None,
    n_workers: int | None = None,
    reference_date: str | date | None = None,
    options: ReadOptions | None = None,
    today: date | None = None,
    quiet: bool = True,
    client: Any = None,
    out_path: str | os.PathLike[str] | None = None,
    part_bytes: int = PART_BYTES,
    part_rows: int = PART_ROWS,
) -> DaskResult:
    """Extract events from ``paths`` on a Dask cluster and report every problem.

    ``scheduler`` is a scheduler address (``tcp://host:port``); without it a local
    cluster of ``n_workers`` processes (default: one per core) is started and closed.
    ``client`` uses an existing :class:`distributed.Client` instead. ``reference_date``,
    ``options`` and ``today`` mean what they mean for :func:`timeline.events.extract`.
    With ``out_path`` the events are written to that Parquet file as they come (in
    order) and ``DaskResult.events`` is None. ``quiet=False`` shows a progress bar on a
    terminal's stderr.
    """
    result = DaskResult(events=None)
    frames: list[pd.DataFrame] = []
    writer = _ParquetOut(out_path) if out_path is not None else None
    try:
        results = _results(
            paths, scheduler=scheduler, n_workers=n_workers, reference_date=reference_date, options=options,
            today=today, quiet=quiet, client=client, part_bytes=part_bytes, part_rows=part_rows, stop_on_error=False,
        )
        with closing(results):
            for res, err in results:
                if err is not None:
                    result.errors.append(err)
                    continue
                assert res is not None
                result.documents += res.documents
                result.errors.extend(InputError(p, m) for p, m in res.errors)
                result.undated.extend(res.undated)
                result.rows += len(res.frame)
                if writer is not None:
                    writer.write(res.frame)
                elif len(res.frame):
                    frames.append(res.frame)
    finally:
        if writer is not None:
            writer.close()
    if writer is None:
        result.events = ensure_schema(pd.concat(frames, ignore_index=True)) if frames else empty_events()
    return result


def extract_dask(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    scheduler: str | None = None,
    n_workers: int | None = None,
    reference_date: str | date | None = None,
    options: ReadOptions | None = None,
    today: date | None = None,
    errors: str = "raise",
    quiet: bool = True,
    client: Any = None,
) -> pd.DataFrame:
    """The event table of ``paths``, computed on a Dask cluster: the same rows, in the
    same order, as :func:`timeline.events.extract`.

    ``errors``: ``"raise"`` raises the first problem reported (the rest of the work is
    cancelled), ``"warn"`` warns for each and goes on, ``"ignore"`` goes on silently.
    Documents without a publication date give one :class:`~timeline.events.ReferenceDateWarning`.
    See :func:`run_dask` for the other arguments.
    """
    if errors not in ("raise", "warn", "ignore"):
        raise ValueError("errors must be 'raise', 'warn' or 'ignore'")
    if errors == "raise":
        frames: list[pd.DataFrame] = []
        undated: list[str] = []
        results = _results(
            paths, scheduler=scheduler, n_workers=n_workers, reference_date=reference_date, options=options,
            today=today, quiet=quiet, client=client, part_bytes=PART_BYTES, part_rows=PART_ROWS, stop_on_error=True,
        )
        with closing(results):  # the cluster is closed before an error propagates
            for res, err in results:
                if err is not None:
                    raise err
                assert res is not None
                if res.errors:
                    raise InputError(*res.errors[0])
                undated.extend(res.undated)
                if len(res.frame):
                    frames.append(res.frame)
        _warn_undated(undated, today)
        return ensure_schema(pd.concat(frames, ignore_index=True)) if frames else empty_events()
    res = run_dask(paths, scheduler=scheduler, n_workers=n_workers, reference_date=reference_date,
                   options=options, today=today, quiet=quiet, client=client)
    if errors == "warn":
        for e in res.errors:
            warnings.warn(str(e), stacklevel=2)
    _warn_undated(res.undated, today)
    assert res.events is not None
    return res.events


def write_events_parquet(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    out_path: str | os.PathLike[str],
    *,
    scheduler: str | None = None,
    n_workers: int | None = None,
    reference_date: str | date | None = None,
    options: ReadOptions | None = None,
    today: date | None = None,
    quiet: bool = True,
    client: Any = None,
) -> DaskResult:
    """Extract events on a Dask cluster and write them to the Parquet file ``out_path``
    (the columns of :mod:`timeline.schema`, rows in the local engine's order), part by
    part as results arrive. Returns the counts and the problems met (not raised)."""
    return run_dask(paths, scheduler=scheduler, n_workers=n_workers, reference_date=reference_date,
                    options=options, today=today, quiet=quiet, client=client, out_path=out_path)


def _warn_undated(undated: list[str], today: date | None) -> None:
    if not undated:
        return
    from .events import ReferenceDateWarning

    shown = ", ".join(undated[:3]) + (f" and {len(undated) - 3} more" if len(undated) > 3 else "")
    warnings.warn(
        f"{len(undated)} document(s) had no publication date ({shown}); relative dates and missing years "
        f"were resolved against today ({today or date.today()})",
        ReferenceDateWarning,
        stacklevel=3,
    )


# ---------------------------------------------------------------- Parquet output


class _ParquetOut:
    """One Parquet file written frame by frame with a fixed schema: the first frame's
    column types, so the file matches what ``DataFrame.to_parquet`` writes of the table."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        try:
            import pyarrow.parquet as pq
        except ImportError:
            raise OutputError("writing Parquet needs pyarrow: pip install 'timeline[parquet]'") from None
        self.pq = pq
        self.path = str(path)
        self.writer: Any = None
        self.schema: Any = None
        try:  # fail early, before any work, when the file cannot be written
            with open(self.path, "wb"):
                pass
        except OSError as e:
            raise OutputError(f"{path}: cannot write ({e.strerror or e})") from None

    def _open(self, frame: pd.DataFrame) -> None:
        import pyarrow as pa

        # the frame's own types (as DataFrame.to_parquet writes them), actors a list of strings
        schema = pa.Schema.from_pandas(frame[list(EVENT_COLUMNS)], preserve_index=False)
        i = schema.get_field_index("actors")
        self.schema = schema.set(i, pa.field("actors", pa.list_(pa.field("element", pa.string()))))
        self.writer = self.pq.ParquetWriter(self.path, self.schema)

    def write(self, frame: pd.DataFrame) -> None:
        import pyarrow as pa

        if not len(frame):
            return
        if self.writer is None:
            self._open(frame)
        table = pa.Table.from_pandas(frame[list(EVENT_COLUMNS)], schema=self.schema, preserve_index=False)
        self.writer.write_table(table)

    def close(self) -> None:
        if self.writer is None:  # no events: an empty table with every column
            self._open(empty_events())
        self.writer.close()
