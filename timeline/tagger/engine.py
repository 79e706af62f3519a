"""The tagging engine: run every rule, keep the best non-overlapping matches, resolve
them in document order, and mark ranges.

Speed: one tokenising scan finds the trigger words; each rule's compiled regex runs only
in windows around its triggers (C speed), and a rule with a needle (see
:func:`.rules._needles`) skips the windows where its needle does not occur. Every rule
regex starts with a lookahead for the characters its matches can start with
(:func:`.rules.first_char_guard`). Python code runs per window and per candidate match,
never per word.
"""

from __future__ import annotations

import bisect
import re
from datetime import date, datetime
from functools import lru_cache
from itertools import compress

from .context import Ctx, Hit
from .lexicon import alt, lexicon
from .rules import NEEDLE_BACK as _NB, Rule, _WS_RUN, _after_nonword, _first_set, build_rules, trigger_groups
from .timex import Timex

try:  # the regex parser (:func:`_starts_at_token`): re._parser from 3.11, sre_parse before
    import re._constants as _sre_c
    import re._parser as _sre_p
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre_c  # type: ignore[no-redef]
    import sre_parse as _sre_p  # type: ignore[no-redef]

__all__ = ["tag", "normalise"]

# same-length replacements so offsets into the caller's text stay valid
_TRANS = str.maketrans({
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\u2002": " ",
    "\u2003": " ", "\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"',
    "\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2010": "-", "\u2011": "-", "\u2212": "-",
})

_MOD_PREFIX = re.compile(
    r"(?:\b(?P<a>early|late|mid)(?:-|\s+)|(?<![\w])(?P<b>mid-)|"
    r"\bthe\s+(?P<c>beginning|start|end|middle|close|turn|first\s+half|second\s+half|last\s+half|latter\s+half)\s+of\s+(?:the\s+)?)$",
    re.I,
)
_MODS = {"early": "START", "late": "END", "mid": "MID", "mid-": "MID", "beginning": "START",
         "start": "START", "end": "END", "middle": "MID", "close": "END", "turn": "START",
         "first half": "START", "second half": "END", "last half": "END", "latter half": "END"}
# "around 7:15 p.m.", "around Nov. 1": an approximate point (TimeML puts the word inside)
_APPROX_PREFIX = re.compile(r"\b(?:around|approximately|roughly)\s+$", re.I)
_DIGIT = re.compile(r"\d")
_RANGE_CONNECTOR = re.compile(r"^\s*(?:-|to|through|thru|until|till|and)\s*$", re.I)
_CONNECTORS = frozenset(("-", "to", "through", "thru", "until", "till", "and"))  # (its words)
# the word that ends a match of _MOD_PREFIX, before "-" and before white space
_MOD_DASH_WORDS = frozenset(("early", "late", "mid"))
_MOD_WORDS = frozenset(("early", "late", "mid", "of", "the"))
_RANGE_OPENER = re.compile(r"\b(?:from|between)\s+$", re.I)

@lru_cache(maxsize=1)
def _rules() -> tuple[Rule, ...]:
    return tuple(build_rules(lexicon()))


# a rule tried only at its trigger tokens: how many words may come before the token in a
# match (its opening words), which, and the trigger words, for a run of letters cut by
# the window's end (empty: no match can end there, see _token_start)
_Anchor = tuple[int, frozenset[str], frozenset[str]]


@lru_cache(maxsize=1)
def _anchored() -> tuple[_Anchor | None, ...]:
    """Per rule of :func:`_rules`, whether each of its matches starts at one of its
    trigger tokens or at one of a few words just before it (:func:`_token_start`):
    then only those places are tried. (Not for a rule whose needle opens with a letter:
    sre skips to that, which costs less than trying the rule at each token.)"""
    out: list[_Anchor | None] = []
    for r in _rules():
        words = {w for w, gs in _scan_words().items() if any(g in r.trigger for g in gs)}
        if not words or (r.needle is not None and _sre_p.parse(r.needle.pattern)[0][0] is _sre_c.LITERAL):
            out.append(None)
            continue
        out.append(_token_start(r.regex.pattern, words))
    return tuple(out)


