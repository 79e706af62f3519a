"""The per-sentence shortcuts of timeline.semantics give what the plain definitions give:
lower-case forms and word-class flags of every token, and the runs of capitalised
words of a text (random texts built from the parts below)."""

from __future__ import annotations

import random

from timeline import semantics as S

PARTS = list("aB9Z_ .,'’-&+/\n\t\u00a0“”—–é日()$%ΣΟ") + [
    "U.S.", "Inc.", "--", "word", "A.", "Mr", "2025,", "(AP)", "said", "talks", "expected",
    "Will", "not", "if", "May", "Monday", "reported", "meeting", "he's", "that", "scheduled",
    "Vladimir", "Putin", "of", "the", "Kremlin's", "New York", "J. Smith", "  ", "ΟΔΟΣ,"]


def _texts(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(PARTS) for _ in range(rnd.randint(0, 24))) for _ in range(n)]


def test_lower_forms_and_flags_of_tokens() -> None:
    sets = [(S._F_VERB, S._VERB_WORDS), (S._F_SEGMENT, S._SEGMENT_WORDS), (S._F_DATE, S._DATE_TRIGGERS),
            (S._F_NEG, S._NEG_WORDS), (S._F_NEG_KEY, S._NEG_PHRASE_KEYS),
            (S._F_PLAN_KEY, S._PLANNED_NOUN_KEYS), (S._F_HEDGE, S._HEDGES), (S._F_HYPO, S._HYPO_MODALS),
            (S._F_COND, S._COND_MODALS), (S._F_FUTURE, S._FUTURE_MODALS),
            (S._F_EXPECT, S._EXPECT_WORDS), (S._F_IF, S._IF_WORDS)]
    for text in _texts(5000, 11):
        toks, starts, ends, _kinds, _caps, low, flags = S._tokenise(text)
        assert low == S._lower(toks), text
        assert len(flags) == len(toks)
        for t, w, f in zip(toks, low, flags):
            for bit, words in sets:
                assert bool(f & bit) == (w in words), (text, w, bit)
            assert bool(f & S._F_DIGIT) == (w[0] in "0123456789"), (text, w)
            assert bool(f & S._F_ENDING) == w.endswith(S._CAND_ENDINGS), (text, w)
        for t, a, b in zip(toks, starts, ends):
            assert text[a:b] == t


def test_name_runs_are_the_pattern_matches() -> None:
    for text in _texts(5000, 12) + ["Russian President Vladimir V. Putin met U.S. envoy Steve Witkoff."]:
        expected = [(m.start(), m.group()) for m in S._RUN_RE.finditer(text)]
        assert S._name_runs(text) == expected, text
