"""Tagger rules of the fourth accuracy round, on sentences written for these tests.

Each case is ``(sentence, reference date, [(text, type, value), ...])``: every timex
expected, in document order."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import windowed_equals_full_scan
from timeline.tagger import tag
from timeline.tagger.context import Ctx
from timeline.tagger.lexicon import lexicon

D = date

CASES = [
    # the period of an abbreviation does not end the sentence, and a month that opens the
    # sentence takes the past of its main verb, even past a long subordinate phrase
    ("Floods hit the region in 2019. In March, two days after the Smith vs. Jones verdict, a storm "
     "near Mobile, Ala., damaged the old bridge.", D(2024, 11, 20),
     [("2019", "DATE", "2019"), ("March", "DATE", "2024-03"), ("two days", "DURATION", "P2D")]),
    # "earlier"/"later" before a weekday or "this week" places the event, it is not part of
    # the date; before a month or a year it stays ("earlier this year")
    ("Earlier Monday, the mayor met the strikers.", D(2024, 5, 1), [("Monday", "DATE", "2024-04-29")]),
    ("The mayor will meet the owners later Thursday.", D(2024, 5, 1), [("Thursday", "DATE", "2024-05-02")]),
    ("The board said earlier this week that sales rose earlier this year.", D(2024, 5, 1),
     [("this week", "DATE", "2024-W18"), ("earlier this year", "DATE", "2024")]),
    # a past form after "to" or a modal is a base form ("to last"), not a past-tense marker
    ("The trial opened in November and is expected to last into the summer.", D(2024, 3, 14),
     [("November", "DATE", "2023-11"), ("the summer", "DATE", "2024-SU")]),
    # "2010 to 15 years": a year and a duration, not the range 2010-2015
    ("The judge jailed him in 2011 to 12 years; his share fell from 2019 to 40 percent.", D(2024, 5, 1),
     [("2011", "DATE", "2011"), ("12 years", "DURATION", "P12Y"), ("2019", "DATE", "2019")]),
    ("The 2011-12 season and the 2014 to 16 period were both dry.", D(2024, 5, 1),
     [("2011", "DATE", "2011"), ("12", "DATE", "2012"), ("2014", "DATE", "2014"), ("16", "DATE", "2016")]),
    # a 24-hour clock time with a time zone; a bracketed conversion repeats the time before it
    ("Flights resumed at 14:30 GMT and the curfew starts at 2100 UTC tomorrow.", D(2024, 5, 1),
     [("14:30 GMT", "TIME", "2024-05-01T14:30"), ("2100 UTC tomorrow", "TIME", "2024-05-02T21:00")]),
    ("The quake struck at 9:05 a.m. (0105 GMT) on Friday. It lasted 90 seconds.", D(2024, 5, 1),
     [("9:05 a.m.", "TIME", "2024-05-01T09:05"), ("Friday", "DATE", "2024-04-26"),
      ("90 seconds", "DURATION", "PT90S")]),
    # "would" + weekday is reckoned from the day a report was made, never from the start of
    # a span ("closed since ..."); reference date: a Thursday
    ("Officials said Tuesday that the road, closed since Feb. 2, would reopen on Friday.", D(2024, 5, 2),
     [("Tuesday", "DATE", "2024-04-30"), ("Feb. 2", "DATE", "2024-02-02"), ("Friday", "DATE", "2024-05-03")]),
    ("On April 29 the mayor said the road would reopen on Friday.", D(2024, 5, 2),
     [("April 29", "DATE", "2024-04-29"), ("Friday", "DATE", "2024-05-03")]),
    # "this past" / "this coming" + unit
    ("Crowds gathered this past weekend and will return this coming week.", D(2024, 5, 1),
     [("this past weekend", "DATE", "2024-W17-WE"), ("this coming week", "DATE", "2024-W19")]),
    # the n-th weekday of a month
    ("The club meets on the first Tuesday of June and on the last Friday in November 2025.", D(2024, 5, 1),
     [("the first Tuesday of June", "DATE", "2024-06-04"), ("the last Friday in November 2025", "DATE", "2025-11-28")]),
    # "in as many weeks": a count, not a duration
    ("It was the third outage in as many weeks.", D(2024, 5, 1), []),
    # "-long" adjectives are durations
    ("After a day-long hearing and a weeklong recess, the months-long dispute ended.", D(2024, 5, 1),
     [("day-long", "DURATION", "P1D"), ("weeklong", "DURATION", "P1W"), ("months-long", "DURATION", "PXM")]),
    ("The two-year-long probe found nothing.", D(2024, 5, 1), [("two-year-long", "DURATION", "P2Y")]),
    # decades are written in years, counted or not
    ("A decades-long feud ended after two decades of talks.", D(2024, 5, 1),
     [("decades-long", "DURATION", "PXY"), ("two decades", "DURATION", "P20Y")]),
    ("The family ruled for decades.", D(2024, 5, 1), [("decades", "DURATION", "PXY")]),
    # "for a while": an unspecified stretch of time; "while" the conjunction is not
    ("The line will stay shut for a while, while crews repair it.", D(2024, 5, 1), [("a while", "DURATION", "PXX")]),
    # "pre-"/"post-" + year: the year, the prefix inside the expression
    ("Rents are back to pre-2008 levels after the post-2020 slump.", D(2024, 5, 1),
     [("pre-2008", "DATE", "2008"), ("post-2020", "DATE", "2020")]),
    # "over the years": an unspecified number of years; not "over the years of war"
    ("Over the years the shop grew, but over the years of war it shrank.", D(2024, 5, 1),
     [("the years", "DURATION", "PXY")]),
    # "-to-" comparisons are not periods
    ("The quarter-to-quarter change was small, on a year-to-year basis too.", D(2024, 5, 1), []),
    # a count of trading/business/straight days is a duration
    ("The fund has ten business days to reply after losing money for three straight months.", D(2024, 5, 1),
     [("ten business days", "DURATION", "P10D"), ("three straight months", "DURATION", "P3M")]),
]


def test_abbreviations_do_not_end_sentences() -> None:
    text = "Mr. Lee met Gen. Ortiz in St. Louis with the U.S. envoy. They left."
    ctx = Ctx(text, D(2024, 5, 1), lexicon())
    s, e = ctx.sentence(text.index("Ortiz"), text.index("Ortiz") + 5)
    assert text[s:e] == "Mr. Lee met Gen. Ortiz in St. Louis with the U.S. envoy."


@pytest.mark.parametrize("text,ref,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_round4_cases(text: str, ref: date, expected: list[tuple[str, str, str]]) -> None:
    got = [(t.text, t.type, t.value) for t in tag(text, ref)]
    assert got == expected


def test_windows_find_what_a_full_scan_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    """The trigger-word windows are an optimisation only: on this round's sentences, the
    same output as running every rule over the whole text."""
    windowed_equals_full_scan(" ".join(c[0] for c in CASES), D(2024, 5, 1), monkeypatch)
