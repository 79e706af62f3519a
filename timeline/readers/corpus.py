"""Corpora: many articles in one CSV, JSON Lines (``.jsonl``, ``.ndjson``) or Parquet file.

One row is one article. The text column is ``ReadOptions.text_column`` (default
``text``); these optional columns flow into the :class:`~timeline.documents.Document`:

========  ==========================================================  ===================
column    also accepted (case does not matter)                         becomes
========  ==========================================================  ===================
date      published, publication_date, published_at, pub_date         ``reference_date``
title     headline                                                     ``title``
url       link                                                         ``url``
source    publisher, site, outlet                                      ``source``
id        doc_id, document_id                                          the name's suffix
========  ==========================================================  ===================

A row's document is named ``<file>#<id>`` (``<file>#<row>`` without an id column; rows
count from 1, the CSV header not included). Its ``date`` (``YYYY-MM-DD``, an ISO
timestamp, or an unambiguous written date such as ``26 January 2025``) becomes the
reference date with ``reference_source="metadata"``; a date that cannot be read is
reported as that row's problem and the row is skipped, the rest of the file goes on.
Rows whose text is empty are skipped silently.

Files are streamed: CSV in chunks through pandas, JSON Lines line by line, Parquet by
record batches through pyarrow, so memory stays flat however large the corpus. The size
limit of :class:`~timeline.readers.ReadOptions` applies to each row's text, not to the
corpus file.

The same code serves the distributed engine: :func:`corpus_parts` cuts a file into parts
(byte ranges on record boundaries for CSV and JSON Lines, row ranges for Parquet) and
:func:`read_part` reads one part, naming rows exactly as reading the whole file would.

Readers here yield :class:`~timeline.errors.InputError` objects for bad rows (the walk in
:func:`timeline.readers.iter_documents` passes them on) and raise one for a bad file.
"""

from __future__ import annotations

import io
import json
import math
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..documents import Document
from ..errors import DecodeError, InputError, TooLargeError
from . import ReadOptions, register

__all__ = [
    "CorpusPart",
    "corpus_parts",
    "read_part",
    "read_csv_corpus",
    "read_jsonl_corpus",
    "read_parquet_corpus",
    "parse_row_date",
    "CORPUS_SUFFIXES",
    "FIELD_ALIASES",
]

#: optional field -> accepted column names (lower case), most usual first
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "date": ("date", "published", "publication_date", "published_at", "pub_date"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "source": ("source", "publisher", "site", "outlet"),
    "id": ("id", "doc_id", "document_id"),
}

CORPUS_SUFFIXES: dict[str, str] = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet", ".pq": "parquet"}

#: rows per pandas chunk / Parquet record batch
CHUNK_ROWS = 1000
_HEAD = 65536


@dataclass(frozen=True)
class CorpusPart:
    """A slice of a corpus file that can be read on its own.

    ``start``/``end`` are byte offsets (CSV, JSON Lines; ``end=None``: to the end) or,
    for Parquet, row offsets within ``row_groups``. ``first_row`` is the number (from 1)
    of the slice's first row in the whole file. ``columns`` is the CSV header; ``start=0``
    means the slice begins with the header.
    """

    path: str
    kind: str
    start: int = 0
    end: int | None = None
    first_row: int = 1
    row_groups: tuple[int, ...] = ()
    columns: tuple[str, ...] = ()
    encoding: str = "utf-8"


# ---------------------------------------------------------------- registry entries


@register(".csv")
def read_csv_corpus(path: Path, options: ReadOptions) -> Iterator[Document | InputError]:
    """Every article of a CSV corpus (a header row names the columns)."""
    yield from _read_whole(path, "csv", options)


@register(".jsonl", ".ndjson")
def read_jsonl_corpus(path: Path, options: ReadOptions) -> Iterator[Document | InputError]:
    """Every article of a JSON Lines corpus (one JSON object per line)."""
    yield from _read_whole(path, "jsonl", options)


@register(".parquet", ".pq")
def read_parquet_corpus(path: Path, options: ReadOptions) -> Iterator[Document | InputError]:
    """Every article of a Parquet corpus."""
    yield from _read_whole(path, "parquet", options)


def _read_whole(path: Path, kind: str, options: ReadOptions) -> Iterator[Document | InputError]:
    part = _whole_part(path, kind, options)
    yield from read_part(part, options)


# ---------------------------------------------------------------- columns


