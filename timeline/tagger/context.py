"""Per-document resolution state: reference date, narrative anchor, tense of a sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .lexicon import Lexicon

__all__ = ["Ctx", "Hit"]

_SENT_END = re.compile(r"[.!?]\s+(?=[\"'A-Z(\[])|\n\s*\n|\n(?=\s*[\"'A-Z(\[])")
_GENERIC_PAST = re.compile(r"\b\w{3,}ed\b", re.I)
# a participle after "be"/"been" belongs to the auxiliary's tense ("would be held")
_PASSIVE_AUX = re.compile(r"\b(?:be|been|being|is|are|am|get|gets|getting)\s+(?:\w+ly\s+)?$", re.I)
_DET_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her|our|this|that|these|those)\s+$", re.I)


@dataclass(slots=True)
class Hit:
    """What a rule makes of one match, before it becomes a :class:`Timex`."""

    type: str
    value: str
    mod: str | None = None
    anchor: str | None = None
    year_assumed: bool = False
    quant: str | None = None
    freq: str | None = None
    point: tuple[date, str] | None = None  # the calendar period, for the narrative anchor
    names_year: bool = False  # the expression itself names its year ("in 1997", "last year")
    keep_anchor: bool = False  # a comparison ("a year earlier"): does not move the narrative


class Ctx:
    """Resolution state for one document, walked in document order."""

    def __init__(self, text: str, dct: date | None, lex: Lexicon) -> None:
        self.text = text
        self.dct = dct
        self.lex = lex
        self.anchor: tuple[date, str] | None = (dct, "D") if dct else None
        self.anchor_pos = -10_000
        self.anchor_names_year = False
        self.last_quarter: date | None = None
        self.last_quarter_pos = -10_000
        self.year_from_narrative = False  # set by the last year resolution

    # -- narrative -------------------------------------------------------------------
    def update(self, hit: Hit, start: int) -> None:
        """Remember ``hit`` as the date the text last mentioned."""
        if hit.point is None or hit.keep_anchor:
            return
        self.anchor = hit.point
        self.anchor_pos = start
        self.anchor_names_year = hit.names_year
        if hit.point[1] == "Q":
            self.last_quarter = hit.point[0]
            self.last_quarter_pos = start

    def quarter_context(self, start: int, window: int = 1500) -> date | None:
        """The quarter the text is reporting on (a financial report), if one was named
        shortly before ``start``."""
        if self.last_quarter is not None and 0 <= start - self.last_quarter_pos <= window:
            return self.last_quarter
        return None

    def narrative(self) -> tuple[date, str] | None:
        """The last mentioned date (the reference date if none yet)."""
        return self.anchor

    def recent_year(self, start: int, window: int = 400) -> int | None:
        """The year named by an expression shortly before ``start`` (same passage)."""
        if self.anchor and self.anchor_names_year and 0 <= start - self.anchor_pos <= window:
            return self.anchor[0].year
        return None

    # -- tense -----------------------------------------------------------------------
    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """Bounds of the sentence around ``start:end`` (at most ~250 chars each side)."""
        text = self.text
        lo = max(0, start - 250)
        s = lo
        for m in _SENT_END.finditer(text, lo, start):
            s = m.end()
        hi = min(len(text), end + 250)
        m = _SENT_END.search(text, end, hi)
        e = m.start() + 1 if m else hi
        return s, e

    def tense(self, start: int, end: int, generic: bool = True) -> str | None:
        """``"future"``, ``"past"`` or None: the tense marker nearest to ``start:end``
        in its sentence. Markers after the expression count as farther away; a reporting
        verb ("said") counts only right next to the expression ("said Wednesday"), a
        generic past participle ("-ed") only within a few words."""
        s, e = self.sentence(start, end)
        best: tuple[int, str] | None = None
        lex = self.lex

        def consider(m: re.Match, kind: str, limit: int | None) -> None:
            nonlocal best
            if m.start() < end and m.end() > start:
                return
            dist = start - m.end() if m.end() <= start else m.start() - end
            if limit is not None and dist > limit:
                return
            if m.start() >= end:
                if dist > 40:
                    return
                dist += 20
            if best is None or dist < best[0]:
                best = (dist, kind)

        for m in lex.future_re.finditer(self.text, s, e):
            consider(m, "future", None)
        for m in lex.past_re.finditer(self.text, s, e):
            if not _PASSIVE_AUX.search(self.text, max(0, m.start() - 20), m.start()):
                consider(m, "past", None)
        for m in _GENERIC_PAST.finditer(self.text, max(s, start - 60), min(e, end + 40)):
            w = m.group(0).lower()
            if w in lex.reporting:
                consider(m, "past", 15)
            elif generic and w not in lex.not_past and not _DET_BEFORE.search(self.text, max(0, m.start() - 8), m.start()) \
                    and not _PASSIVE_AUX.search(self.text, max(0, m.start() - 20), m.start()):
                consider(m, "past", 60)
        for m in lex.reporting_re.finditer(self.text, max(s, start - 20), min(e, end + 20)):
            consider(m, "past", 15)
        return best[1] if best else None
