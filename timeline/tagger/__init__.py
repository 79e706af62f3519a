"""Finding temporal expressions in English text and normalising them to TimeML TIMEX3.

The knowledge (month and weekday names, numerals, seasons, holidays, patterns) lives in
``resources/`` as data; the modules here are the engine that applies it.
"""

from __future__ import annotations

from datetime import date, datetime

from .engine import tag as _tag
from .timex import TIMEX_TYPES, Timex

__all__ = ["tag", "Timex", "TIMEX_TYPES"]


def tag(text: str, reference_date: date | datetime | None = None) -> list[Timex]:
    """Every temporal expression in ``text``, in document order.

    Relative expressions are resolved against ``reference_date`` (the document creation
    time); without one they keep unresolved values (``XXXX-12-25``, ``PAST_REF``...).
    """
    return _tag(text, reference_date)
