from datetime import date

import pytest

from timeline.documents import (
    Document,
    decode_bytes,
    find_publication_date,
    parse_reference_date,
    with_reference_date,
)
from timeline.errors import DecodeError, ReferenceDateError

TEXT = "Talks resumed on Monday.\u00a0The envoy said \u201cno\u201d."


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with BOM, platform order
        b"\xfe\xff" + TEXT.encode("utf-16-be"),
        b"\xff\xfe" + TEXT.encode("utf-16-le"),
    ],
)
def test_decode_unicode_forms(data):
    assert decode_bytes(data) == TEXT


def test_decode_cp1252_fallback():
    legacy = "Caf\xe9 talks \u201cstalled\u201d \u2013 again".encode("cp1252")
    assert decode_bytes(legacy) == "Caf\xe9 talks \u201cstalled\u201d \u2013 again"


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", bytes(range(256)) * 4, b"%PDF-1.4\n\x00\x01\x02"])
def test_decode_refuses_binary(data):
    with pytest.raises(DecodeError, match="report.bin"):
        decode_bytes(data, "report.bin")


def test_decode_refuses_bad_utf16():
    with pytest.raises(DecodeError, match="x.txt"):
        decode_bytes(b"\xff\xfe\x00\xd8", "x.txt")  # lone surrogate


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Headline\n\nBody text here.\n\nvia January 26th 2025", date(2025, 1, 26)),
        ("Posted: 8/25/2020\n\nBody.", date(2020, 8, 25)),
        ("8/25/2020\nBody.", date(2020, 8, 25)),
        ("Title\nUpdated on Monday, Jan. 5, 2024 at 3:45 p.m. EST\nText", date(2024, 1, 5)),
        ("By Jane Doe | Published 2025-01-26\nbody", date(2025, 1, 26)),
        ("WASHINGTON (AP) \u2014 Jan. 26, 2025\nThe Senate voted.", date(2025, 1, 26)),
        ("Last updated: 26.01.2025 10:00\nText", date(2025, 1, 26)),
        ("Story\nMOSCOW\n26 January 2025\n", date(2025, 1, 26)),
    ],
)
def test_publication_date_found(text, expected):
    found = find_publication_date(text)
    assert found is not None and found[0] == expected
    start, end = found[1]
    assert text[start:end].strip()[:1].isalnum()


@pytest.mark.parametrize(
    "text",
    [
        "He said on January 26, 2025 that he would go.",
        "He arrived on January 26, 2025",
        "The summit happened in January 2025.",
        "Published: sometime in March",
        "",
        "Published: February 30, 2025",
    ],
)
def test_publication_date_not_invented(text):
    assert find_publication_date(text) is None


def test_publication_date_only_near_top_or_bottom():
    middle = "\n".join(f"Paragraph {i} of the story." for i in range(15))
    text = middle + "\nPublished: March 3, 2024\n" + middle
    assert find_publication_date(text) is None


def test_reference_date_precedence():
    doc = Document(name="a.txt", text="Posted: 8/25/2020\nIt rained yesterday.")
    assert with_reference_date(doc, date(2021, 1, 1)).reference_source == "given"
    found = with_reference_date(doc, None)
    assert (found.reference_date, found.reference_source) == (date(2020, 8, 25), "text")
    meta = Document(name="b", text="x", reference_date=date(2019, 5, 1))
    assert with_reference_date(meta, None).reference_source == "metadata"
    bare = with_reference_date(Document(name="c", text="No date here."), None, today=date(2026, 1, 2))
    assert (bare.reference_date, bare.reference_source) == (date(2026, 1, 2), "today")


@pytest.mark.parametrize("bad", ["2025-13-01", "yesterday", "01/26/2025", ""])
def test_parse_reference_date_rejects(bad):
    with pytest.raises(ReferenceDateError, match="YYYY-MM-DD"):
        parse_reference_date(bad)


def test_parse_reference_date_accepts():
    assert parse_reference_date("2025-01-26") == date(2025, 1, 26)


def test_reference_date_settled_keeps_a_settled_document():
    ref = date(2019, 5, 1)
    doc = Document(name="b", text="Nothing dated here.", reference_date=ref, reference_source="metadata")
    assert with_reference_date(doc, None) is doc
    again = with_reference_date(doc, date(2020, 1, 1))
    assert (again.reference_date, again.reference_source) == (date(2020, 1, 1), "given")
    assert (doc.reference_date, doc.reference_source) == (ref, "metadata")
