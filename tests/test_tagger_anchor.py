"""Rules whose matches start at a trigger token (or at the few words just before one) are
tried only there (engine._anchored): an optimisation only, so the candidates must be
those the scan of the whole window finds."""

from __future__ import annotations

import random

import pytest

import timeline.tagger.engine as engine

# pieces for the anchored rules: their trigger words and opening words, words that merely
# start like a trigger word ("mayor", "marching"), separators; non-ASCII letters too
_PIECES = ["May", "may", "mayor", "March", "marching", "Mar.", "Sept.", "sept", "Friday", "Fri.",
           "fridays", "Mondays", "monday's", "last", "Last", "next", "this", "that", "coming", "past",
           "the", "The", "following", "previous", "early", "late", "mid-", "summer", "Fall", "winter",
           "this coming", "earlier", "later", "today", "tonight", "year", "years", "the year-end",
           "Q1", "H1", "FY2014", "FY 99", "every", "each", "per", "other", "day", "week", "hourly",
           "weekly", "recent", "months", "followed", "1999", "2014", "15", "3rd", "21st", "of", "in",
           ",", ".", "-", "'s", "(", "\n", "said", "a", "two", "quarters", "decades", "which",
           "afternoon", "night", "the week of", "the first", "2nd", "in the", "earlier in the",
           "current", "nineteen", "eighties", "fiscal", "period", "the same", "weekend", "caf\u00e9"]
_SEPS = [" ", " ", "  ", "", ", ", "-", ". ", "\n"]


def _texts(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return [engine.normalise("".join(rnd.choice(_PIECES) + rnd.choice(_SEPS) for _ in range(rnd.randint(1, 50))))
            for _ in range(n)]


def _key(c: tuple) -> tuple:
    s, e, prio, rule, m = c
    return s, e, prio, rule.name, m.span(), m.groups()


def test_some_rules_are_anchored() -> None:
    names = {r.name for r, a in zip(engine._rules(), engine._anchored()) if a is not None}
    assert {"month_year", "month", "weekday", "date_mdy"} <= names
    assert "duration" not in names  # (it can start with a number in digits)


def test_anchored_rules_find_what_the_scan_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    if engine.__file__.endswith(".so"):  # pragma: no cover - the compiled build
        pytest.skip("the compiled module's functions cannot be replaced")
    texts = _texts(1500, 7)
    fast = [[_key(c) for c in engine._candidates(t)] for t in texts]
    none = tuple(None for _ in engine._rules())
    monkeypatch.setattr(engine, "_anchored", lambda: none)
    for t, f in zip(texts, fast):
        assert [_key(c) for c in engine._candidates(t)] == f, t


def test_token_start_needs_a_boundary_and_trigger_words() -> None:
    words = {"may", "june"}
    assert engine._token_start(r"\b(?:may|june)\s+\d+", words) == (0, frozenset(), frozenset())
    # opening words, and a word that may end the string: a window's end may cut it
    assert engine._token_start(r"\b(?:(?:last|this)\s+)?(?:may|june)(?!\w)", words) == \
        (1, frozenset({"last", "this"}), frozenset(words))
    assert engine._token_start(r"(?:may|june)\s+\d+", words) is None  # no "\b"
    assert engine._token_start(r"\b(?:may|june|jul)\s+\d+", words) is None  # "jul" is no trigger word
    assert engine._token_start(r"\b(?:may|june)\w*", words) is None  # a letter may follow
    assert engine._token_start(r"\b\d+\s+(?:may|june)", words) is None  # starts with a digit