def _letter_runs(w: str) -> list[str]:
    """The runs of letters a-z of ``w``."""
    return [x for x in re.split("[^a-z]+", w) if x]


def _token_start(pattern: str, words: set[str]) -> _Anchor | None:
    """For a rule whose every match (``pattern``, IGNORECASE) starts at the start of a
    whole run of letters that is one of ``words``, or at the first of at most ``n`` runs
    of letters of the set ``before`` that come just before one (with only other
    characters between): ``(n, before)``; else None.

    That is the pattern: zero-width items, one of which rules out a word character
    before the match (``\\b``, a lookbehind: :func:`.rules._after_nonword`); optional
    items, whose matches (finitely many strings, but for repeats of characters that are
    no letters) start with a letter and end with another character, their runs of
    letters none of ``words``; then an item whose matches (finitely many) are each one
    of ``words`` followed, in the match, by a character that is not a letter, or just
    such a word, where what comes next must match such a character first."""
    items = list(_sre_p.parse(pattern, re.I))
    zero = (_sre_c.ASSERT, _sre_c.ASSERT_NOT, _sre_c.AT)
    i = 0
    while i < len(items) and items[i][0] in zero:
        i += 1
    if not any(_after_nonword([z], True) for z in items[:i]):
        return None
    first = i
    # the word: the first item whose strings each start with one of ``words`` (and as
    # many items after it as keep them finitely many: "friday" and its "s")
    strings: set[str] | None = None
    while i < len(items):
        strings = _strings([items[i]], 5000, False)
        if strings and all(_letter_runs(w)[:1] and w.startswith(_letter_runs(w)[0]) and _letter_runs(w)[0] in words
                           for w in strings):
            break
        i += 1
    if i == len(items):
        return None
    k = i + 1
    while strings and k < len(items):
        more = _strings(items[i:k + 1], 5000, False)
        if more is None:
            break
        strings, k = more, k + 1
    opening = _strings(items[first:i], 5000, True)
    if not strings or opening is None:
        return None
    before: set[str] = set()
    n = 0
    for w in opening:
        if not w:
            continue
        if not w.isascii() or not ("a" <= w[0] <= "z") or "a" <= w[-1] <= "z":
            return None
        runs = _letter_runs(w)
        before.update(runs)
        n = max(n, len(runs))
    if before & words:
        return None
    whole = False  # some string is a word alone
    for w in strings:
        c = 0
        while c < len(w) and "a" <= w[c] <= "z":
            c += 1
        if c == 0 or not w.isascii() or w[:c] not in words:
            return None
        whole = whole or c == len(w)
    if not whole:
        return n, frozenset(before), frozenset()
    rest = items[k:]
    if rest and _no_word_next(rest[0]):
        # a letter cannot come next, but the end of the string can: where a window's
        # end cuts a run of letters, the rule may match at its start too (when what
        # the window holds of it is one of ``words``)
        return n, frozenset(before), frozenset(words)
    if rest and rest[0][0] is _sre_c.ASSERT and rest[0][1][0] == 1:
        rest = list(rest[0][1][1])  # a lookahead: what it reads comes next
    try:
        chars, nullable = _first_set(rest)
    except Exception:  # (_AnyChar: any character may come next)
        return None
    if nullable or not all(len(c) > 1 or not ("a" <= c.lower() <= "z") for c in chars):
        return None
    return n, frozenset(before), frozenset()


def _no_word_next(item: tuple) -> bool:
    """Whether the parsed item (after a letter) lets no word character follow: ``\\b``,
    or a negative lookahead with ``\\w`` as one of its alternatives."""
    C = _sre_c
    op, av = item
    if op is C.AT:
        return av is C.AT_BOUNDARY
    if op is not C.ASSERT_NOT or av[0] != 1:
        return False
    sub = list(av[1])
    alts = [list(b) for b in sub[0][1][1]] if len(sub) == 1 and sub[0][0] is C.BRANCH else [sub]
    return any(len(a) == 1 and a[0][0] is C.IN and (C.CATEGORY, C.CATEGORY_WORD) in a[0][1]
               and all(o is not C.NEGATE for o, _x in a[0][1]) for a in alts)


