"""Calendar arithmetic and TIMEX3 value formatting for the tagger.

A *point* is a ``(date, granularity)`` pair; granularity is one of ``"D"`` (day),
``"W"`` (ISO week), ``"M"`` (month), ``"Q"`` (quarter), ``"H"`` (half year), ``"Y"``
(year), ``"DE"`` (decade), ``"CE"`` (century).
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

__all__ = [
    "add_months",
    "shift",
    "fmt",
    "easter",
    "nth_weekday",
    "weekday_on_or_before",
    "weekday_on_or_after",
]

GRANS = ("D", "W", "M", "Q", "H", "Y", "DE", "CE")


def add_months(d: date, n: int) -> date:
    """``d`` moved by ``n`` months (day clipped to the month's length)."""
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    if y < 1 or y > 9999:
        return d
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def shift(d: date, unit: str, n: int) -> date:
    """``d`` moved by ``n`` units (unit: a granularity code)."""
    try:
        if unit == "D":
            return d + timedelta(days=n)
        if unit in ("W", "WE"):
            return d + timedelta(weeks=n)
        if unit == "M":
            return add_months(d, n)
        if unit == "Q":
            return add_months(d, 3 * n)
        if unit == "H":
            return add_months(d, 6 * n)
        if unit == "Y":
            return add_months(d, 12 * n)
        if unit == "DE":
            return add_months(d, 120 * n)
        if unit == "CE":
            return add_months(d, 1200 * n)
    except OverflowError:
        return d
    return d


def fmt(d: date, gran: str) -> str:
    """The TIMEX3 value of the period of granularity ``gran`` containing ``d``."""
    if gran == "D":
        return d.isoformat()
    if gran in ("W", "WE"):
        y, w, _ = d.isocalendar()
        return f"{y:04d}-W{w:02d}" + ("-WE" if gran == "WE" else "")
    if gran == "M":
        return f"{d.year:04d}-{d.month:02d}"
    if gran == "Q":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if gran == "H":
        return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
    if gran == "Y":
        return f"{d.year:04d}"
    if gran == "DE":
        return f"{d.year:04d}"[:3]
    if gran == "CE":
        return f"{d.year:04d}"[:2]
    return d.isoformat()


def easter(year: int) -> date:
    """Western (Gregorian) Easter Sunday of ``year`` (anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``-th ISO ``weekday`` (Mon=1) of the month; ``n=-1`` is the last one."""
    if n > 0:
        first = date(year, month, 1)
        delta = (weekday - first.isoweekday()) % 7
        return first + timedelta(days=delta + 7 * (n - 1))
    last = date(year, month, calendar.monthrange(year, month)[1])
    delta = (last.isoweekday() - weekday) % 7
    return last - timedelta(days=delta)


def weekday_on_or_before(d: date, weekday: int, strict: bool = False) -> date:
    """The latest date with ISO ``weekday`` not after ``d`` (before ``d`` if ``strict``)."""
    delta = (d.isoweekday() - weekday) % 7
    if strict and delta == 0:
        delta = 7
    return d - timedelta(days=delta)


def weekday_on_or_after(d: date, weekday: int, strict: bool = False) -> date:
    """The earliest date with ISO ``weekday`` not before ``d`` (after ``d`` if ``strict``)."""
    delta = (weekday - d.isoweekday()) % 7
    if strict and delta == 0:
        delta = 7
    return d + timedelta(days=delta)


# days of a common year before each month (index 1-12)
_DAYS_BEFORE_MONTH: tuple[int, ...] = (0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)


def day_number(year: int, month: int, day: int) -> int:
    """``date(year, month, day).toordinal()`` for a valid date, in integer arithmetic
    (no date object: differences of day numbers are those of dates in days)."""
    y = year - 1
    n = y * 365 + y // 4 - y // 100 + y // 400 + _DAYS_BEFORE_MONTH[month] + day
    if month > 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        n += 1
    return n
