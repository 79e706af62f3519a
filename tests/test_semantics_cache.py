"""Tests of the caches behind timeline.semantics.describe: the NameIndex keeps only the
last few sentence analyses and the results of each clause, so the order of the calls,
a fresh index and mutating a returned Description must not change any answer.

The article below was written for these tests.
"""

from __future__ import annotations

import re

from timeline import semantics
from timeline.semantics import NameIndex, describe

ARTICLE = (
    "Harbour authority chief Ines Carvalho said on Monday that the new ferry terminal "
    "would open on April 3. The council approved the final payment to Northbay "
    "Construction on March 12, and Carvalho met the builders on Tuesday. "
    "Officials had hoped to finish the works in early June 2024, but heavy storms in "
    "January delayed the last inspections. The company, which changed its name last "
    "year, is expected to publish its accounts on 14 March. Carvalho did not attend "
    "the meeting on Friday, a spokesperson said. Residents can comment on the plan "
    "until May 15. A second phase is scheduled to start in the autumn of 2025. "
    "The mayor will hold a ceremony on April 2, the city said on Wednesday. "
    "Northbay said it had corrected the faults and would reopen the road on Sunday."
)

_DATE_RE = re.compile(
    r"\b(?:(?:January|March|April|May|June)(?: \d{1,2})?(?: \d{4})?|\d{1,2} March|"
    r"Monday|Tuesday|Wednesday|Friday|Sunday|(?:early June) 2024|2025|last year)\b")


def _sentences(text: str) -> list[tuple[int, int]]:
    out = []
    start = 0
    for m in re.finditer(r"\.(?= |$)", text):
        out.append((start, m.end()))
        start = m.end() + 1
    return out


def _mentions() -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(sentence, mention) pairs for every date-like phrase of ARTICLE, in text order."""
    sents = _sentences(ARTICLE)
    out = []
    for m in _DATE_RE.finditer(ARTICLE):
        sent = next(s for s in sents if s[0] <= m.start() and m.end() <= s[1])
        out.append((sent, (m.start(), m.end())))
    return out


def _row(sent: tuple[int, int], mention: tuple[int, int], names: NameIndex | None) -> tuple:
    d = describe(ARTICLE, sent, mention, names=names)
    return d.title, tuple(d.actors), d.status


def test_article_has_mentions_in_many_sentences() -> None:
    mentions = _mentions()
    assert len(mentions) >= 12
    # more sentences than the index keeps, so the order below evicts analyses
    assert len({s for s, _ in mentions}) > semantics._SENTENCES_KEPT


def test_call_order_and_fresh_indexes_give_the_same_answers() -> None:
    mentions = _mentions()
    fresh = [_row(s, m, NameIndex.from_text(ARTICLE)) for s, m in mentions]
    names = NameIndex.from_text(ARTICLE)
    in_order = [_row(s, m, names) for s, m in mentions]
    assert in_order == fresh
    # reversed and interleaved: sentences are analysed again after eviction
    names = NameIndex.from_text(ARTICLE)
    backwards = [_row(s, m, names) for s, m in reversed(mentions)][::-1]
    assert backwards == fresh
    names = NameIndex.from_text(ARTICLE)
    order = list(range(0, len(mentions), 2)) + list(range(1, len(mentions), 2))
    jumbled = {i: _row(*mentions[i], names) for i in order}
    assert [jumbled[i] for i in range(len(mentions))] == fresh
    # without an index (describe builds one)
    assert [_row(s, m, None) for s, m in mentions] == fresh


def test_index_keeps_a_bounded_number_of_sentences() -> None:
    names = NameIndex.from_text(ARTICLE)
    for s, m in _mentions():
        describe(ARTICLE, s, m, names=names)
    assert 0 < len(names._cache) <= semantics._SENTENCES_KEPT


def test_mutating_returned_actors_does_not_leak_into_later_answers() -> None:
    names = NameIndex.from_text(ARTICLE)
    sent = _sentences(ARTICLE)[1]
    start = ARTICLE.index("Tuesday")
    mention = (start, start + len("Tuesday"))
    first = describe(ARTICLE, sent, mention, names=names)
    assert first.actors == ["Ines Carvalho"]  # "Carvalho met the builders on Tuesday"
    first.actors.clear()
    again = describe(ARTICLE, sent, mention, names=names)  # answered from the clause cache
    assert again.actors == ["Ines Carvalho"]