def _strings(items: list, limit: int, seps: bool) -> set[str] | None:
    """Every string (lowercased) the parsed sequence ``items`` matches, if they are
    finitely many (at most ``limit``); else None. With ``seps``, a repeat of a character
    that is no letter (``\\s+``, ``[-\\s]*``) stands for " " (and "" if it may be
    empty): the strings then have the same runs of letters as the matches."""
    C = _sre_c
    out = {""}
    for op, av in items:
        alts: set[str] | None
        if op is C.LITERAL:
            alts = {chr(av).lower()}
        elif op is C.IN:
            alts = set()
            for o, a in av:
                if o is C.LITERAL:
                    alts.add(chr(a).lower())
                elif o is C.RANGE and a[1] - a[0] < 64:
                    alts |= {chr(c).lower() for c in range(a[0], a[1] + 1)}
                elif seps and o is C.CATEGORY and a in (C.CATEGORY_SPACE, C.CATEGORY_DIGIT):
                    alts.add(" ")  # (no letter)
                else:
                    return None
        elif op is C.SUBPATTERN:
            alts = _strings(list(av[3]), limit, seps)
        elif op is C.BRANCH:
            alts = set()
            for b in av[1]:
                sub = _strings(list(b), limit, seps)
                if sub is None:
                    return None
                alts |= sub
        elif (op is C.MAX_REPEAT or op is C.MIN_REPEAT) and av[1] == 1:
            alts = _strings(list(av[2]), limit, seps)
            if alts is not None and av[0] == 0:
                alts = alts | {""}
        elif (op is C.MAX_REPEAT or op is C.MIN_REPEAT) and seps and _no_letters(list(av[2]), limit):
            alts = {"", " "} if av[0] == 0 else {" "}
        elif op in (C.ASSERT, C.ASSERT_NOT, C.AT) and seps:
            alts = {""}  # (it only narrows the matches)
        else:
            return None
        if alts is None:
            return None
        out = {a + b for a in out for b in alts}
        if len(out) > limit:
            return None
    return out


def _no_letters(items: list, limit: int) -> bool:
    """Whether the parsed sequence ``items`` matches no letter a-z (finitely many
    strings, but for repeats of such sequences)."""
    strings = _strings(items, limit, True)
    return strings is not None and not any(_letter_runs(w) for w in strings)


@lru_cache(maxsize=1)
def _trigger_words() -> dict[str, tuple[str, ...]]:
    words: dict[str, list[str]] = {}
    for group, ws in trigger_groups(lexicon()).items():
        for w in ws:
            words.setdefault(w, []).append(group)
    return {w: tuple(g) for w, g in words.items()}


@lru_cache(maxsize=1)
def _scan_words() -> dict[str, tuple[str, ...]]:
    """The trigger words a scan looks up: all but "s" (the "s" of "1990s" is found
    after the digits)."""
    return {w: g for w, g in _trigger_words().items() if w != "s"}


@lru_cache(maxsize=1)
def _byte_words() -> dict[bytes, tuple[str, ...]]:
    """:func:`_scan_words` keyed by the ASCII bytes of each word (what the scan of an
    ASCII text looks up)."""
    return {w.encode("ascii"): g for w, g in _scan_words().items() if w.isascii()}


@lru_cache(maxsize=1)
def _padded_words() -> dict[bytes, bytes]:
    """Each word of :func:`_byte_words` with a space either side, as the scan finds it."""
    return {w: b" " + w + b" " for w in _byte_words()}


@lru_cache(maxsize=1)
def _split_words() -> bool:
    """Whether every trigger word is a run of letters a-z (one token of a split)."""
    return all(re.fullmatch("[a-z]+", w) is not None for w in _scan_words())


