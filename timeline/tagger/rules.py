"""The tagger's rules: one compiled pattern per kind of expression, and the function
that turns a match into a TIMEX3 type and value.

Each rule is small and independent: ``Rule(name, pattern, handler, guard)``. The
pattern is assembled from the lexicon's fragments (so vocabulary lives in the JSON
resources), ``guard(match, text)`` rejects false positives that need context ("may" the
verb), and ``handler(match, ctx)`` returns a :class:`Hit` (or a list of
``(start, end, Hit)`` for ranges), resolving relative expressions against the
:class:`Ctx` (reference date, narrative anchor, tense).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Callable, Union

from .calendar_math import (
    day_number,
    easter,
    fmt,
    nth_weekday,
    shift,
    weekday_on_or_after,
    weekday_on_or_before,
)
from .context import Ctx, Hit
from .lexicon import Lexicon

try:  # the regex parser and compiler (first_char_guard, scan_pattern): re._parser from 3.11, sre_parse before
    import re._compiler as _sre_comp
    import re._constants as _sre_c
    import re._parser as _sre_p
except ImportError:  # pragma: no cover - Python 3.10
    import sre_compile as _sre_comp  # type: ignore[no-redef]
    import sre_constants as _sre_c  # type: ignore[no-redef]
    import sre_parse as _sre_p  # type: ignore[no-redef]

__all__ = ["Rule", "build_rules"]

Result = Union[Hit, list, None]


@dataclass(frozen=True)
class Rule:
    """One kind of temporal expression."""

    name: str
    regex: re.Pattern
    handler: Callable[[re.Match, Ctx], Result]
    guard: Callable[[re.Match, str], bool] | None = None
    priority: int = 0
    trigger: tuple[str, ...] = ()  # trigger groups (see TRIGGERS); empty: scan the whole text
    reach: tuple[int, int] = (80, 80)  # how far a match may extend before/after its trigger
    # a pattern (case-sensitive, lowercase, run on the lowercased text) that every match of
    # ``regex`` contains: a window where it is not found cannot hold a match (see NEEDLE_BACK)
    needle: re.Pattern | None = None
    # ``regex`` for the lowercased copy of an ASCII text, matching wherever ``regex`` does
    # (see :func:`scan_pattern`)
    scan: re.Pattern | None = None
    # ``scan`` matches one character early: the non-word character before the match
    scan_after: bool = False
    # how far before a match's start ``regex`` looks (its lookbehinds, and a "\\b")
    scan_back: int = 0


_LEADING_DIGITS = re.compile(r"\d+")
# a date that opens or closes a span ("closed since Jan. 15") is not when a report was made
_SPAN_START = re.compile(r"\b(?:since|until|till|through|from)\s+$", re.I)
# a deadline before a month: "to pay the loan by February" (searched in the 9 characters before it)
_DEADLINE_BEFORE = re.compile(r"\b(?:by|until|till|through)\s+$", re.I)


@lru_cache(maxsize=None)
def _rx(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)``, remembered (in the compiled build a call of
    ``re.search(pattern, ...)`` runs the interpreted ``re._compile`` each time)."""
    return re.compile(pattern, flags)


def _lead_int(s: str) -> int:
    """The number a string starts with ("21st" -> 21); the patterns guarantee the digits."""
    m = _LEADING_DIGITS.match(s)
    if m is None:
        raise ValueError(f"no leading digits in {s!r}")
    return int(m.group())


# how far before a window a needle may start (the rules' lookbehinds: "(?<=\bwithin\s)")
NEEDLE_BACK = 8


UNIT_GRAN = {"second": "D", "minute": "D", "hour": "D", "day": "D", "night": "D", "week": "W",
             "weekend": "WE", "fortnight": "W", "month": "M", "quarter": "Q", "year": "Y",
             "decade": "DE", "century": "CE", "millennium": "CE", "half": "H", "season": "S"}
UNKNOWN = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX", "Q": "XXXX-QX",
           "H": "XXXX-HX", "Y": "XXXX", "DE": "XXX", "CE": "XX", "S": "XXXX-XX"}
YEAR4 = r"(?:1[0-9]{3}|20[0-9]{2})(?![\d,]\d|\d|%|\s*(?:percent|per\s+cent)\b)"
DAY = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?![\d%]|[.,:]\d|\s*(?:percent|per\s+cent|million|billion)\b)"
PREP_CONTEXT = re.compile(
    r"(?:\b(?:in|since|until|till|by|of|from|to|through|during|before|after|early|late|mid|"
    r"last|next|this|that|and|or|between|on|until|throughout|around|about|for|than|each|every|"
    r"last|past|coming)\s+|mid-|-)$",
    re.I,
)


