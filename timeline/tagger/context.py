"""Per-document resolution state: reference date, narrative anchor, tense of a sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from datetime import date

from .lexicon import Lexicon, alt

__all__ = ["Ctx", "Hit"]

# (each alternative opens with a literal character: the regex engine then skips to them)
_SENT_END = re.compile(r"\.\s+(?=[\"'A-Z(\[])|!\s+(?=[\"'A-Z(\[])|\?\s+(?=[\"'A-Z(\[])|\n\s*\n|\n(?=\s*[\"'A-Z(\[])")
# a period that ends an abbreviation or an initial does not end the sentence: "Roe vs. Wade",
# "Mr. Bush", "Birmingham, Ala., killed", "John F. Kennedy", "the U.S. Army"
_ABBREVS = ("Mr|Mrs|Ms|Messrs|Dr|Prof|Gen|Lt|Col|Maj|Sgt|Capt|Cmdr|Adm|Gov|Sen|Rep|"
            "Rev|Msgr|Sr|Jr|St|Mt|Ft|Sen|Pres|Supt|Insp|vs|v|No|Nos|Vol|Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|"
            "Ind|Kan|Kans|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|Okla|Ore|Pa|Penn|Tenn|Tex|Va|Vt|"
            "Wash|Wis|Wyo|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec")
_ABBREV_BEFORE = re.compile(r"(?:(?<![A-Za-z])[A-Z]|\b(?:" + _ABBREVS + "))$")
# (what Ctx._abbrev_period searches, read without the regex: see _abbrev_ends_at)
_ABBREV_WORDS = frozenset(_ABBREVS.split("|"))
assert all(w.isascii() and w.isalpha() and len(w) <= 6 for w in _ABBREV_WORDS)


def _abbrev_ends_at(text: str, j: int) -> bool:
    r"""Does a match of ``_ABBREV_BEFORE`` (without its ``$``) end at ``j``: a capital
    after no ASCII letter, or a word of the list that is a whole ``\w`` run (``\b``)?"""
    if j <= 0:
        return False
    c = text[j - 1]
    if "A" <= c <= "Z":
        if j == 1:
            return True
        b = text[j - 2]
        if not ("A" <= b <= "Z" or "a" <= b <= "z"):
            return True
    k = j
    while k > 0 and (text[k - 1].isalnum() or text[k - 1] == "_"):
        k -= 1
    return j - k <= 6 and text[k:j] in _ABBREV_WORDS


# The tests of the words before a marker. Each ends with the white space before the
# marker, after a word of its list or an adverb in "-ly": a marker without such a word
# right before it is not searched (see Ctx._word_before).
# a participle after "be"/"been" belongs to the auxiliary's tense ("would be held")
_AUX_WORDS = frozenset(("be", "been", "being", "is", "are", "am", "get", "gets", "getting"))
_PASSIVE_AUX = re.compile(r"\b(?:be|been|being|is|are|am|get|gets|getting)\s+(?:\w+ly\s+)?$", re.I)
# ... and "is"/"are" make it a present passive: "when the case is heard in May"
_PRESENT_WORDS = frozenset(("is", "are", "am"))
_PRESENT_PASSIVE = re.compile(r"\b(?:is|are|am)\s+(?:\w+ly\s+)?$", re.I)
# a past form after "to" or a modal is a base form: "expected to last until", "to exceed", "will lay"
_INFINITIVE_WORDS = frozenset(("to", "will", "would", "can", "could", "may", "might", "must", "shall", "should",
                               "does", "do"))
_INFINITIVE_BEFORE = re.compile(r"\b(?:to|will|would|can|could|may|might|must|shall|should|does|do)\s+$", re.I)
# a plan in the pluperfect is a past one: "had been scheduled to expire Friday"
_PLUPERFECT_WORDS = frozenset(("had", "been"))
_PLUPERFECT = re.compile(r"\bhad\s+(?:\w+ly\s+)?(?:been\s+)?(?:\w+ly\s+)?$", re.I)
# an "-ed" adjective after a determiner, perhaps with an adverb between ("a still unspecified date")
_DET_WORDS = frozenset(("the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those",
                        "still", "yet", "as", "so", "very", "more", "most", "less"))
_DET_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her|our|this|that|these|those)\s+"
                         r"(?:(?:still|yet|as|so|very|more|most|less|\w+ly)\s+)?$", re.I)
# (each list holds every word that the regex can read last: checked when this file loads)
for _words, _regex in ((_AUX_WORDS, _PASSIVE_AUX), (_PRESENT_WORDS, _PRESENT_PASSIVE),
                       (_INFINITIVE_WORDS, _INFINITIVE_BEFORE), (_PLUPERFECT_WORDS, _PLUPERFECT),
                       (_DET_WORDS, _DET_BEFORE)):
    assert all(w in _words or w.endswith("ly") for w in re.findall(r"[a-z]+", _regex.pattern.replace(r"\s", " ")
                                                                   .replace(r"\w", " ").replace(r"\b", " ")))


@lru_cache(maxsize=4)
def _marker_sep_re(lex: Lexicon) -> re.Pattern | None:
    r"""``lex.marker_lc_re`` (``(?<![\w'])(?:...)``) with its lookbehind made a character
    it consumes: a match at ``i`` is one of ``marker_lc_re`` at ``i + 1``, and the scans
    agree since every marker ends with a word character (None if one does not). sre then
    skips to the characters of ``[^\w']`` instead of testing the lookbehind at every
    position."""
    head = "(?<![\\w'])"
    pattern = lex.marker_lc_re.pattern
    if not pattern.startswith(head) or not all(re.search(r"\w\Z", w) for w in lex.marker_kind):
        return None
    return re.compile("[^\\w']" + pattern[len(head):], lex.marker_lc_re.flags)


# for an ASCII text: its word characters (``\w``), every other byte a space
_WORD_BYTES = bytes(c if c < 128 and (chr(c).isalnum() or chr(c) == "_") else 32 for c in range(256))


_MarkerWords = tuple[frozenset[bytes], frozenset[bytes], frozenset[bytes], frozenset[bytes], dict[bytes, frozenset[bytes]]]


@lru_cache(maxsize=4)
def _marker_words(lex: Lexicon) -> _MarkerWords | None:
    r"""The words of the markers of ``lex.marker_lc_re`` (``(?<![\w'])(?:...|\w{3,}ed)(?!\w)``),
    as ASCII bytes: all three of the sets that follow; the markers of one word; the first
    words of the others; the words after an apostrophe that opens a marker ("'ll"); and
    for each first word, the words that come second after it. None when the pattern is not
    that, or a marker is not words of ``[a-z]`` after an optional apostrophe, with single
    spaces, the first of two letters or more."""
    if lex.marker_lc_re.pattern != "(?<![\\w'])(?:" + alt(list(lex.marker_kind)) + "|\\w{3,}ed)(?!\\w)" \
            or not all(re.fullmatch(r"'?[a-z]{2,}(?: [a-z]+)*", w) for w in lex.marker_kind):
        return None
    one = frozenset(w.encode() for w in lex.marker_kind if " " not in w and w[0] != "'")
    first = frozenset(w.split(" ")[0].encode() for w in lex.marker_kind if " " in w and w[0] != "'")
    apos = frozenset(w[1:].split(" ")[0].encode() for w in lex.marker_kind if w[0] == "'")
    second: dict[bytes, set[bytes]] = {}
    for w in lex.marker_kind:
        if " " in w and w[0] != "'":
            ws = w.split(" ")
            second.setdefault(ws[0].encode(), set()).add(ws[1].encode())
    return one | first | apos, one, first, apos, {k: frozenset(v) for k, v in second.items()}


_FRONTED_LEAD = re.compile(r"[\s\"'(]*(?:(?:also|and|but|then|on|in|by|late|early|earlier|later)\s+){0,2}", re.I)
_FRONTED_TAIL = re.compile(r"(?:'s?)?\s*,")


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
    fiscal: bool = False  # a company's own quarter ("the fiscal second quarter")

    # (written out, not generated: mypyc compiles this one; the dataclass's own __init__
    # stays interpreted code, ~4K instructions per Hit in the compiled build)
    def __init__(self, type: str, value: str, mod: str | None = None, anchor: str | None = None,
                 year_assumed: bool = False, quant: str | None = None, freq: str | None = None,
                 point: tuple[date, str] | None = None, names_year: bool = False,
                 keep_anchor: bool = False, fiscal: bool = False) -> None:
        self.type = type
        self.value = value
        self.mod = mod
        self.anchor = anchor
        self.year_assumed = year_assumed
        self.quant = quant
        self.freq = freq
        self.point = point
        self.names_year = names_year
        self.keep_anchor = keep_anchor
        self.fiscal = fiscal


class Ctx:
    """Resolution state for one document, walked in document order."""

    def __init__(self, text: str, dct: date | None, lex: Lexicon) -> None:
        self.text = text
        self.dct = dct
        self.lex = lex
        self.anchor: tuple[date, str] | None = (dct, "D") if dct else None
        self.anchor_pos = -10_000
        self.anchor_names_year = False
        self.last_quarter: date | None = None  # the quarter a report is on
        self.last_quarter_pos = -10_000
        self.named_quarter: date | None = None  # the quarter named last
        self.ytd_pos = -10_000  # where a year-to-date span ("the nine months") was last named
        self.year_from_narrative = False  # set by the last year resolution
        self._low: str | None = None
        self.ascii = text.isascii()  # (then its lowercased copy has the same offsets)
        self._words = _marker_words(lex) if self.ascii else None  # (see _marker_spans)
        self._abbrev: dict[int, bool] = {}  # is the period at i that of an abbreviation?
        self._marker_cache: dict[tuple[int, int], list[tuple[int, int, str, str]]] = {}

    # -- narrative -------------------------------------------------------------------
    def update(self, hit: Hit, start: int) -> None:
        """Remember ``hit`` as the date the text last mentioned."""
        if hit.point is None or hit.keep_anchor:
            return
        self.anchor = hit.point
        self.anchor_pos = start
        self.anchor_names_year = hit.names_year
        if hit.point[1] == "Q":
            self.named_quarter = hit.point[0]
            if not (hit.year_assumed and not hit.fiscal and self._in_report_on_last(hit.point[0])):
                self.last_quarter = hit.point[0]
                self.last_quarter_pos = start

    def _in_report_on_last(self, d: date) -> bool:
        """True when the text reports on the quarter just ended and ``d`` is an earlier
        quarter of its year: named in passing ("after a flat second quarter"), it does not
        become the quarter that "a year ago" and "the year-earlier period" compare with."""
        lq, dct = self.last_quarter, self.dct
        if lq is None or dct is None:
            return False
        prev = dct.month - 3 if dct.month > 3 else dct.month + 9
        prev_year = dct.year if dct.month > 3 else dct.year - 1
        return lq.year == prev_year and (lq.month - 1) // 3 == (prev - 1) // 3 and d.year == lq.year and d < lq

    def quarter_context(self, start: int, window: int = 1500) -> date | None:
        """The quarter the text is reporting on (a financial report), if one was named
        shortly before ``start``."""
        if self.last_quarter is not None and 0 <= start - self.last_quarter_pos <= window:
            return self.last_quarter
        return None

    def year_to_date(self, start: int, window: int = 300) -> bool:
        """True when a year-to-date span ("for the nine months") was named shortly before
        ``start``, after the last quarter: a comparison with it ("a year earlier") is with
        that span of the year before, which TimeML writes as the year."""
        return self.ytd_pos > self.last_quarter_pos and 0 <= start - self.ytd_pos <= window

    def narrative(self) -> tuple[date, str] | None:
        """The last mentioned date (the reference date if none yet)."""
        return self.anchor

    def recent_year(self, start: int, window: int = 400) -> int | None:
        """The year named by an expression shortly before ``start`` (same passage)."""
        if self.anchor and self.anchor_names_year and 0 <= start - self.anchor_pos <= window:
            return self.anchor[0].year
        return None

    # -- tense -----------------------------------------------------------------------
    def _abbrev_period(self, i: int) -> bool:
        """Does the period at ``i`` end an abbreviation or an initial (remembered)?"""
        a = self._abbrev.get(i)
        if a is None:
            # ``_ABBREV_BEFORE.search(text, i - 8, i)``: its ``$`` is at ``i``, or before a
            # newline that ends the text searched
            text = self.text
            a = self._abbrev[i] = _abbrev_ends_at(text, i) or (i > 0 and text[i - 1] == "\n" and _abbrev_ends_at(text, i - 1))
        return a

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """Bounds of the sentence around ``start:end`` (at most ~250 chars each side)."""
        text = self.text
        lo = start - 250 if start > 250 else 0
        s = self._sentence_start(lo, start)
        n = len(text)
        hi = end + 250 if end + 250 < n else n
        e = hi
        # (the first break of ``_SENT_END.finditer(text, end, hi)`` after no abbreviation:
        # the scan searches again from the end of each match, none of which is empty)
        pos = end
        while (m := _SENT_END.search(text, pos, hi)) is not None:
            ms = m.start()
            if text[ms] == "." and self._abbrev_period(ms):
                pos = m.end()
                continue
            e = ms + 1
            break
        return s, e

    def _sentence_start(self, lo: int, hi: int) -> int:
        """The end of the last sentence break that ``_SENT_END.finditer(text, lo, hi)``
        finds (not after an abbreviation), else ``lo``: searched from the last character
        that can start a break, backwards one stretch at a time.

        Every break is one of ``.!?\n`` and white space after it. Before the stretch of
        white space and ``.!?`` that holds the last such character of ``lo:hi`` comes a
        character no break holds: the breaks of the scan from ``lo`` that start after it
        are those of a scan from there, and those before it end before it (with their
        lookaheads): they are the breaks of ``lo`` up to there."""
        text = self.text
        while True:
            p = text.rfind(".", lo, hi)
            for c in "!?\n":
                q = text.rfind(c, lo, hi)
                if q > p:
                    p = q
            if p < 0:
                return lo
            last = p
            while p > lo and (text[p - 1].isspace() or text[p - 1] in ".!?"):
                p -= 1
            s = -1
            pos = p  # (the scan of finditer: a search from the end of each match)
            while (m := _SENT_END.search(text, pos, hi)) is not None:
                ms, pos = m.span()
                if text[ms] != "." or not self._abbrev_period(ms):
                    s = pos
                if pos > last:
                    break  # (no break can start after ``last``: the scan would find none)
            if s >= 0:
                return s
            if p <= lo:
                return lo
            hi = p

    def tense(self, start: int, end: int, generic: bool = True) -> str | None:
        """``"future"``, ``"past"`` or None: the tense marker nearest to ``start:end``
        in its sentence. Markers after the expression count as farther away; a reporting
        verb ("said") counts only right next to the expression ("said Wednesday"), a
        generic past participle ("-ed") only within a few words."""
        return self.tense_marker(start, end, generic)[0]

    def tense_marker(self, start: int, end: int, generic: bool = True) -> tuple[str | None, str]:
        """Like :meth:`tense`, with the marker word that decided it ("would", "said"...)."""
        kind, word, _ = self.tense_marker_at(start, end, generic)
        return kind, word

    def tense_marker_at(self, start: int, end: int, generic: bool = True) -> tuple[str | None, str, int]:
        """Like :meth:`tense_marker`, with the marker's (weighted) distance in characters."""
        s, e = self.sentence(start, end)
        text = self.text
        # "On Tuesday, the league plans to...": an adverbial that opens the sentence takes
        # the tense of the clause after it, however long its subject (only a marker after
        # the expression, farther than 40 characters or an "-ed" word, asks: tested then)
        fronted = -1
        # the markers nearest first (a marker after the expression counts 20 characters
        # farther; at equal distance the one before it): the first that gives a tense
        # decides, and the tests of the farther ones (regex searches) are not run
        near: list[tuple[int, int, int, int, str, str]] = []
        for ms, me, kind, word in self._markers(s, e):
            if me <= start:
                near.append((start - me, 0, ms, start - me, kind, word))
            elif ms >= end:
                near.append((ms - end + 20, 1, ms, ms - end, kind, word))
        near.sort()
        present = 10_000  # the nearest present passive ("is heard"), which outranks a farther past
        for eff, _after, ms, dist, kind, word in near:
            if fronted < 0 and ms >= end and (dist > 40 or kind == "generic"):
                fronted = 1 if _FRONTED_LEAD.fullmatch(text, s, start) is not None \
                    and _FRONTED_TAIL.match(text, end) is not None else 0
            got = self._marker_tense(ms, end, dist, kind, word, generic, fronted > 0)
            if got is None:
                continue
            if got == "present":
                if eff < present:
                    present = eff
                continue
            if got == "past" and present < eff:
                return None, "", 10_000  # a present passive is nearer: "when the case is heard in May"
            return got, word, eff
        return None, "", 10_000

    def _marker_tense(self, ms: int, end: int, dist: int, kind: str, word: str, generic: bool,
                      fronted: bool) -> str | None:
        """What the marker ``word`` at ``ms`` (``dist`` characters from the expression
        that ends at ``end``) says: ``"future"``, ``"past"``, ``"present"`` (a present
        passive: "is heard"), or None (nothing, or too far)."""
        text = self.text
        if kind == "reporting":
            if dist > 15:
                return None
            kind = "past"
        elif kind == "future" and word in self.lex.weak_future and dist > 30:
            return None  # "could", "might": a modal far from the date says little about it
        # the word before the marker: only some can end a match of the searches below
        w = self._word_before(ms)
        ly = w is None or w.endswith("ly")
        if kind == "future" and (ly or w in _PLUPERFECT_WORDS) and _PLUPERFECT.search(text, max(0, ms - 30), ms):
            kind = "past"
        elif kind == "generic":
            if (not generic and dist > 4) or dist > (150 if fronted and ms >= end else 60) or word in self.lex.not_past \
                    or ((ly or w in _DET_WORDS) and _DET_BEFORE.search(text, max(0, ms - 24), ms)):
                return None
            kind = "past"
        if kind == "past" and (((ly or w in _AUX_WORDS) and _PASSIVE_AUX.search(text, max(0, ms - 20), ms))
                               or ((w is None or w in _INFINITIVE_WORDS)
                                   and _INFINITIVE_BEFORE.search(text, max(0, ms - 8), ms))):
            if (ly or w in _PRESENT_WORDS) and _PRESENT_PASSIVE.search(text, max(0, ms - 20), ms):
                return "present"
            return None
        if ms >= end and dist > (150 if fronted else 40):
            return None
        return kind

    def _word_before(self, i: int) -> str | None:
        """The word (a run of word characters) before the white space that ends at
        ``i``, lowercased: "" when there is no such white space or no word before it;
        None when the word is not ASCII (then only a regex can tell what it matches,
        by Unicode case folding)."""
        text = self.text
        j = i
        while j > 0 and text[j - 1].isspace():
            j -= 1
        if j == i:
            return ""
        k = j
        while k > 0 and (text[k - 1].isalnum() or text[k - 1] == "_"):
            k -= 1
        w = text[k:j]
        return w.lower() if w.isascii() else None

    def _marker_spans(self, low: str, off: int, s: int, e: int, hi: int) -> list[tuple[int, int]]:
        r"""The matches of ``lex.marker_lc_re`` that ``finditer(low, s, hi)`` finds, up
        to the first that starts at ``e`` or later, for ``low`` the text lowercased from
        ``off`` (``off`` is 0 unless ``self._words``: then ``low`` is ``text[off:hi]``
        lowercased, and ``off`` is ``s - 1``, or 0 at the start of the text).

        In an ASCII text, a match starts with a run of word characters (or an apostrophe
        and a run): the whole run when it is a marker of one word or a word in "-ed" of
        5 letters or more (which is what the regex matches there), else the first word of
        longer markers (the regex is tried there, unless the next run is no word that
        comes second after it). The runs are split off by bytes methods (C speed) and
        tested by a set and by the "ed" they end with."""
        out: list[tuple[int, int]] = []
        words = self._words
        if words is None:
            sep = _marker_sep_re(self.lex) if s > 0 else None
            if sep is None:  # (at the start of the text no character comes before a word)
                for m in self.lex.marker_lc_re.finditer(low, s, hi):
                    if m.start() >= e:
                        break
                    out.append((m.start(), m.end()))
            else:
                for m in sep.finditer(low, s - 1, hi):
                    if m.start() + 1 >= e:
                        break
                    out.append((m.start() + 1, m.end()))
            return out
        look, one, first, apos, second = words
        # the runs of the text's ``a:hi`` in b" " + ... + b" " (from the character before
        # ``s``: a run that starts before ``s`` holds it); pad's i + 1 is the text's a + i
        a = off
        pad = b" " + low.encode("ascii").translate(_WORD_BYTES) + b" "
        # (split at each space: a run, or b"" between two spaces; pieces[0] is b"", before
        # pad's first space, and the last piece is b"", after its last one)
        pieces = pad.split(b" ")
        match = self.lex.marker_lc_re.match
        pos = s  # (matches do not overlap: the scan goes on after each)
        i = -1  # pad's index of the space after the piece (pieces[k] is the next one)
        k = 0
        for w in pieces:
            k += 1
            n = len(w)
            i += n + 1
            if n < 2:
                continue  # (b"", or one letter: every marker's first word has two or more)
            ed = n >= 5 and w.endswith(b"ed")
            if not ed and w not in look:
                continue
            r = a + i - n - 1  # (pad's i - n - 1 is the space before the run)
            if r < pos:
                continue
            if r > 0 and low[r - 1 - a] == "'":
                # (the lookbehind: only a marker that opens with the apostrophe)
                if w not in apos:
                    continue
                r -= 1
                if r < pos:
                    continue
                if r >= e:
                    break
            elif r >= e:
                break
            elif w not in first or (pieces[k] and pieces[k] not in second[w]):
                # the whole run: a marker of one word, or "-ed" (a first word of a longer
                # marker that the next run cannot go on: the regex would match that too)
                if not (ed or w in one):
                    continue
                pos = r + n
                out.append((r, pos))
                continue
            got = match(low, r - a, hi - a)
            if got is not None:
                pos = got.end() + a
                out.append((r, pos))
        return out

    def _markers(self, s: int, e: int) -> list[tuple[int, int, str, str]]:
        """Tense markers that start inside ``s:e`` (one regex pass over that sentence,
        remembered: several expressions of a sentence share it)."""
        key = (s, e)
        got = self._marker_cache.get(key)
        if got is not None:
            return got
        text = self.text
        # a little past ``e`` so that a word at the edge is read whole
        hi = e + 40 if e + 40 < len(text) else len(text)
        if self._words is not None:
            off = s - 1 if s > 0 else 0
            low = text[off:hi].lower()
        else:
            if self._low is None:
                low = text.lower()
                self._low = low if len(low) == len(text) else text
            low = self._low
            off = 0
        out = []
        kinds = self.lex.marker_kind
        cs = self.lex.future_cs
        reporting = self.lex.reporting
        for ms, me in self._marker_spans(low, off, s, e, hi):
            w = low[ms - off:me - off]
            kind = kinds.get(w)
            if kind is None:
                if not w.endswith("ed"):
                    continue
                kind = "reporting" if w in reporting else "generic"
            elif w in cs and text[ms] != w[0]:
                continue  # "May" the month is not the modal "may"
            out.append((ms, me, kind, w))
        self._marker_cache[key] = out
        return out
