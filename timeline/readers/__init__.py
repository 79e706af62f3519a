"""Reading documents from paths: files, directories (recursively) and ``-`` (stdin).

Each file kind has a reader registered under its suffixes in :data:`READERS`; a reader
turns one path into one or more :class:`~timeline.documents.Document` (a corpus file
holds many). :func:`iter_documents` walks the paths and yields every document, or the
:class:`~timeline.errors.InputError` that stopped one file, so that one bad file never
loses the rest of the work.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ..documents import Document, decode_bytes
from ..errors import InputError, NotFoundError, TooLargeError

__all__ = [
    "ReadOptions",
    "READERS",
    "register",
    "iter_documents",
    "expand_paths",
    "read_text_file",
    "DEFAULT_MAX_BYTES",
]

#: Files larger than this are refused (``--max-size`` / ``ReadOptions.max_bytes``).
DEFAULT_MAX_BYTES = 20_000_000


@dataclass(frozen=True)
class ReadOptions:
    """How documents are read. ``text_column`` names the text column of corpora."""

    max_bytes: int = DEFAULT_MAX_BYTES
    text_column: str = "text"


#: A reader yields documents; a corpus reader may also yield the error of one bad row.
Reader = Callable[[Path, ReadOptions], Iterator[Document | InputError]]

#: suffix (lower case, with the dot) -> reader
READERS: dict[str, Reader] = {}


def register(*suffixes: str) -> Callable[[Reader], Reader]:
    """Register a reader for file suffixes (``".txt"``)."""

    def deco(fn: Reader) -> Reader:
        for s in suffixes:
            READERS[s.lower()] = fn
        return fn

    return deco


def _check_size(path: Path, options: ReadOptions) -> None:
    size = path.stat().st_size
    if size > options.max_bytes:
        raise TooLargeError(
            str(path),
            f"is {size / 1e6:.1f} MB, over the {options.max_bytes / 1e6:.0f} MB limit for one file "
            "(split it, or raise the limit with --max-size)",
        )


def read_bytes(path: Path, options: ReadOptions) -> bytes:
    """The bytes of ``path``, refusing files over the size limit before reading them."""
    _check_size(path, options)
    return path.read_bytes()


@register(".txt", ".text", ".md", ".markdown", ".rst")
def read_text_file(path: Path, options: ReadOptions) -> Iterator[Document]:
    """A plain text or Markdown file: one document, its text decoded as read."""
    text = decode_bytes(read_bytes(path, options), str(path))
    yield Document(name=str(path), text=text, path=str(path))


def _read_stream(stream: BinaryIO, options: ReadOptions, name: str = "<stdin>") -> Document:
    data = stream.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        raise TooLargeError(name, f"is over the {options.max_bytes / 1e6:.0f} MB limit for one document")
    return Document(name=name, text=decode_bytes(data, name))


def _walk(directory: Path) -> list[Path]:
    found = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in sorted(files):
            p = Path(root) / f
            if not f.startswith(".") and p.suffix.lower() in READERS:
                found.append(p)
    return found


def _reader_for(path: Path) -> Reader:
    # An explicitly named file of an unknown kind is tried as text; decoding rejects binaries.
    return READERS.get(path.suffix.lower(), read_text_file)


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path | str | NotFoundError]:
    """The files ``paths`` name, in reading order: ``"-"`` (standard input) as is, a
    directory as the files of registered kinds under it (recursively, hidden ones
    skipped, sorted), a file as its path, and an error for a missing path or a
    directory with nothing to read."""
    for raw in paths:
        if str(raw) == "-":
            yield "-"
            continue
        path = Path(raw)
        if path.is_dir():
            files = _walk(path)
            if not files:
                kinds = ", ".join(sorted(READERS))
                yield NotFoundError(str(path), f"directory holds no documents to read (looked for {kinds})")
            yield from files
        elif path.exists():
            yield path
        else:
            yield NotFoundError(str(path), "no such file or directory")


def iter_documents(
    paths: Iterable[str | os.PathLike[str]],
    options: ReadOptions | None = None,
    *,
    stdin: BinaryIO | None = None,
) -> Iterator[Document | InputError]:
    """Every document under ``paths``, in order, or the error that stopped a file.

    Directories are read recursively (hidden files skipped; files of a registered kind
    only); ``"-"`` reads standard input.
    """
    options = options or ReadOptions()
    for item in expand_paths(paths):
        if isinstance(item, InputError):
            yield item
        elif item == "-":
            try:
                yield _read_stream(stdin or sys.stdin.buffer, options)
            except InputError as e:
                yield e
        else:
            yield from _read_one(item, options)


def _read_one(path: Path, options: ReadOptions) -> Iterator[Document | InputError]:
    try:
        yield from _reader_for(path)(path, options)
    except InputError as e:
        yield e
    except PermissionError:
        yield InputError(str(path), "permission denied")
    except IsADirectoryError:
        yield InputError(str(path), "is a directory")
    except OSError as e:
        yield InputError(str(path), e.strerror or str(e))


# Readers of other kinds register themselves on import (saved web pages; corpora).
from . import corpus, html  # noqa: E402,F401
