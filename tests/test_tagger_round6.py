"""Tagger rules of the sixth accuracy round, on sentences written for these tests.

Each case is ``(sentence, reference date, [(text, type, value), ...])``: every timex
expected, in document order."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import windowed_equals_full_scan
from timeline.tagger import tag

D = date

CASES = [
    # "soon" as a time adverb looking ahead from now is a future reference; "as soon as" is
    # a conjunction, "soon after the vote" is placed by the event, and a past "soon" is
    # soon after a past time, not ahead of the reference date
    ("The bakery will soon open a second shop, its owner hopes.", D(2024, 5, 2), [("soon", "DATE", "FUTURE_REF")]),
    ("Regulators may soon ask for the records.", D(2024, 5, 2), [("soon", "DATE", "FUTURE_REF")]),
    ("The mayor will speak as soon as the count ends.", D(2024, 5, 2), []),
    ("The road will reopen soon after the repairs.", D(2024, 5, 2), []),
    ("The protest began small but soon grew into a march.", D(2024, 5, 2), []),
    # a capitalised day word right after a name is a title, not the day
    ("She reads USA Today every morning, and today she read it twice.", D(2024, 5, 2),
     [("every morning", "SET", "XXXX-XX-XXTMO"), ("today", "DATE", "2024-05-02")]),
    # "the cars of tomorrow": the future in general, not the day after
    ("Engineers are designing the cars of tomorrow; the prototype ships tomorrow.", D(2024, 5, 2),
     [("tomorrow", "DATE", "2024-05-03")]),
    # "high noon": a showdown, not twelve o'clock
    ("For the two rival bidders, it is high noon; the auction closes at noon.", D(2024, 5, 2),
     [("noon", "TIME", "2024-05-02T12:00")]),
    # "a quarter of the market" is a fraction; "a quarter" alone is three months
    ("Funds hold more than a quarter of the market, twice what they held a quarter earlier.", D(2024, 5, 2),
     [("a quarter earlier", "DATE", "2024-Q1")]),
    # a year right after a name inside a sentence is part of the name
    ("In 2019 she founded a firm called Vega 2030, and in March 2020 it opened.", D(2024, 5, 2),
     [("2019", "DATE", "2019"), ("March 2020", "DATE", "2020-03")]),
    # "the latest nine months", "the year-earlier nine months": one span of nine months
    ("Sales rose in the latest nine months; profit for the year-earlier nine months was lower.", D(2024, 10, 25),
     [("the latest nine months", "DURATION", "P9M"), ("the year-earlier nine months", "DURATION", "P9M")]),
    # "later this afternoon", "early this morning": the word with the part of the day, as "later today"
    ("The envoy arrived early this morning and will meet the minister later this afternoon.", D(2024, 5, 2),
     [("early this morning", "TIME", "2024-05-02TMO"), ("later this afternoon", "TIME", "2024-05-02TAF")]),
    # "until then": up to the day just named
    ("The offer expires on June 14. Until then, holders may convert their shares.", D(2024, 5, 2),
     [("June 14", "DATE", "2024-06-14"), ("then", "DATE", "2024-06-14")]),
    ("Nothing was decided. Until then, the plant stays shut.", D(2024, 5, 2), []),
    # "in years" closing its clause: an unspecified number of years
    ("The mill is hiring for the first time in years, and in years when demand is weak it closes.",
     D(2024, 5, 2), [("years", "DURATION", "PXY")]),
    # "after weeks of talks": a stretch of weeks
    ("The deal follows months of wrangling, and came after weeks of talks.", D(2024, 5, 2),
     [("months", "DURATION", "PXM"), ("weeks", "DURATION", "PXW")]),
    # "the first hours of", "the early years": an unspecified stretch; "the first days after the
    # vote" is placed by the event, and "the early hours" is the time after midnight
    ("Most jobs were lost in the first hours of the strike and in the early years of the plan.", D(2024, 5, 2),
     [("the first hours", "DURATION", "PTXH"), ("the early years", "DURATION", "PXY")]),
    ("In the first days after the vote, the rebels left in the early hours of Monday.", D(2024, 5, 2),
     [("Monday", "DATE", "2024-04-29")]),
    # "in the years that followed": an unspecified stretch
    ("The dam was built in 1960, and in the decades that followed the valley flooded twice.", D(2024, 5, 2),
     [("1960", "DATE", "1960"), ("decades", "DURATION", "PXY")]),
    # "for a fairly lengthy period": an unspecified stretch
    ("The troops will stay for a fairly lengthy period, the general said.", D(2024, 5, 2),
     [("a fairly lengthy period", "DURATION", "PXX")]),
    # "as soon as possible": a time ahead, as a whole (not the conjunction "as soon as")
    ("The board wants the plant sold as soon as possible.", D(2024, 5, 2),
     [("as soon as possible", "DATE", "FUTURE_REF")]),
    # "the March meeting": the month, before the noun it dates; "the March on Washington" is a march
    ("The March meeting will set rates; the March on the capital drew crowds.", D(2024, 2, 10),
     [("March", "DATE", "2024-03")]),
    # "this crucial moment": the present
    ("Leaving at this crucial moment would be a mistake.", D(2024, 5, 2),
     [("this crucial moment", "DATE", "PRESENT_REF")]),
    # "the latest period" with no quarter named yet: the latest quarter, as "the latest quarter"
    ("Net income fell 10% in the latest period, the brewer said.", D(2024, 11, 2),
     [("the latest period", "DATE", "2024-Q3")]),
]


@pytest.mark.parametrize("text,ref,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_round6_cases(text: str, ref: date, expected: list[tuple[str, str, str]]) -> None:
    got = [(t.text, t.type, t.value) for t in tag(text, ref)]
    assert got == expected


def test_windows_find_what_a_full_scan_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    """The trigger-word windows are an optimisation only: on this round's sentences, the
    same output as running every rule over the whole text."""
    windowed_equals_full_scan(" ".join(c[0] for c in CASES), D(2024, 5, 2), monkeypatch)