def trigger_groups(lex: Lexicon) -> dict[str, set[str]]:
    """Trigger words by group (lowercase whole tokens; runs of digits are the group
    ``DIGIT``, those that can be a year ``Y4``, those of one or two digits followed by
    a slash or a dot ``DSEP``).
    A rule runs only near a token of one of its groups."""
    hol = {h.split()[0] if not h.startswith("the ") else h.split()[1] for h in lex.holidays}
    hol = {_rx(r"[^a-z].*$").sub("", h) for h in hol} - {""}
    vague = {w for k in lex.vague for w in k.split() if w not in ("the", "at", "in", "this", "right", "a", "as", "possible")}
    units = set(lex.unit_info)
    return {
        "MON": set(lex.month_num),
        "WD": set(lex.weekday_num) | {w + "s" for w in lex.weekday_num},
        "UNIT": units - {"quarter", "quarters", "century", "centuries", "weekend", "weekends"}
        | {"yearly", "monthly", "weekly", "hourly", "nightly"},
        "QUARTER": {"quarter", "quarters", "half"},
        "CENT": {"century", "centuries"},
        "YEAR": {"year"},  # the rare "year" rules: "the full year", "year-end", "year-ago"
        "PLURAL": {"years", "months", "weeks", "days", "decades", "centuries", "hours", "minutes"},
        "CALUNIT": {"day", "week", "month", "year", "decade", "century"},
        "WEEKEND": {"weekend", "weekends"},
        "S": {"s"},
        "DAYWORD": {"today", "yesterday", "tomorrow", "tonight"},
        "POD": set(lex.pod_code) | {"mornings", "nights", "evenings", "afternoons"},
        "AGO": {"ago", "earlier", "later", "before", "after", "hence", "previously", "now"},
        "SEASON": set(lex.season_code),
        "VAGUE": vague | {"recent", "coming"},
        "CLOCK": {"noon", "midnight", "midday", "clock", "am", "pm", "m"},
        "TZ": {"gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "bst", "cet", "cest", "local"},
        "NUMWORD": {"nineteen", "eighteen", "twenty", "thousand"},
        "DECW": {"twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"},
        "RATE": {"times", "once", "twice"},
        "SET": {"every", "each", "per", "daily", "annually", "nightly", "weekly", "monthly", "yearly", "hourly"},
        "PERIOD": {"period"},
        "QCODE": {"q", "h", "fy"},
        "ORDSUF": {"st", "nd", "rd", "th"},
        "HOLIDAY": hol | {"good", "palm", "ash", "fools"},
        "LONG": {"long", "daylong", "weeklong", "monthlong", "yearlong", "nightlong", "hourlong"},
        "WHILE": {"while"},
        "MORE": {"another", "additional", "extra", "further"},
        "AHEAD": {"ahead", "come"},
        "MOMENT": {"moment"},
    }


_U = ("UNIT", "QUARTER", "CENT", "WEEKEND")
RULE_TRIGGERS: dict[str, tuple[tuple[str, ...], tuple[int, int]]] = {
    "date_mdy": (("MON",), (14, 26)),
    "date_dmy": (("MON",), (26, 26)),
    "week_of": (("MON",), (16, 26)),
    "iso": (("Y4",), (2, 30)),
    "slash": (("DSEP",), (2, 15)),
    "month_year": (("MON",), (2, 30)),
    "month": (("MON",), (20, 30)),
    "year": (("Y4",), (18, 30)),  # (its lookaheads read past a two-digit end year)
    "spoken_year": (("NUMWORD",), (20, 50)),
    "decade": (("S",), (22, 4)),
    "decade_word": (("DECW",), (50, 5)),
    "century": (("CENT",), (40, 10)),
    "season": (("SEASON",), (30, 30)),
    "quarter": (("QUARTER",), (50, 45)),
    "quarter_ana": (("QUARTER",), (50, 16)),  # "the quarter a year ago"
    "two_quarters": (("QUARTER",), (24, 45)),  # "the first two quarters of 1990"
    "rel_unit": (_U, (32, 6)),
    "dayword": (("DAYWORD",), (10, 25)),
    "this_pod": (("POD",), (20, 5)),  # "night" is a POD word too
    "weekday": (("WD",), (25, 25)),
    "nth_weekday": (("WD",), (20, 30)),
    "time": (("CLOCK",), (40, 50)),
    "over_the": (("PLURAL",), (12, 14)),
    "first_units": (("PLURAL",), (24, 12)),
    "units_followed": (("PLURAL",), (6, 24)),
    "long_period": (("PERIOD",), (40, 16)),
    "this_moment": (("MOMENT",), (24, 2)),
    "a_while": (("WHILE",), (20, 2)),
    "long": (("LONG",), (30, 2)),
    "clock24": (("TZ",), (30, 45)),
    "ago": (("AGO",), (48, 12)),
    "duration": (_U, (45, 25)),
    "bare_plural": (("PLURAL",), (10, 10)),
    "vague": (("VAGUE",), (8, 25)),
    "recent_units": (("VAGUE",), (2, 20)),
    "until_then": (("VAGUE",), (8, 2)),  # ("then" is a VAGUE word: "then current")
    "set": (("SET",), (2, 60)),
    "freq": (("SET",), (8, 12)),
    "rate": (("UNIT",), (6, 6)),
    "holiday": (("HOLIDAY",), (12, 30)),
    "year_earlier": (("YEAR",), (20, 30)),
    "latest_period": (("PERIOD",), (30, 8)),
    "weekend": (("WEEKEND",), (15, 12)),
    "year_ended": (("YEAR",), (25, 20)),
    "full_year": (("YEAR",), (30, 24)),
    "year_period": (("PERIOD", "QUARTER"), (40, 10)),
    "the_unit": (("CALUNIT",), (15, 8)),
    "q_code": (("QCODE",), (2, 14)),
    "day_of_month": (("ORDSUF",), (12, 20)),  # (its lookahead reads the next word)
    "fy": (("QCODE",), (2, 10)),
    "day_before": (("AGO",), (12, 8)),
    "year_end": (("YEAR",), (6, 10)),
    "period_last_year": (("YEAR",), (45, 16)),
    "in_the_unit": (("CALUNIT",), (22, 4)),
    "next_pod": (("POD",), (20, 4)),
    "one_more_unit": (("MORE",), (4, 20)),
    "units_ahead": (("AHEAD",), (40, 2)),
    "bare_pod": (("POD",), (14, 14)),
}


# a fractional amount of a unit is written in the next smaller one: P1.5Y -> P18M
_SMALLER = {("Y", False): ("M", False, 12), ("DE", False): ("Y", False, 10), ("CE", False): ("Y", False, 100),
            ("W", False): ("D", False, 7), ("D", False): ("H", True, 24), ("H", True): ("M", True, 60),
            ("M", True): ("S", True, 60), ("Q", False): ("M", False, 3)}


def iso_duration(q: float | None, iso: str, time: bool) -> str:
    """The TIMEX3 duration value of ``q`` units (``None``: an unspecified number, ``X``)."""
    if iso == "DE":  # TimeML writes decades in years ("decades-long": PXY)
        if q is None:
            return "PXY"
    if q is None:
        return f"P{'T' if time else ''}X{iso}"
    if iso in ("DE", "CE"):  # TimeML writes decades and centuries in years
        q, iso = q * (10 if iso == "DE" else 100), "Y"
    if q != int(q):
        nxt = _SMALLER.get((iso, time))
        if nxt and float(q * nxt[2]).is_integer():
            whole = int(q)
            rest = int(round((q - whole) * nxt[2]))
            if whole and nxt[1] == time:
                return f"P{'T' if time else ''}{whole}{iso}{rest}{nxt[0]}"
            if whole and not time and nxt[1]:
                return f"P{whole}{iso}T{rest}{nxt[0]}"
            return f"P{'T' if nxt[1] else ''}{int(q * nxt[2])}{nxt[0]}"
        return f"P{'T' if time else ''}{q:g}{iso}"
    return f"P{'T' if time else ''}{int(q)}{iso}"


# Words before a 4-digit number (see ``g_year``); each must end the text searched.
_YEAR_NOT_AFTER = re.compile(r"(?:[$£€#]|\bno\.|\bnumber|\bflight|\broute|\bhighway|\bpage|\bcode|\babout|\bsome|"
                             r"\bnearly|\bover|\bthan|\bof|\bthe|\bto|\bat|\bfor)\Z", re.I)
# (the words it ends with: every other word before a year is passed over without a search)
_YEAR_NOT_AFTER_WORDS = frozenset(("number", "flight", "route", "highway", "page", "code", "about", "some", "nearly",
                                   "over", "than", "of", "the", "to", "at", "for"))
assert set(re.findall(r"\\b([a-z]+)\|", _YEAR_NOT_AFTER.pattern.replace(")\\Z", "|"))) == _YEAR_NOT_AFTER_WORDS


def _may_end_not_after(before: str) -> bool:
    """False when :data:`_YEAR_NOT_AFTER` cannot match at the end of ``before``: it ends
    with one of its symbols, with "no." or with one of its words (when that is ASCII:
    then the lowercased word tells; Unicode case folding, only the regex)."""
    if not before:
        return False
    c = before[-1]
    if not (c.isalnum() or c == "_"):
        return c in "$\u00a3\u20ac#."
    k = len(before) - 1
    while k > 0 and (before[k - 1].isalnum() or before[k - 1] == "_"):
        k -= 1
    w = before[k:]
    return not w.isascii() or w.lower() in _YEAR_NOT_AFTER_WORDS


def _may_follow_name(text: str, i: int) -> bool:
    """False when no capitalised word ``[A-Z][a-z]+`` and white space end at ``i``
    (then ``name_before`` in :func:`build_rules` cannot match there)."""
    j = i
    while j > 0 and text[j - 1].isspace():
        j -= 1
    if j == i:
        return False
    k = j
    while k > 0 and "a" <= text[k - 1] <= "z":
        k -= 1
    return k < j and k > 0 and "A" <= text[k - 1] <= "Z"


_YEAR_PREP = re.compile(r"\b(?:in|since|until|by|of|from|to|the|for)\Z", re.I)
_YEAR_AMOUNT = re.compile(r"(?:[$£€#]|\babout|\bsome|\bnearly|\bover|\bthan|\bno\.|\bnumber)\Z", re.I)
_YEAR_ART = re.compile(r"\b(?:to|of|the|for)\Z", re.I)
_YEAR_OLD_PREP = re.compile(r"\b(?:in|since|until|by|year|of|from|before|after)\Z", re.I)
_WS_RUN = re.compile(r"\s+")  # (a run of white space, made one space)
# the guards' tests, compiled once: "the" before (a month, "future"), the clause that goes
# on after "two days before" (g_ago), the words around "current", "the past", "soon"
# (g_vague), a determiner before "past years" (recent_units)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)
_CLAUSE_GOES_ON = re.compile(r"\s*(?:[,.;:!?)\"']|$|and\b|but\b)")
_WORD_AFTER = re.compile(r"\s+[a-z]")
_COUNT_AFTER = re.compile(r"\s+(?:few|several|two|three|\d)")
_AS_SO_BEFORE = re.compile(r"\b(?:as|so)\s+$", re.I)
_SOON_CONJ_AFTER = re.compile(r"\s+(?:as|after|afterwards?|before|thereafter)\b", re.I)
_DET_PLURAL_BEFORE = re.compile(r"\b(?:the|these|those)\s+$", re.I)

# g_duration's tests (of the 8 characters after the match, of the words before it)
_DUR_COMPARISON = re.compile(r"-(?:to|over|on|by)-", re.I)
_DUR_OLD = re.compile(r"[-\s]+old\b", re.I)
_DUR_OF = re.compile(r"\s+of\b")
_DUR_YEAR = re.compile(r"(?:1[0-9]|20)\d\d")
_DUR_PART = re.compile(r"[-\s]+(?:quarter|half)\b", re.I)
_DUR_AS_MANY = re.compile(r"\bas\s+$", re.I)
_DUR_COUNT = re.compile(r"(?:\d|%|\bpercent|\bcents?|\bdollars?|\btimes|\bonce|\btwice|\bthrice|\bshare|\bbillion|"
                        r"\bmillion)\W*$", re.I)
_DUR_ONE_A = re.compile(r"\b(?:one|a)\s+$", re.I)
_RATE_BEFORE = re.compile(r"(?:\d|%|\bpercent|\bcents?|\bdollars?|\bbillion|\bmillion|\b(?!(?:wa|i|ha|thi|hi|it|a|u|ye|variou|seriou|previou|ju)s\b)[a-z]{2,}s)\s+$", re.I)


# a deferral to a weekday: "postponed any action until Tuesday", "extended the deadline until 9 a.m. Tuesday"
_DEFERRED = re.compile(r"\b(?:postpon|delay|extend|defer|adjourn|suspend|put\s+off|push\w*\s+back|recess)\w*"
                       r"(?:\s+[\w'-]+){0,5}?\s+(?:until|till|to)\s+(?:\d[\d:.]*\s*(?:[ap]\.m\.\s*)?(?:[A-Z]{2,3}\s+)?)?$",
                       re.I)


# "until 9 a.m. Tuesday" (searched in the 20 characters before the weekday)
_UNTIL_BEFORE = re.compile(r"\b(?:until|till|by)\s+(?:\d[\d:.]*\s*(?:[ap]\.m\.\s+)?)?$", re.I)
# every match of _DEFERRED holds one of these (lowercase)
_DEFERRED_STEMS = ("postpon", "delay", "extend", "defer", "adjourn", "suspend", "put", "push", "recess")
# ... and ends with a match of this (its end, without the word boundary)
_DEFERRED_TAIL = re.compile(r"(?:until|till|to)\s+(?:\d[\d:.]*\s*(?:[ap]\.m\.\s*)?(?:[A-Z]{2,3}\s+)?)?$", re.I)
assert _DEFERRED.pattern.endswith(_DEFERRED_TAIL.pattern)


def _deferred(ctx: Ctx, start: int) -> bool:
    """Does a deferral end right before ``start`` (:data:`_DEFERRED`, in the 90
    characters before it)? In an ASCII text, only a stretch with one of its verbs at the
    start of a word ("put", not "dispute") is searched, from the first such verb; in any,
    only one that ends as it does ("until"...)."""
    lo = start - 90 if start > 90 else 0
    if ctx.ascii:
        low = ctx.text[lo:start].lower()
        first = -1
        for w in _DEFERRED_STEMS:
            i = low.find(w)
            while i > 0 and (low[i - 1].isalnum() or low[i - 1] == "_"):
                i = low.find(w, i + 1)
            if i >= 0 and (first < 0 or i < first):
                first = i
        if first < 0:
            return False
        lo += first  # (a match starts with a verb)
    return _DEFERRED_TAIL.search(ctx.text, lo, start) is not None and _DEFERRED.search(ctx.text, lo, start) is not None


def _title_name(m: re.Match, group: str, text: str) -> bool:
    """True when the unit word of the match is capitalised inside a sentence ("60 Minutes",
    "This Week", "High Noon"): a title or a name, not a time expression."""
    w = m.group(group)
    if not w or not w[0].isupper() or w.isupper():
        return False
    before = text[max(0, m.start() - 3):m.start()]
    return not (m.start() == 0 or _rx(r"(?:[.!?:]\s*|\n\s*|^\s*)$").search(before)) or m.start(group) > m.start()


# a capitalised word (a name) right before, nothing between but a space: "USA Today"
_NAME_BEFORE = re.compile(r"\b[A-Z][A-Za-z]*\s+$")


def _word_before(text: str, start: int, n: int = 40) -> str:
    return text[max(0, start - n):start]


def _year_hit(y: int, *, mod: str | None = None, anchor: str | None = None) -> Hit:
    return Hit("DATE", f"{y:04d}", mod=mod, anchor=anchor, point=(date(y, 7, 1), "Y"), names_year=True)


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _needles(lex: Lexicon) -> dict[str, str]:
    """Per rule, a necessary part of every match, as a case-sensitive pattern over the
    lowercased text (lowercase literals, no ``\\b``: sre then skips ahead to the letters
    that can start it). Only rules whose windows rarely hold a match have one: for the
    others the needle would cost more than it saves. Each is a sub-sequence of the rule's
    pattern, so a window without it cannot hold a match."""
    unit = lex.unit_re
    mon3 = "(?:" + "|".join(sorted({k[:3] for k in lex.month_num})) + ")"
    pod = r"(?:morning|afternoon|evening|night)"
    wd = "(?:" + "|".join(sorted(w.lower() for w in lex.weekday_num if len(w) > 4 and w.endswith("day"))) + ")"
    return {
        "ago": unit + r"(?:\s+or\s+so)?\s+(?:ago|earlier|later|before|after|from\s+now|hence|previously)",
        "bare_plural": r"(?:for|within|in|after|follows|followed|following|amid|despite)\s"
                       r"(?:years|months|weeks|days|decades|centuries|hours|minutes)",
        "rate": r"an?\s+(?:day|week|month|year|hour|minute)",
        "holiday": lex.holiday_re,
        "year_earlier": r"year-(?:earlier|ago)",
        "year_ended": r"year\s+(?:ended|ending|that\s+ended|to\s+date)",
        "the_unit": r"the\s+(?:year|month|week|decade|century)",
        "full_year": r"(?:full|fiscal|current|entire|whole)\s+year",
        "in_the_unit": r"(?:earlier|later)\s+in\s+the\s+(?:day|week|month|year)",
        "week_of": r"week\s+of\s",
        "a_while": r"a\s+(?:little\s+|short\s+)?while",
        "over_the": r"over\sthe\s+(?:years|decades|centuries|months)",
        "next_pod": r"(?:next|following|previous|same)\s+" + pod,
        "this_pod": r"(?:this|last|that)\s+" + pod,
        "year_end": r"year(?:-|\s+|'s\s+)end",
        "day_before": r"day\s+(?:before|after)",
        "iso": r"[-/]\d\d?[-/]\d",  # (what follows the year: sre skips to "-" or "/")
        "date_dmy": r"\d(?:st|nd|rd|th)?\s+(?:of\s+)?" + mon3,
        "recent_units": r"(?:recent|coming|past|future)\s+(?:years|months|weeks|decades|days|quarters)",
        "until_then": r"till?\sthen",  # ("until then", "till then": sre skips to "til")
        "first_units": r"the\s+(?:first|early|final|closing|opening|last)\s+(?:years|months|weeks|days|hours|decades)",
        "units_followed": r"(?:years|months|weeks|days|decades)\s+(?:that\s+|which\s+)?followed",
        "nth_weekday": r"(?:first|1st|second|2nd|third|3rd|fourth|4th|last|final)\s+" + wd,
    }


class _AnyChar(Exception):
    """The first character of a pattern cannot be bounded to a small class."""


def _first_set(items: list) -> tuple[set[str], bool]:
    """The characters (``"\\d"``/``"\\s"`` for classes) that can start a match of the
    parsed sequence ``items``, and whether it can match the empty string."""
    out: set[str] = set()
    for op, av in items:
        chars, nullable = _first_op(op, av)
        out |= chars
        if not nullable:
            return out, False
    return out, True


def _first_op(op, av) -> tuple[set[str], bool]:
    C = _sre_c
    if op is C.LITERAL:
        return {chr(av)}, False
    if op is C.IN:
        chars: set[str] = set()
        for o, a in av:
            if o is C.LITERAL:
                chars.add(chr(a))
            elif o is C.RANGE and a[1] - a[0] <= 200:
                chars |= {chr(c) for c in range(a[0], a[1] + 1)}
            elif o is C.CATEGORY and a in (C.CATEGORY_DIGIT, C.CATEGORY_SPACE):
                chars.add(r"\d" if a is C.CATEGORY_DIGIT else r"\s")
            else:
                raise _AnyChar
        return chars, False
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):  # zero width
        return set(), True
    if op is C.SUBPATTERN:
        return _first_set(list(av[3]))
    if op is C.BRANCH:
        chars, nullable = set(), False
        for b in av[1]:
            bc, bn = _first_set(list(b))
            chars |= bc
            nullable = nullable or bn
        return chars, nullable
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        chars, nullable = _first_set(list(av[2]))
        return chars, nullable or av[0] == 0
    raise _AnyChar


def first_char_guard(pattern: str) -> str:
    """``pattern`` (compiled with IGNORECASE) behind a lookahead for the characters a match
    can start with: the same matches, but sre gives up at once at every other position
    instead of trying the pattern's alternatives one by one. Unchanged when the first
    character is not confined to a class (or the pattern can match the empty string)."""
    try:
        chars, nullable = _first_set(list(_parse(pattern)))
    except _AnyChar:
        return pattern
    if nullable or not chars:
        return pattern
    # IGNORECASE applies to the lookahead too: lowercase letters stand for both cases
    body = "".join(c if c in (r"\d", r"\s") else re.escape(c) for c in sorted({c if len(c) > 1 else c.lower() for c in chars}))
    return f"(?=[{body}])" + pattern


@lru_cache(maxsize=4)
def _parse(pattern: str) -> _sre_p.SubPattern:
    """``pattern`` parsed (for IGNORECASE): shared by :func:`first_char_guard` and
    :func:`scan_pattern`, which look at the same pattern one after the other."""
    return _sre_p.parse(pattern, re.I)


class _NoScan(Exception):
    """A construct :func:`scan_pattern` does not rewrite."""


_UPPER = range(ord("A"), ord("Z") + 1)
_RE_I, _RE_A, _RE_U = int(re.I), int(re.A), int(re.U)


def _is_word(c: str) -> bool:
    """Whether the character ``c`` is a word character (``\\w``)."""
    return c.isalnum() or c == "_"


def _word_chars(chars: set[str]) -> bool:
    """Whether every character of ``chars`` (as :func:`_first_set` gives them) is a word
    character (``\\d`` is; ``\\s`` is not)."""
    return all(c == r"\d" or (len(c) == 1 and _is_word(c)) for c in chars)


def _nonword_item(items: list) -> bool:
    """Whether the last item of the parsed sequence ``items`` can only match a character
    that is not a word character (a literal such as "-" or " ", or a class of those)."""
    if not items:
        return False
    op, av = items[-1]
    C = _sre_c
    if op is C.LITERAL:
        return not _is_word(chr(av))
    if op is C.IN:
        for o, a in av:
            if o is C.LITERAL:
                if _is_word(chr(a)):
                    return False
            elif not (o is C.CATEGORY and a is C.CATEGORY_SPACE):
                return False  # (a negated class, a range, another category)
        return True
    return False


def _after_nonword(items: list, word_start: bool) -> bool:
    """Whether a match of the parsed sequence ``items`` can only start at the text's start
    or after a character that is not a word character: it opens with ``\\b`` (and
    ``word_start``: every match starts with a word character), a lookbehind that rules a
    word character out (``(?<![\\w...])``), or a lookbehind that ends in a non-word
    character (``(?<=\\bon\\s)``); in each alternative of a branch."""
    C = _sre_c
    if not items:
        return False
    op, av = items[0]
    if op is C.AT:
        return word_start and av is C.AT_BOUNDARY
    if op is C.ASSERT_NOT:
        direction, sub = av
        sub = list(sub)
        return (direction == -1 and len(sub) == 1 and sub[0][0] is C.IN
                and all(o is not C.NEGATE for o, _a in sub[0][1])
                and (C.CATEGORY, C.CATEGORY_WORD) in sub[0][1])
    if op is C.ASSERT:
        direction, sub = av
        return direction == -1 and _nonword_item(list(sub))
    if op is C.SUBPATTERN:
        return _after_nonword(list(av[3]), word_start)
    if op is C.BRANCH:
        return all(_after_nonword(list(b), word_start) for b in av[1])
    return False


def _look_back(items: list) -> int:
    """How far before the position where the parsed sequence ``items`` starts it can look:
    the longest lookbehind, and a character for the ``\\b`` it may hold (nested ones
    counted whole)."""
    C = _sre_c
    out = 1
    for op, av in items:
        if op is C.ASSERT or op is C.ASSERT_NOT:
            direction, sub = av
            inner = _look_back(list(sub))
            out = max(out, (sub.getwidth()[1] + inner) if direction == -1 else inner)
        elif op is C.SUBPATTERN:
            out = max(out, _look_back(list(av[3])))
        elif op is C.BRANCH:
            out = max([out] + [_look_back(list(b)) for b in av[1]])
        elif op is C.MAX_REPEAT or op is C.MIN_REPEAT:
            out = max(out, _look_back(list(av[2])))
    return out