@lru_cache(maxsize=1)
def _trigger_re() -> re.Pattern:
    """One pass finds every trigger token (a whole run of letters a-z that is a trigger
    word: group 1) and every run of digits (group 2); the empty match at the end of the
    text has neither group.

    The scan never looks inside a word: each run of letters that is not a trigger is
    skipped whole, with the separators after it. It finds exactly the tokens of
    ``(?<![a-z])TRIGGER(?![a-z])|\\d+`` tried at every position, at about half the
    cost. (Nothing backtracks: the runs are consumed whole, and after them one of the
    last three branches always matches. No possessive quantifiers: Python 3.10.)"""
    t = alt(list(_scan_words()))
    if not _split_words():  # a word with a space or a quote
        return re.compile(r"(?<![a-z])(" + t + r")(?![a-z])|(\d+)")
    return re.compile(r"[^a-z\d]*(?:(?!" + t + r"(?![a-z]))[a-z]+[^a-z\d]*)*(?:(" + t + r")(?![a-z])|(\d+)|\Z)")


def normalise(text: str) -> str:
    """``text`` with typographic spaces, quotes and dashes replaced one-for-one."""
    return text.translate(_TRANS)


def _as_date(ref: date | datetime | None) -> date | None:
    if ref is None:
        return None
    if isinstance(ref, datetime):
        return ref.date()
    return ref


# for the bytes of an ASCII text: its letters (lowercased) with every other byte a space,
# and its digits with every other byte a space
_LETTERS = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 else 32 for c in range(256))
_DIGITS = bytes(c if 48 <= c <= 57 else 32 for c in range(256))


def _windows(text: str) -> dict[str, list[tuple[int, int]]] | None:
    """Trigger tokens by group: each whole run of letters a-z (lowercased) that is a
    trigger word, each run of digits (``DIGIT``; ``Y4``, ``DSEP``, ``S`` see
    :func:`.rules.trigger_groups`); None when lowercasing changes the length (then every
    rule scans the whole text).

    An ASCII text is scanned by bytes methods (C speed, a byte table per character): the
    runs of letters are the words of its letters-only copy (one dict look-up each), the
    trigger words among them are located with ``bytes.find``, and so are the runs of
    digits of its digits-only copy. Any other text takes one pass of a regex
    (:func:`_windows_re`: the same tokens)."""
    if not text.isascii() or not _split_words():
        return _windows_re(text)
    hits: dict[str, list[tuple[int, int]]] = {"DIGIT": [], "Y4": [], "DSEP": [], "S": []}
    words = _byte_words()
    padded = _padded_words()
    raw = text.encode("ascii")
    # the runs of letters are the words of " " + letters + " "; the trigger words among
    # them (document order), each found after the one before: " w " at i is text[i:i+len(w)]
    pad = b" " + raw.translate(_LETTERS) + b" "
    runs = pad.split()
    i = 0
    for w in compress(runs, map(words.__contains__, runs)):
        i = pad.find(padded[w], i)
        k = len(w)
        _add_groups(hits, words[w], i, i + k)
        i += k + 1
    digits = raw.translate(_DIGITS)
    e = 0
    for run in digits.split():
        s = digits.find(run, e)  # only spaces between two runs
        e = s + len(run)
        _add_digits(hits, text, s, e)
    return hits


def _windows_re(text: str) -> dict[str, list[tuple[int, int]]] | None:
    """:func:`_windows` by one pass of :func:`_trigger_re` over the lowercased text."""
    low = text.lower()
    if len(low) != len(text):
        return None
    hits: dict[str, list[tuple[int, int]]] = {"DIGIT": [], "Y4": [], "DSEP": [], "S": []}
    for m in _trigger_re().finditer(low):
        k = m.lastindex
        if k == 1:
            _add_word(hits, m.group(1), m.start(1), m.end(1))
        elif k == 2:
            _add_digits(hits, low, m.start(2), m.end(2))
    return hits


