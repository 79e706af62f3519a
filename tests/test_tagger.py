"""Table-driven tests of timeline.tagger.tag on sentences written for these tests."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from timeline.tagger import TIMEX_TYPES, Timex, tag

D = date

# (sentence, reference date, [(text, type, value), ...]) -- every timex expected, in order
CASES = [
    # absolute and partial dates
    ("The treaty was signed on March 3, 2021, in Geneva.", D(2024, 5, 1),
     [("March 3, 2021", "DATE", "2021-03-03")]),
    ("Talks resumed Feb. 9 after a pause.", D(2024, 2, 20), [("Feb. 9", "DATE", "2024-02-09")]),
    ("The museum reopened on 14 July 2019.", D(2024, 5, 1), [("14 July 2019", "DATE", "2019-07-14")]),
    ("The vote is set for Tuesday, 9 April.", D(2024, 4, 2), [("Tuesday, 9 April", "DATE", "2024-04-09")]),
    ("The filing is dated 2023-11-30.", D(2024, 5, 1), [("2023-11-30", "DATE", "2023-11-30")]),
    ("The form was stamped 8/25/2020 by the clerk.", D(2024, 5, 1), [("8/25/2020", "DATE", "2020-08-25")]),
    ("Prices peaked in October 2022.", D(2024, 5, 1), [("October 2022", "DATE", "2022-10")]),
    ("The company was founded in 1987.", D(2024, 5, 1), [("1987", "DATE", "1987")]),
    ("Floods hit the valley in the spring of 2018.", D(2024, 5, 1), [("the spring of 2018", "DATE", "2018-SP")]),
    ("The report is due in mid-September.", D(2024, 5, 1), [("mid-September", "DATE", "2024-09")]),
    ("Output should recover by early 2026.", D(2024, 5, 1), [("early 2026", "DATE", "2026")]),
    ("Growth was fast in the 1960s.", D(2024, 5, 1), [("the 1960s", "DATE", "196")]),
    ("The abbey dates from the 12th century.", D(2024, 5, 1), [("the 12th century", "DATE", "11")]),
    # relative to the reference date
    ("Officials said today that the bridge is safe.", D(2024, 5, 1), [("today", "DATE", "2024-05-01")]),
    ("The storm hit the coast yesterday.", D(2024, 5, 1), [("yesterday", "DATE", "2024-04-30")]),
    ("Sales fell last year and will rise next year.", D(2024, 5, 1),
     [("last year", "DATE", "2023"), ("next year", "DATE", "2025")]),
    ("Parliament meets this week and next month.", D(2024, 5, 1),
     [("this week", "DATE", "2024-W18"), ("next month", "DATE", "2024-06")]),
    ("The ship left port two days ago.", D(2024, 5, 1), [("two days ago", "DATE", "2024-04-29")]),
    ("The plant closed four years ago.", D(2013, 3, 1), [("four years ago", "DATE", "2009")]),
    ("The minister said on Monday that taxes would not rise.", D(2024, 5, 1),  # a Wednesday
     [("Monday", "DATE", "2024-04-29")]),
    ("The minister will travel to Oslo on Friday.", D(2024, 5, 1), [("Friday", "DATE", "2024-05-03")]),
    ("The ferry sank last Saturday.", D(2024, 5, 1), [("last Saturday", "DATE", "2024-04-27")]),
    ("The final is this Sunday.", D(2024, 5, 1), [("this Sunday", "DATE", "2024-05-05")]),
    ("Gunfire was heard Tuesday night near the port.", D(2024, 5, 1),
     [("Tuesday night", "TIME", "2024-04-30TNI")]),
    ("The mayor spoke this morning.", D(2024, 5, 1), [("this morning", "TIME", "2024-05-01TMO")]),
    ("The rally starts tonight.", D(2024, 5, 1), [("tonight", "TIME", "2024-05-01TNI")]),
    ("The shop opens at 9 a.m. and closes at noon.", D(2024, 5, 1),
     [("9 a.m.", "TIME", "2024-05-01T09:00"), ("noon", "TIME", "2024-05-01T12:00")]),
    # months without a year
    ("The harvest failed in August, farmers said.", D(2024, 5, 1), [("August", "DATE", "2023-08")]),
    ("The new line will open in August.", D(2024, 5, 1), [("August", "DATE", "2024-08")]),
    ("Exports rose in February.", D(2024, 5, 1), [("February", "DATE", "2024-02")]),
    ("Inflation spiked last year. In an interview in March, the governor warned of more.",
     D(2024, 11, 7), [("last year", "DATE", "2023"), ("March", "DATE", "2023-03")]),
    # narrative anchoring
    ("The strike began on June 2, 2022. A week later, the port closed. The next day, it reopened.",
     D(2024, 5, 1),
     [("June 2, 2022", "DATE", "2022-06-02"), ("A week later", "DATE", "2022-W23"),
      ("The next day", "DATE", "2022-06-10")]),
    ("The firm was sold in 2015. That year, profits doubled.", D(2024, 5, 1),
     [("2015", "DATE", "2015"), ("That year", "DATE", "2015")]),
    ("Three weeks later the ban was lifted.", D(2024, 5, 1), [("Three weeks later", "DATE", "2024-W21")]),
    # ranges
    ("The festival runs between June 12 and 15.", D(2024, 5, 1),
     [("June 12", "DATE", "2024-06-12"), ("15", "DATE", "2024-06-15")]),
    ("The exhibition is open from May to July.", D(2024, 4, 1),
     [("May", "DATE", "2024-05"), ("July", "DATE", "2024-07")]),
    ("He served as mayor 2014-2016.", D(2024, 5, 1), [("2014", "DATE", "2014"), ("2016", "DATE", "2016")]),
    ("The season ran from December to March 2021.", D(2025, 1, 1),
     [("December", "DATE", "2020-12"), ("March 2021", "DATE", "2021-03")]),
    # an end without a year follows the start, whatever the tense or the reference date
    ("The strike lasted from November 2023 to January.", D(2024, 6, 1),
     [("November 2023", "DATE", "2023-11"), ("January", "DATE", "2024-01")]),
    ("Exports rose this year through August.", D(1989, 10, 27),
     [("this year", "DATE", "1989"), ("August", "DATE", "1989-08")]),
    # durations, vague references, sets
    ("Both sides agreed to a 30-day truce.", D(2024, 5, 1), [("30-day", "DURATION", "P30D")]),
    ("The tanks must leave within 10 days.", D(2024, 5, 1), [("10 days", "DURATION", "P10D")]),
    ("Prices have climbed for the past several months.", D(2024, 5, 1),
     [("the past several months", "DURATION", "PXM")]),
    ("The talks lasted twenty-five minutes.", D(2024, 5, 1), [("twenty-five minutes", "DURATION", "PT25M")]),
    # "recent <units>" is an unspecified stretch up to now (the corpus' majority: PXY, PXM...)
    ("In recent years the town has grown.", D(2024, 5, 1), [("recent years", "DURATION", "PXY")]),
    ("Prices fell in recent weeks.", D(2024, 5, 1), [("recent weeks", "DURATION", "PXW")]),
    # "today's" meaning "these days" is not the day; "today's paper" is
    ("Such gadgets shape today's youth, and many of today's laptops ship with them.", D(2024, 5, 1), []),
    ("The notice ran in today's paper.", D(2024, 5, 1), [("today", "DATE", "2024-05-01")]),
    # a spoken year after "the year", whatever follows
    ("Leaders hoped the year two thousand has room for peace.", D(1998, 3, 3),
     [("the year two thousand", "DATE", "2000")]),
    # "the current fiscal year that ..." is the year; "the fiscal year that ended ..." a year's span
    ("It sees sales in the current fiscal year that top last year's.", D(2024, 10, 30),
     [("the current fiscal year", "DATE", "2024"), ("last year", "DATE", "2023")]),
    ("Profit in the fiscal year that ended in June fell.", D(2024, 10, 30),
     [("the fiscal year", "DURATION", "P1Y"), ("June", "DATE", "2024-06")]),
    # "<holiday> week" is the week that holds the holiday; a holiday days away is this year's
    ("Pilgrims arrived as Easter week began.", D(2024, 3, 25), [("Easter week", "DATE", "2024-W13")]),
    # "the last half of <year>" is its second half; "last quarter" alone stays relative
    ("Output grew in the last half of 2019, and last quarter it shrank.", D(2024, 5, 1),
     [("the last half of 2019", "DATE", "2019-H2"), ("last quarter", "DATE", "2024-Q1")]),
    # a year-earlier quarter named by its ordinal
    ("Sales rose in the third quarter; in the year-ago third quarter they fell.", D(2024, 10, 30),
     [("the third quarter", "DATE", "2024-Q3"), ("the year-ago third quarter", "DATE", "2023-Q3")]),
    # "the week of <date>": the week that holds the day
    ("The hearing is set for the week of March 6.", D(2024, 2, 20), [("the week of March 6", "DATE", "2024-W10")]),
    ("The army is now in control.", D(2024, 5, 1), [("now", "DATE", "PRESENT_REF")]),
    ("Nobody can predict the future.", D(2024, 5, 1), [("the future", "DATE", "FUTURE_REF")]),
    ("The market is held every week.", D(2024, 5, 1), [("every week", "SET", "P1W")]),
    ("The paper is published daily.", D(2024, 5, 1), [("daily", "SET", "P1D")]),
    ("The choir meets each Thursday.", D(2024, 5, 1), [("each Thursday", "SET", "XXXX-WXX-4")]),
    ("Floods return each winter and prices change each season.", D(2024, 5, 1),
     [("each winter", "SET", "XXXX-WI"), ("each season", "SET", "P3M")]),
    # event-anchored: only the duration part
    ("He resigned three days after taking office.", D(2024, 5, 1), [("three days", "DURATION", "P3D")]),
    ("The decree came 10 days before the election.", D(2024, 5, 1), [("10 days", "DURATION", "P10D")]),
    # holidays, quarters, weekends, decades
    ("Shops close on Christmas Day.", D(2024, 5, 1), [("Christmas Day", "DATE", "2024-12-25")]),
    ("Crowds gathered on New Year's Day.", D(2024, 5, 1), [("New Year's Day", "DATE", "2024-01-01")]),
    ("Families met for Thanksgiving last year.", D(2024, 5, 1),
     [("Thanksgiving", "DATE", "2023-11-23"), ("last year", "DATE", "2023")]),
    ("Easter falls early in 2024.", D(2024, 5, 1), [("Easter", "DATE", "2024-03-31"), ("2024", "DATE", "2024")]),
    ("Profit rose in the third quarter.", D(2024, 11, 1), [("the third quarter", "DATE", "2024-Q3")]),
    ("Profit fell in the fourth quarter of 2023.", D(2024, 5, 1),
     [("the fourth quarter of 2023", "DATE", "2023-Q4")]),
    ("The fire broke out over the weekend.", D(2024, 5, 1), [("the weekend", "DATE", "2024-W17-WE")]),
    ("Unemployment soared in the late 1970s.", D(2024, 5, 1), [("the late 1970s", "DATE", "197")]),
    ("Revenue beat forecasts in Q3 2023 and in H1 2024.", D(2024, 9, 1),
     [("Q3 2023", "DATE", "2023-Q3"), ("H1 2024", "DATE", "2024-H1")]),
    ("The summit ran from 10 to 12 March.", D(2024, 4, 1),
     [("10", "DATE", "2024-03-10"), ("12 March", "DATE", "2024-03-12")]),
    ("The crew spent 2 1/2 years at sea and two and a half hours in port.", D(2024, 5, 1),
     [("2 1/2 years", "DURATION", "P2Y6M"), ("two and a half hours", "DURATION", "PT2H30M")]),
    ("The law takes effect by the end of the year.", D(2024, 5, 1),
     [("the end of the year", "DATE", "2024")]),
    ("Aid fell sharply in late 2019.", D(2024, 5, 1), [("late 2019", "DATE", "2019")]),
    ("The talks collapsed on May 4, 2021. The day before, both sides had been hopeful.", D(2024, 5, 1),
     [("May 4, 2021", "DATE", "2021-05-04"), ("The day before", "DATE", "2021-05-03")]),
    ("Viewers watched 60 Minutes and This Week on Sunday.", D(2024, 5, 1), [("Sunday", "DATE", "2024-04-28")]),
    ("Iraq imports three-quarters of its food.", D(2024, 5, 1), []),
    ("Prices spiked in the winter of nineteen ninety-four.", D(1998, 2, 1),
     [("the winter of nineteen ninety-four", "DATE", "1994-WI")]),
    ("Voting opened on March 20. On the 22nd, results came in.", D(2024, 5, 1),
     [("March 20", "DATE", "2024-03-20"), ("the 22nd", "DATE", "2024-03-22")]),
    ("Russia's 2022 invasion and 2014's annexation.", D(2024, 5, 1),
     [("2022", "DATE", "2022"), ("2014", "DATE", "2014")]),
    ("The club meets every other week; the band plays Tuesday nights.", D(2024, 5, 1),
     [("every other week", "SET", "P2W"), ("Tuesday nights", "SET", "XXXX-WXX-2TNI")]),
    ("The airline runs four flights a week; the strike lasted a week.", D(2024, 5, 1),
     [("a week", "SET", "P1W"), ("a week", "DURATION", "P1W")]),
    ("Half an hour later the sirens stopped.", D(2024, 5, 1), [("Half an hour", "DURATION", "PT30M")]),
    ("Rebels held the town for nearly a decade.", D(2024, 5, 1), [("nearly a decade", "DURATION", "P10Y")]),
    ("The pact was signed in 1949. Fifty years later, it had 19 members.", D(2024, 5, 1),
     [("1949", "DATE", "1949"), ("Fifty years later", "DATE", "1999")]),
    ("The ceremony would be held on April 24, officials said.", D(2024, 2, 10),
     [("April 24", "DATE", "2024-04-24")]),
]


@pytest.mark.parametrize("text,ref,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_sentences(text: str, ref: date, expected: list[tuple[str, str, str]]) -> None:
    got = [(t.text, t.type, t.value) for t in tag(text, ref)]
    assert got == expected


NEGATIVES = [
    "Be that as it may, the deal is off.",
    "Putin may be stalling for time.",
    "Protesters march through the capital every evening",  # lowercase verb; SET on "every evening" below
    "A second source confirmed the report.",
    "A second Russian source denied it.",
    "We met them and we left.",
    "The Sun newspaper ran the story.",
    "Aid reached $174 billion this cycle.",
    "Some 600,000 people fled.",
    "Turnout fell by 20 percent.",
    "March on, said the general.",
    "He scored 2015 points in his career.",
    "Tourists sailed to Easter Island.",
    "The fall of the empire was swift.",
    "Crowds filled the square during the Arab Spring protests.",
]


@pytest.mark.parametrize("text", NEGATIVES[:2] + NEGATIVES[3:])
def test_no_timex(text: str) -> None:
    assert tag(text, D(2024, 5, 1)) == []


def test_march_verb_with_set() -> None:
    got = [(t.text, t.type) for t in tag(NEGATIVES[2], D(2024, 5, 1))]
    assert got == [("every evening", "SET")]


def test_may_month_in_context() -> None:
    got = [(t.text, t.value) for t in tag("The vote was held in May. It may be repeated.", D(2024, 8, 1))]
    assert got == [("May", "2024-05")]


def test_offsets_with_typographic_characters() -> None:
    text = "On\u00a0January\u00a022, the \u201cdeal\u201d fell\u2014apart; it\u2019s over since last\u00a0week \u2013 now."
    got = tag(text, D(2025, 1, 26))
    assert [t.text for t in got] == ["January\u00a022", "last\u00a0week", "now"]
    for t in got:
        assert text[t.start:t.end] == t.text
    assert got[0].value == "2025-01-22"


def test_sorted_and_well_formed_on_long_text() -> None:
    para = ("On March 3, 2021 the board met. Two days later it resigned. Last year sales fell 5 percent "
            "and next month they may recover, the CEO said on Tuesday. ")
    text = para * 200
    got = tag(text, datetime(2024, 5, 1, 12, 0))
    assert len(got) == 200 * 5
    assert [t.start for t in got] == sorted(t.start for t in got)
    for t in got:
        assert isinstance(t, Timex)
        assert t.type in TIMEX_TYPES
        assert text[t.start:t.end] == t.text
        assert t.end > t.start


def test_fields() -> None:
    got = tag("On January 22 the talks failed; a day later they resumed. Between 2009 and 2010 it grew.",
              D(2025, 1, 26))
    jan, later, y1, y2 = got
    assert (jan.year_assumed, jan.anchor, jan.is_calendar) == (True, "dct", True)
    assert (later.anchor, later.value) == ("narrative", "2025-01-23")
    assert (y1.range_role, y1.range_end, y2.range_role) == ("start", "2010", "end")
    assert y1.anchor is None and not y1.year_assumed
    early = tag("The plan starts in early December.", D(2012, 11, 1))[0]
    assert (early.text, early.value, early.mod) == ("early December", "2012-12", "START")
    first = tag("By the next day, the talks had resumed.", D(2025, 3, 19))[0]
    assert (first.value, first.anchor) == ("2025-03-20", "dct")  # nothing mentioned before it
    assert not tag("now", D(2024, 1, 1))[0].is_calendar
    assert not tag("a 30-day ceasefire", D(2024, 1, 1))[0].is_calendar


def test_without_reference_date() -> None:
    got = {t.text: t.value for t in tag("He left yesterday and returns on Christmas; in 1999 too.")}
    assert got["yesterday"] == "XXXX-XX-XX"
    assert got["Christmas"] == "XXXX-12-25"
    assert got["1999"] == "1999"


def test_empty() -> None:
    assert tag("") == []
    assert tag("No dates here at all.", D(2024, 1, 1)) == []


def test_trigger_windows_find_what_a_full_scan_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    """The keyword prefilter is an optimisation only: same output as running every rule
    over the whole text."""
    import timeline.tagger.engine as engine

    text = " ".join(c[0] for c in CASES) + " " + " ".join(NEGATIVES)
    fast = tag(text, D(2024, 5, 1))
    monkeypatch.setattr(engine, "_windows", lambda _text: None)
    slow = tag(text, D(2024, 5, 1))
    assert fast == slow
    assert len(fast) > 60


def test_future_in_the_past() -> None:
    text = "On August 4, the president said his envoy would visit Moscow on Wednesday or Thursday."
    got = [(t.text, t.value) for t in tag(text, D(2025, 8, 11))]  # published a week later
    assert got == [("August 4", "2025-08-04"), ("Wednesday", "2025-08-06"), ("Thursday", "2025-08-07")]
    same_day = [(t.text, t.value) for t in tag(text, D(2025, 8, 6))]
    assert same_day == [("August 4", "2025-08-04"), ("Wednesday", "2025-08-06"), ("Thursday", "2025-08-07")]


def test_tense_signals() -> None:
    ref = D(2025, 8, 6)  # a Wednesday
    said = tag("The envoy said on Monday that talks failed.", ref)[0]
    will = tag("The envoy will fly to Moscow on Monday.", ref)[0]
    would = tag("The envoy would likely visit Russia on Thursday.", ref)[0]
    poss = tag("Critics attacked Tuesday's decision.", ref)[0]
    assert (said.value, will.value, would.value, poss.value) == (
        "2025-08-04", "2025-08-11", "2025-08-07", "2025-08-05")


UNANCHORED = [
    # (text, the expression, flagged?)
    ("By the next day, the ministry had denied the report.", "the next day", True),
    ("A day later the ministry denied the report.", "A day later", True),
    ("Three weeks later the ban was lifted.", "Three weeks later", True),
    ("That year the harvest failed.", "That year", True),
    ("The same day the ministry denied it.", "The same day", True),
    # an earlier date in the text anchors them
    ("The port closed on June 2, 2022. By the next day, trade had stopped.", "the next day", False),
    ("The pact was signed in 1949. That year the harvest failed.", "That year", False),
    ("Talks failed yesterday. The same day the ministry denied it.", "The same day", False),
    # deictic expressions are anchored on the reference date by nature
    ("The ministry denied the report yesterday.", "yesterday", False),
    ("Two days ago the ministry denied the report.", "Two days ago", False),
    ("The ministry spoke at 3 p.m. about the report.", "3 p.m.", False),
]


@pytest.mark.parametrize("text,expr,flagged", UNANCHORED)
def test_unanchored_story_relative(text: str, expr: str, flagged: bool) -> None:
    """Story-relative expressions with no earlier date keep their reference-date value
    (TempEval's practice) but say so, so the events layer can leave them off a timeline."""
    got = {t.text: t for t in tag(text, D(2025, 3, 19))}
    t = got[expr]
    assert t.is_calendar
    assert bool(t.extra.get("unanchored")) is flagged
    if not flagged:
        assert "unanchored" not in t.extra


TENSE_CASES = [
    # a plan points ahead, even in the past tense
    ("The delegation planned to leave the capital on Thursday.", D(2024, 5, 1), "Thursday", "2024-05-02"),
    # "next to" is a place, not a future
    ("Dozens were hurt in the blast next to the embassy on Friday.", D(2024, 5, 4), "Friday", "2024-05-03"),
    # a modal far from the date says nothing about it
    ("Rescuers said they could not reach the village that the river flooded on Friday.", D(2024, 5, 4),
     "Friday", "2024-05-03"),
    # an irregular past verb
    ("A bullet tore through the window on Friday.", D(2024, 5, 4), "Friday", "2024-05-03"),
    # a deadline: "by" / "through" a month without a year
    ("Lenders extended the credit line through January.", D(2024, 10, 30), "January", "2025-01"),
    ("The asset sale analysts had long expected is part of a plan to repay the loan by February.",
     D(2024, 10, 30), "February", "2025-02"),
    # a plan in the pluperfect has passed: "had been due to" points back
    ("The tender offer had been due to expire Friday, before the bidder extended it.", D(2024, 5, 6),
     "Friday", "2024-05-03"),
    ("The vote is due to take place on Friday.", D(2024, 5, 6), "Friday", "2024-05-10"),
    # a deferral "until" a weekday points ahead even in the past tense; plain "until" does not
    ("The council postponed the vote until Tuesday.", D(2024, 5, 2), "Tuesday", "2024-05-07"),
    ("The strike lasted until Tuesday.", D(2024, 5, 2), "Tuesday", "2024-04-30"),
    # "the previous Friday" / "the following Monday": relative to the day just mentioned
    ("Shares closed higher on Friday, up 3% from the previous Friday.", D(2024, 5, 6),
     "the previous Friday", "2024-04-26"),
    ("She arrived on March 4 and left the following Monday.", D(2024, 5, 6), "the following Monday", "2024-03-11"),
    # "plans" as a noun is no plan for the date
    ("On Friday the minister cancelled his holiday plans.", D(2024, 5, 6), "Friday", "2024-05-03"),
    # a present-tense schedule verb right by the weekday points ahead
    ("The two leaders meet Thursday in Geneva.", D(2024, 5, 6), "Thursday", "2024-05-09"),
    ("The new bridge opens Saturday after two years of work.", D(2024, 5, 6), "Saturday", "2024-05-11"),
    # an "-ed" adjective after "a"/"the" (and an adverb) is no past tense
    ("The dividend would go out on a still undisclosed date in January.", D(2024, 10, 30), "January", "2025-01"),
]


@pytest.mark.parametrize("text,ref,expr,value", TENSE_CASES)
def test_tense_signals(text: str, ref: date, expr: str, value: str) -> None:
    got = {t.text: t.value for t in tag(text, ref)}
    assert got[expr] == value


def _rule_texts() -> str:
    base = " ".join(c[0] for c in CASES) + " " + " ".join(NEGATIVES)
    return base + "\n\n" + base.upper() + "\n\n" + base.title()


def test_rule_speedups_change_no_match(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first-character lookahead of each rule and the needles that skip windows are
    optimisations only: the rules without them find the same matches, and tag() the same
    timexes."""
    import re

    import timeline.tagger.engine as engine
    import timeline.tagger.rules as rules
    from timeline.tagger.lexicon import lexicon

    text = _rule_texts()
    fast_rules = {r.name: r for r in engine._rules()}
    assert sum(r.regex.pattern.startswith("(?=[") for r in fast_rules.values()) > 30
    assert sum(r.needle is not None for r in fast_rules.values()) > 10
    fast = tag(text, D(2024, 5, 1))
    monkeypatch.setattr(rules, "first_char_guard", lambda p: p)
    monkeypatch.setattr(rules, "_needles", lambda lex: {})
    plain_rules = {r.name: r for r in rules.build_rules(lexicon())}
    for name, r in plain_rules.items():
        assert r.needle is None
        spans = [m.span() for m in r.regex.finditer(text)]
        assert spans == [m.span() for m in fast_rules[name].regex.finditer(text)], name
        nd = fast_rules[name].needle
        if nd is not None:  # every match holds its rule's needle (or its lookahead does)
            low = text.lower()
            assert all(nd.search(low, max(0, s - rules.NEEDLE_BACK), e + 30) for s, e in spans), name
    engine._rules.cache_clear()
    try:
        assert tag(text, D(2024, 5, 1)) == fast
    finally:
        engine._rules.cache_clear()
    assert len(fast) > 60


def test_first_char_guard() -> None:
    from timeline.tagger.rules import first_char_guard

    assert first_char_guard(r"\b(?:next|last)\s+week") == r"(?=[ln])\b(?:next|last)\s+week"
    assert first_char_guard(r"\b\d+\s+days") == r"(?=[\d])\b\d+\s+days"
    assert first_char_guard(r"(?:a|b)?c*") == r"(?:a|b)?c*"  # can match the empty string
    assert first_char_guard(r"\b\w+ed") == r"\b\w+ed"  # any word character: no gain


def test_timex_is_frozen_and_compares_by_value() -> None:
    # (the compiled build writes Timex's fields natively in __init__: still frozen there;
    # test_compiled runs this module against that build)
    t = tag("The talks resumed on March 3, 2024.", date(2024, 3, 10))[0]
    with pytest.raises(AttributeError):
        t.value = "2024-03-04"  # type: ignore[misc]
    assert t.value == "2024-03-03"
    twin = Timex(t.start, t.end, t.text, t.type, t.value, anchor=t.anchor, year_assumed=t.year_assumed)
    assert twin == t and hash(twin) == hash(t) and twin.extra == {}
