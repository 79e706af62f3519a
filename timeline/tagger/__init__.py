"""Finding temporal expressions in English text and normalising them to TimeML TIMEX3.

The knowledge (month and weekday names, numerals, units, seasons, parts of day, holidays,
tense and vague-reference signal words) lives in ``resources/*.json`` as data; the modules
here are the small engine that applies it:

- :mod:`.lexicon`   loads the JSON once and builds lookup tables and regex fragments;
- :mod:`.rules`     one compiled pattern + handler per kind of expression ("March 3",
  "two days ago", "the third quarter"...), each testable alone;
- :mod:`.context`   per-document state: reference date, the date the text last mentioned
  (narrative anchor), the tense of a sentence;
- :mod:`.calendar_math` ISO weeks, quarters, Easter, nth weekday, TIMEX3 value formatting;
- :mod:`.engine`    runs the rules near keyword hits (one tokenising pass finds them),
  keeps the longest non-overlapping matches, resolves them in document order, links ranges;
- :mod:`.timeml`    TimeML documents in and out.

Resolution choices: a weekday or a month without a year goes to the past or the future
by the nearest tense signal of its sentence ("said on Wednesday" -> the last one, "will
visit on Thursday" -> the next one; "Wednesday's ruling" -> past); a month-day without a
tense signal goes to the nearest such date; "in July" right after "last year" takes that
year (narrative). "the next day", "a week later", "that year" are resolved against the
date the text last mentioned, or the reference date when it mentioned none.
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
