"""The progress bar: silent unless stderr is a terminal and the run is long enough."""

from __future__ import annotations

import io

from timeline.progress import ProgressBar, progress


class FakeTTY(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_yields_every_item_in_order():
    assert list(progress(iter(range(5)), quiet=True)) == [0, 1, 2, 3, 4]


def test_silent_when_not_a_terminal():
    out = io.StringIO()
    assert list(progress(range(50), stream=out, delay=0, min_interval=0)) == list(range(50))
    assert out.getvalue() == ""


def test_silent_when_quiet():
    out = FakeTTY()
    list(progress(range(50), stream=out, delay=0, min_interval=0, quiet=True))
    assert out.getvalue() == ""


def test_silent_for_short_runs():
    out = FakeTTY()
    list(progress(range(50), stream=out, delay=60))
    assert out.getvalue() == ""


def test_draws_on_a_terminal_and_ends_the_line():
    out = FakeTTY()
    list(progress(range(40), desc="Reading", stream=out, delay=0, min_interval=0))
    text = out.getvalue()
    assert text.startswith("\rReading | ") and text.endswith("\n")
    assert "40/40 docs 100%" in text.splitlines()[-1]


def test_line_with_unknown_total_and_eta():
    bar = ProgressBar(None, unit="row", quiet=True)
    bar.update(3)
    assert bar.line().startswith("3 rows | ")
    bar = ProgressBar(100, unit="doc", quiet=True)
    bar._start -= 10  # ten seconds ago
    bar.update(25)
    line = bar.line()
    assert "25/100 docs  25%" in line and "0:30 left" in line
