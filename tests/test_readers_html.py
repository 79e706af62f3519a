"""Saved web pages: main text, publication date from markup, metadata, hostile pages."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from timeline.documents import with_reference_date
from timeline.errors import DecodeError, InputError
from timeline.readers import ReadOptions, iter_documents
from timeline.readers import html as html_reader  # registers .html/.htm

DATA = Path(__file__).parent / "data" / "inputs"


def read(path: Path):
    docs = list(html_reader.read_html(path, ReadOptions()))
    assert len(docs) == 1
    return docs[0]


def test_meta_published_time_title_url_site():
    doc = read(DATA / "harbor_bridge.html")
    assert doc.reference_date == date(2024, 3, 14)  # published, not the modified date
    assert doc.reference_source == "metadata"
    assert doc.title == "Harbor bridge reopens after two years of repairs"
    assert doc.url == "https://ledger.example.com/news/2024/harbor-bridge-reopens"
    assert doc.source == "The Coastal Ledger"
    assert doc.name == str(DATA / "harbor_bridge.html")


def test_main_text_only_no_boilerplate_or_script():
    text = read(DATA / "harbor_bridge.html").text
    assert "The Harbor Street bridge reopened to traffic on Wednesday morning" in text
    assert "ribbon-cutting ceremony on April 2, 2024" in text
    for junk in ("Subscribe", "Related stories", "July 4, 2019", "All rights reserved",
                 "alert(", "June 9, 2011", "May 5, 2001", "1999", "font-family"):
        assert junk not in text, junk
    # blocks are separated by a blank line, so a headline is its own paragraph
    assert text.startswith("Harbor bridge reopens after two years of repairs\n\nThe Harbor Street")


def test_offsets_point_into_extracted_text():
    doc = read(DATA / "harbor_bridge.html")
    i = doc.text.index("March 8")
    assert doc.text[i : i + len("March 8")] == "March 8"


def test_json_ld_date_and_comments_dropped():
    doc = read(DATA / "river_festival.htm")
    assert doc.reference_date == date(2023, 6, 2)
    assert doc.source == "Valley Post"
    assert "September 16" in doc.text
    assert "Reader42" not in doc.text and "1 January 1990" not in doc.text
    assert "steal()" not in doc.text and "javascript:" not in doc.text


def test_given_reference_date_wins_over_metadata():
    doc = with_reference_date(read(DATA / "harbor_bridge.html"), date(2024, 3, 15))
    assert (doc.reference_date, doc.reference_source) == (date(2024, 3, 15), "given")
    kept = with_reference_date(read(DATA / "harbor_bridge.html"), None)
    assert (kept.reference_date, kept.reference_source) == (date(2024, 3, 14), "metadata")


def test_page_without_date_markup_has_no_metadata_date(tmp_path):
    p = tmp_path / "nodate.html"
    p.write_text(
        "<html><body><article><h1>Ferry strike ends</h1><p>Ferry crews returned to work on "
        "Tuesday after a strike that began on 3 May 2021, the union said.</p><p>Services "
        "will run on the normal timetable from the weekend.</p></article></body></html>",
        encoding="utf-8",
    )
    doc = read(p)
    assert doc.reference_date is None and doc.reference_source is None
    assert "3 May 2021" in doc.text  # a date in the story is not the publication date


def test_legacy_encoding_declared_in_meta(tmp_path):
    p = tmp_path / "latin.html"
    body = ("<html><head><meta charset='windows-1252'><title>Caf\u00e9 rules</title></head><body><article>"
            "<p>Caf\u00e9 owners in the old town met on Monday to discuss the new terrace rules, "
            "which take effect in June and cost \u20ac200 a year.</p></article></body></html>")
    p.write_bytes(body.encode("cp1252"))
    doc = read(p)
    assert "Caf\u00e9 owners" in doc.text and "\u20ac200" in doc.text


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"   \n  ",
        b"<html><head><title>Empty</title><script>var a = 1;</script></head><body></body></html>",
        b"<html><body><div>" + b"<div>" * 5000 + b"deeply nested words" + b"</div>" * 5000 + b"</div></body></html>",
    ],
)
def test_no_extractable_text_is_an_input_error_naming_the_file(tmp_path, content):
    p = tmp_path / "empty.html"
    p.write_bytes(content)
    with pytest.raises(InputError) as e:
        read(p)
    assert str(p) in str(e.value)


def test_binary_file_named_html(tmp_path):
    p = tmp_path / "image.html"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    with pytest.raises(DecodeError):
        read(p)


def test_never_touches_the_network(tmp_path, monkeypatch):
    """htmldate downloads a string that looks like a URL; the reader never gives it one."""
    import htmldate.utils
    import urllib3

    def no_network(*args, **kwargs):
        raise AssertionError("network access")

    monkeypatch.setattr(htmldate.utils, "fetch_url", no_network)
    monkeypatch.setattr(urllib3.PoolManager, "urlopen", no_network)
    p = tmp_path / "link.html"
    p.write_text("https://news.example.com/2024/05/01/story", encoding="utf-8")
    with pytest.raises(InputError):
        read(p)
    read(DATA / "harbor_bridge.html")  # and a normal page does not either


def test_walk_reads_html_among_other_files(tmp_path):
    shutil.copy(DATA / "harbor_bridge.html", tmp_path / "a.html")
    shutil.copy(DATA / "river_festival.htm", tmp_path / "b.htm")
    (tmp_path / "c.txt").write_text("The vote was held on Monday.", encoding="utf-8")
    (tmp_path / "bad.html").write_bytes(b"<html><body></body></html>")
    out = list(iter_documents([tmp_path]))
    names = sorted(Path(x.path).name for x in out if isinstance(x, InputError))
    assert names == ["bad.html"]
    docs = sorted(Path(x.name).name for x in out if not isinstance(x, InputError))
    assert docs == ["a.html", "b.htm", "c.txt"]


def test_missing_library_gives_a_clear_error(monkeypatch):
    monkeypatch.setattr(html_reader, "_libraries", lambda: (None, None))
    with pytest.raises(InputError, match=r"pip install 'timeline\[html\]'"):
        read(DATA / "harbor_bridge.html")


ODD_PAGES = [
    b"<html><body><p>Unclosed paragraph about the vote on Monday<div><span>and more text here about the council",
    b"<!-- only a comment --><html></html>",
    b'<?xml version="1.0" encoding="utf-8"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"><body>'
    b"<article><p>The XHTML page says the ferry resumed service on 4 June 2023 after repairs.</p></article></body></html>",
    b'<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><html><body><p>&lol2;</p></body></html>',
    b"<html><body><p>" + b"word " * 200000 + b"</p></body></html>",
    b"<html><body><p title='" + b"x" * 100000 + b"'>A long attribute before the text on Friday.</p></body></html>",
    b"<html><body><table><tr><td>2024-01-01</td><td>Opening of the new station</td></tr></table></body></html>",
    b"<html><head><meta charset='klingon'></head><body><p>Unknown charset, but the text is plain ASCII.</p></body></html>",
    "<html><body><p>Ünïcödé — “quotes” and emoji 🚢 in a story from Tuesday.</p></body></html>".encode("utf-8"),
]


@pytest.mark.parametrize("content", ODD_PAGES, ids=range(len(ODD_PAGES)))
def test_odd_html_never_crashes(tmp_path, content):
    """Odd or hostile markup gives a document or an InputError naming the file, nothing else."""
    p = tmp_path / "odd.html"
    p.write_bytes(content)
    try:
        doc = read(p)
    except InputError as e:
        assert e.path == str(p)
    else:
        assert doc.text.strip()
        assert not re.search(r"</?\s*(p|div|span|script|html|body|td|tr)\b", doc.text)  # no markup left
        assert "lol" * 20 not in doc.text  # entities never expanded


def test_xhtml_and_unicode_pages_are_read(tmp_path):
    p = tmp_path / "x.xhtml"
    p.write_bytes(ODD_PAGES[2])
    assert "ferry resumed service on 4 June 2023" in read(p).text
    q = tmp_path / "u.html"
    q.write_bytes(ODD_PAGES[-1])
    assert "\u201cquotes\u201d and emoji \U0001f6a2" in read(q).text
