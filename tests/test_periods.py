from datetime import datetime as dt

import pytest

from timeline.periods import period_of


@pytest.mark.parametrize(
    "value, start, end, gran",
    [
        ("2025-01-22", dt(2025, 1, 22), dt(2025, 1, 23), "day"),
        ("2021-12", dt(2021, 12, 1), dt(2022, 1, 1), "month"),
        ("2022-FA", dt(2022, 9, 1), dt(2022, 12, 1), "season"),
        ("2022-WI", dt(2022, 12, 1), dt(2023, 3, 1), "season"),
        ("2025-W04", dt(2025, 1, 20), dt(2025, 1, 27), "week"),
        ("2025-W04-WE", dt(2025, 1, 25), dt(2025, 1, 27), "week"),
        ("2024", dt(2024, 1, 1), dt(2025, 1, 1), "year"),
        ("199", dt(1990, 1, 1), dt(2000, 1, 1), "decade"),
        ("19", dt(1900, 1, 1), dt(2000, 1, 1), "century"),
        ("2025-Q4", dt(2025, 10, 1), dt(2026, 1, 1), "quarter"),
        ("2025-H1", dt(2025, 1, 1), dt(2025, 7, 1), "half"),
        ("2025-01-22T19:30", dt(2025, 1, 22, 19, 30), dt(2025, 1, 22, 19, 31), "minute"),
        ("2025-01-22T15", dt(2025, 1, 22, 15), dt(2025, 1, 22, 16), "hour"),
        ("2025-01-22TNI", dt(2025, 1, 22, 21), dt(2025, 1, 23, 6), "part_of_day"),
    ],
)
def test_periods(value, start, end, gran):
    p = period_of(value)
    assert (p.start, p.end, p.granularity) == (start, end, gran)


@pytest.mark.parametrize("value", ["PRESENT_REF", "PAST_REF", "XXXX-12-25", "P30D", "2025-02-30", "2025-W60", "", "XXXX"])
def test_not_on_calendar(value):
    assert period_of(value) is None


def test_mod_narrows():
    assert period_of("2023", "START").end < dt(2023, 6, 1)
    assert period_of("2023-12", "END").start > dt(2023, 12, 15)
    assert period_of("2023-12-05", "START") == period_of("2023-12-05")


def test_points_and_spans():
    assert period_of("2025-01-22").is_point and not period_of("2025-01").is_point
