"""Corpora: CSV, JSON Lines and Parquet files with one article per row."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from timeline.documents import Document
from timeline.errors import DecodeError, InputError, TooLargeError
from timeline.readers import ReadOptions, iter_documents
from timeline.readers import corpus  # registers .csv/.jsonl/.ndjson/.parquet

ROWS = [
    {"id": "n1", "text": 'The council voted on Monday to close the old pier.\n\nA "temporary" ban, officials said.',
     "date": "2025-01-27", "title": "Pier closes", "url": "https://a.example/1", "source": "Ledger"},
    {"id": "", "text": "", "date": "", "title": "", "url": "", "source": ""},  # empty text: skipped
    {"id": "n3", "text": "The mayor resigned on Friday.", "date": "someday soon", "title": "", "url": "", "source": ""},
    {"id": "n4", "text": "Talks between the unions resume next week, in Lyon, Nantes and Lille.",
     "date": "26 January 2025", "title": "Talks", "url": "", "source": "Wire"},
    {"id": "", "text": "The bridge opened in March after repairs.", "date": "2024-03-01T23:30:00-05:00",
     "title": "", "url": "", "source": ""},
]


def write(tmp_path: Path, kind: str, rows=ROWS, name="corpus", **kw) -> Path:
    df = pd.DataFrame(rows)
    p = tmp_path / f"{name}.{kind}"
    if kind == "csv":
        df.to_csv(p, index=False, **kw)
    elif kind in ("jsonl", "ndjson"):
        df.to_json(p, orient="records", lines=True, force_ascii=False)
    else:
        df.to_parquet(p, **kw)
    return p


def split(items):
    docs = [x for x in items if isinstance(x, Document)]
    errs = [x for x in items if isinstance(x, InputError)]
    assert len(docs) + len(errs) == len(items)
    return docs, errs


@pytest.mark.parametrize("kind", ["csv", "jsonl", "ndjson", "parquet"])
def test_rows_become_documents(tmp_path, kind):
    p = write(tmp_path, kind)
    docs, errs = split(list(iter_documents([p])))
    assert [d.name for d in docs] == [f"{p}#n1", f"{p}#n4", f"{p}#5"]
    first = docs[0]
    assert first.text == ROWS[0]["text"]  # text as stored, quotes and newlines kept
    assert (first.reference_date, first.reference_source) == (date(2025, 1, 27), "metadata")
    assert (first.title, first.url, first.source) == ("Pier closes", "https://a.example/1", "Ledger")
    assert docs[1].reference_date == date(2025, 1, 26)  # written date
    assert docs[1].url is None and docs[1].title == "Talks"
    assert docs[2].reference_date == date(2024, 3, 1)  # the date as written in its own zone
    assert docs[2].meta["row"] == 5 and "id" not in docs[2].meta
    # the bad date: reported for that row only
    assert len(errs) == 1 and errs[0].path == f"{p}#n3" and "someday soon" in errs[0].problem


def test_rows_without_date_column_have_no_reference_date(tmp_path):
    p = write(tmp_path, "csv", [{"body": "Ships left port on Tuesday."}, {"body": "Rain fell on 2 May."}])
    docs, errs = split(list(iter_documents([p], ReadOptions(text_column="body"))))
    assert errs == [] and [d.name for d in docs] == [f"{p}#1", f"{p}#2"]
    assert all(d.reference_date is None and d.reference_source is None for d in docs)


def test_column_names_ignore_case_and_aliases(tmp_path):
    p = write(tmp_path, "jsonl", [{"Text": "Crews returned on Monday.", "Published": "2022-11-03", "Headline": "Back"}])
    (doc,) = list(iter_documents([p]))
    assert doc.reference_date == date(2022, 11, 3) and doc.title == "Back"


@pytest.mark.parametrize("kind", ["csv", "jsonl", "parquet"])
def test_missing_text_column_names_file_column_and_columns(tmp_path, kind):
    p = write(tmp_path, kind, [{"body": "x", "when": "2020-01-01"}])
    (err,) = list(iter_documents([p]))
    assert isinstance(err, InputError) and err.path == str(p)
    assert "'text'" in err.problem and "'body'" in err.problem and "'when'" in err.problem


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_empty_file(tmp_path, suffix):
    p = tmp_path / f"empty{suffix}"
    p.write_bytes(b"")
    (err,) = list(iter_documents([p]))
    assert isinstance(err, InputError) and err.path == str(p)


def test_header_only_csv_has_no_documents(tmp_path):
    p = tmp_path / "h.csv"
    p.write_text("id,text,date\n", encoding="utf-8")
    assert list(iter_documents([p])) == []


def test_not_parquet(tmp_path):
    p = tmp_path / "fake.parquet"
    p.write_bytes(b"PAR1 this is not really parquet \x00\x01\x02" * 10)
    (err,) = list(iter_documents([p]))
    assert isinstance(err, InputError) and err.path == str(p) and "Parquet" in err.problem


def test_binary_csv(tmp_path):
    p = tmp_path / "bin.csv"
    p.write_bytes(b"text\n\x00\x01\x02\x03binary")
    (err,) = list(iter_documents([p]))
    assert isinstance(err, DecodeError)


def test_bad_json_line_skips_that_row_only(tmp_path):
    p = tmp_path / "c.jsonl"
    lines = [json.dumps({"text": "Polls opened at 7 a.m. on Sunday."}), "{not json", "[1, 2]", "",
             json.dumps({"text": "Counting ended on Monday."})]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, errs = split(list(iter_documents([p])))
    assert [d.name for d in docs] == [f"{p}#1", f"{p}#5"]  # JSON Lines rows are numbered by line
    assert [e.path for e in errs] == [f"{p}#2", f"{p}#3"]


def test_ragged_csv_reports_the_file(tmp_path):
    p = tmp_path / "r.csv"
    p.write_text('text,date\n"Fine row on Monday.",2020-01-01\n"unclosed quote,2020-01-02\nmore\n', encoding="utf-8")
    items = list(iter_documents([p]))
    assert isinstance(items[-1], InputError) and items[-1].path == str(p)


def test_cp1252_and_bom_csv(tmp_path):
    p = tmp_path / "w.csv"
    p.write_bytes("text,date\r\n\"Caf\u00e9 owners met on Monday.\",2021-05-04\r\n".encode("cp1252"))
    q = tmp_path / "b.csv"
    q.write_bytes("\ufefftext\n\"Na\u00efve plans were dropped on Friday.\"\n".encode("utf-8"))
    (a,) = list(iter_documents([p]))
    (b,) = list(iter_documents([q]))
    assert a.text == "Caf\u00e9 owners met on Monday." and a.reference_date == date(2021, 5, 4)
    assert b.text == "Na\u00efve plans were dropped on Friday."


def test_row_over_size_limit(tmp_path):
    p = write(tmp_path, "csv", [{"text": "short one."}, {"text": "y" * 500}])
    docs, errs = split(list(iter_documents([p], ReadOptions(max_bytes=100))))
    assert len(docs) == 1 and isinstance(errs[0], TooLargeError) and errs[0].path == f"{p}#2"


def test_parquet_native_date_types(tmp_path):
    rows = [{"text": "Markets fell on Tuesday.", "date": pd.Timestamp("2020-03-10 15:00", tz="US/Eastern")},
            {"text": "Markets rose on Wednesday.", "date": pd.NaT}]
    p = write(tmp_path, "parquet", rows)
    a, b = list(iter_documents([p]))
    assert a.reference_date == date(2020, 3, 10) and b.reference_date is None


def test_parquet_binary_text_column(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    p = tmp_path / "b.parquet"
    pq.write_table(pa.table({"text": pa.array([b"Caf\xc3\xa9 reopened on Monday.", b"\xff\xfe bad"], pa.binary())}), p)
    a, b = list(iter_documents([p]))
    assert a.text == "Caf\u00e9 reopened on Monday." and isinstance(b, InputError) and b.path == f"{p}#2"


@pytest.mark.parametrize("value,expected", [
    (pd.Timestamp("2021-02-03 04:05"), date(2021, 2, 3)), (pd.NaT, None), (date(2020, 1, 2), date(2020, 1, 2)),
    ("2025-01-26", date(2025, 1, 26)), ("2025-01-26T10:00:00Z", date(2025, 1, 26)),
    ("Jan. 26, 2025", date(2025, 1, 26)), ("", None), (None, None), (float("nan"), None),
])
def test_parse_row_date(value, expected):
    assert corpus.parse_row_date(value) == expected


@pytest.mark.parametrize("value", ["2025-13-40", "January 2025", "next week", 20250126, "12"])
def test_parse_row_date_rejects(value):
    with pytest.raises(ValueError):
        corpus.parse_row_date(value)


def _many_rows(n: int) -> list[dict]:
    out = []
    for i in range(n):
        text = f'Story {i}: the "board" met on Monday,\nand again on {i % 28 + 1} May.' if i % 3 else f"Story {i} ended."
        out.append({"id": "" if i % 4 == 0 else f"s{i}", "text": "" if i % 11 == 0 else text,
                    "date": "bad" if i % 17 == 0 else f"2024-05-{i % 28 + 1:02d}"})
    return out


def _key(items):
    return [(x.name, x.text, x.reference_date) if isinstance(x, Document) else ("ERR", str(x)) for x in items]


@pytest.mark.parametrize("kind", ["csv", "jsonl", "parquet"])
def test_parts_read_exactly_like_the_whole_file(tmp_path, kind):
    """Cutting a corpus into parts (the distributed engine) names and reads every row as
    reading the whole file does: no row lost, doubled or renumbered."""
    kw = {"row_group_size": 70} if kind == "parquet" else {}
    p = write(tmp_path, kind, _many_rows(400), **kw)
    whole = _key(iter_documents([p]))
    parts = corpus.corpus_parts(p, part_bytes=997, part_rows=30)
    assert len(parts) > 5
    pieces = _key(x for part in parts for x in corpus.read_part(part))
    assert pieces == whole
    assert len([k for k in whole if k[0] != "ERR"]) == 400 - len([i for i in range(400) if i % 11 == 0 or (i % 17 == 0 and i % 11)])


def _peak_reading(path: Path) -> int:
    import tracemalloc

    tracemalloc.start()
    try:
        n = sum(1 for _ in iter_documents([path]))
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("kind", ["csv", "jsonl", "parquet"])
def test_memory_is_flat_in_corpus_size(tmp_path, kind, monkeypatch):
    """Streaming: reading four times as many rows does not take (nearly) four times the memory."""
    monkeypatch.setattr(corpus, "CHUNK_ROWS", 250)
    para = "The committee met again on Tuesday to review the harbour budget and the ferry contract. " * 10
    rows = [{"id": f"r{i}", "text": f"{i} {para}", "date": "2024-05-01"} for i in range(8000)]
    kw = {"row_group_size": 500} if kind == "parquet" else {}
    small = write(tmp_path, kind, rows[:2000], name="small", **kw)
    big = write(tmp_path, kind, rows, name="big", **kw)
    _peak_reading(small)  # warm imports and caches
    a, b = _peak_reading(small), _peak_reading(big)
    assert b < 1.5 * a, (a, b)
    assert b < sum(len(r["text"]) for r in rows) / 4  # far less than the corpus text


def test_rows_come_before_a_later_error(tmp_path, monkeypatch):
    """Rows are produced while the file is read: a broken row near the end does not
    hold back (or lose) the rows before it."""
    monkeypatch.setattr(corpus, "CHUNK_ROWS", 10)
    p = tmp_path / "late.csv"
    good = "".join(f'"Row {i} says the vote was on Monday.",2024-05-01\n' for i in range(200))
    p.write_text("text,date\n" + good + '"never closed,2024-05-02\n', encoding="utf-8")
    items = list(iter_documents([p]))
    assert all(isinstance(x, Document) for x in items[:-1]) and len(items) >= 191
    assert isinstance(items[-1], InputError) and items[-1].path == str(p)
