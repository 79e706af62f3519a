"""Writing the event table: CSV, JSON, JSON Lines and Parquet.

Dates are written as ISO 8601 (``2025-01-22T00:00:00``), lists (``actors``,
``sources``) as JSON arrays (in CSV: a JSON array in the cell), missing values as empty
(CSV) or null (JSON).
"""

from __future__ import annotations

import csv
import io
import json
import math
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

import pandas as pd

from .errors import OutputError

__all__ = ["TABLE_FORMATS", "records", "write_table", "CsvStream"]

TABLE_FORMATS = ("csv", "json", "jsonl", "parquet")


def _plain(v: Any) -> Any:
    if v is None or v is pd.NA or v is pd.NaT:
        return None
    if isinstance(v, float) and math.isnan(v):
        return None
    if isinstance(v, (pd.Timestamp, datetime)):
        return v.isoformat()
    if isinstance(v, date):
        return v.isoformat()
    if hasattr(v, "tolist"):  # numpy scalars and arrays
        return _plain(v.tolist())
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    return v


def records(df: pd.DataFrame) -> list[dict]:
    """The rows of an event table as plain JSON-ready dicts."""
    cols = list(df.columns)
    return [{c: _plain(v) for c, v in zip(cols, row)} for row in df.itertuples(index=False, name=None)]


def _csv_cell(v: Any) -> Any:
    v = _plain(v)
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, bool):
        return "true" if v else "false"
    return "" if v is None else v


class CsvStream:
    """Writes event tables to a CSV stream piece by piece (header once)."""

    def __init__(self, out: IO[str]) -> None:
        self._w = csv.writer(out, lineterminator="\n")
        self._header = False

    def write(self, df: pd.DataFrame) -> None:
        if not self._header:
            self._w.writerow(df.columns)
            self._header = True
        for row in df.itertuples(index=False, name=None):
            self._w.writerow([_csv_cell(v) for v in row])


def write_jsonl(df: pd.DataFrame, out: IO[str]) -> None:
    for r in records(df):
        out.write(json.dumps(r, ensure_ascii=False) + "\n")


def write_table(df: pd.DataFrame, out: str | Path | IO[str], fmt: str) -> None:
    """Write ``df`` as ``fmt`` (csv, json, jsonl, parquet) to a path or text stream."""
    if fmt not in TABLE_FORMATS:
        raise OutputError(f"unknown table format {fmt!r}: use one of {', '.join(TABLE_FORMATS)}")
    if fmt == "parquet":
        if not isinstance(out, (str, Path)):
            raise OutputError("parquet is a binary format: give an output file with -o events.parquet")
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise OutputError("writing Parquet needs pyarrow: pip install 'timeline[parquet]'") from None
        df.to_parquet(out, index=False)
        return
    if isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8", newline="") as f:
            write_table(df, f, fmt)
        return
    if fmt == "csv":
        CsvStream(out).write(df)
    elif fmt == "jsonl":
        write_jsonl(df, out)
    else:
        json.dump(records(df), out, ensure_ascii=False, indent=1)
        out.write("\n")


def to_string(df: pd.DataFrame, fmt: str) -> str:
    buf = io.StringIO()
    write_table(df, buf, fmt)
    return buf.getvalue()
