"""The tagger's candidate search is an optimisation only: its fast paths must find what
the plain ones find (the trigger-token scan of an ASCII text, by string methods, against
the one-regex scan of any text)."""

from __future__ import annotations

import random
from datetime import date as D

from pathlib import Path

import timeline.tagger.engine as engine
from tests.test_tagger import CASES, NEGATIVES

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "timeline" / "samples").glob("*.txt"))

# pieces that exercise the token rules: trigger words in both cases, digits next to
# letters ("2nd", "q3", "1990s", "'90s"), separators of every kind
_PIECES = ["may", "May", "MAY", "day", "days", "Day", "week", "weekend", "the", "of", "ago",
           "1990", "2024", "20", "7", "31", "s", "'s", "2nd", "Q3", "q3", "h1", "FY", "fy2020",
           "1990s", "'90s", "90s", "30-day", "noon", "a.m.", "p.m.", "Christmas", "christmases",
           "mid", "late", "early", "today's", "tonight", "monday", "Mondays", "x", "dismay",
           "mayday", "day1", "_may", "may_", "o'clock", "12/25", "3.5", "1,000", "year-end"]
_SEPS = [" ", "  ", "-", "/", ".", "'", "", ",", "\n", "\t", "_", "(", ")", '"', ":", ";", "\x1c"]
_CHARS = "abcdsyqhmtnABDSYQ0123456789 '/.-,_\n"


def _random_texts(n: int, seed: int = 11) -> list[str]:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        if i % 2:
            out.append("".join(rnd.choice(_CHARS) for _ in range(rnd.randint(0, 50))))
        else:
            out.append("".join(rnd.choice(_PIECES) + rnd.choice(_SEPS) for _ in range(rnd.randint(0, 14))))
    return out


def test_split_scan_finds_the_regex_scans_tokens() -> None:
    texts = [engine.normalise(p.read_text(encoding="utf-8")) for p in SAMPLES]
    texts += [c[0] for c in CASES] + list(NEGATIVES) + _random_texts(4000)
    checked = 0
    for text in texts:
        if not text.isascii():
            continue
        assert engine._windows(text) == engine._windows_re(text), text
        checked += 1
    assert checked > 3000


def test_non_ascii_text_takes_the_regex_scan() -> None:
    text = "Caf\u00e9 owners met on May 2 and again two days later, in the 1990s."
    assert engine._windows(text) == engine._windows_re(text)
    hits = engine._windows(text)
    assert hits is not None and hits["MON"] and hits["S"]
    # lowercasing changes the length ("\u0130" -> "i\u0307"): no windows
    assert engine._windows("\u0130stanbul on May 2") is None


def test_tokens_of_a_sentence() -> None:
    text = "On Q3 of FY2020, the 2nd Monday: 1990s' rates, 30-day notes; may-June."
    hits = engine._windows(text)
    assert hits is not None
    words = {text[s:e].lower() for spans in hits.values() for s, e in spans}
    assert {"q", "fy", "nd", "monday", "1990", "s", "30", "day", "may", "june", "2020", "3", "2"} <= words
    assert [text[s:e] for s, e in hits["Y4"]] == ["2020", "1990"]
    assert hits["S"] == [(text.index("1990s") + 4, text.index("1990s") + 5)]
    assert hits["S"] == engine._windows_re(text)["S"]


def test_windowed_search_finds_what_a_full_scan_finds_on_samples(monkeypatch) -> None:
    from conftest import windowed_equals_full_scan

    for p in SAMPLES:
        windowed_equals_full_scan(p.read_text(encoding="utf-8"), D(2025, 3, 20), monkeypatch)
        monkeypatch.undo()


def _finditer_matches(rule, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in rule.regex.finditer(text) if m.end() > m.start()]


def _scan_matches(rule, text: str) -> list[tuple[int, int]]:
    """What _candidates' scan loop finds for ``rule`` over the whole text (no trigger;
    guard left out: it is the same either way)."""
    no_guard = engine.Rule(rule.name, rule.regex, rule.handler, None, rule.priority, (), rule.reach,
                           None, rule.scan, rule.scan_after)
    saved = engine._rules
    engine._rules = lambda: [no_guard]  # type: ignore[assignment]
    try:
        return [(s, e) for s, e, _p, _r, _m in engine._candidates(text)]
    finally:
        engine._rules = saved  # type: ignore[assignment]


def test_every_rule_has_a_scan_pattern() -> None:
    rules = engine._rules()
    with_scan = [r.name for r in rules if r.scan is not None]
    assert len(with_scan) >= len(rules) - 3, [r.name for r in rules if r.scan is None]
    assert sum(r.scan_after for r in rules) >= len(rules) // 2


def test_scan_patterns_find_what_finditer_finds() -> None:
    """The rewritten (lowercase, case-sensitive) scan pattern of every rule, with the
    rule's regex at each place it stops, finds exactly the matches finditer finds: at
    the text's start, after any separator, on words in any case."""
    rnd = random.Random(5)
    texts = [engine.normalise(p.read_text(encoding="utf-8")) for p in SAMPLES]
    texts += [c[0] for c in CASES] + list(NEGATIVES) + _random_texts(600, seed=3)
    texts += [t.upper() for t in texts[:40]] + [t.title() for t in texts[:40]]
    # non-ASCII characters next to matches and far from them: windows that hold one take
    # the rule's own regex, the others the scan
    for i, t in enumerate(texts[:300]):
        k = rnd.randrange(len(t) + 1)
        texts.append(t[:k] + rnd.choice(["\u2022 ", "\u2026", "caf\u00e9 ", "\u00e9", "\u00bb"]) + t[k:])
    rules = [r for r in engine._rules() if r.scan is not None]
    checked = non_ascii = 0
    for text in texts:
        if not text or engine._windows(text) is None:
            continue
        non_ascii += not text.isascii()
        for r in rules:
            want = _finditer_matches(r, text)
            assert _scan_matches(r, text) == want, (r.name, text)
            if want:
                checked += 1
    assert checked > 300 and non_ascii > 250