def _resolve_columns(name: str, available: Iterable[str], options: ReadOptions) -> dict[str, str]:
    """field -> the file's column for it; ``text`` always present or InputError."""
    cols = [str(c) for c in available]
    lower = {c.lower(): c for c in reversed(cols)}  # first spelling wins
    want = options.text_column
    text = want if want in cols else lower.get(want.lower())
    if text is None:
        shown = ", ".join(repr(c) for c in cols[:30]) + (" ..." if len(cols) > 30 else "")
        raise InputError(
            name,
            f"has no text column {want!r} (columns: {shown or 'none'}); "
            "name the column that holds the article text with --text-column",
        )
    found = {"text": text}
    for field, aliases in FIELD_ALIASES.items():
        for a in aliases:
            c = lower.get(a)
            if c is not None and c != text:
                found[field] = c
                break
    return found


# ---------------------------------------------------------------- dates


def parse_row_date(value: Any) -> date | None:
    """A corpus row's date: None when empty; raises ValueError when it cannot be read.

    Accepts date and timestamp values (Parquet, pandas), ``YYYY-MM-DD``, ISO timestamps
    (the date as written, in the timestamp's own time zone) and written dates with day,
    month and year ("26 January 2025", "Jan. 26, 2025").
    """
    if value is None:
        return None
    if type(value) is str:  # JSON Lines, CSV
        return _parse_date_text(value)
    if isinstance(value, float) and math.isnan(value):
        return None
    if type(value).__name__ == "NaTType":  # pandas' missing timestamp, a datetime subclass
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if hasattr(value, "to_pydatetime"):  # pandas Timestamp
        return value.to_pydatetime().date()
    if isinstance(value, (int, float, bool)):
        raise ValueError("is a number, not a date")
    return _parse_date_text(str(value))


def _parse_date_text(text: str) -> date | None:
    """:func:`parse_row_date` of a date written as text."""
    s = text.strip()
    if not s or s.lower() in {"nan", "nat", "none", "null"}:
        return None
    try:
        return date.fromisoformat(s)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(s.replace("Z", "+00:00").replace(" UTC", "+00:00")).date()
    except ValueError:
        pass
    if any(ch.isalpha() for ch in s) and len(s) <= 60:
        import dateparser  # lazily: slow to import, needed only for written dates

        try:
            dt = dateparser.parse(
                s,
                languages=["en"],
                settings={
                    "REQUIRE_PARTS": ["day", "month", "year"],
                    "STRICT_PARSING": True,
                    "PARSERS": ["absolute-time"],  # never "next week" relative to today
                },
            )
        except Exception:  # dateparser raises many kinds of errors on odd input
            dt = None
        if dt is not None:
            return dt.date()
    raise ValueError("is not a date (expected YYYY-MM-DD, for example 2025-01-26)")


# ---------------------------------------------------------------- rows -> documents