def scan_pattern(guarded: str, pattern: str) -> tuple[re.Pattern | None, bool, int]:
    """The rule pattern ``guarded`` (``pattern`` behind :func:`first_char_guard`'s
    lookahead, compiled with IGNORECASE) rewritten for the lowercased copy of an ASCII
    text: letters in lowercase, case-sensitive and ASCII-only (\\s with \\x1c-\\x1f, as
    Unicode has it), no capturing groups, and ``(...)?`` as ``(?:...|)``. sre then
    compares plain characters (and skips the alternatives of a branch by their first
    letter), about twice as fast.

    It matches at every position where ``guarded`` matches the text (the parts it cannot
    copy exactly, case-sensitive ones, are widened; a negative lookaround that would
    narrow is dropped), so a search with it finds every start of a match, and
    ``regex.match`` at that start gives the match itself.

    Returns the scan pattern; whether it matches one character early (a rule that can
    only start after a non-word character, see :func:`_after_nonword`: the scan opens
    with that character, before the first-character lookahead); and how far before a
    match's start the rule looks (:func:`_look_back`). None, when ``pattern`` can match
    the empty string or uses a construct not rewritten (then the rule scans with
    ``regex``)."""
    if guarded == pattern or not guarded.endswith(pattern):
        return None, False, 0
    state = _State()
    state.flags = _RE_A  # (ints: RegexFlag operators are Python code, slow in sre's compiler)
    try:
        parsed = list(_parse(pattern))
        chars, _nullable = _first_set(parsed)
        after = _after_nonword(parsed, _word_chars(chars))
        # (after a non-word character, the first-character lookahead comes after it)
        items = parsed if after else list(_sre_p.parse(guarded[:len(guarded) - len(pattern)], re.I)) + parsed
        data, _exact = _fold(items, False, state)
        if after:
            # the non-word character, then a lookahead for the characters a match starts
            # with (sre tests one set instead of trying each alternative there)
            first = "".join(_LOW_CLASS.get(c) or re.escape(c) for c in sorted({c if len(c) > 1 else c.lower() for c in chars}))
            data = list(_sre_p.parse(_NONWORD_LOW + "(?=[" + first + "])", _RE_A)) + data
        return _sre_comp.compile(_sre_p.SubPattern(state, data), _RE_A), after, _look_back(parsed)
    except (_NoScan, _AnyChar):
        return None, False, 0


# what comes before a match of a rule that starts after a non-word character (see
# scan_pattern), in the lowercased text: sre skips to these characters
_NONWORD_LOW = "[^0-9_a-z]"
# the classes of :func:`_first_set` in an ASCII-only class (\\s as Unicode has it)
_LOW_CLASS = {r"\d": r"\d", r"\s": r"\s\x1c-\x1f"}


_State = getattr(_sre_p, "State", None) or getattr(_sre_p, "Pattern")  # (its name before 3.11)


def _fold(items: list, cs: bool, state) -> tuple[list, bool]:
    """The parsed sequence ``items`` rewritten (see :func:`scan_pattern`; ``cs``: in a
    case-sensitive group), and whether it matches exactly what the original matches."""
    out: list = []
    exact = True
    for op, av in items:
        item, ex = _fold_op(op, av, cs, state)
        if item is not None:
            out.append(item)
        exact = exact and ex
    return out, exact


def _fold_op(op, av, cs: bool, state) -> tuple[tuple | None, bool]:
    C = _sre_c
    if op is C.LITERAL or op is C.NOT_LITERAL:
        if not (av in _UPPER or av in _LOWER):
            return (op, av), True
        if cs and op is C.NOT_LITERAL:
            raise _NoScan
        return (op, av + 32 if av in _UPPER else av), not cs
    if op is C.IN:
        return _fold_in(av, cs)
    if op is C.ANY or op is C.AT:
        return (op, av), True
    if op is C.BRANCH:
        alts, exact = [], True
        for alt in av[1]:
            data, ex = _fold(list(alt), cs, state)
            inner = _alternatives(data)
            if inner is not None:  # (?:a|(?:b|c)) as (?:a|b|c): one branch op, not two
                alts.extend(inner)
            else:
                alts.append(_sre_p.SubPattern(state, data))
            exact = exact and ex
        return (C.BRANCH, (None, alts)), exact
    if op is C.SUBPATTERN:
        _group, add, dele, sub = av
        inner_cs = (cs or bool(dele & _RE_I)) and not add & _RE_I
        data, exact = _fold(list(sub), inner_cs, state)
        keep = ~(_RE_I | _RE_A | _RE_U)
        return (C.SUBPATTERN, (None, add & keep, dele & keep, _sre_p.SubPattern(state, data))), exact
    if op is C.MAX_REPEAT or op is C.MIN_REPEAT:
        lo, hi, sub = av
        data, exact = _fold(list(sub), cs, state)
        body = _sre_p.SubPattern(state, data)
        if op is C.MAX_REPEAT and lo == 0 and hi == 1 and not _single(data):
            # a branch instead of a general repeat (which allocates its state)
            return (C.BRANCH, (None, [body, _sre_p.SubPattern(state, [])])), exact
        return (op, (lo, hi, body)), exact
    if op is C.ASSERT or op is C.ASSERT_NOT:
        direction, sub = av
        data, exact = _fold(list(sub), cs, state)
        if op is C.ASSERT_NOT and not exact:
            return None, False  # without it: matches more, never less
        return (op, (direction, _sre_p.SubPattern(state, data))), exact
    raise _NoScan


_LOWER = range(ord("a"), ord("z") + 1)


def _alternatives(data: list) -> list | None:
    """The alternatives of ``data`` when it is one branch (maybe in a plain group)."""
    C = _sre_c
    if len(data) != 1:
        return None
    op, av = data[0]
    if op is C.BRANCH:
        return list(av[1])
    if op is C.SUBPATTERN and av[0] is None and not av[1] and not av[2]:
        return _alternatives(list(av[3]))
    return None


def _single(data: list) -> bool:
    """Whether ``data`` is one single-character item (sre repeats those cheaply)."""
    C = _sre_c
    return len(data) == 1 and data[0][0] in (C.LITERAL, C.NOT_LITERAL, C.IN, C.ANY)


def _fold_in(items: list, cs: bool) -> tuple[tuple, bool]:
    """A character class for the lowercased text: each uppercase letter also as its
    lowercase one; \\s with \\x1c-\\x1f."""
    C = _sre_c
    negate = any(o is C.NEGATE for o, _a in items)
    out: list = []
    exact = True
    for o, a in items:
        out.append((o, a))
        if o is C.LITERAL:
            if a in _UPPER or a in _LOWER:
                if cs and negate:
                    raise _NoScan
                exact = exact and not cs
                if a in _UPPER:
                    out.append((C.LITERAL, a + 32))
        elif o is C.RANGE:
            lo, hi = max(a[0], _UPPER.start), min(a[1], _UPPER.stop - 1)
            letters = lo <= hi or max(a[0], _LOWER.start) <= min(a[1], _LOWER.stop - 1)
            if letters:
                if cs and negate:
                    raise _NoScan
                exact = exact and not cs
            if lo <= hi:
                out.append((C.RANGE, (lo + 32, hi + 32)))
        elif o is C.CATEGORY:
            if a is C.CATEGORY_SPACE:
                out.append((C.RANGE, (0x1C, 0x1F)))  # white space to Unicode, not to ASCII
            elif a is C.CATEGORY_NOT_SPACE:
                if negate:
                    raise _NoScan
                exact = False
            elif a not in (C.CATEGORY_DIGIT, C.CATEGORY_NOT_DIGIT, C.CATEGORY_WORD, C.CATEGORY_NOT_WORD):
                raise _NoScan
        elif o is not C.NEGATE:
            raise _NoScan
    return (C.IN, out), exact


# The year and the day of dates given without them (the handlers of build_rules call
# these; module functions, which the compiled build calls natively)
def resolve_year(ctx: Ctx, month: int, day: int | None, start: int, end: int,
                 rel: str | None = None) -> int | None:
    """The year of a month(-day) given without one: by the relative word, else the
    tense of the sentence (past: the latest such date not after the reference date;
    future: the earliest not before it), else the nearest one."""
    ctx.year_from_narrative = False
    dct = ctx.dct
    if dct is None:
        return None
    dy = dct.year
    if rel is not None:
        md = (month, day or 0)
        ref = (dct.month, dct.day if day else 0)
        if rel in ("last", "past"):
            return dy if md < ref else dy - 1
        if rel in ("next", "coming"):
            return dy if md > ref else dy + 1
        if rel == "this":
            return dy
    tense, _w, tdist = ctx.tense_marker_at(start, end, generic=day is None)
    if day is None and (tense is None or tdist > 20) \
            and _DEADLINE_BEFORE.search(ctx.text[max(0, start - 9):start]):
        tense = "future"  # a deadline: "to pay the loan by February"
    if day is None and tense == "past":
        # "fighting turned last year. In July, ...": the year just named, when it is
        # the year before the reference date (two years back is the narrative drifting)
        ry = ctx.recent_year(start)
        if ry is not None and ry == dy - 1:
            ctx.year_from_narrative = True
            return ry
    # the nearest of the three years (by day numbers: no date objects)
    dd = min(day or 15, 28)
    if not 1 < dy < 9999:
        date(dy - 1 if dy <= 1 else dy + 1, month, dd)  # (date's ValueError)
    today = dct.toordinal()
    y = best = 0
    for yy in range(dy - 1, dy + 2):
        dist = abs(day_number(yy, month, dd) - today)
        if yy == dy - 1 or dist < best:
            best, y = dist, yy
    ahead = day_number(y, month, dd) - today  # (days from the reference date)
    slack = 31 if day else 45
    if tense == "past" and ahead > slack:
        y -= 1
    elif tense == "future" and -ahead > slack:
        y += 1
    return y


def ymd_hit(ctx: Ctx, y: int | None, mo: int, d: int | None, start: int, end: int,
            rel: str | None = None) -> Hit | None:
    assumed = False
    if y is None:
        y = resolve_year(ctx, mo, d, start, end, rel)
        assumed = True
        if y is None:
            v = f"XXXX-{mo:02d}" + (f"-{d:02d}" if d else "")
            return Hit("DATE", v, year_assumed=True)
    anchor = ("narrative" if ctx.year_from_narrative else "dct") if assumed else None
    if d:
        dd = _safe_date(y, mo, d)
        if dd is None:
            return None
        return Hit("DATE", dd.isoformat(), anchor=anchor, year_assumed=assumed,
                   point=(dd, "D"), names_year=not assumed)
    return Hit("DATE", f"{y:04d}-{mo:02d}", anchor=anchor, year_assumed=assumed,
               point=(date(y, mo, 15), "M"), names_year=not assumed)


def weekday_date(ctx: Ctx, wd: int, rel: str | None, start: int, end: int) -> date | None:
    dct = ctx.dct
    if dct is None:
        return None
    rel = (rel or "").lower()
    if rel in ("previous", "following", "preceding"):
        # "the previous Friday": the one before the day the text is talking about
        nar = ctx.narrative()
        base = nar[0] if nar and nar[1] == "D" else dct
        if rel == "following":
            return weekday_on_or_after(base, wd, strict=True)
        return weekday_on_or_before(base, wd, strict=True)
    if rel in ("last", "past"):
        return weekday_on_or_before(dct, wd, strict=True)
    if rel in ("next", "coming"):
        return weekday_on_or_after(dct, wd, strict=True)
    if rel == "this":
        return dct + timedelta(days=wd - dct.isoweekday())
    if ctx.text.startswith("'s", end):
        return weekday_on_or_before(dct, wd)
    tense, marker = ctx.tense_marker(start, end)
    before = ctx.text[max(0, start - 20):start]
    # (in an ASCII text, "until", "till" or "by" must be there for the search to match)
    if tense != "past" and (not ctx.ascii or "til" in (low := before.lower()) or "by" in low) \
            and _UNTIL_BEFORE.search(before):
        tense = "future"
    elif _deferred(ctx, start):
        tense = "future"  # "postponed until Tuesday": put off to a day still ahead
    if tense == "future":
        nar = ctx.narrative()
        if marker == "would" and nar and nar[1] == "D" and nar[0] < dct and 0 <= start - ctx.anchor_pos <= 300 \
                and not _SPAN_START.search(ctx.text, max(0, ctx.anchor_pos - 12), max(0, ctx.anchor_pos)):
            # future in the past: "On August 4 he said the envoy would visit on Thursday"
            return weekday_on_or_after(nar[0], wd, strict=True)
        return weekday_on_or_after(dct, wd)
    return weekday_on_or_before(dct, wd)


