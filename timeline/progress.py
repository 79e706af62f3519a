"""A small progress bar on standard error for long runs.

Nothing is drawn for runs shorter than ``delay`` seconds, with ``quiet=True``, or when
the stream is not a terminal (a pipe, a log file, a test's captured stderr), so output
that is saved or parsed stays clean. No dependency: one line redrawn with ``\\r``.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator
from typing import TextIO, TypeVar

__all__ = ["progress", "ProgressBar"]

T = TypeVar("T")


class ProgressBar:
    """A progress line: ``desc  1,234/5,000 docs  25% | 812 docs/s | 0:04 left``.

    Use as a context manager and call :meth:`update` as work is done; :meth:`close`
    (or leaving the ``with`` block) ends the line. ``total`` may be None (unknown).
    """

    def __init__(
        self,
        total: int | None = None,
        *,
        desc: str = "",
        quiet: bool = False,
        unit: str = "doc",
        stream: TextIO | None = None,
        delay: float = 2.0,
        min_interval: float = 0.2,
        force: bool = False,
    ) -> None:
        self.total = total
        self.desc = desc
        self.unit = unit
        self.n = 0
        self.stream = stream if stream is not None else sys.stderr
        self.delay = delay
        self.min_interval = min_interval
        self._start = time.monotonic()
        self._last = 0.0
        self._drawn = False
        self.enabled = not quiet and (force or _is_terminal(self.stream))

    def update(self, n: int = 1) -> None:
        """Count ``n`` more units done; redraw at most every ``min_interval`` seconds."""
        self.n += n
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._start >= self.delay and now - self._last >= self.min_interval:
            self._last = now
            self._draw(now)

    def close(self) -> None:
        """Draw the final state (if anything was drawn) and end the line."""
        if self.enabled and self._drawn:
            self._draw(time.monotonic())
            self.stream.write("\n")
            self.stream.flush()
        self.enabled = False

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def line(self, now: float | None = None) -> str:
        """The text of the progress line at time ``now``."""
        now = time.monotonic() if now is None else now
        elapsed = max(now - self._start, 1e-9)
        rate = self.n / elapsed
        units = self.unit + ("s" if self.n != 1 and not self.unit.endswith("s") else "")
        parts = [self.desc] if self.desc else []
        if self.total:
            pct = min(100, int(100 * self.n / self.total))
            parts.append(f"{self.n:,}/{self.total:,} {units} {pct:3d}%")
        else:
            parts.append(f"{self.n:,} {units}")
        parts.append(f"{rate:,.0f} {self.unit}s/s" if rate >= 10 else f"{rate:.1f} {self.unit}s/s")
        if self.total and rate > 0 and self.n < self.total:
            parts.append(f"{_clock((self.total - self.n) / rate)} left")
        else:
            parts.append(f"{_clock(elapsed)}")
        return " | ".join(parts)

    def _draw(self, now: float) -> None:
        width = _width()
        text = self.line(now)[: width - 1]
        self.stream.write("\r" + text.ljust(width - 1))
        self.stream.flush()
        self._drawn = True


def progress(
    iterable: Iterable[T],
    *,
    total: int | None = None,
    desc: str = "",
    quiet: bool = False,
    unit: str = "doc",
    **kwargs: object,
) -> Iterator[T]:
    """Yield the items of ``iterable`` while showing a :class:`ProgressBar` on stderr
    (see there for when it stays silent). ``total`` defaults to ``len(iterable)`` when
    it has one. Extra keyword arguments go to :class:`ProgressBar`."""
    if total is None:
        try:
            total = len(iterable)  # type: ignore[arg-type]
        except TypeError:
            total = None
    bar = ProgressBar(total, desc=desc, quiet=quiet, unit=unit, **kwargs)  # type: ignore[arg-type]
    try:
        for item in iterable:
            yield item
            bar.update()
    finally:
        bar.close()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # closed or not a real file
        return False


def _width() -> int:
    try:
        return max(20, min(120, os.get_terminal_size(2).columns))
    except OSError:
        return 80


def _clock(seconds: float) -> str:
    s = int(seconds)
    h, rem = divmod(s, 3600)
    m, s = divmod(rem, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"