def _clean(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    s = str(value).strip()
    return s or None


def _row_document(
    path: str, row_no: int, row: Mapping[str, Any], cols: dict[str, str], options: ReadOptions
) -> Document | InputError | None:
    """One row as a Document, an InputError naming the row, or None (no text)."""
    raw_id = _clean(row.get(cols["id"])) if "id" in cols else None
    name = f"{path}#{raw_id if raw_id is not None else row_no}"
    text = row.get(cols["text"])
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return None
    if isinstance(text, (bytes, bytearray)):  # a Parquet binary column
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as e:
            return InputError(name, f"text is not valid UTF-8 (byte {e.start}); row skipped")
    elif not isinstance(text, str):
        text = str(text)
    if not text or text.isspace():
        return None
    if len(text) > options.max_bytes:
        return TooLargeError(name, f"text is over the {options.max_bytes / 1e6:.0f} MB limit for one document")
    ref = None
    if "date" in cols:
        raw_date = row.get(cols["date"])
        try:
            ref = parse_row_date(raw_date)
        except ValueError as e:
            return InputError(name, f"{cols['date']} {str(raw_date)[:60]!r} {e}; row skipped")
    meta: dict[str, Any] = {"corpus": path, "row": row_no}
    if raw_id is not None:
        meta["id"] = raw_id
    return Document(
        name=name,
        text=text,
        reference_date=ref,
        reference_source="metadata" if ref else None,
        path=path,
        title=_clean(row.get(cols["title"])) if "title" in cols else None,
        url=_clean(row.get(cols["url"])) if "url" in cols else None,
        source=_clean(row.get(cols["source"])) if "source" in cols else None,
        meta=meta,
    )


# ---------------------------------------------------------------- parts


def _kind(path: Path) -> str:
    kind = CORPUS_SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise InputError(str(path), f"is not a corpus file (expected one of {', '.join(CORPUS_SUFFIXES)})")
    return kind


def corpus_parts(
    path: str | os.PathLike[str],
    options: ReadOptions | None = None,
    *,
    part_bytes: int = 8 * 1024 * 1024,
    part_rows: int = 5000,
) -> list[CorpusPart]:
    """Cut a corpus file into parts of about ``part_bytes`` (CSV, JSON Lines) or
    ``part_rows`` rows (Parquet) that :func:`read_part` reads independently.

    The file is scanned once, streaming (memory stays flat). Raises InputError for a
    file that cannot be read at all (missing text column, empty, not Parquet...).
    """
    options = options or ReadOptions()
    p = Path(path)
    kind = _kind(p)
    whole = _whole_part(p, kind, options)
    if kind == "parquet":
        return _parquet_parts(whole, part_rows)
    if whole.encoding == "utf-16":
        return [whole]  # not byte-splittable; read in one part
    if kind == "jsonl":
        return _jsonl_parts(whole, part_bytes)
    return _csv_parts(whole, part_bytes)


def _whole_part(path: Path, kind: str, options: ReadOptions) -> CorpusPart:
    """The part that is the whole file, after checking the file's columns."""
    name = str(path)
    if kind == "parquet":
        pf = _parquet_file(name)
        _resolve_columns(name, pf.schema_arrow.names, options)
        return CorpusPart(name, kind, 0, None, 1, tuple(range(pf.metadata.num_row_groups)))
    with open(path, "rb") as f:
        head = f.read(_HEAD)
    if not head.strip(b" \t\r\n\xef\xbb\xbf"):
        raise InputError(name, "is empty: no rows")
    enc = _sniff_encoding(name, head)
    if kind == "jsonl":
        _jsonl_columns(name, head, options)
        return CorpusPart(name, kind, 0, None, 1, encoding=enc)
    cols = _csv_header(name, enc, options)
    return CorpusPart(name, kind, 0, None, 1, columns=cols, encoding=enc)


def _sniff_encoding(name: str, head: bytes) -> str:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if b"\x00" in head:
        raise DecodeError(name, "looks like a binary file, not a text corpus (NUL bytes)")
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as e:
        if e.start < len(head) - 4:  # not just a character cut at the end of the sample
            return "cp1252"
    return "utf-8"


# ---- CSV


def _csv_header(name: str, encoding: str, options: ReadOptions) -> tuple[str, ...]:
    import pandas as pd

    try:
        df = pd.read_csv(name, nrows=0, encoding=encoding)
    except pd.errors.EmptyDataError:
        raise InputError(name, "is empty: no header row") from None
    except (pd.errors.ParserError, UnicodeDecodeError, ValueError) as e:
        raise InputError(name, f"is not a readable CSV file ({_short(e)})") from None
    cols = tuple(str(c) for c in df.columns)
    _resolve_columns(name, cols, options)
    return cols


def _csv_record_ends(f: io.BufferedReader, start: int) -> Iterator[int]:
    """Byte offsets just after each CSV record from ``start`` (a record boundary): a
    newline ends a record when the quotes before it are balanced (RFC 4180 quoting, a
    quote inside a field doubled). Blank lines are not records."""
    f.seek(start)
    pos = start
    odd = False
    line_has_content = False
    for line in f:  # physical lines, each ending with b"\n" except maybe the last
        n = len(line)
        if line.count(b'"') % 2:
            odd = not odd
        if line.strip(b"\r\n"):
            line_has_content = True
        pos += n
        if not odd:
            if line_has_content:
                yield pos
            line_has_content = False


def _csv_parts(whole: CorpusPart, part_bytes: int) -> list[CorpusPart]:
    size = os.path.getsize(whole.path)
    parts: list[CorpusPart] = []
    with open(whole.path, "rb") as f:
        ends = _csv_record_ends(f, 0)
        header_end = next(ends, size)
        start, first_row, rows = header_end, 1, 0
        for end in ends:
            rows += 1
            if end - start >= part_bytes:
                parts.append(_slice(whole, start, end, first_row))
                start, first_row, rows = end, first_row + rows, 0
        if rows:
            parts.append(_slice(whole, start, None, first_row))
    return parts or [_slice(whole, header_end, None, 1)]


def _slice(whole: CorpusPart, start: int, end: int | None, first_row: int) -> CorpusPart:
    enc = "utf-8" if whole.encoding == "utf-8-sig" and start > 0 else whole.encoding
    return CorpusPart(whole.path, whole.kind, start, end, first_row, columns=whole.columns, encoding=enc)


class _ByteRange(io.RawIOBase):
    """A read-only window [start, end) of a binary file."""

    def __init__(self, path: str, start: int, end: int | None) -> None:
        super().__init__()
        self._f = open(path, "rb")  # noqa: SIM115 - closed in close()
        self._f.seek(start)
        self._left = None if end is None else end - start

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        want = len(b) if self._left is None else min(len(b), self._left)
        if want <= 0:
            return 0
        n = self._f.readinto(memoryview(b)[:want])
        if self._left is not None:
            self._left -= n
        return n

    def close(self) -> None:
        self._f.close()
        super().close()


def _read_csv_part(part: CorpusPart, options: ReadOptions) -> Iterator[Document | InputError]:
    import pandas as pd

    cols = _resolve_columns(part.path, part.columns, options)
    use = sorted(set(cols.values()), key=part.columns.index)
    kw: dict[str, Any] = dict(
        dtype=str, keep_default_na=False, na_filter=False, usecols=use, chunksize=CHUNK_ROWS, encoding=part.encoding
    )
    if part.start > 0:
        kw.update(header=None, names=list(part.columns))
    raw = io.BufferedReader(_ByteRange(part.path, part.start, part.end), 1 << 20)
    row_no = part.first_row
    try:
        with raw, pd.read_csv(raw, **kw) as chunks:
            for chunk in chunks:
                for rec in chunk.to_dict("records"):
                    item = _row_document(part.path, row_no, rec, cols, options)
                    row_no += 1
                    if item is not None:
                        yield item
    except UnicodeDecodeError as e:
        raise DecodeError(part.path, f"is not valid {part.encoding} text near row {row_no} ({e.reason})") from None
    except (pd.errors.ParserError, ValueError) as e:
        raise InputError(part.path, f"CSV problem near row {row_no}: {_short(e)}; the rows after it were not read") from None


# ---- JSON Lines


def _jsonl_columns(name: str, head: bytes, options: ReadOptions) -> None:
    """Check the first JSON object holds the text column."""
    for raw in head.splitlines():
        line = raw.strip().lstrip(b"\xef\xbb\xbf")
        if not line:
            continue
        try:
            obj = json.loads(line)
        except ValueError:
            if len(raw) >= len(head) - 1:
                return  # the first line is longer than the sample; checked row by row
            raise InputError(name, "is not JSON Lines: the first line is not a JSON object") from None
        if not isinstance(obj, dict):
            raise InputError(name, "is not JSON Lines of objects: the first line is not a JSON object")
        _resolve_columns(name, obj.keys(), options)
        return
    raise InputError(name, "is empty: no rows")


def _jsonl_parts(whole: CorpusPart, part_bytes: int) -> list[CorpusPart]:
    size = os.path.getsize(whole.path)
    parts: list[CorpusPart] = []
    start, first_line = 0, 1
    with open(whole.path, "rb") as f:
        while start < size:
            target = start + part_bytes
            if target >= size:
                parts.append(_slice(whole, start, None, first_line))
                break
            f.seek(target)
            f.readline()  # to the end of the line the target falls in
            end = f.tell()
            # count the lines of [start, end) to number the next part
            f.seek(start)
            lines = 0
            left = end - start
            while left > 0:
                block = f.read(min(left, 1 << 22))
                lines += block.count(b"\n")
                left -= len(block)
            parts.append(_slice(whole, start, end, first_line))
            start, first_line = end, first_line + lines
    return parts or [whole]


def _read_jsonl_part(part: CorpusPart, options: ReadOptions) -> Iterator[Document | InputError]:
    cols: dict[str, str] | None = None
    need: set[str] = set()  # the columns of ``cols``
    line_no = part.first_row
    with io.BufferedReader(_ByteRange(part.path, part.start, part.end), 1 << 20) as f:
        for raw in f:
            n, line_no = line_no, line_no + 1
            if n == 1 and part.start == 0:
                raw = raw.lstrip(b"\xef\xbb\xbf")
            if not raw or raw.isspace():  # a blank line (no copy of a long one stripped)
                continue
            try:
                obj = json.loads(raw)
            except ValueError as e:
                yield InputError(f"{part.path}#{n}", f"line {n} is not valid JSON ({_short(e)}); row skipped")
                continue
            if not isinstance(obj, dict):
                yield InputError(f"{part.path}#{n}", f"line {n} is a JSON {type(obj).__name__}, not an object; row skipped")
                continue
            if cols is None or not obj.keys() >= need:
                try:
                    cols = _resolve_columns(part.path, obj.keys(), options)
                except InputError:
                    continue  # a row without the text column: no text, skipped
                need = set(cols.values())
            item = _row_document(part.path, n, obj, cols, options)
            if item is not None:
                yield item


# ---- Parquet


def _parquet_file(name: str) -> Any:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError(name, "reading .parquet needs the parquet extra: pip install 'timeline[parquet]'") from None
    try:
        return pq.ParquetFile(name)
    except Exception as e:  # pyarrow raises ArrowInvalid / OSError for non-Parquet bytes
        raise InputError(name, f"is not a readable Parquet file ({_short(e)})") from None


def _parquet_parts(whole: CorpusPart, part_rows: int) -> list[CorpusPart]:
    pf = _parquet_file(whole.path)
    parts: list[CorpusPart] = []
    first = 1
    group: list[int] = []
    group_first, group_rows = 1, 0
    for g in range(pf.metadata.num_row_groups):
        n = pf.metadata.row_group(g).num_rows
        if n > part_rows:
            if group:
                parts.append(CorpusPart(whole.path, "parquet", 0, None, group_first, tuple(group)))
                group, group_rows = [], 0
            for s in range(0, n, part_rows):
                parts.append(CorpusPart(whole.path, "parquet", s, min(n, s + part_rows), first + s, (g,)))
        else:
            if group and group_rows + n > part_rows:
                parts.append(CorpusPart(whole.path, "parquet", 0, None, group_first, tuple(group)))
                group, group_rows = [], 0
            if not group:
                group_first = first
            group.append(g)
            group_rows += n
        first += n
    if group:
        parts.append(CorpusPart(whole.path, "parquet", 0, None, group_first, tuple(group)))
    return parts


def _read_parquet_part(part: CorpusPart, options: ReadOptions) -> Iterator[Document | InputError]:
    pf = _parquet_file(part.path)
    cols = _resolve_columns(part.path, pf.schema_arrow.names, options)
    use = sorted(set(cols.values()), key=pf.schema_arrow.names.index)
    row_no = part.first_row
    skip = part.start
    left = None if part.end is None else part.end - part.start
    try:
        batches = pf.iter_batches(batch_size=CHUNK_ROWS, row_groups=list(part.row_groups), columns=use)
        for batch in batches:
            if skip >= batch.num_rows:
                skip -= batch.num_rows
                continue
            if skip:
                batch, skip = batch.slice(skip), 0
            if left is not None:
                batch = batch.slice(0, left)
                left -= batch.num_rows
            for rec in batch.to_pylist():
                item = _row_document(part.path, row_no, rec, cols, options)
                row_no += 1
                if item is not None:
                    yield item
            if left is not None and left <= 0:
                break
    except InputError:
        raise
    except Exception as e:  # corrupt pages, unsupported encodings...
        raise InputError(part.path, f"Parquet problem near row {row_no}: {_short(e)}; the rows after it were not read") from None


# ---------------------------------------------------------------- reading parts


def read_part(part: CorpusPart, options: ReadOptions | None = None) -> Iterator[Document | InputError]:
    """The documents (and row problems) of one corpus part, rows named as in the whole
    file. Raises InputError when the part cannot be read any further."""
    options = options or ReadOptions()
    if part.kind == "csv":
        yield from _read_csv_part(part, options)
    elif part.kind == "jsonl":
        yield from _read_jsonl_part(part, options)
    elif part.kind == "parquet":
        yield from _read_parquet_part(part, options)
    else:
        raise InputError(part.path, f"unknown corpus kind {part.kind!r}")


def _short(e: BaseException) -> str:
    s = " ".join(str(e).split())
    return s[:200] or type(e).__name__
