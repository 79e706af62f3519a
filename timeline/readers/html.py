"""Saved web pages (``.html``, ``.htm``): the article's main text and its metadata.

The main text (without navigation, footers, scripts or comments) comes from
`trafilatura <https://trafilatura.readthedocs.io>`_; the publication date from
`htmldate <https://htmldate.readthedocs.io>`_ (called by trafilatura's metadata
extraction with the parameters below), reading the page's markup only: ``<meta
property="article:published_time">``, JSON-LD ``datePublished``, ``<time datetime>``,
a date in the canonical URL's path... The free text of the page is not searched for a
date there (``extensive_search=False``): a date in the story is not the date of the
story. When the markup states no date, the usual text rule applies later (a
"Published: ..." line in the extracted text), see
:func:`timeline.documents.with_reference_date`.

Nothing here touches the network: the page is parsed into a tree from its bytes and the
libraries only ever see that tree (htmldate downloads a *string* that looks like a URL,
so a string is never handed to it).

``Document.text`` is the extracted text, one block (headline, paragraph, list item) per
paragraph with a blank line between blocks, so every character offset timeline reports for
an HTML page points into that text, not into the markup.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..documents import Document
from ..errors import DecodeError, InputError
from . import ReadOptions, read_bytes, register

__all__ = ["read_html", "html_to_document", "HTML_EXTRA_HINT"]

HTML_EXTRA_HINT = "reading .html needs the html extra: pip install 'timeline[html]'"

# trafilatura and htmldate log parsing trouble at WARNING/ERROR level; without a handler
# Python would print those lines on stderr. A library's own loggers get a NullHandler,
# so the messages stay available to an application that configures logging.
for _name in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _libraries() -> tuple[Any, Any]:
    """trafilatura's ``bare_extraction`` and ``load_html``, or an InputError-ready hint."""
    try:
        from trafilatura import bare_extraction
        from trafilatura.utils import load_html
    except ImportError:  # the optional extra is not installed
        return None, None
    return bare_extraction, load_html


@register(".html", ".htm", ".xhtml")
def read_html(path: Path, options: ReadOptions) -> Iterator[Document]:
    """A saved web page: one document, the article's main text and its metadata."""
    data = read_bytes(path, options)
    yield html_to_document(data, str(path), path=str(path))


def html_to_document(data: bytes | str, name: str, *, path: str | None = None, today: date | None = None) -> Document:
    """The article in the HTML ``data`` as a :class:`Document` named ``name``.

    ``reference_date`` is the page's publication date from its markup (with
    ``reference_source="metadata"``), or None; ``title``, ``url`` (canonical) and
    ``source`` (site name, else host name) come from the page's metadata. Dates after
    ``today`` (default: the real today) are not taken for the publication date.

    Raises :class:`InputError` naming ``name`` for a page with no extractable text,
    :class:`DecodeError` for binary content.
    """
    bare_extraction, load_html = _libraries()
    if bare_extraction is None:
        raise InputError(name, HTML_EXTRA_HINT)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    head = raw[:65536]
    if b"\x00" in head and not head.startswith(_UTF16_BOMS):
        raise DecodeError(name, "looks like a binary file, not an HTML page (NUL bytes)")
    if not raw.strip():
        raise InputError(name, "is empty: no article text in this HTML page")

    max_date = (today or date.today()).strftime("%Y-%m-%d")
    try:
        tree = load_html(raw)
        if tree is None and b"<" in head:
            # trafilatura refuses pages it finds dubious (an XHTML page with a bare body);
            # lxml's own HTML parser still reads them
            from lxml import html as lxml_html

            tree = lxml_html.document_fromstring(raw)
        if tree is None:
            if b"<" not in head:
                raise InputError(name, "holds no HTML markup: give it a .txt name to read it as plain text")
            raise InputError(name, "is not an HTML page that can be parsed")
        result = bare_extraction(
            tree,
            with_metadata=True,
            include_comments=False,  # reader comments are not the article
            include_tables=True,
            include_images=False,
            include_links=False,
            deduplicate=False,
            date_extraction_params={
                "original_date": True,  # the publication date, not the last update
                "extensive_search": False,  # markup only: never a date from the story's text
                "max_date": max_date,
            },
        )
    except InputError:
        raise
    except RecursionError:
        raise InputError(name, "HTML is nested too deeply to be read") from None
    except Exception as e:  # lxml and the extractors raise many kinds of errors on odd markup
        raise InputError(name, f"could not extract the article from this HTML page ({type(e).__name__})") from None

    text = (getattr(result, "text", None) or "").strip() if result is not None else ""
    # one block (heading, paragraph, list item) per line from trafilatura; a blank line
    # between blocks lets sentence splitting see that a headline ends without a period
    text = re.sub(r"[ \t]*\n\s*", "\n\n", text)
    if not text:
        raise InputError(name, "no article text could be extracted from this HTML page")

    meta = {"format": "html"}
    ref = _parse_iso_date(getattr(result, "date", None))
    if getattr(result, "author", None):
        meta["author"] = result.author
    return Document(
        name=name,
        text=text,
        reference_date=ref,
        reference_source="metadata" if ref else None,
        path=path,
        title=_clean(getattr(result, "title", None)),
        url=_clean(getattr(result, "url", None)),
        source=_clean(getattr(result, "sitename", None)) or _clean(getattr(result, "hostname", None)),
        meta=meta,
    )


def _clean(value: object) -> str | None:
    if value is None:
        return None
    s = " ".join(str(value).split())
    return s or None


def _parse_iso_date(value: object) -> date | None:
    """htmldate returns ``YYYY-MM-DD``; anything else is not a date."""
    if not value:
        return None
    try:
        return datetime.strptime(str(value)[:10], "%Y-%m-%d").date()
    except ValueError:
        return None
