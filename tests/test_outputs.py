import csv
import io
import json

import pandas as pd

from timeline.outputs import records, to_string
from timeline.schema import EVENT_COLUMNS, ensure_schema

ROWS = [
    {"doc": "a.txt", "value": "2025-01-22", "type": "DATE", "start": "2025-01-22", "end": "2025-01-23",
     "granularity": "day", "mention": "January 22", "char_start": 3, "char_end": 13, "sentence": 'He said "no", <b>x</b>',
     "title": "Trump threatens sanctions", "actors": ["Donald Trump", "Russia"], "status": "reported", "year_assumed": True},
    {"doc": "b.txt", "value": "2021-12", "type": "DATE", "start": "2021-12-01", "end": "2022-01-01",
     "granularity": "month", "mention": "December 2021", "char_start": 0, "char_end": 13, "sentence": "s", "title": "t"},
]


def test_schema_columns_and_types():
    df = ensure_schema(ROWS)
    assert list(df.columns) == list(EVENT_COLUMNS)
    assert df["start"].dtype.kind == "M" and df["char_start"].dtype == "int64"
    assert df.loc[1, "actors"] == [] and df.loc[1, "year_assumed"] == False  # noqa: E712


def test_json_and_jsonl_round_trip():
    df = ensure_schema(ROWS)
    data = json.loads(to_string(df, "json"))
    assert data[0]["start"] == "2025-01-22T00:00:00" and data[0]["actors"] == ["Donald Trump", "Russia"]
    assert data[1]["mod"] is None and data[0]["year_assumed"] is True
    lines = to_string(df, "jsonl").splitlines()
    assert [json.loads(x)["value"] for x in lines] == ["2025-01-22", "2021-12"]


def test_csv_round_trip():
    df = ensure_schema(ROWS)
    rows = list(csv.DictReader(io.StringIO(to_string(df, "csv"))))
    assert rows[0]["sentence"] == 'He said "no", <b>x</b>'
    assert json.loads(rows[0]["actors"]) == ["Donald Trump", "Russia"]
    assert rows[1]["end"] == "2022-01-01T00:00:00" and rows[1]["mod"] == ""
    back = pd.read_csv(io.StringIO(to_string(df, "csv")))
    assert list(back.columns) == list(EVENT_COLUMNS)


def test_records_are_plain():
    (r, _) = records(ensure_schema(ROWS))
    assert all(isinstance(v, (str, int, bool, list, type(None))) for v in r.values())


def test_parquet(tmp_path):
    from timeline.outputs import write_table

    df = ensure_schema(ROWS)
    write_table(df, tmp_path / "e.parquet", "parquet")
    back = pd.read_parquet(tmp_path / "e.parquet")
    assert list(back["value"]) == ["2025-01-22", "2021-12"]
