"""The event table: one row per dated event mention.

This is the contract between the pipeline (``timeline.events``), the chart
(``timeline.chart``), the outputs and the CLI. Column order is the order below.
"""

from __future__ import annotations

import pandas as pd

__all__ = ["EVENT_COLUMNS", "empty_events", "ensure_schema"]

#: name -> (pandas dtype, description). Descriptions are shown in the README.
EVENT_COLUMNS: dict[str, tuple[str, str]] = {
    "doc": ("string", "document name (file path as given, or corpus row id)"),
    "value": ("string", "TIMEX3 value: 2025-01-22, 2021-12, 2022-FA, 2025-W04, 2024, 199"),
    "type": ("string", "TIMEX3 type: DATE or TIME (durations and sets are not events)"),
    "mod": ("string", "TIMEX3 mod (START, MID, END, APPROX...) or empty"),
    "start": ("datetime64[ns]", "first instant the value covers (inclusive)"),
    "end": ("datetime64[ns]", "first instant after the period (exclusive): [start, end)"),
    "granularity": ("string", "century, decade, year, half, quarter, season, month, week, day, part_of_day, hour, minute"),
    "mention": ("string", "the date words as written in the document"),
    "char_start": ("int64", "offset of the mention's first character in the document as read"),
    "char_end": ("int64", "offset just after the mention's last character"),
    "sentence": ("string", "the sentence that reports the event"),
    "title": ("string", "a short readable label of what happened"),
    "actors": ("object", "list of the people and organisations acting in the event's clause"),
    "status": ("string", "reported, planned, expected, hypothetical or negated"),
    "anchor": ("string", "what a relative date was resolved against: dct, narrative, or empty (absolute)"),
    "year_assumed": ("bool", "true when the text gave no year and it was taken from the reference date"),
    "reference_date": ("string", "the document's reference (publication) date, YYYY-MM-DD"),
    "reference_source": ("string", "where the reference date came from: given, text, metadata, today"),
    "doc_title": ("string", "the document's title when known"),
    "url": ("string", "the document's URL when known"),
    "source": ("string", "the publisher or source when known"),
}


def empty_events() -> pd.DataFrame:
    """An event table with no rows and every column typed."""
    return pd.DataFrame({c: pd.Series(dtype=t) for c, (t, _) in EVENT_COLUMNS.items()})


def ensure_schema(rows: list[dict] | pd.DataFrame) -> pd.DataFrame:
    """Rows (dicts or a frame) as an event table: every column present, in order,
    typed; extra columns are kept after the standard ones."""
    df = rows if isinstance(rows, pd.DataFrame) else pd.DataFrame.from_records(rows)
    if df.empty and not len(df.columns):
        return empty_events()
    out = {}
    for c, (t, _) in EVENT_COLUMNS.items():
        if c in df.columns:
            s = df[c]
        elif c == "actors":
            s = pd.Series([[] for _ in range(len(df))], index=df.index, dtype=object)
        elif t == "bool":
            s = pd.Series(False, index=df.index)
        else:
            s = pd.Series(pd.NA, index=df.index)
        if c == "actors":
            s = s.map(lambda a: list(a) if isinstance(a, (list, tuple)) or hasattr(a, "tolist") else [])
        elif t == "bool":
            s = s.map(lambda v: bool(v) if isinstance(v, (bool, int)) or hasattr(v, "dtype") else False).astype(bool)
        elif t == "int64":
            s = pd.to_numeric(s, errors="coerce").fillna(0).astype(t)  # offsets of hand-made rows: 0
        elif t.startswith("datetime"):
            s = pd.to_datetime(s).astype(t)  # one unit whatever pandas infers
        else:
            s = s.astype(t)
        out[c] = s
    extra = [c for c in df.columns if c not in EVENT_COLUMNS]
    res = pd.DataFrame(out, index=df.index)
    for c in extra:
        res[c] = df[c]
    return res.reset_index(drop=True)
