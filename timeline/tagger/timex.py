"""The tagger's output type: one TimeML TIMEX3 found in a text."""

from __future__ import annotations

from dataclasses import dataclass, field
from types import FunctionType

__all__ = ["Timex", "TIMEX_TYPES"]

TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")


def _probe() -> None:
    """(A function: compiled by mypyc, it is not a Python function object.)"""


# this module is compiled by mypyc (see Timex.__init__)
_NATIVE = not isinstance(_probe, FunctionType)


@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression with its extent and its TimeML normalisation.

    ``start``/``end`` are character offsets into the text exactly as it was passed
    to :func:`timeline.tagger.tag` (``text[start:end] == self.text``).

    ``value`` is the TIMEX3 value: ``2025-01-22``, ``2021-12``, ``2022-FA``,
    ``2025-W04``, ``199`` (a decade), ``P30D`` (a duration), ``PRESENT_REF``,
    ``XXXX-12-25`` (a date whose year could not be resolved), ``2025-01-22T19:00``...

    ``anchor`` says what a relative expression was resolved against: ``None`` for an
    absolute expression ("January 22, 2025"), ``"dct"`` for the reference date
    ("yesterday", "last year", "on Wednesday"), ``"narrative"`` for the date the text
    last mentioned ("the next day", "a week later").

    ``year_assumed`` is true when the text gave no year and the tagger took it from the
    reference date or the narrative ("On January 22" in an article of 2025).

    ``range_end`` is set on the first expression of a range ("between March 17 and 23",
    "from May to July", "2014-2016"): the TIMEX3 value of the range's last date. The
    range's second expression is also returned as a Timex of its own (TimeML marks
    both), with ``range_role="end"``; the first has ``range_role="start"``.
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None
    anchor: str | None = None
    year_assumed: bool = False
    range_end: str | None = None
    range_role: str | None = None
    quant: str | None = None
    freq: str | None = None
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    # (written out, not generated: mypyc compiles this one; frozen: object.__setattr__,
    # except in the compiled build, where an attribute write in __init__ is a native store
    # that does not go through the dataclass's __setattr__, at a tenth of the cost)
    def __init__(self, start: int, end: int, text: str, type: str, value: str, mod: str | None = None,
                 anchor: str | None = None, year_assumed: bool = False, range_end: str | None = None,
                 range_role: str | None = None, quant: str | None = None, freq: str | None = None,
                 extra: dict | None = None) -> None:
        if _NATIVE:
            self.start = start  # type: ignore[misc]
            self.end = end  # type: ignore[misc]
            self.text = text  # type: ignore[misc]
            self.type = type  # type: ignore[misc]
            self.value = value  # type: ignore[misc]
            self.mod = mod  # type: ignore[misc]
            self.anchor = anchor  # type: ignore[misc]
            self.year_assumed = year_assumed  # type: ignore[misc]
            self.range_end = range_end  # type: ignore[misc]
            self.range_role = range_role  # type: ignore[misc]
            self.quant = quant  # type: ignore[misc]
            self.freq = freq  # type: ignore[misc]
            self.extra = {} if extra is None else extra  # type: ignore[misc]
            return
        set_ = object.__setattr__
        set_(self, "start", start)
        set_(self, "end", end)
        set_(self, "text", text)
        set_(self, "type", type)
        set_(self, "value", value)
        set_(self, "mod", mod)
        set_(self, "anchor", anchor)
        set_(self, "year_assumed", year_assumed)
        set_(self, "range_end", range_end)
        set_(self, "range_role", range_role)
        set_(self, "quant", quant)
        set_(self, "freq", freq)
        set_(self, "extra", {} if extra is None else extra)

    @property
    def is_calendar(self) -> bool:
        """True when the value names a period on the calendar (a DATE or TIME that
        starts with a known year), i.e. something that can be drawn on a timeline."""
        if self.type not in ("DATE", "TIME"):
            return False
        v = self.value
        return len(v) >= 3 and v[:3].isdigit()