def _add_word(hits: dict[str, list[tuple[int, int]]], w: str, s: int, e: int) -> None:
    """The trigger word ``w`` at ``s:e`` (the caller checked ``w``; never "s")."""
    _add_groups(hits, _trigger_words()[w], s, e)


def _add_groups(hits: dict[str, list[tuple[int, int]]], groups: tuple[str, ...], s: int, e: int) -> None:
    """A token of the trigger groups ``groups`` at ``s:e``."""
    span = (s, e)
    for g in groups:
        lst = hits.get(g)
        if lst is None:
            hits[g] = [span]
        else:
            lst.append(span)


def _add_digits(hits: dict[str, list[tuple[int, int]]], text: str, s: int, e: int) -> None:
    """The run of digits at ``s:e`` of ``text`` (or of its lowercased copy)."""
    span = (s, e)
    hits["DIGIT"].append(span)
    k = e - s
    n = len(text)
    if k == 4 and (text[s] == "1" or (text[s] == "2" and text[s + 1] == "0")):
        hits["Y4"].append(span)
    elif k <= 2 and e < n and text[e] in "/.":
        hits["DSEP"].append(span)
    if e < n:
        c = text[e]
        p = e if c in "sS" else e + 1 if c == "'" and e + 1 < n and text[e + 1] in "sS" else -1
        if p >= 0 and (p + 1 >= n or not ("a" <= text[p + 1] <= "z" or "A" <= text[p + 1] <= "Z")):
            hits["S"].append((p, p + 1))  # "1990s", "'90s", "1990's": a decade


def _trigger_spans(trigger: tuple[str, ...], hits: dict[str, list[tuple[int, int]]]) -> list[tuple[int, int]]:
    """The trigger tokens of the groups ``trigger``, in document order."""
    groups = [hits[g] for g in trigger if hits.get(g)]
    if not groups:
        return []
    return groups[0] if len(groups) == 1 else sorted(s for g in groups for s in g)


def _merge_spans(spans: list[tuple[int, int]], reach: tuple[int, int], n: int) -> list[tuple[int, int]]:
    """The merged windows ``reach`` characters before and after each of ``spans``
    (sorted), clipped to the text's ``n`` characters."""
    if not spans:
        return []
    back, fwd = reach
    out: list[tuple[int, int]] = []
    append = out.append
    cs, ce = -1, -1
    for s, e in spans:
        ws = s - back
        if ws <= ce and ce >= 0:  # (the first window: a new one, though it starts before 0)
            we = e + fwd
            if we > ce:
                ce = we
        else:
            if ce >= 0:
                append((cs, ce))
            cs, ce = (ws if ws > 0 else 0), e + fwd
    append((cs, ce if ce < n else n))
    return out


