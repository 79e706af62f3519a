"""TimeML in, TimeML out: tag the ``<TEXT>`` of a TimeML document with TIMEX3 elements.

Everything outside ``<TEXT>...</TEXT>`` is kept byte for byte; inside, every existing
tag is removed (the characters of the text are unchanged) and the tagger's TIMEX3s
are inserted. The document creation time (the TIMEX3 with
``functionInDocument="CREATION_TIME"``, normally inside ``<DCT>``) is the reference date.
"""

from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path

from ..errors import InputError
from . import tag
from .timex import Timex

__all__ = ["tag_timeml", "tag_timeml_file", "timeml_plain_text", "timeml_dct"]

_TEXT_RE = re.compile(r"(<TEXT\b[^>]*>)(.*?)(</TEXT>)", re.S)
_TAG_RE = re.compile(r"<[^>]*>")
_ATTR_RE = re.compile(r'([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*("([^"]*)"|\'([^\']*)\')')
_TIMEX_OPEN = re.compile(r"<TIMEX3\b([^>]*)>")


def _attrs(s: str) -> dict[str, str]:
    return {m.group(1): html.unescape(m.group(3) if m.group(3) is not None else m.group(4))
            for m in _ATTR_RE.finditer(s)}


def timeml_dct(source: str) -> date | None:
    """The creation date of a TimeML document, or None."""
    dct_block = re.search(r"<DCT>(.*?)</DCT>", source, re.S)
    cands = _TIMEX_OPEN.finditer(dct_block.group(1)) if dct_block else iter(())
    value = None
    for m in cands:
        value = _attrs(m.group(1)).get("value")
        break
    if value is None:
        for m in _TIMEX_OPEN.finditer(source):
            a = _attrs(m.group(1))
            if a.get("functionInDocument") == "CREATION_TIME":
                value = a.get("value")
                break
    if not value:
        return None
    dm = re.match(r"(\d{4})-?(\d{2})-?(\d{2})", value)
    if not dm:
        return None
    try:
        return date(int(dm.group(1)), int(dm.group(2)), int(dm.group(3)))
    except ValueError:
        return None


def timeml_plain_text(inner: str) -> str:
    """The plain text of a ``<TEXT>`` body: tags removed, entities decoded."""
    return html.unescape(_TAG_RE.sub("", inner))


def _escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _timex_xml(t: Timex, tid: int) -> str:
    attrs = [f'tid="t{tid}"', f'type="{t.type}"', f'value="{html.escape(t.value, quote=True)}"']
    if t.mod:
        attrs.append(f'mod="{t.mod}"')
    if t.quant:
        attrs.append(f'quant="{html.escape(t.quant, quote=True)}"')
    if t.freq:
        attrs.append(f'freq="{html.escape(t.freq, quote=True)}"')
    return "<TIMEX3 " + " ".join(attrs) + ">" + _escape(t.text) + "</TIMEX3>"


def tag_timeml(source: str) -> str:
    """``source`` (a TimeML document) with its ``<TEXT>`` re-tagged by the tagger.

    Raises ``ValueError`` when the document has no ``<TEXT>`` element.
    """
    m = _TEXT_RE.search(source)
    if not m:
        raise ValueError("no <TEXT> element")
    plain = timeml_plain_text(m.group(2))
    timexes = tag(plain, timeml_dct(source))
    used = {int(x) for x in re.findall(r'tid="t(\d+)"', source[:m.start()] + source[m.end():])}
    out = []
    pos = 0
    tid = 1
    for t in timexes:
        if t.start < pos:
            continue
        while tid in used:
            tid += 1
        out.append(_escape(plain[pos:t.start]))
        out.append(_timex_xml(t, tid))
        tid += 1
        pos = t.end
    out.append(_escape(plain[pos:]))
    return source[:m.start(2)] + "".join(out) + source[m.end(2):]


def tag_timeml_file(path: str | Path, out_dir: str | Path) -> Path:
    """Tag the TimeML file ``path`` and write it under the same name in ``out_dir``."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise InputError(str(path), f"cannot read: {e.strerror or e}") from None
    try:
        source = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(str(path), "not UTF-8 text") from None
    try:
        result = tag_timeml(source)
    except ValueError as e:
        raise InputError(str(path), f"not a TimeML document: {e}") from None
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
        target = out / path.name
        target.write_text(result, encoding="utf-8")
    except OSError as e:
        raise InputError(str(out), f"cannot write: {e.strerror or e}") from None
    return target
