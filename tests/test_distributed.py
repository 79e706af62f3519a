"""The Dask engine gives the local engine's table, row for row, on a real LocalCluster."""

from __future__ import annotations

import shutil
import warnings
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

distributed = pytest.importorskip("distributed")

from timeline import distributed as tdist  # noqa: E402
from timeline.errors import InputError  # noqa: E402
from timeline.events import ReferenceDateWarning, extract, iter_results  # noqa: E402
from timeline.readers import ReadOptions  # noqa: E402
from timeline.samples import sample_paths  # noqa: E402
from timeline.schema import ensure_schema  # noqa: E402

DATA = Path(__file__).parent / "data" / "inputs"
TODAY = date(2025, 6, 1)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as c:
        yield c


@pytest.fixture(scope="module")
def client(cluster):
    with distributed.Client(cluster) as c:
        yield c


@pytest.fixture(scope="module")
def mixed(tmp_path_factory) -> Path:
    """A directory like a user's: text articles, saved pages, corpora, and bad files."""
    d = tmp_path_factory.mktemp("mixed")
    texts = []
    for p in sample_paths():
        shutil.copy(p, d / p.name)
        texts.append(p.read_text(encoding="utf-8"))
    (d / "web").mkdir()
    shutil.copy(DATA / "harbor_bridge.html", d / "web" / "harbor.html")
    shutil.copy(DATA / "river_festival.htm", d / "web" / "river.htm")
    (d / "web" / "empty.html").write_bytes(b"<html><body><script>1</script></body></html>")
    rows = [{"id": f"a{i}" if i % 5 else "", "text": texts[i % len(texts)] if i % 13 else "",
             "date": "bad date" if i % 29 == 7 else f"2025-{i % 12 + 1:02d}-{i % 27 + 1:02d}",
             "title": f"Story {i}"} for i in range(90)]
    df = pd.DataFrame(rows)
    df.to_csv(d / "corpus.csv", index=False)
    df.to_json(d / "corpus.jsonl", orient="records", lines=True)
    df.to_parquet(d / "corpus.parquet", row_group_size=16)
    (d / "nocol.csv").write_text("body,date\nThe vote was on Monday.,2025-01-01\n", encoding="utf-8")
    (d / "fake.parquet").write_bytes(b"not parquet at all")
    return d