def _candidates(text: str) -> list[tuple[int, int, int, Rule, re.Match]]:
    out: list[tuple[int, int, int, Rule, re.Match]] = []
    hits = _windows(text)
    n = len(text)
    # needles run on the lowercased text: sound unless it holds one of the two letters
    # that IGNORECASE matches to an ASCII letter but lower() keeps ("\u0131", "\u017f")
    low = text.lower() if hits is not None and "\u0131" not in text and "\u017f" not in text else None
    # the rules' scan patterns (see Rule.scan) read the lowercased text where it is ASCII:
    # all of it, or a window and the characters before it that the rule looks at
    ascii_text = text.isascii()
    whole = [(0, n)]
    append = out.append
    tokens_of: dict[tuple[str, ...], list[tuple[int, int]]] = {}  # rules with the same triggers
    spans_of: dict[tuple, list[tuple[int, int]]] = {}  # ... and the same reach
    anchored = _anchored()
    toks: list[tuple[int, int]] | None = None
    lowb: bytes | None = None  # low's bytes, made when first needed
    for ri, r in enumerate(_rules()):
        if hits is None or not r.trigger:
            ranges = whole
            toks = None
        else:
            toks = tokens_of.get(r.trigger)
            if toks is None:
                toks = tokens_of[r.trigger] = _trigger_spans(r.trigger, hits)
            key = (r.trigger, r.reach)
            known = spans_of.get(key)
            if known is None:
                known = spans_of[key] = _merge_spans(toks, r.reach, n)
            ranges = known
            if not ranges:
                continue
        guard = r.guard
        finditer = r.regex.finditer
        prio = r.priority
        needle = r.needle.search if r.needle is not None and low is not None else None
        scan = r.scan.search if r.scan is not None and low is not None else None
        back = r.scan_back + 1  # (and the character a scan_after pattern matches first)
        match = r.regex.match
        after = r.scan_after
        # a rule whose matches start at its trigger tokens (or at the words just before
        # one, see _token_start) is tried there, in order, from the end of its last
        # match, in the windows the scan would search: what finditer finds (and no
        # needle is needed)
        anchor = anchored[ri] if scan is not None else None
        j = 0
        # the windows of one rule are disjoint: no match is found twice
        for ws, we in ranges:
            if anchor is not None and toks is not None and low is not None and \
                    (ascii_text or text[ws - back if ws > back else 0:we].isascii()):
                nb, before, cut = anchor
                if lowb is None:
                    # (a byte per character: any other than ASCII is "?")
                    lowb = low.encode("ascii", "replace")
                nt = len(toks)
                while j < nt and toks[j][0] < ws:
                    j += 1
                starts: list[int] = []
                while j < nt and toks[j][0] < we:
                    starts.append(toks[j][0])
                    j += 1
                if cut and we < n:
                    c = _cut_run(lowb, ws, we)
                    if c >= 0 and (not starts or starts[-1] != c) and low[c:we] in cut:
                        starts.append(c)
                pos = ws
                for ts in starts:
                    if ts < pos:
                        continue
                    cands = _words_before(low, lowb, ts, pos, nb, before) if nb else []
                    cands.append(ts)
                    for s in cands:
                        if s < pos:
                            continue
                        found = match(text, s, we)
                        if found is None:
                            continue
                        e = found.end()
                        pos = e
                        if guard is not None and not guard(found, text):
                            continue
                        append((s, e, prio, r, found))
                continue
            if needle is not None and needle(low, ws - _NB if ws > _NB else 0, we) is None:
                continue
            if scan is None or not (ascii_text or text[ws - back if ws > back else 0:we].isascii()):
                for m in finditer(text, ws, we):
                    s, e = m.span()
                    if e <= s:
                        continue
                    if guard is not None and not guard(m, text):
                        continue
                    append((s, e, prio, r, m))
                continue
            # the scan pattern finds each position where the rule may match (the leftmost
            # first), the rule's own regex the match there: what finditer finds
            # (a scan that matches the character before a match cannot find one at the
            # text's start: the rule is tried there first)
            pos = ws
            first = after and ws == 0
            while True:
                if first:
                    s = 0
                    first = False
                else:
                    sm = scan(low, pos - 1 if after and pos > 0 else pos, we)
                    if sm is None:
                        break
                    s = sm.start() + 1 if after else sm.start()
                found = match(text, s, we)
                if found is None:
                    pos = s + 1
                    continue
                e = found.end()
                pos = e
                if guard is not None and not guard(found, text):
                    continue
                append((s, e, prio, r, found))
    return out


def _words_before(low: str, lowb: bytes, ts: int, lo: int, nb: int, before: frozenset[str]) -> list[int]:
    """The starts of the runs of letters just before ``ts`` in ``low`` (other characters
    between), in order: at most ``nb``, each one of ``before``, none before ``lo``
    (``lowb``: ``low`` as bytes, a byte for each character)."""
    out: list[int] = []
    k = ts
    for _ in range(nb):
        i = k - 1
        while i >= lo and not (97 <= lowb[i] <= 122):
            i -= 1
        if i < lo:
            break
        e = i + 1
        while i >= lo and 97 <= lowb[i] <= 122:
            i -= 1
        b = i + 1
        if b == lo and b > 0 and 97 <= lowb[b - 1] <= 122:
            break  # (the run starts before lo)
        if low[b:e] not in before:
            break
        out.append(b)
        k = b
    out.reverse()
    return out


