"""The cheap tests that stand before a regex search (the tagger runs the search only when
the test passes) never turn away a text the search would match."""

import random
import re

from timeline.tagger import context as C
from timeline.tagger.context import Ctx
from timeline.tagger.lexicon import lexicon
from timeline.tagger.rules import _DEFERRED, _YEAR_NOT_AFTER, _deferred, _may_end_not_after, _may_follow_name

_NAME_BEFORE = re.compile(r"[a-z,;]\s+(?-i:([A-Z][a-z]+))\s+$")  # (g_year's name_before)


def test_year_pretests() -> None:
    rnd = random.Random(3)
    pieces = ["no.", "No.", "number", "NUMBER", "of", "Of", "the", "in", " ", "  ", "\n", "$", "\u00a3", "\u20ac",
              "#", ".", "x", "Venture", "A", "a", ",", ";", "\u00e9", "\u017fome", "_", "1", "about", "Flight"]
    for _ in range(20000):
        before = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 8)))
        b = before.rstrip()
        if _YEAR_NOT_AFTER.search(b, max(0, len(b) - 8)):
            assert _may_end_not_after(b), b
        text = before + "1990"
        if _NAME_BEFORE.search(text, max(0, len(before) - 24), len(before)):
            assert _may_follow_name(text, len(before)), text


def test_deferral_pretest() -> None:
    rnd = random.Random(4)
    pieces = ["postponed", "Delayed", "put off", "pushed back", "until", "till", "to", " ", "  ", "the", "vote",
              "9 a.m.", "EST ", "x", "Suspended"]
    for _ in range(5000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12))) + " Tuesday"
        start = len(text) - 7
        expected = _DEFERRED.search(text, max(0, start - 90), start) is not None
        assert _deferred(Ctx(text, None, lexicon()), start) == expected, text


def test_marker_word_pretests() -> None:
    """A marker's tests (passive, infinitive, pluperfect, determiner) match only after a
    word of their lists or an "-ly" adverb, or a word that is not ASCII."""
    rnd = random.Random(5)
    pieces = ["had", "been", "is", "are", "to", "will", "the", "a", "still", "quickly", "Had", "BEEN", "x", "\u00e9s",
              " ", "  ", "\n", ",", "get"]
    tests = [(C._PASSIVE_AUX, C._AUX_WORDS, 20), (C._PRESENT_PASSIVE, C._PRESENT_WORDS, 20),
             (C._INFINITIVE_BEFORE, C._INFINITIVE_WORDS, 8), (C._PLUPERFECT, C._PLUPERFECT_WORDS, 30),
             (C._DET_BEFORE, C._DET_WORDS, 24)]
    for _ in range(5000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 10))) + "held"
        ms = len(text) - 4
        w = Ctx(text, None, lexicon())._word_before(ms)
        for regex, words, back in tests:
            if regex.search(text, max(0, ms - back), ms):
                assert w is None or w in words or w.endswith("ly"), (text, regex.pattern)


def test_deferral_verb_at_word_start() -> None:
    """A deferral verb inside another word ("dispute", "input") is no deferral; one at
    the start of a word is searched."""
    rnd = random.Random(6)
    pieces = ["dispute", "deputy", "input", "_put", "3put", "put", "Put off", "(put off", "-delayed", "xdelay",
              "pushed back", "until", "till", "to", " ", "  ", "the", "vote", "9 a.m.", "EST ", "x"]
    for _ in range(5000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12))) + " Tuesday"
        start = len(text) - 7
        expected = _DEFERRED.search(text, max(0, start - 90), start) is not None
        assert _deferred(Ctx(text, None, lexicon()), start) == expected, text
