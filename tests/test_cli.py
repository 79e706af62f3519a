"""The command line as a user meets it: outputs, one-line errors, exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from conftest import SAMPLES

WITKOFF = str(SAMPLES / "05_witkoff_visit.txt")


def test_events_jsonl(cli):
    p = cli("events", WITKOFF, "--format", "jsonl")
    assert p.returncode == 0, p.stderr
    rows = [json.loads(x) for x in p.stdout.splitlines()]
    assert "2025-08-04" in {r["value"] for r in rows}
    assert all(r["doc"] == WITKOFF and r["reference_date"] == "2025-08-06" for r in rows)


def test_events_csv_default_and_json(cli, tmp_path):
    p = cli("events", WITKOFF)
    rows = list(csv.DictReader(io.StringIO(p.stdout)))
    assert rows and rows[0]["doc"] == WITKOFF
    out = tmp_path / "e.json"
    assert cli("events", WITKOFF, "-o", str(out)).returncode == 0  # format from the suffix
    assert isinstance(json.loads(out.read_text(encoding="utf-8")), list)


def test_stdin_with_reference_date(cli):
    p = cli("events", "-", "--reference-date", "2025-01-26", "--format", "json",
            input="Trump posted the threat on Wednesday. Be that as it may, we wait.")
    assert p.returncode == 0, p.stderr
    assert [r["value"] for r in json.loads(p.stdout)] == ["2025-01-22"]


def test_bad_inputs_reported_others_processed(cli, tmp_path):
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x00\xff" * 64)
    empty_dir = tmp_path / "nothing"
    empty_dir.mkdir()
    p = cli("events", str(tmp_path / "missing.txt"), str(binary), str(empty_dir), WITKOFF, "--format", "jsonl")
    assert p.returncode == 1
    errors = [line for line in p.stderr.splitlines() if "error:" in line]
    assert len(errors) == 3
    assert "missing.txt: no such file" in errors[0] and "scan.txt" in errors[1] and "nothing" in errors[2]
    assert "Traceback" not in p.stderr
    assert any(json.loads(x)["value"] == "2025-08-04" for x in p.stdout.splitlines())


def test_empty_file_is_a_note(cli, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    p = cli("events", str(empty), "--reference-date", "2025-01-01", "--format", "jsonl")
    assert p.returncode == 0 and p.stdout == ""
    assert "empty.txt: empty document" in p.stderr and "error" not in p.stderr


def test_invalid_reference_date(cli):
    p = cli("events", WITKOFF, "--reference-date", "26/01/2025")
    assert p.returncode == 1
    assert p.stderr.strip().splitlines() == ["timeline: error: invalid reference date '26/01/2025': expected YYYY-MM-DD, for example 2025-01-26"]


def test_undated_document_warns(cli, tmp_path):
    p = tmp_path / "undated.txt"
    p.write_text("They met on Friday.", encoding="utf-8")
    r = cli("events", str(p), "--format", "jsonl")
    assert r.returncode == 0
    assert "undated.txt: no publication date found" in r.stderr
    assert json.loads(r.stdout.splitlines()[0])["year_assumed"] is True


def test_too_large_file_refused(cli, tmp_path):
    big = tmp_path / "huge.txt"
    with open(big, "wb") as f:
        f.truncate(60 * 1024 * 1024)
    p = cli("events", str(big), WITKOFF, "--format", "jsonl")
    assert p.returncode == 1 and "huge.txt: is 62.9 MB, over the 20 MB limit" in p.stderr
    assert p.stdout.strip()


def test_build_html(cli, tmp_path):
    out = tmp_path / "t.html"
    p = cli("build", str(SAMPLES), "-o", str(out), "--title", "Sanctions <b>story</b>")
    assert p.returncode == 0, p.stderr
    html = out.read_text(encoding="utf-8")
    assert html.lstrip().lower().startswith("<!doctype html") or "<html" in html[:500].lower()
    assert "Sanctions &lt;b&gt;story&lt;/b&gt;" in html or "Sanctions \\u003cb\\u003estory" in html
    assert "<b>story</b>" not in html


def test_build_cdn_is_small_and_fragment_is_a_div(cli, tmp_path):
    cdn, frag = tmp_path / "cdn.html", tmp_path / "frag.html"
    assert cli("build", WITKOFF, "-o", str(cdn), "--plotlyjs", "cdn").returncode == 0
    assert cdn.stat().st_size < 1_000_000
    assert cli("build", WITKOFF, "-o", str(frag), "--fragment", "--plotlyjs", "cdn").returncode == 0
    fragment = frag.read_text(encoding="utf-8")
    assert "<div" in fragment and not any(t in fragment.lower() for t in ("<html", "<body", "<!doctype"))


def test_build_unknown_suffix(cli, tmp_path):
    p = cli("build", WITKOFF, "-o", str(tmp_path / "t.docx"))
    assert p.returncode == 1 and "t.docx: unknown output kind .docx" in p.stderr


def test_demo(cli, tmp_path):
    p = cli("demo", "-o", str(tmp_path / "demo.html"))
    assert p.returncode == 0, p.stderr
    assert (tmp_path / "demo.html").stat().st_size > 1_000_000  # plotly.js inlined: works offline


def test_help_lists_every_command(cli):
    p = cli("--help")
    for c in ("build", "events", "tag", "demo"):
        assert c in p.stdout


def test_no_command_is_usage_error(cli):
    p = cli()
    assert p.returncode == 2 and "usage:" in p.stderr


def test_events_on_dask_match_local(cli, tmp_path):
    """`--engine dask` starts a real LocalCluster and writes the same rows to Parquet."""
    import pandas as pd

    out = tmp_path / "events.parquet"
    p = cli("events", str(SAMPLES), "--engine", "dask", "--workers", "2", "-o", str(out), timeout=300)
    assert p.returncode == 0, p.stderr
    local = cli("events", str(SAMPLES), "--format", "jsonl")
    local_rows = [json.loads(x) for x in local.stdout.splitlines()]
    dask_rows = pd.read_parquet(out)
    assert list(zip(dask_rows["doc"], dask_rows["value"], dask_rows["char_start"])) == [
        (r["doc"], r["value"], r["char_start"]) for r in local_rows
    ]
