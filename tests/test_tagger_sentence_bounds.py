"""Ctx.sentence (literal-first break pattern, abbreviation test remembered per period)
and Ctx._markers (separator instead of lookbehind) give what the plain windowed scans
they replaced gave."""

import random
import re

from timeline.tagger.context import _ABBREV_BEFORE, Ctx
from timeline.tagger.lexicon import lexicon

_OLD_END = re.compile(r"[.!?]\s+(?=[\"'A-Z(\[])|\n\s*\n|\n(?=\s*[\"'A-Z(\[])")
# (the abbreviation pattern is unchanged: only the break pattern and the memo are new)
_OLD_ABBREV = _ABBREV_BEFORE


def _ends(text: str, lo: int, hi: int):
    for m in _OLD_END.finditer(text, lo, hi):
        if text[m.start()] == "." and _OLD_ABBREV.search(text, max(0, m.start() - 8), m.start()):
            continue
        yield m


def _reference(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max(0, start - 250)
    s = lo
    for m in _ends(text, lo, start):
        s = m.end()
    hi = min(len(text), end + 250)
    em = next(_ends(text, end, hi), None)
    return s, (em.start() + 1 if em else hi)


def _check(text: str, rnd: random.Random) -> None:
    ctx = Ctx(text, None, lexicon())
    for a in range(len(text) + 1):
        b = min(len(text), a + rnd.randint(0, 20))
        assert ctx.sentence(a, b) == _reference(text, a, b), (text, a, b)


def test_sentence_bounds_match_windowed_scan() -> None:
    rnd = random.Random(7)
    text = ("Mr. Rowe met Dr. Lane on Friday in Mobile, Ala., and left. The U.S. team flew home!\n\n"
            "Was it late?  \"Yes,\" said J. K. Hart.\n  (Nobody) asked vs. answered.\n" * 6)
    _check(text, rnd)
    pieces = [" ", " ", "\n", "\t", ".", "!", "?", "A", "a", '"', "(", "Mr", "U", "Ala", "x", " \n \n"]
    for _ in range(300):
        _check("".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 400))), rnd)


def _reference_markers(ctx: Ctx, s: int, e: int) -> list[tuple[int, int, str, str]]:
    lex = ctx.lex
    low = ctx.text.lower()
    out = []
    for m in lex.marker_lc_re.finditer(low, s, min(len(low), e + 40)):
        ms = m.start()
        if ms >= e:
            break
        w = m.group(0)
        kind = lex.marker_kind.get(w)
        if kind is None:
            if not w.endswith("ed"):
                continue
            kind = "reporting" if w in lex.reporting else "generic"
        elif w in lex.future_cs and ctx.text[ms] != w[0]:
            continue
        out.append((ms, m.end(), kind, w))
    return out


def test_markers_match_lookbehind_scan() -> None:
    rnd = random.Random(11)
    words = ["will be", "said", "had", "planned to", "May", "may", "'ll", "we'll", "owed", "red",
             "reported", "going to", "ed", "x", "1", "_", "-", "\u00e9", "would", "expected", "\n"]
    _check_markers(rnd, words, ["", " ", " ", "'", ","], texts=400, longest=40, probes=10)


def test_markers_of_several_words_match_lookbehind_scan() -> None:
    """The first word of a longer marker is searched only when the next run can go on it:
    first words before other words, before second words after other white space or
    punctuation, at the edges of the scan."""
    rnd = random.Random(13)
    words = ["to", "begin", "to begin", "to  begin", "will", "be", "will be", "hopes", "hopes to", "as", "soon",
             "as soon as", "is", "due", "are", "set", "expected", "expected to", "planned", "by", "next", "going",
             "going to", "take", "place", "said", "x", "'", "\n", "-", "we'll", "toed"]
    _check_markers(rnd, words, ["", " ", " ", "  ", "'", ",", "\t"], texts=600, longest=30, probes=12)


def _check_markers(rnd: random.Random, words: list[str], seps: list[str], *, texts: int, longest: int,
                   probes: int) -> None:
    """On ``texts`` random texts of ``words`` and ``seps``, Ctx._markers over ``probes``
    random ranges each equals the lookbehind scan's."""
    for _ in range(texts):
        text = "".join(rnd.choice(words) + rnd.choice(seps) for _ in range(rnd.randint(1, longest)))
        ctx = Ctx(text, None, lexicon())
        for _ in range(probes):
            s, e = sorted((rnd.randint(0, len(text)), rnd.randint(0, len(text))))
            ctx._marker_cache.clear()
            assert ctx._markers(s, e) == _reference_markers(ctx, s, e), (text, s, e)


def test_abbreviation_test_matches_regex() -> None:
    """Ctx._abbrev_period reads the abbreviation before a period without the regex."""
    rnd = random.Random(23)
    pieces = ["Mr", "Mrs", "mr", "Messrs", "vs", "v", "Lv", "A", "a", "B", "U", "S", "Ala", "Jan", "Sept", "X",
              "\u00e9", "\u00c9", "3", "_", " ", "\n", "\n\n", ".", "-", "(", "Dr", "xDr", "Ft"]
    for _ in range(20000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 6))) + "."
        i = len(text) - 1
        expected = _ABBREV_BEFORE.search(text, max(0, i - 8), i) is not None
        assert Ctx(text, None, lexicon())._abbrev_period(i) == expected, text