def _cut_run(lowb: bytes, ws: int, we: int) -> int:
    """The start of the run of letters that the window ``ws:we`` ends inside (-1: none,
    or it starts before ``ws``), in the lowercased text's bytes ``lowb``."""
    if not (97 <= lowb[we - 1] <= 122 and 97 <= lowb[we] <= 122):
        return -1
    c = we - 1
    while c > ws and 97 <= lowb[c - 1] <= 122:
        c -= 1
    if c == ws and ws > 0 and 97 <= lowb[ws - 1] <= 122:
        return -1
    return c


def _select(cands: list[tuple[int, int, int, Rule, re.Match]]) -> list[tuple[int, int, int, Rule, re.Match]]:
    """Longest first (then rule priority), no overlaps; returned in document order."""
    # (sorted by key tuples built in one loop, the index last: a stable sort without a
    # key function called per candidate)
    keys = [(c[0] - c[1], -c[2], c[0], i) for i, c in enumerate(cands)]
    keys.sort()
    starts: list[int] = []
    ends: list[int] = []
    chosen: list[tuple[int, int, int, Rule, re.Match]] = []
    for k in keys:
        c = cands[k[3]]
        s, e = c[0], c[1]
        i = bisect.bisect_left(starts, s)
        if i > 0 and ends[i - 1] > s:
            continue
        if i < len(starts) and starts[i] < e:
            continue
        starts.insert(i, s)
        ends.insert(i, e)
        chosen.insert(i, c)
    return chosen


def _apply_mod(text: str, start: int, hit: Hit) -> tuple[int, Hit]:
    """Extend a DATE over a preceding "early"/"the end of"... (a DATE or TIME over
    "around"...) and set its ``mod``."""
    if hit.type not in ("DATE", "TIME") or hit.mod or not hit.value[:1].isdigit():
        return start, hit
    # (cheap test first: the word before ends in "d" or "y")
    if start > 1 and text[start - 1].isspace() and text[start - 2] in "dyDY":
        ap = _APPROX_PREFIX.search(text, max(0, start - 16), start)
        if ap is not None and _DIGIT.search(text, start, start + 12):
            hit.mod = "APPROX"
            return ap.start(), hit
    if hit.type != "DATE":
        return start, hit
    # every prefix ends with "-" or white space: nothing else can end just before a DATE;
    # before that comes the last letter of "early", "late", "mid" (before "-" or white
    # space), "of" or "the" (before white space): a cheap test first
    if start <= 1:
        return start, hit
    c = text[start - 1]
    if c == "-":
        if text[start - 2] not in "eydEYD":
            return start, hit
    elif not c.isspace():
        return start, hit
    elif text[start - 2] not in "eydfEYDF" and not text[start - 2].isspace():
        return start, hit
    # the whole word before the "-" or the white space must be one of those (when it is
    # ASCII: then its lowercase tells; Unicode case folding, only the regex)
    j = start - 1
    if c != "-":
        while j > 0 and text[j - 1].isspace():
            j -= 1
    k = j
    while k > 0 and (text[k - 1].isalnum() or text[k - 1] == "_"):
        k -= 1
    w = text[k:j]
    if w.isascii() and w.lower() not in (_MOD_DASH_WORDS if c == "-" else _MOD_WORDS):
        return start, hit
    m = _MOD_PREFIX.search(text, max(0, start - 30), start)
    if not m or m.end() != start:
        return start, hit
    key = (m.group("a") or m.group("b") or m.group("c") or "").lower()
    key = _WS_RUN.sub(" ", key)
    hit.mod = _MODS.get(key)
    return m.start(), hit


