"""The exceptions timeline raises. Every one derives from :class:`TimelineError`.

::

    TimelineError
    ├── InputError            a document could not be read
    │   ├── NotFoundError     the path does not exist / holds no readable documents
    │   ├── DecodeError       binary or undecodable content
    │   └── TooLargeError     over the size limit
    ├── ReferenceDateError    an invalid reference date
    └── OutputError           an output could not be written (bad format, missing extra)
"""

from __future__ import annotations

__all__ = [
    "TimelineError",
    "InputError",
    "NotFoundError",
    "DecodeError",
    "TooLargeError",
    "ReferenceDateError",
    "OutputError",
]


class TimelineError(Exception):
    """Base class of every error timeline raises on purpose."""


class InputError(TimelineError):
    """A document could not be read. ``path`` names it."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class NotFoundError(InputError):
    """The path does not exist, or a directory holds no document timeline can read."""


class DecodeError(InputError):
    """The file is binary or its bytes decode in no supported encoding."""


class TooLargeError(InputError):
    """The file is larger than the size limit."""


class ReferenceDateError(TimelineError, ValueError):
    """A reference date is not a valid ``YYYY-MM-DD`` date."""


class OutputError(TimelineError):
    """An output could not be produced (unknown format, missing optional extra...)."""
