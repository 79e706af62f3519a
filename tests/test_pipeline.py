"""End to end on the bundled sample articles: the events a reader would list by hand."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import timeline
from timeline.samples import sample_paths

# (sample file prefix, TIMEX3 value, words as written): events a careful reader lists.
EXPECTED = [
    ("01", "2025-01-22", "January 22"),           # the Truth Social post
    ("01", "2025-01-23", "Thursday"),             # Peskov's answer, "said on Thursday" (published Friday)
    ("01", "2022-02", "February 2022"),
    ("01", "2025-01-10", "January 10"),
    ("01", "2024", "last year"),
    ("01", "2024-10", "October 2024"),
    ("01", "2024-FA", "fall of 2024"),
    ("02", "2025-01-23", "January 23"),
    ("02", "2025-01-20", "January 20"),
    ("02", "2025-01-24", "Friday"),
    ("03", "2024-11-06", "Wednesday"),            # published Thursday 2024-11-07
    ("03", "2021-12", "December 2021"),
    ("03", "1997", "1997"),
    ("03", "2022-FA", "fall of 2022"),
    ("03", "2023", "last year"),
    ("03", "2024-09", "September"),
    ("03", "2025-01-20", "January 20"),           # future: "after taking office on January 20"
    ("04", "2025-03-18", "Tuesday"),              # published Wednesday 2025-03-19
    ("04", "2025-02-12", "February 12"),
    ("04", "2025-02-18", "February 18"),
    ("04", "2025-02-27", "February 27"),
    ("04", "2025-03-23", "Sunday"),               # "are expected to meet ... on Sunday"
    ("05", "2025-07-29", "July 29"),
    ("05", "2025-07-14", "July 14"),
    ("05", "2025-05", "May"),
    ("05", "2025-08-04", "August 4"),
    ("05", "2025-04-11", "April 11"),
]

# Words that must never become events.
NEVER = ["may", "May be", "second", "We", "now", "percent", "600,000", "$175 billion", "24 hours", "10 days", "30-day"]


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("error", timeline.ReferenceDateWarning)  # every sample states its date
        return timeline.extract(sample_paths())


def _doc(df: pd.DataFrame, prefix: str) -> pd.DataFrame:
    return df[df["doc"].map(lambda d: d.rsplit("/", 1)[-1].startswith(prefix + "_"))]


@pytest.mark.parametrize("prefix, value, words", EXPECTED)
def test_expected_event(events, prefix, value, words):
    rows = _doc(events, prefix)
    hits = rows[(rows["value"] == value) & rows["mention"].str.contains(words, regex=False)]
    assert len(hits) >= 1, f"{prefix}: no {value} for {words!r}; got {sorted(zip(rows['mention'], rows['value']))}"


def test_publication_dates_found_in_text(events):
    refs = events.groupby("doc")["reference_date"].first()
    assert sorted(refs) == ["2024-11-07", "2025-01-24", "2025-01-25", "2025-03-19", "2025-08-06"]
    assert set(events["reference_source"]) == {"text"}


def test_publication_line_is_not_an_event(events):
    from timeline.documents import find_publication_date

    for path in sample_paths():
        _, (a, b) = find_publication_date(path.read_text(encoding="utf-8"))
        rows = events[events["doc"] == str(path)]
        assert not ((rows["char_start"] < b) & (rows["char_end"] > a)).any()


@pytest.mark.parametrize("words", NEVER)
def test_never_an_event(events, words):
    import re

    bad = events[events["mention"].str.contains(rf"(?<!\w){re.escape(words)}(?!\w)", regex=True, case=True)]
    assert bad.empty, bad[["doc", "mention", "value"]]


def test_future_weekdays_follow_the_narrative(events):
    """Witkoff "would likely travel to Russia on Wednesday or Thursday", announced on
    Monday August 4: that Wednesday and Thursday, not the following week's."""
    rows = _doc(events, "05")
    wed = rows[rows["mention"].str.contains("Wednesday")]
    assert set(wed["value"]) <= {"2025-08-06"} and len(wed) == 1
    thu = rows[rows["mention"].str.contains("Thursday")]
    assert set(thu["value"]) == {"2025-08-07"}


def test_offsets_and_sentences(events):
    texts = {str(p): p.read_text(encoding="utf-8") for p in sample_paths()}
    for r in events.itertuples():
        text = texts[r.doc]
        assert text[r.char_start:r.char_end] == r.mention
        assert r.mention in r.sentence and r.sentence in text
        assert r.start < r.end
        assert r.title and len(r.title) <= 120


def test_precision(events):
    g = dict(zip(events["value"], events["granularity"]))
    assert g["2025-01-22"] == "day" and g["2021-12"] == "month" and g["2022-FA"] == "season" and g["1997"] == "year"


def test_no_reference_date_warns_and_flags(tmp_path):
    p = tmp_path / "undated.txt"
    p.write_text("The talks collapsed on Wednesday. On March 3 they resumed.", encoding="utf-8")
    with pytest.warns(timeline.ReferenceDateWarning, match="undated.txt"):
        df = timeline.extract(p)
    assert len(df) == 2 and df["year_assumed"].all() and set(df["reference_source"]) == {"today"}


def test_given_reference_date_wins(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Posted: 8/25/2020\n\nThe deal was signed yesterday.", encoding="utf-8")
    assert timeline.extract(p)["value"].tolist() == ["2020-08-24"]
    assert timeline.extract(p, reference_date="2021-03-10")["value"].tolist() == ["2021-03-09"]


def test_extract_text_and_errors(tmp_path):
    df = timeline.extract_text("Putin may be stalling. The summit is set for June 5, 2026.", reference_date="2026-05-01")
    assert df["value"].tolist() == ["2026-06-05"]
    with pytest.raises(timeline.NotFoundError, match="nope.txt"):
        timeline.extract(tmp_path / "nope.txt")
    good = tmp_path / "good.txt"
    good.write_text("It happened on 2024-05-01.", encoding="utf-8")
    with pytest.warns(UserWarning, match="nope.txt"):
        df = timeline.extract([tmp_path / "nope.txt", good], errors="warn")
    assert df["value"].tolist() == ["2024-05-01"]


def test_story_relative_date_needs_an_earlier_date():
    text = "The ministers spoke by phone. By the next day, both sides traded accusations."
    assert timeline.extract_text(text, reference_date="2025-03-19").empty
    anchored = "The ministers spoke on March 11, 2025. By the next day, both sides traded accusations."
    assert timeline.extract_text(anchored, reference_date="2025-03-19")["value"].tolist() == ["2025-03-11", "2025-03-12"]