def local(paths, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return extract(paths, today=TODAY, errors="ignore", **kw)


def local_errors(paths):
    return [str(r.error) for r in iter_results(paths, today=TODAY) if r.error is not None]


def test_same_rows_in_same_order_as_local(client, mixed):
    res = tdist.run_dask([mixed], client=client, today=TODAY, part_bytes=3000, part_rows=7)
    expected = local([mixed])
    assert len(expected) > 500
    pd.testing.assert_frame_equal(res.events, expected)
    assert res.rows == len(expected)
    # the same problems, each naming its file or row, as messages (not tracebacks)
    assert [str(e) for e in res.errors] == local_errors([mixed])
    assert any(e.path == str(mixed / "nocol.csv") and "'body'" in e.problem for e in res.errors)
    assert any(e.path.endswith("corpus.jsonl#a7") for e in res.errors)
    assert all("Traceback" not in str(e) for e in res.errors)


def test_reference_date_and_text_column_options(client, tmp_path):
    df = pd.DataFrame({"body": [p.read_text(encoding="utf-8") for p in sample_paths()]})
    df.to_parquet(tmp_path / "c.parquet")
    opts = ReadOptions(text_column="body")
    got = tdist.extract_dask([tmp_path], client=client, today=TODAY, reference_date="2024-02-03", options=opts)
    want = local([tmp_path], reference_date="2024-02-03", options=opts)
    pd.testing.assert_frame_equal(got, want)
    assert set(got["reference_source"]) == {"given"}


def test_write_events_parquet_matches_local(client, mixed, tmp_path):
    out = tmp_path / "events.parquet"
    res = tdist.write_events_parquet([mixed], out, client=client, today=TODAY)
    assert res.events is None and res.rows > 0 and res.errors
    back = ensure_schema(pd.read_parquet(out))
    pd.testing.assert_frame_equal(back, local([mixed]))
    # the local engine's own Parquet output has the same columns and types (actors is
    # always a list of strings here; pandas infers list<null> when no row has an actor)
    theirs = tmp_path / "local.parquet"
    local([mixed]).to_parquet(theirs, index=False)
    import pyarrow as pa
    import pyarrow.parquet as pq

    ours, ref = pq.read_schema(out), pq.read_schema(theirs)
    assert ours.names == ref.names
    assert [f.type for f in ours if f.name != "actors"] == [f.type for f in ref if f.name != "actors"]
    assert ours.field("actors").type.value_type == pa.string()


def test_raise_names_the_file(client, mixed, tmp_path):
    shutil.copy(mixed / "nocol.csv", tmp_path / "nocol.csv")
    with pytest.raises(InputError) as e:
        tdist.extract_dask([tmp_path / "nocol.csv"], client=client, today=TODAY)
    assert e.value.path == str(tmp_path / "nocol.csv") and "text" in e.value.problem
    with pytest.raises(InputError, match="no such file"):
        tdist.extract_dask([tmp_path / "missing.txt"], client=client, today=TODAY)


def test_scheduler_address(cluster, tmp_path):
    p = sample_paths()[0]
    got = tdist.extract_dask([p], scheduler=cluster.scheduler_address, today=TODAY)
    pd.testing.assert_frame_equal(got, local([p]))


def test_no_events_gives_an_empty_table_and_file(client, tmp_path):
    (tmp_path / "a.txt").write_text("Nothing dated happens here at all.", encoding="utf-8")
    with pytest.warns(ReferenceDateWarning, match="1 document"):
        got = tdist.extract_dask([tmp_path], client=client, today=TODAY)
    assert got.empty and list(got.columns) == list(local([tmp_path]).columns)
    res = tdist.write_events_parquet([tmp_path], tmp_path / "e.parquet", client=client, today=TODAY)
    assert res.rows == 0 and list(pd.read_parquet(tmp_path / "e.parquet").columns) == list(got.columns)


def test_a_failure_on_one_document_is_a_message_naming_it(tmp_path, monkeypatch):
    """Run in-process (the task function itself): an unexpected error while extracting
    one document is reported with its name, and the other documents still count."""
    import timeline.events

    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The vote was held on 3 March 2024.", encoding="utf-8")
    b.write_text("The count ended on 4 March 2024.", encoding="utf-8")
    real = timeline.events.events_for_document

    def flaky(doc, **kw):
        if doc.name.endswith("a.txt"):
            raise ZeroDivisionError("boom")
        return real(doc, **kw)

    monkeypatch.setattr(timeline.events, "events_for_document", flaky)
    res = tdist._run_unit(tdist._Unit(files=(str(a), str(b))), None, TODAY, ReadOptions())
    assert res.documents == 2 and len(res.frame) >= 1
    assert res.errors == [(str(a), "events could not be extracted (ZeroDivisionError: boom)")]


def test_own_local_cluster_is_started_and_closed(tmp_path):
    p = sample_paths()[1]
    got = tdist.extract_dask([p], n_workers=1, today=TODAY)
    pd.testing.assert_frame_equal(got, local([p]))


def test_a_dead_task_is_a_message_naming_its_files(client, tmp_path, monkeypatch):
    """A task that fails on the worker itself (here: cannot be unpickled there) is
    reported naming its files, and the other tasks' rows are kept."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The vote was held on 3 March 2024.", encoding="utf-8")
    b.write_text("The count ended on 4 March 2024.", encoding="utf-8")
    monkeypatch.setattr(tdist, "FILES_PER_TASK", 1)
    real = tdist._run_unit

    def failing(unit, *args, **kw):
        if unit.files and unit.files[0].endswith("a.txt"):
            raise MemoryError("worker ran out of memory")
        return real(unit, *args, **kw)

    monkeypatch.setattr(tdist, "_run_unit", failing)
    res = tdist.run_dask([a, b], client=client, today=TODAY)
    assert [e.path for e in res.errors] == [str(a)]
    assert "worker failed" in res.errors[0].problem and "MemoryError" in res.errors[0].problem
    assert set(res.events["doc"]) == {str(b)}


def test_unwritable_output_fails_before_any_work(client, tmp_path):
    from timeline.errors import OutputError

    with pytest.raises(OutputError, match="cannot write"):
        tdist.write_events_parquet(sample_paths()[:1], tmp_path / "no" / "such" / "dir.parquet", client=client)
