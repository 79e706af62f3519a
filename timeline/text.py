"""Sentences: where each one starts and ends in a document, by offsets.

News copied from a web page puts headings, bullets and bylines on lines of their own,
so a line break always ends a sentence; inside a line, a sentence ends at ``.``, ``!``
or ``?`` (with any closing quotes or brackets) followed by a space and a capital, a
digit or an opening quote, unless the full stop ends a known abbreviation ("Mr.",
"Jan.", "U.S.").
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["sentence_spans", "line_bounds", "edge_lines", "normalize_for_matching"]

_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gen", "lt", "col", "maj", "capt", "cmdr",
    "sgt", "adm", "gov", "sen", "rep", "rev", "hon", "pres", "supt", "messrs", "mt", "ft",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "no", "nos", "vs", "etc", "inc", "corp", "co", "ltd", "dept", "univ", "approx", "est", "fig",
    "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "d.c", "i.e", "e.g", "u.s.a",
}
# The first mark is written out on its own so that the pattern starts with a set: the
# regex engine then skips to the next mark quickly instead of trying every position.
_END = re.compile(r"[.!?…][.!?…]*[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
# The same on a line with no "!", "?" or "…": a pattern that starts with one character
# is searched faster still.
_END_STOP = re.compile(r"\.\.*[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_LINE = re.compile(r"[^\n\r]+")
_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

# Same-length replacements, so that offsets into the normalised text hold in the original.
_NORMALIZE = str.maketrans({
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ",
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
})


def normalize_for_matching(text: str) -> str:
    """No-break spaces as spaces, curly quotes as straight ones, dashes as hyphens: one
    character for one, so every offset stays valid in the text as read."""
    return text.translate(_NORMALIZE)


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each sentence, whitespace trimmed, in order; with ``start`` and
    ``end``, of the lines of ``text[start:end]`` only (pass line bounds: see
    :func:`line_bounds`)."""
    spans: list[tuple[int, int]] = []
    stop = len(text) if end is None else end
    if text.find("\n", start, stop) < 0 and text.find("\r", start, stop) < 0:
        if start < stop:  # one line (the bounds of a line, as events pass them)
            _line_spans(spans, text[start:stop], start)
        return spans
    for line in _LINE.finditer(text, start, stop):
        _line_spans(spans, line.group(), line.start())
    return spans


def _line_spans(spans: list[tuple[int, int]], s: str, base: int) -> None:
    """Add to ``spans`` the sentences of the line ``s`` (found at offset ``base``)."""
    add = spans.append
    abbrev = _ABBREV
    start = 0
    ends = _END if "!" in s or "?" in s or "…" in s else _END_STOP
    for m in ends.finditer(s):
        end = m.end()
        if m.group()[0] == ".":
            word = _word_before(s, m.start()).lower()
            if word in abbrev or (len(word) == 1 and word.isalpha()):
                continue
        _add(add, s[start:end], base + start)
        start = end
    _add(add, s[start:] if start else s, base + start)


def _word_before(s: str, stop: int) -> str:
    """The word just before the full stop ``s[stop]``: letters, with single full stops
    between them ("U.S"), from at most 12 characters back; "" when no letter comes just
    before the stop."""
    lo = max(0, stop - 12)
    i = stop
    while i > lo:
        c = s[i - 1]
        if c in _LETTERS:
            i -= 1
        elif c == "." and i < stop and i - 2 >= lo and s[i - 2] in _LETTERS:
            i -= 2
        else:
            break
    return s[i:stop]


def line_bounds(text: str, pos: int) -> tuple[int, int]:
    """(start, end) of the line of ``text`` that holds offset ``pos``: a sentence never
    crosses a line break, so the sentences around ``pos`` are those of this line."""
    a = max(text.rfind("\n", 0, pos), text.rfind("\r", 0, pos)) + 1
    b = text.find("\n", pos)
    c = text.find("\r", pos)
    if b < 0 or 0 <= c < b:
        b = c
    return a, (len(text) if b < 0 else b)


def edge_lines(text: str, count: int, longest: int) -> list[tuple[int, str]]:
    """(offset, line) of the first ``count`` lines of ``text`` that are not blank and of
    the last ``count`` after them, in order, keeping only those of at most ``longest``
    characters (a line ends at ``\\n``; a text of at most ``count`` such lines has no
    last ones)."""
    head: list[tuple[int, str]] = []
    n = len(text)
    pos = 0
    seen = 0
    last_end = -1  # end of the last line of the head
    while seen < count and pos < n:
        e = text.find("\n", pos)
        if e < 0:
            e = n
        if e > pos and not (text[pos].isspace() and text[pos:e].isspace()):
            seen += 1
            last_end = e
            if e - pos <= longest:
                head.append((pos, text[pos:e]))
        pos = e + 1
    if seen < count or last_end >= n:
        return head
    tail: list[tuple[int, str]] = []
    seen = 0
    end = n
    while seen < count and end > last_end:
        b = text.rfind("\n", last_end, end)  # text[last_end] is a line break: always found
        a = b + 1
        if end > a and not (text[a].isspace() and text[a:end].isspace()):
            seen += 1
            if end - a <= longest:
                tail.append((a, text[a:end]))
        end = b
    tail.reverse()
    return head + tail


def _add(add: Callable[[tuple[int, int]], None], piece: str, at: int) -> None:
    """Add the span of ``piece`` (found at offset ``at``) without its surrounding white
    space, unless nothing is left."""
    body = piece.strip()
    if body:
        a = at + len(piece) - len(piece.lstrip())
        add((a, a + len(body)))
