"""Tagger rules of the fifth accuracy round, on sentences written for these tests.

Each case is ``(sentence, reference date, [(text, type, value), ...])``: every timex
expected, in document order."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import windowed_equals_full_scan
from timeline.tagger import tag

D = date

CASES = [
    # an earnings report: a comparison with a year-to-date figure ("for the nine months")
    # is with the same span of the year before, written as the year; with a quarter
    # figure it stays that quarter of the year before
    ("Acme earned $5 million in the third quarter, up from $4 million a year earlier. For the nine "
     "months, it earned $12 million, compared with $10 million a year earlier.", D(2024, 10, 25),
     [("the third quarter", "DATE", "2024-Q3"), ("a year earlier", "DATE", "2023-Q3"),
      ("the nine months", "DURATION", "P9M"), ("a year earlier", "DATE", "2023")]),
    ("Acme posted a third-quarter loss. In the first nine months, sales rose to $9 million from "
     "$8 million in the 2023 period.", D(2024, 10, 25),
     [("third-quarter", "DATE", "2024-Q3"), ("the first nine months", "DURATION", "P9M"),
      ("the 2023 period", "DATE", "2023")]),
    ("Acme posted a third-quarter loss. For the nine months, the firm lost $2 million, against "
     "year-earlier profit of $1 million.", D(2024, 10, 25),
     [("third-quarter", "DATE", "2024-Q3"), ("the nine months", "DURATION", "P9M"), ("year-earlier", "DATE", "2023")]),
    ("The firm said Monday that it posted a $3 million loss for the first nine months, against a "
     "profit a year earlier.", D(2024, 10, 30),
     [("Monday", "DATE", "2024-10-28"), ("the first nine months", "DURATION", "P9M"), ("a year earlier", "DATE", "2023")]),
    # ... but a day named after the span is what "a year earlier" counts from
    ("For the nine months ended Oct. 5, the grocer earned $3 million, compared with $4 million a "
     "year earlier.", D(2024, 10, 30),
     [("the nine months", "DURATION", "P9M"), ("Oct. 5", "DATE", "2024-10-05"), ("a year earlier", "DATE", "2023-10-05")]),
    # "that quarter" is the quarter named last (not the quarter of the day named last); "this
    # quarter" in a report on the quarter just ended is that quarter, unless it looks ahead
    ("Acme had a loss in the second quarter, it said on Oct. 2. Results for that quarter included a charge.",
     D(2024, 10, 25),
     [("the second quarter", "DATE", "2024-Q2"), ("Oct. 2", "DATE", "2024-10-02"), ("that quarter", "DATE", "2024-Q2")]),
    ("Acme lost $2 million in the third quarter. This quarter's loss includes a $1 million charge for the plant.",
     D(2024, 11, 1), [("the third quarter", "DATE", "2024-Q3"), ("This quarter", "DATE", "2024-Q3")]),
    ("Acme lost $2 million in the third quarter. It will return to profit this quarter, the chief said.",
     D(2024, 11, 1), [("the third quarter", "DATE", "2024-Q3"), ("this quarter", "DATE", "2024-Q4")]),
    # "the corresponding period last year", "last year's quarter": the report's period, a
    # year back, as one expression
    ("Acme earned $3 million in the third quarter, up from $2 million in the corresponding period "
     "last year. Sales for last year's quarter were $9 million.", D(2024, 10, 25),
     [("the third quarter", "DATE", "2024-Q3"), ("the corresponding period last year", "DATE", "2023-Q3"),
      ("last year's quarter", "DATE", "2023-Q3")]),
    ("Acme posted a third-quarter loss. For the nine months, sales fell from the same period a year earlier.",
     D(2024, 10, 25),
     [("third-quarter", "DATE", "2024-Q3"), ("the nine months", "DURATION", "P9M"),
      ("the same period a year earlier", "DATE", "2023")]),
    ("Traffic rose 4% from the same period last year.", D(2024, 10, 25), [("the same period last year", "DATE", "2023")]),
    # a present passive nearer to a month than a past verb puts the month's clause in the
    # present (the nearest such month); a past verb nearer still decides
    ("The union had already rejected the offer, and its appeal is heard in May.", D(2024, 3, 20),
     [("May", "DATE", "2024-05")]),
    ("The plan, which is backed by the mayor, was approved in May.", D(2024, 3, 20), [("May", "DATE", "2023-05")]),
    # in a report on the quarter just ended, an earlier quarter of the year named in passing
    # does not become the quarter "a year ago" compares with; a company's fiscal quarter
    # does, and "that quarter" is still the quarter named last
    ("Acme said its third-quarter profit rose 8%. After a weak second quarter, the firm cut costs, "
     "and profit was higher than a year ago.", D(2024, 10, 25),
     [("third-quarter", "DATE", "2024-Q3"), ("second quarter", "DATE", "2024-Q2"), ("a year ago", "DATE", "2023-Q3")]),
    ("Acme said its third-quarter profit rose 8%. Beta posted a loss for the fiscal second quarter, "
     "against a profit a year ago.", D(2024, 10, 25),
     [("third-quarter", "DATE", "2024-Q3"), ("the fiscal second quarter", "DATE", "2024-Q2"),
      ("a year ago", "DATE", "2023-Q2")]),
    ("Acme said its third-quarter profit rose. Its second quarter was weak, and costs in that quarter "
     "were high.", D(2024, 10, 25),
     [("third-quarter", "DATE", "2024-Q3"), ("second quarter", "DATE", "2024-Q2"), ("that quarter", "DATE", "2024-Q2")]),
    # "then current": current at a time already talked about
    ("In 1990 the workers were paid at the then current rate, the current board said.", D(2024, 10, 25),
     [("1990", "DATE", "1990"), ("then current", "DATE", "PAST_REF"), ("current", "DATE", "PRESENT_REF")]),
    # "the first/last two quarters of" a year: its first/second half
    ("Losses will run through the first two quarters of 2025 and ease in the last two quarters of the year.",
     D(2024, 10, 25),
     [("the first two quarters of 2025", "DATE", "2025-H1"), ("the last two quarters of the year", "DATE", "2025-H2")]),
    ("Sales grew in the first two quarters of this year.", D(2024, 10, 25),
     [("the first two quarters of this year", "DATE", "2024-H1")]),
]


@pytest.mark.parametrize("text,ref,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_round5_cases(text: str, ref: date, expected: list[tuple[str, str, str]]) -> None:
    got = [(t.text, t.type, t.value) for t in tag(text, ref)]
    assert got == expected


def test_windows_find_what_a_full_scan_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    """The trigger-word windows are an optimisation only: on this round's sentences, the
    same output as running every rule over the whole text."""
    windowed_equals_full_scan(" ".join(c[0] for c in CASES), D(2024, 10, 25), monkeypatch)
