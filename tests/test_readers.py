import io
from pathlib import Path

import pytest

from timeline.documents import Document
from timeline.errors import DecodeError, InputError, NotFoundError, TooLargeError
from timeline.readers import ReadOptions, iter_documents


def read(paths, **kw):
    return list(iter_documents([str(p) for p in paths], ReadOptions(**kw)))


def test_directory_is_read_recursively_and_in_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.md").write_text("# Two\nText two.", encoding="utf-8")
    (tmp_path / "one.txt").write_text("Text one.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("hidden", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\x00")
    items = read([tmp_path])
    assert all(isinstance(d, Document) for d in items)
    assert [Path(d.name).name for d in items] == ["two.md", "one.txt"] or [Path(d.name).name for d in items] == ["one.txt", "two.md"]
    assert {d.text for d in items} == {"# Two\nText two.", "Text one."}


def test_bad_inputs_do_not_stop_the_rest(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Talks resumed on Monday.", encoding="utf-8")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02\x03" * 100)
    empty_dir = tmp_path / "empty"
    empty_dir.mkdir()
    items = read([tmp_path / "missing.txt", binary, empty_dir, good])
    kinds = [type(i) for i in items]
    assert kinds == [NotFoundError, DecodeError, NotFoundError, Document]
    assert "missing.txt" in str(items[0]) and "no such file" in str(items[0])
    assert "blob.txt" in str(items[1]) and "binary" in str(items[1])
    assert "empty" in str(items[2]) and "no documents" in str(items[2])


def test_too_large_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.truncate(3 * 1024 * 1024)  # sparse: nothing is written or read
    (item,) = read([big], max_bytes=1024 * 1024)
    assert isinstance(item, TooLargeError) and "big.txt" in str(item) and "limit" in str(item)


def test_stdin():
    (doc,) = iter_documents(["-"], stdin=io.BytesIO("On Monday, talks began.".encode("utf-16")))
    assert doc.name == "<stdin>" and doc.text == "On Monday, talks began."


def test_unknown_suffix_is_tried_as_text(tmp_path):
    p = tmp_path / "notes.log"
    p.write_text("Met on March 3.", encoding="utf-8")
    (doc,) = read([p])
    assert doc.text == "Met on March 3."


def test_errors_are_input_errors_with_path(tmp_path):
    (item,) = read([tmp_path / "nope"])
    assert isinstance(item, InputError) and item.path.endswith("nope")
