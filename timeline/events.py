"""Turning documents into events: one row per dated event mention.

For each document: settle its reference date, tag its temporal expressions, keep those
that name a period on the calendar (durations, sets and vague references such as "now"
are not events), and describe each one: its sentence, a short title, its actors and
whether it happened (:mod:`timeline.semantics`).
"""

from __future__ import annotations

import os
import warnings
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

import pandas as pd

from .documents import Document, parse_reference_date, with_reference_date
from .errors import InputError
from .periods import period_of
from .readers import ReadOptions, iter_documents
from .schema import ensure_schema
from .semantics import NameIndex, describe
from .tagger import Timex, tag
from .text import line_bounds, sentence_spans

__all__ = [
    "DocumentResult",
    "ReferenceDateWarning",
    "events_for_document",
    "iter_results",
    "extract",
    "extract_text",
]

Source = str | os.PathLike | Document


class ReferenceDateWarning(UserWarning):
    """A document had no reference date: it was resolved against today."""


@dataclass(frozen=True)
class DocumentResult:
    """What one document gave: the document (with its reference date settled) and its
    event rows, or the error that stopped it (``document`` is then None)."""

    document: Document | None
    rows: list[dict]
    error: InputError | None = None


def _overlaps(t: Timex, span: tuple[int, int] | None) -> bool:
    return span is not None and t.start < span[1] and span[0] < t.end


def events_for_document(
    doc: Document, *, reference_date: date | None = None, today: date | None = None
) -> list[dict]:
    """The event rows of one document (see :mod:`timeline.schema` for the columns)."""
    doc = with_reference_date(doc, reference_date, today)
    return _rows(doc)


def _rows(doc: Document) -> list[dict]:
    text = doc.text
    timexes = tag(text, doc.reference_date)
    if not timexes:
        return []
    # sentences of the lines that hold a mention only (a line break always ends one)
    lines: dict[int, tuple[list[tuple[int, int]], list[int]]] = {}
    names: NameIndex | None = None
    ref = doc.reference_date.isoformat() if doc.reference_date else None
    # what every row of the document shares, read once
    name, pub_span, ref_source = doc.name, doc.reference_span, doc.reference_source
    undated = ref_source == "today"
    title, url, source = doc.title, doc.url, doc.source
    rows = []
    placed = False  # has the story named a date yet?
    for t in timexes:
        if not t.is_calendar or t.range_role == "end" or _overlaps(t, pub_span):
            continue
        if (t.anchor == "narrative" and not placed) or t.extra.get("unanchored"):
            # "the next day" with no date before it in the story: the day after what?
            # Only the reference date is left, and that is a guess, not a reading.
            continue
        placed = True
        period = period_of(t.value, t.mod)
        if period is None:
            continue
        end = period.end
        if t.range_end:
            last = period_of(t.range_end)
            if last is not None and last.end > period.start:
                end = last.end
        la, lb = line_bounds(text, t.start)
        known = lines.get(la)
        if known is None:
            sl = sentence_spans(text, la, lb)
            known = lines[la] = (sl, [s for s, _ in sl])
        sents, starts = known
        i = bisect_right(starts, t.start) - 1
        sent = sents[i] if i >= 0 and sents[i][1] >= t.end else (t.start, t.end)
        if names is None:
            names = NameIndex.from_text(text)
        d = describe(text, sent, (t.start, t.end), names=names)
        rows.append({
            "doc": name,
            "value": t.value if not t.range_end else f"{t.value}/{t.range_end}",
            "type": t.type,
            "mod": t.mod,
            "start": period.start,
            "end": end,
            "granularity": period.granularity,
            "mention": t.text,
            "char_start": t.start,
            "char_end": t.end,
            "sentence": text[sent[0]:sent[1]],
            "title": d.title,
            "actors": list(d.actors),
            "status": d.status,
            "anchor": t.anchor,
            "year_assumed": bool(t.year_assumed or (undated and t.anchor is not None)),
            "reference_date": ref,
            "reference_source": ref_source,
            "doc_title": title,
            "url": url,
            "source": source,
        })
    return rows


def _documents(sources: Iterable[Source], options: ReadOptions) -> Iterator[Document | InputError]:
    paths: list[str | os.PathLike] = []
    for s in sources:
        if isinstance(s, Document):
            yield from iter_documents(paths, options)
            paths = []
            yield s
        else:
            paths.append(s)
    yield from iter_documents(paths, options)


def iter_results(
    sources: Source | Iterable[Source],
    *,
    reference_date: str | date | None = None,
    today: date | None = None,
    options: ReadOptions | None = None,
) -> Iterator[DocumentResult]:
    """One :class:`DocumentResult` per document (or per file that failed), streamed:
    a corpus of any size is never held in memory whole."""
    given = parse_reference_date(reference_date) if reference_date is not None else None
    if isinstance(sources, (str, os.PathLike, Document)):
        sources = [sources]
    for item in _documents(sources, options or ReadOptions()):
        if isinstance(item, InputError):
            yield DocumentResult(None, [], item)
            continue
        doc = with_reference_date(item, given, today)
        yield DocumentResult(doc, _rows(doc))


def extract(
    sources: Source | Iterable[Source],
    *,
    reference_date: str | date | None = None,
    today: date | None = None,
    options: ReadOptions | None = None,
    errors: str = "raise",
) -> pd.DataFrame:
    """The event table of documents: paths (files, directories), ``Document`` objects,
    or a list of them.

    ``reference_date`` (``YYYY-MM-DD`` or a date) overrides every document's own.
    ``errors``: ``"raise"`` raises the first :class:`~timeline.errors.InputError` (after
    nothing else was lost: the error names the file); ``"warn"`` warns and goes on;
    ``"ignore"`` goes on silently. A document with no publication date is resolved
    against today with a :class:`ReferenceDateWarning`.
    """
    if errors not in ("raise", "warn", "ignore"):
        raise ValueError("errors must be 'raise', 'warn' or 'ignore'")
    rows: list[dict] = []
    for r in iter_results(sources, reference_date=reference_date, today=today, options=options):
        if r.error is not None:
            if errors == "raise":
                raise r.error
            if errors == "warn":
                warnings.warn(str(r.error), stacklevel=2)
            continue
        if r.document is not None and r.document.reference_source == "today":
            warnings.warn(
                f"{r.document.name}: no publication date found; relative dates and missing years "
                f"were resolved against today ({r.document.reference_date})",
                ReferenceDateWarning,
                stacklevel=2,
            )
        rows.extend(r.rows)
    return ensure_schema(rows)


def extract_text(
    text: str,
    *,
    reference_date: str | date | None = None,
    name: str = "text",
    today: date | None = None,
) -> pd.DataFrame:
    """The event table of one text given as a string."""
    return extract(Document(name=name, text=text), reference_date=reference_date, today=today)
