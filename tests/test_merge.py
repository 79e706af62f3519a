"""Tests of timeline.merge.merge_events on event rows built with timeline.semantics.

The documents are short texts written for these tests.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

from timeline.merge import MERGE_COLUMNS, merge_events
from timeline.schema import EVENT_COLUMNS
from timeline.semantics import NameIndex, describe


def _period(value: str) -> tuple[pd.Timestamp, pd.Timestamp, str]:
    parts = value.split("-")
    start = pd.Timestamp(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1,
                         int(parts[2]) if len(parts) > 2 else 1)
    if len(parts) == 3:
        return start, start + pd.Timedelta(days=1), "day"
    if len(parts) == 2:
        return start, start + pd.offsets.MonthBegin(1), "month"
    return start, pd.Timestamp(start.year + 1, 1, 1), "year"


_SENT = re.compile(r"\S.*?(?:(?<!\bJan)(?<!\bU\.S)[.!?](?=\s|$)|$)")


def _rows(doc: str, text: str, marks: list[tuple[str, str]]) -> list[dict]:
    """Event rows for a document: marks are (mention words, TIMEX3 value), in text order."""
    names = NameIndex.from_text(text)
    sentences = [(m.start(), m.end()) for m in _SENT.finditer(text)]
    out = []
    pos = 0
    for words, value in marks:
        m0 = text.index(words, pos)
        m1 = m0 + len(words)
        pos = m1
        s0, s1 = next((a, b) for a, b in sentences if a <= m0 < b)
        while text[s0] == " ":
            s0 += 1
        d = describe(text, (s0, s1), (m0, m1), names=names)
        start, end, gran = _period(value)
        out.append({"doc": doc, "value": value, "type": "DATE", "start": start, "end": end,
                    "granularity": gran, "mention": words, "char_start": m0, "char_end": m1,
                    "sentence": text[s0:s1], "title": d.title, "actors": d.actors,
                    "status": d.status, "reference_date": "2025-01-26"})
    return out


DOC_A = ("On January 22, President Donald Trump threatened Russia with new sanctions and tariffs "
         "in a post on Truth Social. Kremlin spokesman Dmitry Peskov said on January 23 that Moscow "
         "saw nothing new in the threat. In a January 23 report, Reuters said President Vladimir Putin "
         "was increasingly worried about the state of the Russian economy.")
DOC_B = ("U.S. President Donald Trump warned Moscow on January 22 that he would impose sanctions and "
         "tariffs on Russian goods, writing on his Truth Social platform. Peskov told reporters on "
         "January 23 that the Kremlin saw no new elements in the sanctions threat.")
DOC_C = ("In a Truth Social post published on Jan. 22, Trump threatened high tariffs and sanctions "
         "on anything Russia sells to the United States.")


def _corpus() -> pd.DataFrame:
    rows = (_rows("a.txt", DOC_A, [("January 22", "2025-01-22"), ("January 23", "2025-01-23"),
                                   ("January 23", "2025-01-23")])
            + _rows("b.txt", DOC_B, [("January 22", "2025-01-22"), ("January 23", "2025-01-23")])
            + _rows("c.txt", DOC_C, [("Jan. 22", "2025-01-22")]))
    return pd.DataFrame(rows)


def test_same_event_from_three_sources_is_one_row() -> None:
    out = merge_events(_corpus())
    jan22 = out[out["value"] == "2025-01-22"]
    assert len(jan22) == 1
    row = jan22.iloc[0]
    assert row["n_sources"] == 3
    assert row["sources"] == ["a.txt", "b.txt", "c.txt"]
    assert len(row["mentions"]) == 3
    assert {m["doc"] for m in row["mentions"]} == {"a.txt", "b.txt", "c.txt"}
    assert "Donald Trump" in row["actors"]
    assert "Trump" in row["title"]
    assert row["status"] == "reported"


def test_different_events_on_the_same_day_stay_apart() -> None:
    out = merge_events(_corpus())
    jan23 = out[out["value"] == "2025-01-23"]
    assert len(jan23) == 2  # Peskov's statement (2 sources) and the Reuters report (1)
    by_n = sorted(jan23["n_sources"].tolist())
    assert by_n == [1, 2]
    peskov = jan23[jan23["n_sources"] == 2].iloc[0]
    assert "Dmitry Peskov" in peskov["actors"]
    assert "Reuters" not in peskov["actors"]
    reuters = jan23[jan23["n_sources"] == 1].iloc[0]
    assert reuters["actors"] == ["Reuters"]


def test_output_columns_and_order() -> None:
    out = merge_events(_corpus())
    assert list(out.columns[: len(EVENT_COLUMNS)]) == list(EVENT_COLUMNS)
    for c in MERGE_COLUMNS:
        assert c in out.columns
    assert out["start"].is_monotonic_increasing
    assert out["event_id"].is_unique
    assert out["n_sources"].dtype == "int64"


def test_deterministic_and_order_independent() -> None:
    df = _corpus()
    a = merge_events(df)
    b = merge_events(df.sample(frac=1.0, random_state=3).reset_index(drop=True))
    assert a["event_id"].tolist() == b["event_id"].tolist()
    assert a["title"].tolist() == b["title"].tolist()
    assert merge_events(df)["event_id"].tolist() == a["event_id"].tolist()


def test_precision_containment_merges_into_the_finer_date() -> None:
    coarse = _rows("d.txt", "In January, Trump threatened Russia with sanctions and tariffs on Truth Social. "
                   "In January, Ukrainian troops withdrew from the town of Velyka Novosilka.",
                   [("January", "2025-01"), ("January", "2025-01")])
    fine = _rows("e.txt", "On January 22, Trump threatened Russia with sweeping sanctions and tariffs in a "
                 "Truth Social post.", [("January 22", "2025-01-22")])
    out = merge_events(pd.DataFrame(coarse + fine))
    assert len(out) == 2
    merged = out[out["n_sources"] == 2]
    assert len(merged) == 1
    assert merged.iloc[0]["value"] == "2025-01-22"
    assert merged.iloc[0]["granularity"] == "day"
    other = out[out["n_sources"] == 1].iloc[0]
    assert other["value"] == "2025-01"
    assert "troops" in other["title"].lower()


def test_incompatible_dates_never_merge() -> None:
    a = _rows("f.txt", "On March 18, Trump and Putin spoke by phone about a ceasefire.", [("March 18", "2025-03-18")])
    b = _rows("g.txt", "On March 19, Trump and Putin spoke by phone about a ceasefire.", [("March 19", "2025-03-19")])
    out = merge_events(pd.DataFrame(a + b))
    assert len(out) == 2
    assert out["n_sources"].tolist() == [1, 1]


def test_mentions_of_one_event_in_one_document_merge() -> None:
    text = ("On January 22, Trump wrote on Truth Social that Russia would face heavy sanctions. "
            "Officials in Kyiv welcomed the message. The January 22 post was the sharpest of his "
            "warnings to Moscow so far.")
    rows = _rows("h.txt", text, [("January 22", "2025-01-22"), ("January 22", "2025-01-22")])
    out = merge_events(pd.DataFrame(rows))
    assert len(out) == 1
    row = out.iloc[0]
    assert row["n_sources"] == 1
    assert row["sources"] == ["h.txt"]
    assert [m["char_start"] for m in row["mentions"]] == [3, text.index("January 22", 10)]
    assert "Trump" in row["title"]


def test_same_day_events_in_one_document_stay_apart() -> None:
    text = ("On March 11, Ukraine accepted a U.S. proposal for a thirty-day ceasefire at talks in Jeddah. "
            "On March 11, Russian missiles struck the port of Odesa, killing four people.")
    rows = _rows("i.txt", text, [("March 11", "2025-03-11"), ("March 11", "2025-03-11")])
    out = merge_events(pd.DataFrame(rows))
    assert len(out) == 2


def test_status_majority_and_certainty() -> None:
    rows = _rows("j.txt", "Witkoff will visit Moscow on Thursday to meet Putin.", [("Thursday", "2025-08-07")])
    rows += _rows("k.txt", "Witkoff is due to visit Moscow on Thursday for talks with Putin.", [("Thursday", "2025-08-07")])
    rows += _rows("l.txt", "Witkoff met Putin in Moscow on Thursday.", [("Thursday", "2025-08-07")])
    out = merge_events(pd.DataFrame(rows))
    assert len(out) == 1
    assert out.iloc[0]["n_sources"] == 3
    assert out.iloc[0]["status"] == "planned"  # two of three sources


def test_empty_input() -> None:
    out = merge_events(pd.DataFrame())
    assert len(out) == 0
    for c in list(EVENT_COLUMNS) + list(MERGE_COLUMNS):
        assert c in out.columns


@pytest.mark.parametrize("threshold,expected", [(0.99, 6), (0.0, 2)])
def test_threshold_controls_merging(threshold: float, expected: int) -> None:
    out = merge_events(_corpus(), threshold=threshold)
    assert len(out) == expected  # 0.99: nothing merges; 0.0: one event per date


def test_missing_values_are_tolerated() -> None:
    rows = _rows("m.txt", "On March 18, Trump and Putin spoke by phone about a ceasefire.", [("March 18", "2025-03-18")])
    rows.append({"doc": "n.txt", "value": "2025-03-18", "start": pd.Timestamp("2025-03-18"),
                 "end": pd.Timestamp("2025-03-19"), "mention": None, "char_start": 5, "char_end": 9,
                 "sentence": None, "title": None, "actors": None, "status": None})
    rows.append({"doc": "o.txt", "value": None, "start": None, "end": None, "mention": "someday",
                 "char_start": 0, "char_end": 7, "sentence": "Someday Trump and Putin spoke by phone.",
                 "title": "Trump and Putin speak by phone", "actors": ["Trump"], "status": "reported"})
    out = merge_events(pd.DataFrame(rows))
    assert len(out) == 3
    assert out["n_sources"].tolist() == [1, 1, 1]
    # a row without a date stays last
    assert pd.isna(out.iloc[-1]["start"])


def test_same_actor_different_events_stay_apart() -> None:
    a = _rows("p.txt", "On March 3, Trump met Zelensky at the White House to discuss a minerals deal.",
              [("March 3", "2025-03-03")])
    b = _rows("q.txt", "Trump signed an executive order raising tariffs on steel imports on March 3.",
              [("March 3", "2025-03-03")])
    c = _rows("r.txt", "Zelensky and Trump discussed the minerals deal at the White House on March 3.",
              [("March 3", "2025-03-03")])
    out = merge_events(pd.DataFrame(a + b + c))
    assert len(out) == 2
    assert sorted(out["n_sources"].tolist()) == [1, 2]
    merged = out[out["n_sources"] == 2].iloc[0]
    assert merged["sources"] == ["p.txt", "r.txt"]


def test_merging_twice_changes_nothing() -> None:
    once = merge_events(_corpus())
    twice = merge_events(once)
    assert twice["event_id"].tolist() == once["event_id"].tolist()
    assert twice["n_sources"].tolist() == once["n_sources"].tolist()
    assert [len(m) for m in twice["mentions"]] == [len(m) for m in once["mentions"]]
