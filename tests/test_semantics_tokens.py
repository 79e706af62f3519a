"""Shortcuts of timeline.semantics give what the plain definitions give: token offsets
relative to the sentence, and the runs of capitalised words of a text (random texts
built from the parts below)."""

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


def test_tokens_are_slices_of_the_sentence() -> None:
    for text in _texts(5000, 11):
        toks, starts, ends, _kinds, _caps = S._tokenise(text)
        for t, a, b in zip(toks, starts, ends):
            assert text[a:b] == t


def test_name_runs_are_the_pattern_matches() -> None:
    for text in _texts(5000, 12) + ["Russian President Vladimir V. Putin met U.S. envoy Steve Witkoff."]:
        expected = [(m.start(), m.group()) for m in S._RUN_RE.finditer(text)]
        assert S._name_runs(text) == expected, text


def test_tok_indexes_is_tok_index_twice() -> None:
    # one binary search and a step forward give what two binary searches give
    for text in _texts(1500, 13):
        for start in (0, 3):
            doc = "x. " + text if start else text
            an = S._Sentence(doc, start, len(doc))
            if not an.toks:
                continue
            for p in range(start, len(doc) + 1):
                for q in range(p, len(doc) + 1):
                    assert an.tok_indexes(p, q) == (an.tok_index(p), an.tok_index(q)), (doc, p, q)


def test_status_bits_are_the_cue_sets() -> None:
    sets = [(S._NEG_WORDS, S._B_NEG), (S._HYPO_MODALS, S._B_HYPO), (S._HEDGES, S._B_HEDGE),
            (S._COND_MODALS, S._B_COND), (S._EXPECT_WORDS, S._B_EXPECT), (S._FUTURE_MODALS, S._B_FUTURE)]
    words = set().union(*(w for w, _ in sets)) | {"said", "to", "meet", "", "Will"}
    for w in words:
        bits = S._STATUS_BITS.get(w, 0)
        for ws, bit in sets:
            assert bool(bits & bit) == (w in ws), (w, bit)
