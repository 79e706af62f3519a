"""Documents: decoded text plus what is known about it (name, reference date, title...).

Reading bytes into text and finding the publication date a text states itself are the
two jobs of this module. Which files to read is the job of :mod:`timeline.readers`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from .errors import DecodeError, ReferenceDateError
from .text import edge_lines

__all__ = [
    "Document",
    "decode_bytes",
    "find_publication_date",
    "parse_reference_date",
    "with_reference_date",
    "REFERENCE_SOURCES",
]

#: Where a document's reference date came from, most trusted first.
REFERENCE_SOURCES = ("given", "metadata", "text", "today")


@dataclass(frozen=True)
class Document:
    """One article.

    ``text`` is the text as read (decoded, nothing else changed): every character offset
    timeline reports points into it. ``reference_date`` is the publication date that
    relative expressions ("yesterday", "on Wednesday") and missing years are resolved
    against; ``reference_source`` says where it came from (see :data:`REFERENCE_SOURCES`).
    ``reference_span`` is the (start, end) of a publication line's date words in ``text``
    (a dateline, "Published: ..."), when the text has one: never an event.
    """

    name: str
    text: str
    reference_date: date | None = None
    reference_source: str | None = None
    reference_span: tuple[int, int] | None = None
    path: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    meta: dict = field(default_factory=dict, compare=False)


# ---------------------------------------------------------------- decoding

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# Control characters that never occur in text (everything below 0x20 except \t \n \r \f \v, and ESC).
_BINARY_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def decode_bytes(data: bytes, name: str = "<bytes>") -> str:
    """Decode a document: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252.

    Raises :class:`DecodeError` (naming ``name``) for binary content or bytes that no
    supported encoding can read.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError as e:
                raise DecodeError(name, f"starts with a {enc.upper()} byte-order mark but is not valid {enc.upper()} ({e.reason} at byte {e.start})") from None
    head = data[:65536]
    bad = len(_BINARY_BYTES.findall(head))
    if b"\x00" in head or bad > max(8, len(head) // 1000):
        raise DecodeError(name, "looks like a binary file, not text (control bytes such as NUL); give a .txt, .md or a supported document")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as e:
        raise DecodeError(name, f"is neither UTF-8, UTF-16 with BOM nor cp1252 (byte 0x{data[e.start]:02x} at offset {e.start})") from None


# ---------------------------------------------------------------- reference dates

def parse_reference_date(value: str | date | datetime) -> date:
    """A reference date given by the user: ``YYYY-MM-DD`` (or a date object)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise ReferenceDateError(f"invalid reference date {value!r}: expected YYYY-MM-DD, for example 2025-01-26") from None


def with_reference_date(doc: Document, given: date | None, today: date | None = None) -> Document:
    """``doc`` with its reference date settled: ``given`` wins, then what the document
    already carries (metadata), then a date the text states, else ``today``."""
    found = find_publication_date(doc.text)
    # The line that states the publication date is never an event, whoever sets the date.
    span = found[1] if found else None
    if given is not None:
        return _settled(doc, given, "given", span)
    if doc.reference_date is not None:
        return _settled(doc, doc.reference_date, doc.reference_source or "metadata", span)
    if found is not None:
        d, span = found
        return _settled(doc, d, "text", span)
    return _settled(doc, today or date.today(), "today", doc.reference_span)


def _settled(doc: Document, reference_date: date, source: str, span: tuple[int, int] | None) -> Document:
    """``doc`` with these reference fields: ``doc`` itself when it has them already (a
    corpus row's date comes settled from the reader; a Document never changes)."""
    if doc.reference_date is reference_date and doc.reference_source == source and doc.reference_span == span:
        return doc
    return replace(doc, reference_date=reference_date, reference_source=source, reference_span=span)


_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|2\d\d\d)"
_DATE_FORMS = (
    rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}",              # January 26th 2025, Jan. 26, 2025
    rf"{_DAY}\s+{_MONTH},?\s+{_YEAR}",              # 26 January 2025
    rf"{_YEAR}-[01]?\d-[0-3]?\d",                    # 2025-01-26
    rf"[01]?\d/[0-3]?\d/{_YEAR}",                    # 8/25/2020 (US order)
    rf"[0-3]?\d\.[01]?\d\.{_YEAR}",                  # 26.01.2025
)
_LEAD = (
    r"(?:(?:posted|updated|published|last\s+updated|first\s+published|via|date|dated|"
    r"published\s+on|posted\s+on|updated\s+on)\b\s*(?:on\s*)?[:\-–—|]?\s*)"
)
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)"
_PUB_LINE = re.compile(
    rf"^[ \t\u00a0]*(?:[^\n]{{0,60}}?(?<![\w])(?={_LEAD}){_LEAD}|[A-Z][A-Z .,'()/-]{{1,40}}[,—–-]\s*|{_LEAD})?"
    rf"{_WEEKDAY}?(?P<date>{'|'.join(_DATE_FORMS)})"
    rf"(?:,?\s*(?:at\s+)?\d{{1,2}}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{{2,4}})?)?[ \t\u00a0.]*$",
    re.I | re.M,
)
_SCAN_LINES = 12
# Every date form has a year: a line without one is passed over before the long pattern.
_HAS_YEAR = re.compile(_YEAR)


def find_publication_date(text: str) -> tuple[date, tuple[int, int]] | None:
    """The publication date a text states itself, on a line of its own near the top or
    the bottom: a dateline or a "Posted:/Updated:/Published/via" line ("via January 26th
    2025", "Published: 2025-01-26", "8/25/2020"). Returns the date and the (start, end)
    of the date words, or None.

    Only the first and last twelve non-empty lines are read, and only a line that is
    nothing but such a date (with its lead word), so a date in the story itself is never
    taken for the publication date.
    """
    candidates = edge_lines(text, _SCAN_LINES, 120)
    # a line headed by a lead word wins over a bare date line; nearer the top wins last
    best = None
    for at, s in candidates:
        m = _PUB_LINE.match(s) if _HAS_YEAR.search(s) else None
        if not m:
            continue
        d = _parse_date(m.group("date"))
        if d is None:
            continue
        led = bool(re.search(_LEAD, s[: m.start("date")], re.I))
        span = (at + m.start("date"), at + m.end("date"))
        if best is None or (led and not best[0]):
            best = (led, d, span)
    return (best[1], best[2]) if best else None


_MONTHS = {m: i for i, ms in enumerate(
    ("jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july",
     "aug august", "sep sept september", "oct october", "nov november", "dec december"), start=1)
    for m in ms.split()}


def _parse_date(s: str) -> date | None:
    """An absolute date in one of the forms ``_DATE_FORMS`` admits (the regex has
    already checked the shape): month names, ISO, US slashes, European dots."""
    words = re.findall(r"[A-Za-z]+|\d+", s)
    try:
        if words[0].isalpha():                      # January 26th 2025
            return date(int(words[-1]), _MONTHS[words[0].lower()], int(words[1]))
        if len(words) >= 3 and words[1].isalpha():  # 26 January 2025
            return date(int(words[-1]), _MONTHS[words[1].lower()], int(words[0]))
        a, b, c = (int(w) for w in words[:3])
        if "-" in s:                                # 2025-01-26
            return date(a, b, c)
        if "/" in s:                                # 8/25/2020 (US order)
            return date(c, a, b)
        return date(c, b, a)                        # 26.01.2025
    except (ValueError, KeyError, IndexError):
        return None
