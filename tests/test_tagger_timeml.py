"""tag_timeml / tag_timeml_file on TimeML documents written for these tests."""

from __future__ import annotations

import html
import re
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from timeline.errors import InputError
from timeline.tagger.timeml import tag_timeml, tag_timeml_file, timeml_dct, timeml_plain_text

DATA = Path(__file__).parent / "data" / "timeml"
TEXT_RE = re.compile(r"<TEXT\b[^>]*>(.*?)</TEXT>", re.S)


def _split(doc: str) -> tuple[str, str, str]:
    m = TEXT_RE.search(doc)
    assert m
    return doc[:m.start(1)], m.group(1), doc[m.end(1):]


def _timexes(inner: str) -> list[dict]:
    """(attributes, text) of the TIMEX3s in a TEXT body, via a real XML parser."""
    root = ET.fromstring("<TEXT>" + inner + "</TEXT>")
    return [{**el.attrib, "text": el.text} for el in root.iter("TIMEX3")]


@pytest.mark.parametrize("name", ["harbour_strike.tml", "quiet_day.tml"])
def test_round_trip(name: str) -> None:
    src = (DATA / name).read_text(encoding="utf-8")
    out = tag_timeml(src)
    before_s, inner_s, after_s = _split(src)
    before_o, inner_o, after_o = _split(out)
    assert before_o == before_s and after_o == after_s
    assert timeml_plain_text(inner_o) == timeml_plain_text(inner_s)
    _timexes(inner_o)  # well-formed XML
    assert "<EVENT" not in inner_o


def test_inserted_timexes() -> None:
    out = tag_timeml((DATA / "harbour_strike.tml").read_text(encoding="utf-8"))
    got = [(t["text"], t["type"], t["value"]) for t in _timexes(_split(out)[1])]
    assert got == [
        ("yesterday", "DATE", "2024-03-13"),
        ("12-day", "DURATION", "P12D"),
        ("Feb. 29", "DATE", "2024-02-29"),
        ("three years", "DURATION", "P3Y"),
        ("Monday", "DATE", "2024-03-18"),
        ("the fall", "DATE", "2024-FA"),
    ]
    tids = re.findall(r'<TIMEX3 tid="(t\d+)"', _split(out)[1])
    assert len(set(tids)) == len(tids) and "t0" not in tids


def test_nothing_to_tag_keeps_text() -> None:
    src = (DATA / "quiet_day.tml").read_text(encoding="utf-8")
    out = tag_timeml(src)
    assert "<TIMEX3" not in _split(out)[1]
    assert html.unescape(_split(out)[1]) == html.unescape(_split(src)[1])


def test_dct_formats() -> None:
    assert str(timeml_dct((DATA / "quiet_day.tml").read_text())) == "1999-12-01"
    assert str(timeml_dct((DATA / "harbour_strike.tml").read_text())) == "2024-03-14"
    assert timeml_dct("<TimeML><TEXT>x</TEXT></TimeML>") is None


def test_file_io(tmp_path: Path) -> None:
    out = tag_timeml_file(DATA / "harbour_strike.tml", tmp_path / "out")
    assert out == tmp_path / "out" / "harbour_strike.tml"
    assert 'value="2024-03-13"' in out.read_text(encoding="utf-8")


def test_bad_inputs(tmp_path: Path) -> None:
    with pytest.raises(InputError) as e:
        tag_timeml_file(tmp_path / "missing.tml", tmp_path)
    assert "missing.tml" in str(e.value)
    bad = tmp_path / "bad.tml"
    bad.write_text("<TimeML><DOCID>x</DOCID></TimeML>", encoding="utf-8")
    with pytest.raises(InputError):
        tag_timeml_file(bad, tmp_path / "o")
    binary = tmp_path / "bin.tml"
    binary.write_bytes(b"\xff\xfe\x00<TEXT>\x80</TEXT>")
    with pytest.raises(InputError):
        tag_timeml_file(binary, tmp_path / "o")
    with pytest.raises(ValueError):
        tag_timeml("no text element here")
