"""timeline: dated events from news articles, on an interactive Plotly timeline.

>>> import timeline
>>> df = timeline.extract_text("On January 22, Trump wrote a post.", reference_date="2025-01-26")
>>> df.loc[0, "value"]
'2025-01-22'

The public API is what ``__all__`` lists; submodules are private unless documented.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .documents import Document
from .errors import (
    DecodeError,
    InputError,
    NotFoundError,
    OutputError,
    ReferenceDateError,
    TimelineError,
    TooLargeError,
)
from .events import (
    DocumentResult,
    ReferenceDateWarning,
    events_for_document,
    extract,
    extract_text,
    iter_results,
)
from .readers import ReadOptions
from .schema import EVENT_COLUMNS
from .tagger import Timex, tag

__version__ = "0.1.0"

# Drawing, exporting and merging pull in plotly and friends: imported on first use.
_LAZY = {
    "plot": "chart",
    "to_html": "page",
    "write_html": "page",
    "write_image": "export",
    "to_timelinejs": "export",
    "merge_events": "merge",
    "extract_dask": "distributed",
}

if TYPE_CHECKING:  # pragma: no cover
    from .chart import plot
    from .distributed import extract_dask
    from .export import to_timelinejs, write_image
    from .merge import merge_events
    from .page import to_html, write_html


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'timeline' has no attribute {name!r}")


__all__ = [
    "__version__",
    # finding events
    "extract",
    "extract_text",
    "iter_results",
    "events_for_document",
    "tag",
    "Timex",
    "Document",
    "DocumentResult",
    "ReadOptions",
    "EVENT_COLUMNS",
    # drawing and writing
    "plot",
    "to_html",
    "write_html",
    "write_image",
    "to_timelinejs",
    "merge_events",
    "extract_dask",
    # errors and warnings
    "TimelineError",
    "InputError",
    "NotFoundError",
    "DecodeError",
    "TooLargeError",
    "ReferenceDateError",
    "OutputError",
    "ReferenceDateWarning",
]