def tag(text: str, reference_date: date | datetime | None = None) -> list[Timex]:
    """Every temporal expression in ``text``, in document order (see the package doc)."""
    if not text:
        return []
    norm = normalise(text)
    dct = _as_date(reference_date)
    ctx = Ctx(norm, dct, lexicon())
    chosen = _select(_candidates(norm))
    out: list[Timex] = []
    prev_end = -1
    s: int
    e: int
    rule: Rule
    m: re.Match
    for s, e, _p, rule, m in chosen:
        had_narrative = ctx.anchor_pos >= 0
        res = rule.handler(m, ctx)
        if res is None:
            continue
        parts: list[tuple[int, int, Hit]] = res if isinstance(res, list) else [(s, e, res)]
        for i, (ps, pe, hit) in enumerate(parts):
            if i == 0:
                ps, hit = _apply_mod(norm, ps, hit)
                if ps < prev_end:
                    ps = s
            extra = {}
            if hit.anchor == "narrative" and not had_narrative:
                # nothing mentioned yet: resolved against the reference date (TimeML's
                # choice), but flagged: "the next day" of what? Not a date to draw.
                hit.anchor = "dct"
                extra = {"unanchored": True}
            ctx.update(hit, ps)
            rs, rrole = None, None
            if len(parts) == 2:
                rrole = "start" if i == 0 else "end"
                rs = parts[1][2].value if i == 0 else None
            out.append(Timex(ps, pe, text[ps:pe], hit.type, hit.value, mod=hit.mod, anchor=hit.anchor,
                             year_assumed=hit.year_assumed, range_end=rs, range_role=rrole,
                             quant=hit.quant, freq=hit.freq, extra=extra))
            prev_end = pe
    return _mark_ranges(norm, out)


def _mark_ranges(text: str, tx: list[Timex]) -> list[Timex]:
    """"from May to July", "between 2014 and 2016": link two adjacent DATEs."""
    out = list(tx)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.range_role or b.range_role or a.type != "DATE" or b.type != "DATE":
            continue
        gap = text[a.end:b.start]
        conn = gap.strip().lower()
        # (an ASCII connector: its lowercase tells; else Unicode case folding, the regex)
        if conn not in _CONNECTORS and (gap.isascii() or not _RANGE_CONNECTOR.match(gap)):
            continue
        opener = _RANGE_OPENER.search(text, max(0, a.start - 10), a.start)
        if conn == "and" and not (opener and opener.group(0).lower().startswith("between")):
            continue
        if conn in ("to", "until", "till") and not opener:
            continue
        if not (a.is_calendar and b.is_calendar):
            continue
        if a.year_assumed and not b.year_assumed and len(a.value) >= 7 and a.value[4] == "-":
            # "from May to July 2024": the start takes the end's year (or the one before)
            y = int(b.value[:4])
            if a.value[5:] > b.value[5:len(a.value)]:
                y -= 1
            a = _replace(a, value=f"{y:04d}{a.value[4:]}", anchor=None)
        elif b.year_assumed and not a.year_assumed and a.value[:4].isdigit() and \
                len(b.value) >= 7 and b.value[4] == "-" and b.value[5:7].isdigit():
            # "from November 2023 to January", "this year through August": the end is the
            # first such month/day at or after the start, whatever the tense said
            y = int(a.value[:4])
            if b.value[5:] < a.value[5:len(b.value)]:
                y += 1
            if y != int(b.value[:4]):
                b = _replace(b, value=f"{y:04d}{b.value[4:]}", anchor=None)
        out[i] = _replace(a, range_end=b.value, range_role="start")
        out[i + 1] = _replace(b, range_role="end")
    return out


def _replace(t: Timex, **kw) -> Timex:
    """``dataclasses.replace(t, **kw)``, written out (a tenth of the cost): the same
    fields, ``extra`` the same dict."""
    g = kw.get
    return Timex(g("start", t.start), g("end", t.end), g("text", t.text), g("type", t.type), g("value", t.value),
                 g("mod", t.mod), g("anchor", t.anchor), g("year_assumed", t.year_assumed),
                 g("range_end", t.range_end), g("range_role", t.range_role), g("quant", t.quant),
                 g("freq", t.freq), g("extra", t.extra))
