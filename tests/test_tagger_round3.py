"""Tagger rules of the third accuracy round, on sentences written for these tests.

Each case is ``(sentence, reference date, [(text, type, value), ...])``: every timex
expected, in document order."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import windowed_equals_full_scan
from timeline.tagger import tag

D = date

CASES = [
    # a bare past month takes a year just named only when that is the year before the
    # reference date; two years back the narrative has moved on
    ("The plant opened in 2021 and was expanded the following year. Inspectors fined the owners "
     "in October for safety breaches.", D(2024, 3, 10),
     [("2021", "DATE", "2021"), ("the following year", "DATE", "2022"), ("October", "DATE", "2023-10")]),
    ("Output slumped last year. Engineers found the fault in October after a long search.", D(2024, 3, 10),
     [("last year", "DATE", "2023"), ("October", "DATE", "2023-10")]),
    # a participle right before a full date dates it: "shares issued March 3" were issued
    ("The shares issued March 3 will receive a smaller dividend this year.", D(2024, 10, 30),
     [("March 3", "DATE", "2024-03-03"), ("this year", "DATE", "2024")]),
    # "more" between the number and the unit; one more unit; an open stretch ahead
    ("The regulator gave the bank two more weeks to respond.", D(2024, 5, 1),
     [("two more weeks", "DURATION", "P2W")]),
    ("The lease can be extended for an additional year.", D(2024, 5, 1),
     [("an additional year", "DURATION", "P1Y")]),
    ("Prices may swing sharply in the weeks ahead.", D(2024, 5, 1), [("the weeks ahead", "DURATION", "PXW")]),
    # a vague count of quarters is a duration, a number of quarters "of" something a fraction
    ("The firm returned to profit after several quarters of losses.", D(2024, 5, 1),
     [("several quarters", "DURATION", "PXQ")]),
    ("Three quarters of the voters agreed.", D(2024, 5, 1), []),
    # a part of the day without a weekday: on the day the story is at (else the reference day)
    ("Rescue teams reached the village by mid-afternoon.", D(2024, 5, 1),
     [("mid-afternoon", "TIME", "2024-05-01TAF")]),
    ("Shares slid in late afternoon yesterday.", D(2024, 5, 1),
     [("late afternoon yesterday", "TIME", "2024-04-30TAF")]),
    ("Talks opened on March 3, 2024. Negotiators met again in the evening.", D(2024, 5, 1),
     [("March 3, 2024", "DATE", "2024-03-03"), ("the evening", "TIME", "2024-03-03TEV")]),
    ("The ferry left at 5 in the morning.", D(2024, 5, 1), [("5 in the morning", "TIME", "2024-05-01T05:00")]),
    # US Election Day: the Tuesday after the first Monday of November
    ("The campaign will run until Election Day.", D(2024, 5, 1), [("Election Day", "DATE", "2024-11-05")]),
    # "around" before a clock time or a dated day belongs to it (mod APPROX); not before a
    # bare weekday, where it is usually a particle ("get around Wednesday's ruling")
    ("The deal should close around Nov. 1.", D(2024, 10, 20), [("around Nov. 1", "DATE", "2024-11-01")]),
    ("The men left the shop around 7:15 p.m.", D(2024, 10, 20), [("around 7:15 p.m.", "TIME", "2024-10-20T19:15")]),
    ("Lawyers looked for a way to get around Wednesday's ruling.", D(2024, 5, 3),
     [("Wednesday", "DATE", "2024-05-01")]),
    # "or so", "or later", "and beyond" belong to the expression they qualify
    ("The mills will close over the next year or so.", D(2024, 5, 1), [("the next year or so", "DATE", "2025")]),
    ("Rates may stay high for the next two years or so.", D(2024, 5, 1),
     [("the next two years or so", "DURATION", "P2Y")]),
    ("The unit will not turn a profit until 2027 or later.", D(2024, 5, 1), [("2027 or later", "DATE", "2027")]),
    ("The plan sets targets for 2030 and beyond.", D(2024, 5, 1), [("2030 and beyond", "DATE", "2030")]),
    ("The rule applies from October 2026 or later.", D(2024, 5, 1), [("October 2026", "DATE", "2026-10")]),
    # "could" sets no tense: here it is the past of "can"
    ("The mayor's aides could not be reached Wednesday.", D(2024, 5, 3), [("Wednesday", "DATE", "2024-05-01")]),
    # nor does "to meet" (here "meet demand", a purpose): the sentence is in the past
    ("Supply problems made it hard for the firm to meet demand for its new laptops well into the summer.",
     D(2024, 10, 26),
     [("the summer", "DATE", "2024-SU")]),
    # "by year end" is the end of the year (its year, mod END); "year-end" results the closing day
    ("The sale should close by year end, and year-end accounts will show it.", D(2024, 5, 1),
     [("year end", "DATE", "2024"), ("year-end", "DATE", "2024-12-31")]),
    ("Staff cuts are due by year's end. A year earlier the plan was smaller.", D(2024, 5, 1),
     [("year's end", "DATE", "2024"), ("A year earlier", "DATE", "2023")]),
    # a weekday that opens the sentence takes the tense of the clause after it, however long
    # its subject (reference date: a Wednesday)
    ("On Tuesday, the National Association of Small Business Owners plans to hold a rally.", D(2024, 5, 1),
     [("Tuesday", "DATE", "2024-05-07")]),
    ("On Tuesday, the National Association of Small Business Owners held a rally.", D(2024, 5, 1),
     [("Tuesday", "DATE", "2024-04-30")]),
    # extents: "fiscal" stays with a quarter; "the early"/"this past" with a season
    ("The bank earned more in the fiscal-first quarter.", D(2024, 10, 30),
     [("the fiscal-first quarter", "DATE", "2024-Q1")]),
    ("The firm posted a loss for the fiscal second-quarter.", D(2024, 10, 30),
     [("fiscal second-quarter", "DATE", "2024-Q2")]),
    ("Orders recovered from the lows of the early summer.", D(2024, 10, 30), [("the early summer", "DATE", "2024-SU")]),
    ("The plant was sold this past spring.", D(2024, 10, 30), [("this past spring", "DATE", "2024-SP")]),
    # "the last/second half of" a decade: the decade, mod END (not a half-year of 1990)
    ("Sales were flat through the last half of the '90s.", D(2024, 5, 1),
     [("the last half of the '90s", "DATE", "199")]),
    ("Prices fell in the second half of the 1980s.", D(2024, 5, 1),
     [("the second half of the 1980s", "DATE", "198")]),
    # "twice a week", "once a month": a SET (the general "a week" branch used to shadow them)
    ("The council met twice a week and the board once a month.", D(2024, 5, 1),
     [("a week", "SET", "P1W"), ("a month", "SET", "P1M")]),
    # a rule's window reaches as far as its lookaheads read
    ("The ceremony was held on the 10th anniversary of the flood.", D(2024, 5, 1), []),
    ("Net income rose in the third quarter of 2023. For the quarter a year ago, it fell.", D(2023, 11, 2),
     [("the third quarter of 2023", "DATE", "2023-Q3"), ("the quarter a year ago", "DATE", "2022-Q3")]),
]


def test_around_sets_approx() -> None:
    (t,) = tag("The transfer is due around March 4.", D(2024, 2, 1))
    assert (t.text, t.mod) == ("around March 4", "APPROX")


@pytest.mark.parametrize("text,ref,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_round3_cases(text: str, ref: date, expected: list[tuple[str, str, str]]) -> None:
    got = [(t.text, t.type, t.value) for t in tag(text, ref)]
    assert got == expected


def test_windows_find_what_a_full_scan_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    """The trigger-word windows are an optimisation only: on this round's sentences, the
    same output as running every rule over the whole text."""
    windowed_equals_full_scan(" ".join(c[0] for c in CASES), D(2024, 5, 1), monkeypatch)
