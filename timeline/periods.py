"""TIMEX3 values as periods on the calendar.

Convention: a period is half-open, ``[start, end)``: ``start`` is the first instant it
covers and ``end`` the first instant after it. ``2025-01-22`` is
``[2025-01-22 00:00, 2025-01-23 00:00)``; ``2021-12`` is ``[2021-12-01, 2022-01-01)``.
Seasons are the meteorological seasons of the northern hemisphere (spring = March to
May, summer = June to August, fall = September to November, winter = December to
February of the next year). ISO weeks run Monday to Monday. A ``mod`` narrows the period
to its first (``START``), middle (``MID``) or last (``END``) third.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

__all__ = ["Period", "period_of", "GRANULARITIES"]

#: Granularities from coarsest to finest.
GRANULARITIES = (
    "century", "decade", "year", "half", "quarter", "season", "month",
    "week", "day", "part_of_day", "hour", "minute", "second",
)


@dataclass(frozen=True, slots=True)
class Period:
    start: datetime
    end: datetime
    granularity: str

    @property
    def is_point(self) -> bool:
        """Day or finer: drawn as a point rather than a span."""
        return GRANULARITIES.index(self.granularity) >= GRANULARITIES.index("day")


_SEASONS = {"SP": (3, 6), "SU": (6, 9), "FA": (9, 12), "WI": (12, 15)}
_PARTS_OF_DAY = {"MO": (6, 12), "MI": (11, 13), "AF": (12, 18), "EV": (18, 22), "NI": (21, 30), "DT": (8, 18)}

_RE = re.compile(
    r"""^(?:
      (?P<century>\d{2}) |
      (?P<decade>\d{3}) |
      (?P<year>\d{4})
      (?:-(?:
          (?P<season>SP|SU|FA|WI) |
          Q(?P<quarter>[1-4]) |
          H(?P<half>[12]) |
          W(?P<week>\d{2})(?P<weekend>-WE)? |
          (?P<month>\d{2})(?:-(?P<day>\d{2})
              (?:T(?:(?P<pod>MO|MI|AF|EV|NI|DT)|(?P<hour>\d{2})(?::(?P<minute>\d{2})(?::(?P<second>\d{2}))?)?))?
          )?
      ))?
    )$""",
    re.X,
)


def _month_add(year: int, month: int, n: int) -> datetime:
    m = month - 1 + n
    return datetime(year + m // 12, m % 12 + 1, 1)


@lru_cache(maxsize=4096)
def period_of(value: str, mod: str | None = None) -> Period | None:
    """The period a TIMEX3 DATE/TIME value covers, or ``None`` when the value is not
    on the calendar (``PRESENT_REF``, ``XXXX-12-25``, a duration...).

    Cached (a corpus names the same dates again and again; a Period is immutable)."""
    m = _RE.match(value or "")
    if not m:
        return None
    # The named groups are the parts of a value, coarsest first: the last one matched
    # says what kind of period it is.
    kind = m.lastgroup
    try:
        if kind == "century":
            y = int(m.group("century")) * 100
            p = Period(datetime(max(y, 1), 1, 1), datetime(y + 100, 1, 1), "century")
        elif kind == "decade":
            y = int(m.group("decade")) * 10
            p = Period(datetime(max(y, 1), 1, 1), datetime(y + 10, 1, 1), "decade")
        else:
            y = int(m.group("year"))
            if kind == "year":
                p = Period(datetime(y, 1, 1), datetime(y + 1, 1, 1), "year")
            elif kind == "season":
                a, b = _SEASONS[m.group("season")]
                p = Period(_month_add(y, a, 0), _month_add(y, a, b - a), "season")
            elif kind == "quarter":
                q = int(m.group("quarter"))
                p = Period(datetime(y, 3 * q - 2, 1), _month_add(y, 3 * q - 2, 3), "quarter")
            elif kind == "half":
                h = int(m.group("half"))
                p = Period(datetime(y, 6 * h - 5, 1), _month_add(y, 6 * h - 5, 6), "half")
            elif kind == "week" or kind == "weekend":
                monday = datetime.combine(date.fromisocalendar(y, int(m.group("week")), 1), datetime.min.time())
                if kind == "weekend":
                    p = Period(monday + timedelta(days=5), monday + timedelta(days=7), "week")
                else:
                    p = Period(monday, monday + timedelta(days=7), "week")
            elif kind == "month":
                mo = int(m.group("month"))
                p = Period(datetime(y, mo, 1), _month_add(y, mo, 1), "month")
            else:  # a day, or a part or time of a day
                d = datetime(y, int(m.group("month")), int(m.group("day")))
                if kind == "pod":
                    a, b = _PARTS_OF_DAY[m.group("pod")]
                    p = Period(d + timedelta(hours=a), d + timedelta(hours=b), "part_of_day")
                elif kind == "second":
                    s = d.replace(hour=int(m.group("hour")), minute=int(m.group("minute")), second=int(m.group("second")))
                    p = Period(s, s + timedelta(seconds=1), "second")
                elif kind == "minute":
                    s = d.replace(hour=int(m.group("hour")), minute=int(m.group("minute")))
                    p = Period(s, s + timedelta(minutes=1), "minute")
                elif kind == "hour":
                    s = d.replace(hour=int(m.group("hour")))
                    p = Period(s, s + timedelta(hours=1), "hour")
                else:
                    p = Period(d, d + timedelta(days=1), "day")
    except ValueError:  # 2025-02-30, week 54, hour 25...
        return None
    if mod in ("START", "MID", "END") and p.granularity in GRANULARITIES[: GRANULARITIES.index("week")]:
        third = (p.end - p.start) / 3
        k = {"START": 0, "MID": 1, "END": 2}[mod]
        p = Period(p.start + third * k, p.start + third * (k + 1), p.granularity)
    return p