def build_rules(lex: Lexicon) -> list[Rule]:
    """Compile every rule from the lexicon's fragments."""
    MON = lex.month_any_re
    MONF = lex.month_full_re
    WD = lex.weekday_re
    WDA = lex.weekday_abbr_re
    QTY = lex.qty_re
    UNIT = lex.unit_re
    ORD = lex.ordinal_re
    POD = lex.pod_re
    F = re.I

    rules: list[Rule] = []
    SPOKEN = rf"(?:nineteen|eighteen|twenty)[-\s]+{lex.number_word_re}"

    def year_of(v: str) -> int:
        """A year written in digits or spoken ("nineteen ninety-four")."""
        if v[:1].isdigit():
            return int(v)
        sm = _rx(r"(nineteen|eighteen|twenty)[-\s]+(.*)", re.I | re.S).match(v)
        if sm is None:
            raise ValueError(f"not a year: {v!r}")
        hi, lo = sm.groups()
        return int(lex.number(hi) or 0) * 100 + int(lex.number(lo) or 0)

    needles = _needles(lex)

    def add(name: str, pattern: str, handler, guard=None, priority: int = 0) -> None:
        trig, reach = RULE_TRIGGERS.get(name, ((), (80, 80)))
        nd = needles.get(name)
        guarded = first_char_guard(pattern)
        rules.append(Rule(name, re.compile(guarded, F), handler, guard, priority, trig, reach,
                          re.compile(nd) if nd else None, *scan_pattern(guarded, pattern)))

    # ---------------------------------------------------------------- helpers
    def month_of(s: str) -> int:
        return lex.month_num[s.lower().rstrip(".")]

    def rel_point(ctx: Ctx, gran: str, n: int, narrative: bool) -> tuple[date, str] | None:
        base = ctx.narrative() if narrative else ((ctx.dct, "D") if ctx.dct else None)
        if base is None:
            return None
        d = shift(base[0], gran if gran != "S" else "Y", n)
        return (d, gran)

    # ---------------------------------------------------------------- absolute dates
    RANGE_SEP = r"\s*(?:-|to|through|thru|until|till|and)\s*"

    def h_mdy(m: re.Match, ctx: Ctx) -> Result:
        g_mon: str
        g_day: str
        g_year: str | None
        g_day2: str | None
        g_mon, g_day, g_year, g_day2 = m.group("mon", "day", "year", "day2")
        mo = month_of(g_mon)
        d = _lead_int(g_day)
        y = int(g_year) if g_year else None
        start, end = m.span()
        if g_day2:
            d2 = _lead_int(g_day2)
            h1 = ymd_hit(ctx, y, mo, d, start, end)
            h2 = ymd_hit(ctx, y if y else None, mo, d2, start, end)
            if h1 is None or h2 is None or d2 <= d:
                return None
            if not y and h1.point:
                h2 = ymd_hit(ctx, h1.point[0].year, mo, d2, start, end) or h2
                h2.year_assumed = True
            e1 = m.end("day")
            s2 = m.start("day2")
            return [(start, e1, h1), (s2, end, h2)]
        return ymd_hit(ctx, y, mo, d, start, end)

    add("date_mdy",
        rf"\b(?:(?:{WD}|{WDA})\s*,?\s+)?(?P<mon>{MON})\s*(?P<day>{DAY})\b"
        rf"(?:{RANGE_SEP}(?P<day2>{DAY})\b)?(?:\s*,?\s*(?P<year>{YEAR4}))?", h_mdy, priority=5)

    def h_dmy(m: re.Match, ctx: Ctx) -> Result:
        mo = month_of(m.group("mon"))
        d = _lead_int(m.group("day"))
        y = int(m.group("year")) if m.group("year") else None
        if m.group("day0"):
            d0 = _lead_int(m.group("day0"))
            h2 = ymd_hit(ctx, y, mo, d, m.start(), m.end())
            if h2 is None or h2.point is None or d0 >= d:
                return None
            h1 = ymd_hit(ctx, h2.point[0].year, mo, d0, m.start(), m.end())
            if h1 is None:
                return None
            h1.year_assumed, h1.anchor = h2.year_assumed, h2.anchor
            return [(m.start("day0"), m.end("day0"), h1), (m.start("day"), m.end(), h2)]
        return ymd_hit(ctx, y, mo, d, m.start(), m.end())

    def h_week_of(m: re.Match, ctx: Ctx) -> Result:
        """"the week of March 6": the (ISO) week that holds that day."""
        mo = month_of(m.group("mon"))
        d = _lead_int(m.group("day"))
        y = int(m.group("year")) if m.group("year") else None
        h = ymd_hit(ctx, y, mo, d, m.start("mon"), m.end())
        if h is None or h.point is None:
            return None
        day = h.point[0]
        return Hit("DATE", fmt(day, "W"), anchor=h.anchor, year_assumed=h.year_assumed,
                   point=(day, "W"), names_year=h.names_year)

    add("week_of", rf"\bthe\s+week\s+of\s+(?P<mon>{MON})\s*(?P<day>{DAY})\b(?:\s*,?\s*(?P<year>{YEAR4}))?",
        h_week_of, priority=6)

    add("date_dmy",
        rf"\b(?:(?:{WD}|{WDA})\s*,?\s+)?(?:(?P<day0>{DAY})\s*(?:-|to|and|until|through)\s*)?(?P<day>{DAY})\s+(?:of\s+)?(?P<mon>{MON})(?!\w)"
        rf"(?:\s*,?\s*(?P<year>{YEAR4}))?", h_dmy, priority=4)

    def h_iso(m: re.Match, ctx: Ctx) -> Result:
        y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        dd = _safe_date(y, mo, d)
        if dd is None:
            return None
        if m.group("H"):
            return Hit("TIME", f"{dd.isoformat()}T{m.group('H')}:{m.group('Mi')}", point=(dd, "D"),
                       names_year=True)
        return Hit("DATE", dd.isoformat(), point=(dd, "D"), names_year=True)

    add("iso", r"(?<![\w/.-])(?P<y>(?:1[6-9]|20)\d\d)[-/](?P<m>0?[1-9]|1[0-2])[-/](?P<d>0?[1-9]|[12]\d|3[01])"
        r"(?:T(?P<H>[01]\d|2[0-3]):(?P<Mi>[0-5]\d)(?::\d\d)?)?(?![\w/-])", h_iso, priority=6)

    def h_slash(m: re.Match, ctx: Ctx) -> Result:
        a, b, y = int(m.group("a")), int(m.group("b")), m.group("y")
        yy = int(y) if len(y) == 4 else (2000 + int(y) if int(y) < 50 else 1900 + int(y))
        mo, d = (a, b) if a <= 12 else (b, a)
        dd = _safe_date(yy, mo, d)
        if dd is None:
            return None
        return Hit("DATE", dd.isoformat(), point=(dd, "D"), names_year=True)

    add("slash", r"(?<![\w/.,$-])(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4}|\d{2})(?![\w/]|[.,]\d)",
        h_slash, priority=6)

    def h_month_year(m: re.Match, ctx: Ctx) -> Result:
        mo = month_of(m.group("mon"))
        y = year_of(m.group("year"))
        return Hit("DATE", f"{y:04d}-{mo:02d}", point=(date(y, mo, 15), "M"), names_year=True)

    add("month_year", rf"\b(?P<mon>{MON})\s*,?\s+(?:of\s+)?(?P<year>{YEAR4}|{SPOKEN}(?![\w-]))", h_month_year, priority=4)

    def g_month(m: re.Match, text: str) -> bool:
        g_mon: str
        g_mon, g_rel, g_rely = m.group("mon", "rel", "rely")
        word = g_mon.lower().rstrip(".")
        if g_rel or g_rely:
            return True
        if word in lex.month_ambiguous:
            before = _word_before(text, m.start())
            if PREP_CONTEXT.search(before):
                return True
            # "the March accession", "the May figures": a month before the noun it dates
            # (not "the March on Washington", a noun before its preposition)
            return bool(_THE_BEFORE.search(before)) and len(word) > 3 and \
                _rx(r"\s+(?!(?:of|on|in|to|for|from|at|by|with|and|or|was|is|has|had|will)\b)[a-z]{3,}\b").match(
                    text[m.end():m.end() + 24]) is not None
        return True

    def h_month(m: re.Match, ctx: Ctx) -> Result:
        g_mon: str
        g_rel: str | None
        g_rely: str | None
        g_mon, g_rel, g_rely = m.group("mon", "rel", "rely")
        mo = month_of(g_mon)
        rel = (g_rel or "").lower() or None
        rely = (g_rely or "").lower()
        if rely and ctx.dct:
            y = ctx.dct.year + {"last": -1, "this": 0, "next": 1}[rely]
            return Hit("DATE", f"{y:04d}-{mo:02d}", anchor="dct", point=(date(y, mo, 15), "M"), names_year=True)
        if rel == "that":
            nar = ctx.narrative()
            if nar:
                y = nar[0].year
                return Hit("DATE", f"{y:04d}-{mo:02d}", anchor="narrative", year_assumed=True,
                           point=(date(y, mo, 15), "M"))
        h = ymd_hit(ctx, None, mo, None, m.start(), m.end(), rel)
        return h

    add("month", rf"\b(?:(?P<rel>last|next|this|that|coming|past)\s+)?(?P<mon>{MONF})(?!\w|'(?!s\b))"
        rf"(?:\s+(?P<rely>last|this|next)\s+year)?", h_month, g_month, priority=2)

    month_before = re.compile(rf"{MON}\s*,?\s*$", re.I)
    # a name right before a year, inside a sentence: "a venture called Orion 1980"
    name_before = re.compile(r"[a-z,;]\s+(?-i:([A-Z][a-z]+))\s+$")
    date_words = {w.lower() for w in list(lex.month_num) + list(lex.weekday_num) + list(lex.season_code)} | \
        {h.split()[-1] for h in lex.holidays}

    def g_year(m: re.Match, text: str) -> bool:
        start, end = m.span()
        year: str
        year, g_after = m.group("year", "after")
        y = int(year)
        # the words right before the year, trailing spaces dropped: each test below is
        # "this word ends it" (``\Z``), searched only over its last few characters
        before = _word_before(text, start, 30).rstrip()
        tail = max(0, len(before) - 8)
        if _may_end_not_after(before) and _YEAR_NOT_AFTER.search(before, tail):
            if not _YEAR_PREP.search(before, tail) or _YEAR_AMOUNT.search(before, tail):
                return False
            if _YEAR_ART.search(before, tail) and not (1900 <= y <= 2099):
                return False
        if y < 1600 and not _YEAR_OLD_PREP.search(before, tail):
            return False
        if lex.count_nouns_re.match(text, end):
            return False
        if g_after and month_before.search(text, max(0, start - 12), start):
            return False  # "October 1994 or later": the month-year is the longer date
        nb = name_before.search(text, max(0, start - 24), start) if _may_follow_name(text, start) else None
        if nb is not None and nb.group(1).lower() not in date_words and start == m.start("year"):
            return False  # "Orion 1980", "Expo 2020": a year in a name
        return True

    def h_year(m: re.Match, ctx: Ctx) -> Result:
        y = int(m.group("year"))
        after = (m.group("after") or "").lower()
        h = _year_hit(y, mod=("ON_OR_BEFORE" if after.endswith(("earlier", "before")) else "ON_OR_AFTER") if after else None)
        if m.group("y2"):
            y2s = m.group("y2")
            y2 = int(y2s) if len(y2s) == 4 else (y // 100) * 100 + int(y2s)
            if y2 <= y or y2 - y > 50:
                return h
            return [(m.start(), m.end("year"), h), (m.start("y2"), m.end(), _year_hit(y2))]
        return h

    add("year", rf"(?:(?<![\w$£€#.,/-])(?:(?:pre|post)-(?=\d))?|(?<=\bmid-))(?:(?:fiscal|calendar|model)\s+(?:year\s+)?)?(?P<year>{YEAR4})(?!\w|'(?!s\b))"
        rf"(?:\s*(?:-|to|through)\s*(?P<y2>{YEAR4}|\d\d(?![\w%])(?!\s*(?:{UNIT}|percent|per\s+cent|million|billion)(?!\w)))|(?P<after>\s+(?:or\s+(?:later|earlier|before)|and\s+beyond)(?!\w)))?",
        h_year, g_year, priority=1)

    def h_spoken_year(m: re.Match, ctx: Ctx) -> Result:
        if m.group("hi"):
            hi = lex.number(m.group("hi"))
            lo = lex.number(m.group("lo"))
            if hi is None or lo is None or not 10 <= lo <= 99:
                return None
            y = int(hi) * 100 + int(lo)
        else:
            lo = lex.number(m.group("lo2")) if m.group("lo2") else 0
            if lo is None:
                return None
            y = 2000 + int(lo)
        return _year_hit(y)

    # "two thousand" alone is a year only where a count cannot be ("in two thousand."); after
    # "the year" it always is ("by the year two thousand has...")
    add("spoken_year", rf"\b(?P<ty>the\s+year\s+)?(?:(?P<hi>nineteen|eighteen|twenty)[-\s]+(?P<lo>{lex.number_word_re})"
        rf"|two\s+thousand(?:\s+(?:and\s+)?(?P<lo2>{lex.number_word_re}))?(?(ty)|(?=\W*$|\W*[.,;]|\s+(?:and|when|as|in|to|was|is)\b)))(?![\w-])",
        h_spoken_year, lambda m, t: bool(m.group("hi")) or m.group(0).lower().startswith("the year"), priority=2)

    def h_decade(m: re.Match, ctx: Ctx) -> Result:
        if m.group("yr"):
            v = m.group("yr")[:3]
        else:
            yy = int(m.group("yy"))
            v = ("19" if yy >= 2 else "20") + str(yy)
        mod = {"early": "START", "mid": "MID", "late": "END"}.get((m.group("mod") or "").lower())
        return Hit("DATE", v, mod=mod, point=(date(int(v) * 10 + 5, 7, 1), "DE"), names_year=True)

    add("decade", r"(?<![\w$])(?:the\s+)?(?:(?P<mod>early|mid|late)[-\s]+)?(?:(?P<yr>(?:1[0-9]|20)\d0)'?s|'(?P<yy>\d)0'?s)(?!\w)",
        h_decade, priority=3)

    DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                    "eighties": 8, "nineties": 9}

    def h_decade_word(m: re.Match, ctx: Ctx) -> Result:
        dw = DECADE_WORDS[m.group("dw").lower()]
        v = f"19{dw}"
        mod = {"early": "START", "mid": "MID", "late": "END"}.get((m.group("mod") or "").lower())
        return Hit("DATE", v, mod=mod, point=(date(1900 + dw * 10 + 5, 7, 1), "DE"), names_year=True)

    add("decade_word", r"\bthe\s+(?:(?P<mod>early|mid|late)[-\s]+)?(?:nineteen[-\s]+)?(?P<dw>" + "|".join(DECADE_WORDS) + r")\b",
        h_decade_word, priority=3)

    def h_century(m: re.Match, ctx: Ctx) -> Result:
        n = m.group("n")
        c = _lead_int(n) if n[0].isdigit() else lex.ordinal_num.get(n.lower(), 0)
        if c <= 0:
            return None
        mod = {"early": "START", "mid": "MID", "late": "END"}.get((m.group("mod") or "").lower())
        return Hit("DATE", f"{c - 1:02d}", mod=mod, point=(date(max(1, (c - 1) * 100 + 50), 7, 1), "CE"),
                   names_year=True)

    add("century", rf"\b(?:the\s+)?(?:(?P<mod>early|mid|late)[-\s]+)?(?P<n>\d{{1,2}}(?:st|nd|rd|th)|{ORD})[-\s]+century\b",
        h_century, priority=3)

    # ---------------------------------------------------------------- seasons, quarters
    def g_season(m: re.Match, text: str) -> bool:
        s = m.group("s").lower()
        if s in lex.season_ambiguous and not (m.group("rel") or m.group("year")):
            if not m.group("the"):
                return False
            before = _word_before(text, m.start())
            after = text[m.end():m.end() + 6]
            if _rx(r"\s+of\b").match(after):
                return False
            return bool(_rx(r"\b(?:in|during|by|until|since|through|over|this|for)\s+$", re.I).search(before))
        return True

    def h_season(m: re.Match, ctx: Ctx) -> Result:
        code = lex.season_code[m.group("s").lower()]
        rel = (m.group("rel") or "").lower().split()[-1] if m.group("rel") else ""
        y: int | None
        assumed = False
        anchor = None
        if m.group("year"):
            y = year_of(m.group("year"))
        elif ctx.dct is None:
            return Hit("DATE", f"XXXX-{code}")
        else:
            dct = ctx.dct
            order = {"WI": 0, "SP": 1, "SU": 2, "FA": 3}
            cur = {12: 0, 1: 0, 2: 0, 3: 1, 4: 1, 5: 1, 6: 2, 7: 2, 8: 2, 9: 3, 10: 3, 11: 3}[dct.month]
            y = dct.year
            anchor = "dct"
            if rel in ("last", "past"):
                y = dct.year if order[code] < cur else dct.year - 1
            elif rel in ("next", "coming"):
                y = dct.year if order[code] > cur else dct.year + 1
            elif rel == "that":
                nar = ctx.narrative()
                y = nar[0].year if nar else dct.year
                anchor = "narrative"
                assumed = True
            elif rel == "this":
                pass
            else:
                assumed = True
                tense = ctx.tense(m.start(), m.end())
                if tense == "past" and order[code] > cur:
                    y -= 1
                elif tense == "future" and order[code] < cur:
                    y += 1
        mod = {"early": "START", "mid": "MID", "late": "END"}.get(rel)
        sm = {"WI": 1, "SP": 4, "SU": 7, "FA": 10}[code]
        return Hit("DATE", f"{y:04d}-{code}", mod=mod, anchor=anchor, year_assumed=assumed,
                   point=(date(y, sm, 15), "S"), names_year=bool(m.group("year")) or rel in ("last", "next", "this"))

    add("season", rf"\b(?:(?P<rel>this\s+past|this\s+coming|last|next|this|that|coming|past|early|late|mid|the\s+coming|the\s+past|the\s+(?:early|late|mid))[-\s]+)?"
        rf"(?P<the>the\s+)?(?P<s>{lex.season_re})(?!\w)(?:\s*,?\s+(?:of\s+)?(?P<year>{YEAR4}|{SPOKEN}(?![\w-])))?",
        h_season, g_season, priority=2)

    QORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
            "final": 4, "last": 4}

    def quarter_year(ctx: Ctx, q: int, half: bool, m: re.Match) -> int | None:
        if m.group("year"):
            return int(m.group("year"))
        rely = (m.group("rely") or m.group("rely2") or "").lower()
        if ctx.dct is None:
            return None
        if rely:
            return ctx.dct.year + {"last": -1, "this": 0, "next": 1}[rely]
        cur_q = (ctx.dct.month - 1) // 3 + 1
        if half:
            cur_q = 1 if ctx.dct.month <= 6 else 2
        tense = ctx.tense(m.start(), m.end())
        if q > cur_q and tense != "future":
            return ctx.dct.year - 1
        return ctx.dct.year

    def h_quarter(m: re.Match, ctx: Ctx) -> Result:
        q = QORD[m.group("ord").lower()]
        half = m.group("u").lower().startswith("half")
        if half and m.group("ord").lower() in ("last", "final"):
            q = 2  # "the last half of 1989": its second half
        if half and q > 2:
            return None
        y = quarter_year(ctx, q, half, m)
        code = f"H{q}" if half else f"Q{q}"
        if y is None:
            return Hit("DATE", f"XXXX-{code}")
        mo = (q - 1) * (6 if half else 3) + 2
        hit = Hit("DATE", f"{y:04d}-{code}", anchor=None if m.group("year") else "dct",
                   year_assumed=not (m.group("year") or m.group("rely") or m.group("rely2")),
                   point=(date(y, mo, 15), "H" if half else "Q"), names_year=bool(m.group("year")),
                   fiscal=bool(m.group("fis")))
        if m.group("the") and "-" in m.group(0)[m.end("ord") - m.start():m.start("u") - m.start()] and not m.group("year"):
            # "the third-quarter loss": the adjective alone ("fiscal" with it)
            return [(m.start("fis") if m.group("fis") else m.start("ord"), m.end(), hit)]
        return hit

    add("quarter",
        rf"\b(?:(?P<rely2>this|last|next)\s+year'?s\s+)?(?P<the>the\s+)?(?P<fis>(?:fiscal|calendar)[-\s]+(?:year\s+)?)?"
        rf"(?P<ord>first|second|third|fourth|final|1st|2nd|3rd|4th|last(?=\s+(?:quarter|half)\s+of\s+(?:the\s+)?(?:(?:fiscal|calendar)\s+)?(?:year\b|\d{{4}}(?!'?s\b)|this\s|last\s|next\s)))[-\s]+(?:fiscal\s+)?(?P<u>quarter|half)(?!\w)(?!\s+of\s+(?:the\s+)?(?:'\d0|\d{{3}}0)'?s\b)"
        rf"(?:\s+of\s+(?:the\s+)?(?:(?:fiscal|calendar)\s+(?:year\s+)?)?(?:(?P<year>{YEAR4})(?!'?s\b)|(?P<rely>this|last|next)\s+year))?",
        h_quarter, priority=3)

    def h_two_quarters(m: re.Match, ctx: Ctx) -> Result:
        """"the first two quarters of 1990": its first half; "the last two quarters": the second."""
        h = 1 if m.group("w").lower() == "first" else 2
        if m.group("year"):
            y = int(m.group("year"))
        elif m.group("rely") and ctx.dct is not None:
            y = ctx.dct.year + {"last": -1, "this": 0, "next": 1}[m.group("rely").lower()]
        elif ctx.dct is not None:
            y = ctx.recent_year(m.start()) or ctx.dct.year  # "... of the year": the year in question
        else:
            return Hit("DATE", f"XXXX-H{h}")
        assumed = not (m.group("year") or m.group("rely"))
        return Hit("DATE", f"{y:04d}-H{h}", anchor="dct" if not m.group("year") else None, year_assumed=assumed,
                   point=(date(y, 6 * h - 3, 15), "H"), names_year=bool(m.group("year")))

    add("two_quarters",
        rf"\b(?:the\s+)?(?P<w>first|last|final)\s+two\s+(?:fiscal\s+)?quarters\s+of\s+(?:the\s+)?(?:(?:fiscal|calendar)\s+)?"
        rf"(?:(?P<year>{YEAR4})(?!'?s\b)|(?P<rely>this|last|next)\s+year|year\b)",
        h_two_quarters, priority=3)

    def h_q_code(m: re.Match, ctx: Ctx) -> Result:
        kind, n = m.group("k").upper(), int(m.group("n"))
        if kind == "H" and n > 2:
            return None
        if m.group("year"):
            y = int(m.group("year"))
            if y < 100:
                y += 2000
        elif ctx.dct is not None:
            y = ctx.dct.year
        else:
            return Hit("DATE", f"XXXX-{kind}{n}")
        mo = (n - 1) * (6 if kind == "H" else 3) + 2
        return Hit("DATE", f"{y:04d}-{kind}{n}", anchor=None if m.group("year") else "dct",
                   year_assumed=not m.group("year"), point=(date(y, mo, 15), "H" if kind == "H" else "Q"),
                   names_year=bool(m.group("year")))

    add("q_code", rf"(?<![\w-])(?-i:(?P<k>[QH])(?P<n>[1-4]))(?:\s*(?:of\s+)?(?:FY\s*)?(?P<year>{YEAR4}|'?\d\d(?![\w%])))?(?![\w-])",
        h_q_code, priority=3)

    def h_fy(m: re.Match, ctx: Ctx) -> Result:
        y = int(m.group("y"))
        if y < 100:
            y += 2000
        return _year_hit(y)

    add("fy", r"(?<![\w-])(?-i:FY)\s*'?(?P<y>(?:19|20)\d\d|\d\d)(?![\w%])", h_fy, priority=3)

    # "the first Monday of April", "the last Friday in June 2025"
    NTH_WD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
              "last": -1, "final": -1}

    def h_nth_weekday(m: re.Match, ctx: Ctx) -> Result:
        mo = month_of(m.group("mon"))
        wd = lex.weekday_num[m.group("wd").lower()]
        n = NTH_WD[m.group("n").lower()]
        month_hit = ymd_hit(ctx, year_of(m.group("year")) if m.group("year") else None, mo, None,
                            m.start("mon"), m.end())
        if month_hit is None or month_hit.point is None:
            return Hit("DATE", f"XXXX-{mo:02d}-XX")
        d = nth_weekday(month_hit.point[0].year, mo, wd, n)
        return Hit("DATE", d.isoformat(), anchor=month_hit.anchor, year_assumed=month_hit.year_assumed,
                   point=(d, "D"), names_year=month_hit.names_year)

    add("nth_weekday", rf"\bthe\s+(?P<n>first|1st|second|2nd|third|3rd|fourth|4th|last|final)\s+(?P<wd>{WD})\s+(?:of|in)\s+"
        rf"(?P<mon>{MONF})(?!\w)(?:\s*,?\s+(?P<year>{YEAR4}))?", h_nth_weekday, priority=4)

    def h_day_before(m: re.Match, ctx: Ctx) -> Result:
        n = -1 if m.group("d").lower() == "before" else 1
        p = rel_point(ctx, "D", n, True)
        if p is None:
            return Hit("DATE", "XXXX-XX-XX")
        return Hit("DATE", fmt(*p), anchor="narrative", point=p)

    add("day_before", r"\bthe\s+day\s+(?P<d>before|after)(?=\s*[,.;:!?)]|\s+(?:that|when|which|and|but)\b)",
        h_day_before, priority=2)

    def h_day_of_month(m: re.Match, ctx: Ctx) -> Result:
        nar = ctx.narrative()
        if nar is None or nar[1] not in ("D", "M"):
            return None
        d = _safe_date(nar[0].year, nar[0].month, int(m.group("d")))
        if d is None:
            return None
        return Hit("DATE", d.isoformat(), anchor="narrative", year_assumed=True, point=(d, "D"))

    add("day_of_month", r"(?:(?<=\bon\s)|(?<=\bby\s)|(?<=\buntil\s)|(?<=\bsince\s))the\s+(?P<d>3[01]|[12][0-9]|[1-9])(?:st|nd|rd|th)\b"
        r"(?!\s+(?:of|century|anniversary|time|day|floor|round|amendment|minute|hour|week|year|place|birthday)\b)",
        h_day_of_month, priority=1)

    def h_quarter_ana(m: re.Match, ctx: Ctx) -> Result:
        which = (m.group("w") or "").lower()
        base = ctx.last_quarter
        if which in ("latest", "recent") and ctx.dct is not None:
            base = shift(ctx.dct, "Q", -1)  # the latest completed quarter
        if base is None:
            if ctx.dct is None:
                return Hit("DATE", "XXXX-QX")
            base = shift(ctx.dct, "Q", -1)
        if "year-" in which or which.startswith("prior") or m.group("ya"):
            base = shift(base, "Y", -1)
            return Hit("DATE", fmt(base, "Q"), anchor="narrative", point=(base, "Q"), keep_anchor=True)
        return Hit("DATE", fmt(base, "Q"), anchor="narrative", point=(base, "Q"))

    add("quarter_ana", r"\bthe\s+(?:(?P<w>latest|current|same|recent|year-ago|year-earlier|comparable|"
        r"year-before|prior-year|comparable\s+year-ago|comparable\s+year-earlier)\s+)?quarter(?!\w|-(?:to|over|on)-)"
        r"(?P<ya>\s+a\s+year\s+(?:ago|earlier))?", h_quarter_ana, priority=1)

    # ---------------------------------------------------------------- relative to DCT / narrative
    REL_DCT = {"this past": -1, "this coming": 1, "this": 0, "current": 0, "the current": 0, "last": -1, "past": -1, "previous": -1,
               "next": 1, "coming": 1, "the coming": 1, "the past": -1, "the last": -1, "the previous": -1}
    REL_NAR = {"the next": 1, "the following": 1, "the previous": -1, "the preceding": -1, "that": 0,
               "the same": 0, "the prior": -1, "the subsequent": 1}

    def h_rel_unit(m: re.Match, ctx: Ctx) -> Result:
        rel = _WS_RUN.sub(" ", m.group("rel").lower())
        unit = m.group("u").lower()
        gran = UNIT_GRAN[unit]
        pre = (m.group("pre") or "").lower()
        mod = {"early": "START", "late": "END", "mid": "MID"}.get(pre)
        if rel in ("the past", "the last", "the previous", "past") and unit in (
                "day", "hour", "minute", "second", "decade", "century"):
            u = lex.unit_info[unit]
            return Hit("DURATION", iso_duration(1, u["iso"], u["time"]))
        narrative = rel in REL_NAR
        n = REL_NAR[rel] if narrative else REL_DCT[rel]
        if unit in ("hour", "minute", "second"):
            return None
        if unit == "quarter" and rel in ("that", "this") and (qc := ctx.quarter_context(m.start())) is not None:
            if rel == "that" and ctx.named_quarter is not None:
                qc = ctx.named_quarter
            # "Results for that quarter": the quarter named last. "This quarter's loss" in a
            # report on the quarter just ended: that quarter (not when it looks ahead)
            if rel == "that" or (ctx.dct is not None and fmt(qc, "Q") == fmt(shift(ctx.dct, "Q", -1), "Q")
                                 and ctx.tense(m.start(), m.end()) != "future"):
                return Hit("DATE", fmt(qc, "Q"), mod=mod, anchor="narrative", point=(qc, "Q"))
        p = rel_point(ctx, gran, n, narrative)
        if p is None:
            return Hit("DATE", UNKNOWN[gran], mod=mod)
        if gran == "S":
            return None
        hit = Hit("DATE", fmt(*p), mod=mod, anchor="narrative" if narrative else "dct", point=p,
                  names_year=gran in ("Y", "DE", "CE"))
        return hit

    add("rel_unit",
        r"\b(?:(?P<pre>early|late|mid|(?:earlier|later)(?!\s+(?:this|next|last)\s+week\b))[-\s]+)?(?P<rel>this\s+past|this\s+coming|this|current|the\s+current|last|past|previous|next|coming|"
        r"the\s+coming|the\s+past|the\s+last|the\s+previous|the\s+next|the\s+following|the\s+preceding|"
        r"the\s+prior|the\s+subsequent|that|the\s+same)\s+(?P<u>day|week|weekend|month|quarter|year|decade|century)(?![\w-])"
        r"(?:\s+or\s+so(?!\w))?",
        h_rel_unit, lambda m, t: not _title_name(m, "u", t), priority=2)

    DAYWORD = lex.day_words

    def h_dayword(m: re.Match, ctx: Ctx) -> Result:
        w = m.group("w").lower()
        pod = (m.group("pod") or "").lower()
        pre = (m.group("pre") or "").lower()
        mod = {"early": "START", "late": "END"}.get(pre)
        if w == "tonight":
            pod = "night"
        if ctx.dct is None:
            v = "XXXX-XX-XX"
            return Hit("TIME" if pod else "DATE", v + (f"T{lex.pod_code[pod]}" if pod else ""), mod=mod)
        d = ctx.dct + timedelta(days=DAYWORD[w])
        if pod:
            return Hit("TIME", f"{d.isoformat()}T{lex.pod_code[pod]}", mod=mod, anchor="dct", point=(d, "D"))
        return Hit("DATE", d.isoformat(), mod=mod, anchor="dct", point=(d, "D"))

    def g_dayword(m: re.Match, text: str) -> bool:
        """Not "today's" meaning "these days": "today's youth", "many of today's cars"; not
        a capitalised day word right after a name ("USA Today", "This is Radio Tomorrow"):
        a title."""
        w = m.group("w")
        if w[0].isupper() and not w.isupper() and not m.group("pre") \
                and _NAME_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            return False
        if w.lower() == "tomorrow" and not m.group("pre") and not m.group("pod") \
                and _rx(r"\bthe\s+[a-z]+\s+of\s+$", re.I).search(text[max(0, m.start() - 30):m.start()]):
            return False  # "the cars of tomorrow", "the people of tomorrow": the future, no day
        if w.lower() != "today" or not text.startswith("'s", m.end()):
            return True
        if lex.generic_today_re.match(text, m.end()):
            return False
        return not _rx(r"\b(?:many|most|some|all|much|few)\s+of\s+$", re.I).search(text[max(0, m.start() - 12):m.start()])

    add("dayword", rf"\b(?:(?P<pre>early|late|earlier|later)\s+)?(?P<w>today|yesterday|tomorrow|tonight)(?!\w)"
        rf"(?:\s+(?P<pod>morning|afternoon|evening|night))?", h_dayword, g_dayword, priority=3)

    def h_this_pod(m: re.Match, ctx: Ctx) -> Result:
        rel = m.group("rel").lower()
        pod = m.group("pod").lower()
        code = lex.pod_code[pod]
        if rel == "last" and pod not in ("night", "evening"):
            return None
        mod = {"early": "START", "late": "END"}.get((m.group("pre") or "").lower())
        if rel == "that":
            nar = ctx.narrative()
            if nar is None or nar[1] != "D":
                return Hit("TIME", f"XXXX-XX-XXT{code}", mod=mod)
            return Hit("TIME", f"{nar[0].isoformat()}T{code}", mod=mod, anchor="narrative", point=nar)
        if ctx.dct is None:
            return Hit("TIME", f"XXXX-XX-XXT{code}", mod=mod)
        d = ctx.dct - timedelta(days=1 if rel == "last" else 0)
        return Hit("TIME", f"{d.isoformat()}T{code}", mod=mod, anchor="dct", point=(d, "D"))

    # "later this afternoon", "early this morning": the word with it, as "later today"
    add("this_pod", r"\b(?:(?P<pre>early|late|earlier|later)\s+)?(?P<rel>this|last|that)\s+(?P<pod>morning|afternoon|evening|night)\b",
        h_this_pod, priority=2)

    def h_bare_pod(m: re.Match, ctx: Ctx) -> Result:
        """"by mid-afternoon", "in the morning", "late afternoon yesterday": that part of
        the day the story is at (the reference day if none yet), or of the day named."""
        code = lex.pod_code[m.group("pod").lower()]
        dw = (m.group("dw") or "").lower()
        d: date | None
        anchor = "dct"
        if dw:
            d = ctx.dct + timedelta(days=DAYWORD[dw]) if ctx.dct else None
        else:
            nar = ctx.narrative()
            d = nar[0] if nar and nar[1] == "D" else ctx.dct
            if nar and nar[1] == "D" and ctx.anchor_pos >= 0:
                anchor = "narrative"
        if m.group("h"):  # "at 4 in the morning": a clock time
            hv = lex.number(m.group("h"))
            if hv is None or not 1 <= hv <= 12 or hv != int(hv):
                return None
            hour = int(hv) % 12 + (12 if code in ("AF", "EV") else 0)
            code = f"{hour:02d}:00"
        if d is None:
            return Hit("TIME", f"XXXX-XX-XXT{code}")
        return Hit("TIME", f"{d.isoformat()}T{code}", anchor=anchor, point=(d, "D"))

    add("bare_pod", rf"(?:(?<![\w.,:$])(?P<h>\d{{1,2}}|{lex.number_word_re})\s+in\s+the\s+|\b(?:early|late|mid)[-\s]?|(?:(?<=\bin\s)|(?<=\bduring\s)|(?<=\bby\s))the\s+(?:(?:early|late)\s+)?)"
        r"(?P<pod>morning|afternoon|evening)(?![\w-])(?:\s+(?P<dw>yesterday|today|tomorrow)(?!\w))?", h_bare_pod, priority=1)

    def h_weekday(m: re.Match, ctx: Ctx) -> Result:
        g_wd: str
        g_rel: str | None
        g_prev: str | None
        g_pre: str | None
        g_pod: str | None
        g_wd, g_rel, g_prev, g_pre, g_pod, g_pl, g_pl2 = m.group("wd", "rel", "prev", "pre", "pod", "pl", "pl2")
        wd = lex.weekday_num[g_wd.lower()]
        rel = g_rel.lower().split()[-1] if g_rel else None
        if g_prev:
            rel = g_prev.lower().split()[-1]
        if rel == "coming" and g_rel is not None and g_rel.lower().startswith("this"):
            rel = "next"
        pod = (g_pod or "").lower()
        if g_pl or g_pl2:
            code = f"XXXX-WXX-{wd}" + (f"T{lex.pod_code[pod]}" if pod else "")
            return Hit("SET", code)
        pre = (g_pre or "").lower()
        mod = "START" if pre == "early" else "END" if pre == "late" else None
        start, end = m.span()
        d = weekday_date(ctx, wd, rel, start, end)
        if d is None:
            v = f"XXXX-WXX-{wd}"
            return Hit("TIME" if pod else "DATE", v + (f"T{lex.pod_code[pod]}" if pod else ""), mod=mod)
        anchor = "narrative" if rel in ("previous", "following", "preceding") else "dct"
        if pod:
            return Hit("TIME", f"{d.isoformat()}T{lex.pod_code[pod]}", mod=mod, anchor=anchor, point=(d, "D"))
        return Hit("DATE", d.isoformat(), mod=mod, anchor=anchor, point=(d, "D"))

    add("weekday", rf"(?<![\w'])(?:(?P<prev>the\s+(?:previous|following|preceding))\s+)?(?:(?P<pre>early|late)\s+)?(?:(?P<rel>last|next|this(?:\s+coming|\s+past)?|coming|past)\s+)?(?P<wd>{WD})(?P<pl>s)?(?!\w|'(?!s\b))"
        rf"(?:\s+(?P<pod>morning|afternoon|evening|night)(?P<pl2>s)?)?", h_weekday, priority=2)

    def h_time(m: re.Match, ctx: Ctx) -> Result:
        if m.group("cw"):
            hhmm = lex.clock_words[m.group("cw").lower()]
        else:
            h = int(m.group("h"))
            mi = int(m.group("mi") or 0)
            ap = (m.group("ap") or "").lower().replace(".", "").replace(" ", "")
            if ap:
                if h < 1 or h > 12:
                    return None
                if ap.startswith("p") and h != 12:
                    h += 12
                if ap.startswith("a") and h == 12:
                    h = 0
            elif m.group("oc"):
                pass
            else:
                return None
            if h > 24 or mi > 59:
                return None
            hhmm = f"{h:02d}:{mi:02d}"
        day = m.group("day") or m.group("day0")
        d: date | None = None
        if m.group("tmon"):
            th = ymd_hit(ctx, int(m.group("tyear")) if m.group("tyear") else None, month_of(m.group("tmon")),
                         _lead_int(m.group("tday")), m.start(), m.end())
            if th is None or th.point is None:
                return None
            d = th.point[0]
            return Hit("TIME", f"{d.isoformat()}T{hhmm}", anchor=th.anchor, year_assumed=th.year_assumed,
                       point=(d, "D"), names_year=th.names_year)
        d, anchor = clock_day(m, ctx, day)
        if d is None:
            return Hit("TIME", f"XXXX-XX-XXT{hhmm}")
        return Hit("TIME", f"{d.isoformat()}T{hhmm}", anchor=anchor, point=(d, "D"))

    def clock_day(m: re.Match, ctx: Ctx, day: str | None) -> tuple[date | None, str]:
        """The day of a clock time and its anchor: the day word with it ("Tuesday",
        "today"), else the day the story is at, else (none yet) the reference day."""
        if day:
            dl = day.lower()
            if dl in DAYWORD:
                return (ctx.dct + timedelta(days=DAYWORD[dl]) if ctx.dct else None), "dct"
            return weekday_date(ctx, lex.weekday_num[dl], None, m.start(), m.end()), "dct"
        nar = ctx.narrative()
        if nar and nar[1] == "D":
            return nar[0], ("narrative" if ctx.anchor_pos >= 0 else "dct")
        return ctx.dct, "dct"

    TZ = r"(?:\s+(?:[ECMP][SD]T|GMT|UTC|local\s+time|\([A-Z]{2,4}\)))?"
    add("time",
        rf"(?<![\w:.$])(?:(?P<day0>{WD}|today|yesterday|tomorrow)\s+(?:at\s+)?)?"
        rf"(?:(?P<h>\d{{1,2}})(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>a\.\s?m\.?|p\.\s?m\.?|am\b|pm\b)|"
        rf"(?P<h2>\d{{1,2}}|{lex.number_word_re})\s+(?P<oc>o'clock)|(?P<cw>noon|midnight|midday))"
        rf"{TZ}(?:\s*,?\s+(?:on\s+)?(?:(?P<day>{WD}|today|yesterday|tomorrow)(?!\w)|(?P<tmon>{MON})\s*(?P<tday>{DAY})\b(?:\s*,?\s*(?P<tyear>{YEAR4}))?))?",
        lambda m, ctx: h_time_wrap(m, ctx), lambda m, t: g_time(m, t), priority=4)

    def g_time(m: re.Match, text: str) -> bool:
        """Not a title ("High Noon" in a sentence), nor the idiom "high noon" (a showdown)."""
        if _title_name(m, "cw", text):
            return False
        return not (m.group("cw") and m.group("cw").lower() == "noon" and m.start("cw") == m.start()
                    and _rx(r"\bhigh\s+$", re.I).search(text[max(0, m.start() - 6):m.start()]))

    def h_time_wrap(m: re.Match, ctx: Ctx) -> Result:
        if m.group("oc"):
            hs = m.group("h2")
            h = int(hs) if hs.isdigit() else lex.number(hs)
            if h is None or not 1 <= h <= 12:
                return None
            day = m.group("day") or m.group("day0")
            base = ctx.narrative() if not day else None
            d = None
            if day:
                dl = day.lower()
                d = ctx.dct + timedelta(days=DAYWORD[dl]) if (ctx.dct and dl in DAYWORD) else (
                    weekday_date(ctx, lex.weekday_num[dl], None, m.start(), m.end()) if dl not in DAYWORD else None)
            elif base and base[1] == "D":
                d = base[0]
            hhmm = f"{int(h):02d}:00"
            if d is None:
                return Hit("TIME", f"XXXX-XX-XXT{hhmm}")
            return Hit("TIME", f"{d.isoformat()}T{hhmm}", point=(d, "D"))
        return h_time(m, ctx)

    # a 24-hour clock time with its time zone: "14:00 GMT", "0800 GMT Tuesday"
    def h_clock24(m: re.Match, ctx: Ctx) -> Result:
        hhmm = f"{int(m.group('h') or m.group('h4')):02d}:{m.group('mi')}"
        d, anchor = clock_day(m, ctx, m.group("day") or m.group("day0"))
        if d is None:
            return Hit("TIME", f"XXXX-XX-XXT{hhmm}")
        return Hit("TIME", f"{d.isoformat()}T{hhmm}", anchor=anchor, point=(d, "D"))

    add("clock24",
        rf"(?<![\w:.$/-])(?:(?P<day0>{WD}|today|yesterday|tomorrow)\s+(?:at\s+)?)?"
        r"(?:(?P<h>[01]?\d|2[0-3]):|(?P<h4>[01]\d|2[0-3]))(?P<mi>[0-5]\d)(?![\d:])"
        r"\s*(?:GMT|UTC|[ECMP][SD]T|BST|CEST|CET|local\s+time)(?!\w)"
        rf"(?:\s*,?\s+(?:on\s+)?(?P<day>{WD}|today|yesterday|tomorrow)(?!\w))?",
        lambda m, ctx: h_clock24(m, ctx),
        # "10:35 a.m. (0735 GMT)": a conversion in brackets repeats the time before it
        lambda m, t: not t.startswith("(", m.start() - 1) if m.start() else True, priority=4)

    # "a day-long meeting", "his weeklong trip", "a decades-long feud", "a 10-year-long fight"
    def h_long(m: re.Match, ctx: Ctx) -> Result:
        word = m.group("u").lower()
        u = lex.unit_info[word]
        qs = m.group("q")
        q: float | None = (lex.number(qs) if qs else 1.0) if word == u["name"] else None
        if qs and q is None:
            return None
        return Hit("DURATION", iso_duration(q, u["iso"], u["time"]))

    add("long", rf"(?<![\w-])(?:(?P<q>\d+|{lex.number_word_re})-)?(?P<u>{UNIT})-?long(?![\w-])", h_long, priority=3)

    # "N units ago / later / earlier"
    def h_ago(m: re.Match, ctx: Ctx) -> Result:
        q = lex.number(m.group("q"))
        unit = lex.unit_info[m.group("u").lower()]["name"]
        gran = UNIT_GRAN[unit]
        dirw = _WS_RUN.sub(" ", m.group("dir").lower())
        if q is None:
            return Hit("DATE", "PAST_REF" if dirw in ("ago", "earlier", "before") else "FUTURE_REF",
                       anchor="dct" if dirw == "ago" else "narrative")
        if unit in ("hour", "minute", "second"):
            if dirw in ("ago", "from now", "hence") and ctx.dct is not None:
                # a few hours ago: the reference day, at day precision
                return Hit("DATE", ctx.dct.isoformat(), anchor="dct", point=(ctx.dct, "D"))
            # "two hours later": TimeML marks the duration
            u = lex.unit_info[unit]
            return [(m.start(), m.end("u"), Hit("DURATION", iso_duration(q, u["iso"], True)))]
        if q != int(q):
            return None
        q_i = int(q)
        if unit == "fortnight":
            q_i *= 2
        if unit == "decade":
            q_i, gran = q_i * 10, "Y"
        sign = -1 if dirw in ("ago", "earlier", "before", "previously") else 1
        narrative = dirw not in ("ago", "from now", "hence")
        p = rel_point(ctx, gran, sign * q_i, narrative)
        if p is None:
            return Hit("DATE", UNKNOWN.get(gran, "XXXX-XX-XX"))
        qc = ctx.quarter_context(m.start())
        if gran == "Y" and qc is not None:
            p = (shift(qc, "Y", sign * q_i), "Y" if ctx.year_to_date(m.start()) else "Q")
            return Hit("DATE", fmt(*p), anchor="narrative", point=p, keep_anchor=True)
        elif narrative and gran == "Y" and ctx.year_to_date(m.start()) and ctx.ytd_pos > ctx.anchor_pos:
            pass  # "through the nine months, compared with ... a year earlier": the year
        elif narrative and gran == "Y" and (nv := ctx.narrative()) is not None and nv[1] in ("Q", "M", "D", "H"):
            p = (p[0], nv[1])
        if gran == "WE":
            p = (p[0], "W")
        return Hit("DATE", fmt(*p), anchor="narrative" if narrative else "dct", point=p,
                   names_year=gran in ("Y", "DE"))

    def g_ago(m: re.Match, text: str) -> bool:
        d = m.group("dir").lower()
        if d in ("before", "after"):
            return bool(_CLAUSE_GOES_ON.match(text[m.end():m.end() + 6]))
        return True

    add("ago", rf"\b(?:(?:about|nearly|almost|roughly|around|more\s+than|less\s+than|over)\s+)?"
        rf"(?P<q>{QTY})\s+(?P<u>{UNIT})(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|later|before|after|from\s+now|hence|previously)(?!\w)",
        h_ago, g_ago, priority=3)

    # durations
    def g_duration(m: re.Match, text: str) -> bool:
        start, end = m.span()
        after = text[end:end + 8]
        if _DUR_COMPARISON.match(after):
            return False  # "a year-to-year basis", "day-by-day": a comparison, not a duration
        if _DUR_OLD.match(after):
            return False
        g_u: str
        g_q: str
        g_u, g_q, g_det = m.group("u", "q", "det")
        u = g_u.lower()
        unit = lex.unit_info[u]["name"]
        qs = g_q.lower()
        if _title_name(m, "u", text):
            return False
        if unit == "quarter" and (_DUR_OF.match(after) or "-" in text[m.end("q"):m.start("u")]) \
                and u.endswith("s") and qs not in lex.vague_qty:
            return False  # "three-quarters of its food": a fraction
        if unit == "quarter" and qs in ("a", "an", "one") and _DUR_OF.match(after):
            return False  # "more than a quarter of the market": a fraction too
        if _DUR_YEAR.fullmatch(qs):
            return False  # a year ("the 1988 second quarter", "the 1988 quarter")
        if unit == "second" and not u.endswith("s") and _DUR_PART.match(after):
            return False
        if unit == "second" and not u.endswith("s") and qs in ("a", "an", "one"):
            return False
        if unit == "night" and qs in ("a", "an"):
            return False
        if qs == "many" and _DUR_AS_MANY.search(text[max(0, start - 4):start]):
            return False  # "the third strike in as many weeks": a count, not a stretch of time
        if qs in ("a", "an", "one") and unit in ("day", "year", "week", "month") and not g_det:
            before = _word_before(text, start, 25)
            if _DUR_COUNT.search(before):
                return False
            if _RATE_BEFORE.search(before):
                return False  # "four flights a week": a rate (the "rate" rule)
            if _DUR_ONE_A.search(text[max(0, start - 6):start]):
                return False
        return True

    def h_duration(m: re.Match, ctx: Ctx) -> Result:
        qs = m.group("q")
        q = lex.number(qs)
        u = lex.unit_info[m.group("u").lower()]
        iso = u["iso"]
        if u["name"] == "weekend":
            iso = "WE"
        det = _WS_RUN.sub(" ", (m.group("det") or "").lower())
        if q is not None and u.get("factor"):
            q *= u["factor"]
        if m.group("half") is not None or m.group("half1") is not None:
            q = (q or 0) + 0.5
        value = iso_duration(q, iso, u["time"])
        if value == "P9M" or (value == "P6M" and det):
            ctx.ytd_pos = m.start()  # "for the nine months": the year to date of a report
        apx = (m.group("apx") or "").lower()
        mod = lex.approx.get(_WS_RUN.sub(" ", apx)) if apx else None
        hit = Hit("DURATION", value, mod=mod)
        if det in ("the", "these", "those") and "-" in m.group(0)[m.start("q") - m.start():]:
            return [(m.start("apx") if apx else m.start("q"), m.end(), hit)]
        return hit

    add("duration",
        rf"\b(?:(?P<det>the\s+(?:past|last|next|first|previous|coming|following|final|remaining|initial|same|entire|full|whole|latest|year-earlier|year-ago)|"
        rf"the|these|those|another|an?\s+additional|an?\s+extra|an?\s+further|the\s+better\s+part\s+of)\s+)?"
        rf"(?:(?P<apx>nearly|almost|more\s+than|less\s+than|up\s+to|at\s+least|no\s+more\s+than|under|just\s+over|just\s+under)\s+)?(?P<q>{QTY})(?:(?:[-\s]+and[-\s]+a[-\s]+half|\s+1/2|\s*\u00bd)(?P<half1>))?[-\s]+(?:more\s+)?"
        rf"(?:(?:trading|business|working|straight|consecutive|successive|full)\s+)?(?P<u>{UNIT})"
        rf"(?P<half>[-\s]+and[-\s]+a[-\s]+half)?(?![\w])(?:\s+or\s+so(?!\w))?", h_duration, g_duration, priority=1)

    # "for years", "within weeks"; "the first time in years." (closing its clause: not "in
    # years when...")
    add("bare_plural", r"(?<=\bfor\s)(?P<u>years|months|weeks|days|decades|centuries|hours|minutes)\b|"
        r"(?<=\bwithin\s)(?P<u2>years|months|weeks|days|hours|minutes)\b|"
        r"(?<=\bin\s)(?P<u3>years|months|weeks|decades)(?=\s*[.,;:!?\"')])|"
        # "after weeks of talks", "follows months of wrangling": a stretch of that activity
        r"(?:(?<=\bafter\s)|(?<=\bfollows\s)|(?<=\bfollowed\s)|(?<=\bfollowing\s)|(?<=\bamid\s)|(?<=\bdespite\s))"
        r"(?P<u4>years|months|weeks|decades)(?=\s+of\s)",
        lambda m, ctx: h_bare_plural2(m, ctx), priority=0)

    def h_one_more_unit(m: re.Match, ctx: Ctx) -> Result:
        """"another year", "an additional week": one more unit, a duration."""
        u = lex.unit_info[m.group("u").lower()]
        return Hit("DURATION", iso_duration(1, u["iso"], u["time"]))

    add("one_more_unit", r"\b(?:another|an?\s+(?:additional|extra|further))\s+(?P<u>day|week|month|year|decade|hour|minute)(?![\w-])",
        h_one_more_unit, lambda m, t: not _title_name(m, "u", t), priority=1)

    def h_units_ahead(m: re.Match, ctx: Ctx) -> Result:
        """"the weeks ahead", "the months to come": an unspecified stretch from now on."""
        u = lex.unit_info[m.group("u").lower()]
        return Hit("DURATION", iso_duration(None, u["iso"], u["time"]))

    add("units_ahead", r"\bthe\s+(?:(?:next|coming)\s+)?(?:(?:few|several)\s+)?(?P<u>days|weeks|months|years|decades)\s+(?:ahead|to\s+come)\b",
        h_units_ahead, priority=2)

    def h_bare_plural2(m: re.Match, ctx: Ctx) -> Result:
        w = (m.group("u") or m.group("u2") or m.group("u3") or m.group("u4")).lower()
        u = lex.unit_info[w]
        return Hit("DURATION", iso_duration(None, u["iso"], u["time"]))

    # "over the years", "over the decades": an unspecified stretch up to the time talked about
    def h_over_the(m: re.Match, ctx: Ctx) -> Result:
        u = lex.unit_info[m.group("u").lower()]
        return Hit("DURATION", iso_duration(None, u["iso"], u["time"]))

    add("over_the", r"(?<=\bover\s)the\s+(?P<u>years|decades|centuries|months)(?![\w-])(?!\s+(?:of|to|ahead|before|after|since)\b)",
        h_over_the, priority=1)

    # "the first hours of the offensive", "in the early years": an unspecified stretch at the
    # start or end of something (not "the first days after the vote", placed by the event;
    # not "the early hours", the time after midnight)
    add("first_units", r"\bthe\s+(?:first|early|final|closing|opening|last)\s+(?P<u>years|months|weeks|days|hours|decades)(?![\w-])"
        r"(?!\s+(?:ago|before|after|earlier|later|since)\b)(?<!early\shours)",
        lambda m, ctx: h_over_the(m, ctx), priority=1)

    # "in the years that followed": an unspecified stretch after the time just told (the
    # plural alone, as in "for years")
    add("units_followed", r"(?<=\bthe\s)(?P<u>years|months|weeks|days|decades)(?=\s+(?:that\s+|which\s+)?followed\b)",
        lambda m, ctx: h_over_the(m, ctx), priority=1)

    # "at this crucial moment": the present (the demonstrative points at the time of speaking)
    add("this_moment", r"\bthis\s+(?:[a-z]+\s+)?moment(?![\w-])",
        lambda m, ctx: Hit("DATE", "PRESENT_REF", anchor="dct"), priority=1)

    # "for a fairly lengthy period", "over a brief period": an unspecified stretch of time
    add("long_period", r"(?:(?<=\bfor\s)|(?<=\bover\s)|(?<=\bwithin\s))a\s+(?:(?:very|fairly|rather|relatively|quite)\s+)?"
        r"(?:long|lengthy|short|brief|extended|prolonged)\s+period(?:\s+of\s+time)?(?![\w-])",
        lambda m, ctx: Hit("DURATION", "PXX"), priority=1)

    # "for a while", "after a little while": an unspecified stretch of time
    add("a_while", r"(?:(?<=\bfor\s)|(?<=\bin\s)|(?<=\bafter\s))a\s+(?:little\s+|short\s+)?while(?![\w-])",
        lambda m, ctx: Hit("DURATION", "PXX"), priority=1)

    # vague references
    def h_vague(m: re.Match, ctx: Ctx) -> Result:
        w = _WS_RUN.sub(" ", m.group(0).lower())
        v = lex.vague.get(w)
        if v is None:
            return None
        if w == "soon" and ctx.tense(m.start(), m.end()) == "past":
            return None  # "the trickle soon became a flood": soon after a past time, not ahead of now
        return Hit("DATE", v, anchor="dct")

    def g_vague(m: re.Match, text: str) -> bool:
        w = m.group(0).lower()
        after = text[m.end():m.end() + 12]
        before = _word_before(text, m.start(), 12)
        if w in ("current", "future") and not _WORD_AFTER.match(after):
            return w == "future" and bool(_THE_BEFORE.search(before))
        if w in ("the past",) and _COUNT_AFTER.match(after):
            return False
        if w == "soon":
            # "as soon as", "so soon as" are conjunctions; "soon after the vote" places a time
            # relative to an event, which the phrase after it names
            return not _AS_SO_BEFORE.search(before) and not _SOON_CONJ_AFTER.match(after)
        return True

    add("vague", rf"(?<![\w-]){lex.vague_re}(?![\w-])", h_vague, g_vague, priority=0)

    def h_until_then(m: re.Match, ctx: Ctx) -> Result:
        """"until then": up to the time just named ("The offer ends on Nov. 30. Until then,
        ..."), that day or month; nothing when no date was named shortly before."""
        nar = ctx.narrative()
        if nar is None or not 0 <= m.start() - ctx.anchor_pos <= 300 or nar[1] not in ("D", "M"):
            return None
        return Hit("DATE", fmt(*nar), anchor="narrative", point=nar, keep_anchor=True)

    add("until_then", r"(?:(?<=\buntil\s)|(?<=\btill\s))then\b", h_until_then, priority=1)

    def h_recent_units(m: re.Match, ctx: Ctx) -> Result:
        word = m.group(1).lower()
        if word == "recent":
            # "in recent years": an unspecified stretch of years up to now (TimeML: PXY)
            u = lex.unit_info[m.group(2).lower()]
            return Hit("DURATION", iso_duration(None, u["iso"], u["time"]))
        return Hit("DATE", "PAST_REF" if word == "past" else "FUTURE_REF", anchor="dct")

    add("recent_units", r"\b(recent|coming|past|future)\s+(years|months|weeks|decades|days|quarters)\b", h_recent_units,
        lambda m, t: not _DET_PLURAL_BEFORE.search(t[max(0, m.start() - 7):m.start()])
        or m.group(1).lower() in ("recent", "coming"), priority=2)

    # sets
    def h_set(m: re.Match, ctx: Ctx) -> Result:
        what = m.group("w").lower()
        q = lex.number(m.group("q")) if m.group("q") else 1
        if m.group("o"):
            q = 2
        if what in lex.weekday_num:
            return Hit("SET", f"XXXX-WXX-{lex.weekday_num[what]}", quant=m.group("e").upper())
        if what in lex.season_code:
            return Hit("SET", f"XXXX-{lex.season_code[what]}", quant=m.group("e").upper())
        if what in lex.pod_code:
            return Hit("SET", f"XXXX-XX-XXT{lex.pod_code[what]}", quant=m.group("e").upper())
        if what in lex.month_num:
            return Hit("SET", f"XXXX-{lex.month_num[what]:02d}", quant=m.group("e").upper())
        if what == "season":
            return Hit("SET", "P3M", quant=m.group("e").upper())
        u = lex.unit_info.get(what)
        if u is None:
            return None
        n = "X" if q is None else str(int(q)) if q == int(q) else f"{q:g}"
        return Hit("SET", f"P{'T' if u['time'] else ''}{n}{u['iso']}", quant=m.group("e").upper())

    add("set", rf"\b(?P<e>every|each|per)\s+(?:(?P<o>other)\s+)?(?:(?P<q>{lex.num_re})\s+)?"
        rf"(?P<w>{UNIT}|{WD}|{lex.season_re}|season|morning|afternoon|evening|night|{MONF})(?![\w])", h_set, priority=2)

    def h_freq(m: re.Match, ctx: Ctx) -> Result:
        return Hit("SET", lex.freq_adverbs[m.group(0).lower()])

    add("freq", r"\b" + "(?:" + "|".join(lex.freq_adverbs) + r")\b", h_freq, priority=1)

    def h_rate(m: re.Match, ctx: Ctx) -> Result:
        u = lex.unit_info[(m.group("u") or m.group("u2") or m.group("u3") or m.group("u4")).lower()]
        return Hit("SET", iso_duration(1, u["iso"], u["time"]))

    def g_rate(m: re.Match, text: str) -> bool:
        if m.group("u4") is None:
            return True
        return bool(_RATE_BEFORE.search(text, max(0, m.start() - 30), m.start()))

    # (the "once"/"twice" branches before the general one, which a guard may reject)
    add("rate", r"(?<=\btimes\s)an?\s+(?P<u>day|week|month|year|hour|minute)\b|"
        r"(?<=\bonce\s)an?\s+(?P<u2>day|week|month|year)\b|(?<=\btwice\s)an?\s+(?P<u3>day|week|month|year)\b|"
        r"(?<=\s)an?\s+(?P<u4>day|week|month|year)\b(?!\s+(?:ago|earlier|later|before|after|or\b|and\s+a\s+half))(?![-\w])",
        h_rate, g_rate, priority=1)

    # holidays
    def g_holiday(m: re.Match, text: str) -> bool:
        if not m.group("h")[:1].isupper():
            return False
        # "Easter Island", "Christmas Island": a name that merely starts with a holiday
        nxt = _rx(r"\s+([A-Z][a-z]+)").match(text[m.end():m.end() + 20])
        return not (nxt and not m.group("year") and nxt.group(1) not in ("Day", "Eve", "Sunday", "Monday", "Week"))

    def h_holiday(m: re.Match, ctx: Ctx) -> Result:
        name = _WS_RUN.sub(" ", m.group("h").lower())
        kind, spec = lex.holidays[name]
        rel = (m.group("rel") or "").lower()
        if m.group("year"):
            years = [int(m.group("year"))]
        elif ctx.dct is None:
            years = []
        else:
            years = [ctx.dct.year]

        def on(y: int) -> date:
            if kind == "fixed":
                return date(y, spec[0], spec[1])
            if kind == "nth_weekday":  # [month, weekday, n] or [month, weekday, n, days after]
                return nth_weekday(y, spec[0], spec[1], spec[2]) + timedelta(days=spec[3] if len(spec) > 3 else 0)
            return easter(y) + timedelta(days=spec)

        if not years:
            if kind == "fixed":
                return Hit("DATE", f"XXXX-{spec[0]:02d}-{spec[1]:02d}")
            return Hit("DATE", "XXXX-XX-XX")
        y = years[0]
        assumed = not m.group("year")
        if assumed and ctx.dct:
            dct = ctx.dct
            d0 = on(y)
            if rel == "last":
                y = y if d0 < dct else y - 1
            elif rel == "next":
                y = y if d0 > dct else y + 1
            elif rel != "this":
                tense = ctx.tense(m.start(), m.end())
                # a holiday a few days off is this year's whatever the tense ("as Easter
                # week began" said the Monday before Easter)
                if tense == "past" and (d0 - dct).days > 7:
                    y -= 1
                elif tense == "future" and (dct - d0).days > 7:
                    y += 1
        d = on(y)
        if m.group("wk"):  # "Easter week", "Christmas week": the week that holds the day
            return Hit("DATE", fmt(d, "W"), anchor="dct" if assumed else None, year_assumed=assumed,
                       point=(d, "W"), names_year=not assumed)
        return Hit("DATE", d.isoformat(), anchor="dct" if assumed else None, year_assumed=assumed,
                   point=(d, "D"), names_year=not assumed)

    add("holiday", rf"\b(?:(?P<rel>last|next|this)\s+)?(?P<h>{lex.holiday_re})(?![\w])(?P<wk>\s+week(?![\w-]))?"
        rf"(?:\s*,?\s+(?P<year>{YEAR4}))?",
        h_holiday, g_holiday, priority=3)

    def h_year_earlier(m: re.Match, ctx: Ctx) -> Hit:
        qc = ctx.quarter_context(m.start())
        qn = m.group("qn")
        if qn:  # "the year-ago third quarter": that quarter of the year before
            base = qc or ctx.dct
            if base is None:
                return Hit("DATE", "XXXX-Q" + str(_QORD[qn.lower()]))
            d = date(base.year - 1, 3 * _QORD[qn.lower()] - 1, 15)
            return Hit("DATE", fmt(d, "Q"), anchor="narrative", point=(d, "Q"), keep_anchor=True)
        if qc is not None:
            p = (shift(qc, "Y", -1), "Y" if ctx.year_to_date(m.start()) else "Q")
        elif ctx.dct is not None:
            p = (shift(ctx.dct, "Y", -1), "Y")
        else:
            return Hit("DATE", "XXXX")
        return Hit("DATE", fmt(*p), anchor="narrative", point=p, keep_anchor=True)

    _QORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
    add("year_earlier", r"\b(?:the\s+)?year-(?:earlier|ago)\s+(?:(?P<qn>first|second|third|fourth|1st|2nd|3rd|4th)[-\s]+(?=quarter))?"
        r"(?:period|quarter|results?)\b|(?<![\w-])year-(?:earlier|ago)(?![\w-])",
        lambda m, ctx: _trim_noun(m, h_year_earlier(m, ctx)), priority=2)

    def _trim_noun(m: re.Match, hit: Hit) -> Result:
        t = m.group(0).lower()
        if t.endswith("result") or t.endswith("results"):
            k = t.index("year-")
            e = m.start() + t.index(" ", k)
            return [(m.start() + k, e, hit)]
        return hit

    def h_period_last_year(m: re.Match, ctx: Ctx) -> Result:
        """"the corresponding period last year", "last year's quarter": the period of the
        report (a quarter, or a year-to-date span: the year) in the year before."""
        qc = ctx.quarter_context(m.start())
        if qc is None and ctx.dct is None:
            return Hit("DATE", "XXXX")
        if qc is None or ctx.year_to_date(m.start()):
            base = qc if qc is not None else ctx.dct
            assert base is not None  # (no quarter and no reference date returned above)
            y = base.year - 1
            return Hit("DATE", f"{y:04d}", anchor="narrative" if qc is not None else "dct",
                       point=(date(y, 7, 1), "Y"), keep_anchor=True)
        d = shift(qc, "Y", -1)
        return Hit("DATE", fmt(d, "Q"), anchor="narrative", point=(d, "Q"), keep_anchor=True)

    add("period_last_year",
        r"\bthe\s+(?:corresponding|same|comparable|like)\s+(?:period|quarter)\s+(?:of\s+|in\s+)?(?:last\s+year|a\s+year\s+(?:ago|earlier))(?![\w-])"
        r"|\blast\s+year'?s\s+(?:quarter|period)\b", h_period_last_year, priority=3)

    def h_latest_period(m: re.Match, ctx: Ctx) -> Result:
        qc = ctx.quarter_context(m.start())
        if qc is None and ctx.dct is not None and m.group(0).lower().split()[1] == "latest":
            qc = shift(ctx.dct, "Q", -1)  # no quarter named yet: the latest one, as "the latest quarter"
        if qc is None:
            return None
        return Hit("DATE", fmt(qc, "Q"), anchor="narrative", point=(qc, "Q"))

    add("latest_period", r"\bthe\s+(?:latest|same|comparable|recent)\s+period\b", h_latest_period, priority=1)

    def h_weekend(m: re.Match, ctx: Ctx) -> Result:
        if ctx.dct is None:
            return Hit("DATE", "XXXX-WXX-WE")
        dct = ctx.dct
        if ctx.tense(m.start(), m.end()) == "future":
            d = weekday_on_or_after(dct, 6)
        else:
            d = weekday_on_or_before(dct, 7) if dct.isoweekday() < 6 else dct
        return Hit("DATE", fmt(d, "WE"), anchor="dct", point=(d, "D"))

    add("weekend", r"(?:(?<=\bover\s)|(?<=\bduring\s)|(?<=\bon\s)|(?<=\bat\s)|(?<=\bfor\s)|(?<=\bof\s))the\s+weekend\b", h_weekend, priority=1)

    def h_year_ended(m: re.Match, ctx: Ctx) -> Result:
        return Hit("DURATION", "P1Y")

    add("year_ended", r"\bthe\s+(?:fiscal\s+)?year(?=\s+(?:ended|ending|that\s+ended|to\s+date)\b)", h_year_ended, priority=1)

    def h_full_year(m: re.Match, ctx: Ctx) -> Result:
        if ctx.dct is None:
            return Hit("DATE", "XXXX")
        y = ctx.dct.year
        return Hit("DATE", f"{y:04d}", anchor="dct", point=(date(y, 7, 1), "Y"))

    add("full_year", r"\bthe\s+(?:full|fiscal|current|entire|whole|current\s+fiscal|latest\s+fiscal)\s+year\b(?!\s+(?:ended|ending|that\s+(?:ended|ends|began|begins|started)|to\s+date|earlier|ago)\b)",
        h_full_year, priority=1)

    def h_year_period(m: re.Match, ctx: Ctx) -> Result:
        y = int(m.group("year"))
        qc = ctx.quarter_context(m.start())
        if m.group("ord"):
            q = QORD[m.group("ord").lower()]
            d = date(y, (q - 1) * 3 + 2, 15)
            return Hit("DATE", fmt(d, "Q"), point=(d, "Q"), names_year=True, keep_anchor=True)
        if qc is not None and not ctx.year_to_date(m.start()):
            d = date(y, qc.month, 15)
            return Hit("DATE", fmt(d, "Q"), anchor="narrative", point=(d, "Q"), keep_anchor=True)
        return Hit("DATE", f"{y:04d}", point=(date(y, 7, 1), "Y"), names_year=True, keep_anchor=True)

    add("year_period", rf"\bthe\s+(?P<year>{YEAR4})\s+(?:(?P<ord>first|second|third|fourth)[-\s]+)?(?:fiscal\s+)?(?:quarter|period)\b",
        h_year_period, priority=4)

    def h_year_end(m: re.Match, ctx: Ctx) -> Result:
        if ctx.dct is None:
            return Hit("DATE", "XXXX-12-31")
        y = ctx.dct.year
        if _rx(r"\bsince\s+$", re.I).search(_word_before(ctx.text, m.start(), 10)):
            y -= 1
        d = date(y, 12, 31)
        if "-" not in m.group(0):
            # "by year end", "by year's end": the end of the year, as "the end of the year"
            return Hit("DATE", f"{y:04d}", mod="END", anchor="dct", point=(d, "Y"))
        # "year-end net": the closing day
        return Hit("DATE", d.isoformat(), mod="END", anchor="dct", point=(d, "D"))

    add("year_end", r"\b(?:the\s+)?year(?:-|\s+|'s\s+)end\b", h_year_end, priority=2)

    def h_in_the_unit(m: re.Match, ctx: Ctx) -> Result:
        unit = m.group("u").lower()
        gran = UNIT_GRAN[unit]
        if ctx.dct is None:
            return Hit("DATE", UNKNOWN[gran])
        return Hit("DATE", fmt(ctx.dct, gran), anchor="dct", point=(ctx.dct, gran), names_year=gran == "Y")

    add("in_the_unit", r"\b(?:earlier|later)\s+in\s+the\s+(?P<u>day|week|month|year)\b", h_in_the_unit, priority=2)

    def h_next_pod(m: re.Match, ctx: Ctx) -> Result:
        rel = _WS_RUN.sub(" ", m.group("rel").lower())
        code = lex.pod_code[m.group("pod").lower()]
        nar = ctx.narrative()
        if nar is None or nar[1] != "D":
            return Hit("TIME", f"XXXX-XX-XXT{code}")
        d = nar[0] + timedelta(days={"the next": 1, "the following": 1, "the previous": -1}.get(rel, 0))
        return Hit("TIME", f"{d.isoformat()}T{code}", anchor="narrative", point=(d, "D"))

    add("next_pod", r"\b(?P<rel>the\s+next|the\s+following|the\s+previous|that\s+same|the\s+same)\s+(?P<pod>morning|afternoon|evening|night)\b",
        h_next_pod, priority=2)

    # "the end of the year", "the rest of the month"
    def h_the_unit(m: re.Match, ctx: Ctx) -> Result:
        unit = (m.group("u") or m.group("u2")).lower()
        gran = UNIT_GRAN[unit]
        if ctx.dct is None:
            return Hit("DATE", UNKNOWN[gran])
        return Hit("DATE", fmt(ctx.dct, gran), anchor="dct", point=(ctx.dct, gran))

    add("the_unit", r"(?:(?<=\bof\s)the\s+(?P<u>year|month|week|decade|century)\b(?!\s+(?:of|before|after|in|when|that)\b)"
        r"|(?:(?<=\bfor\s)|(?<=\bduring\s))the\s+(?P<u2>year)(?=\s*[,.;:]))",
        h_the_unit, priority=0)

    return rules
