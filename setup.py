"""Build script. Configuration lives in pyproject.toml; this file only adds the optional
compiled build: with ``TIMELINE_COMPILE=1`` the modules in :data:`COMPILED` are compiled
to C extensions with mypyc (same source, same results, faster). Without it, or where no C
compiler is at hand, timeline is pure Python.
"""

from __future__ import annotations

import os

from setuptools import setup

#: The modules on the per-article path: describe() (actors, status, title of each event)
#: is plain Python over token lists, which mypyc speeds up about twice; the tagger's and
#: the event loop's Python (about half of the tagger's instructions are regular
#: expressions, which stay as they are) gain less. Semantics alone: 12.52M instructions
#: per benchmark article (pure Python 14.88M); with the rest of this list 11.29M.
COMPILED = [
    "timeline/semantics.py",
    "timeline/tagger/engine.py",
    "timeline/tagger/context.py",
    "timeline/tagger/rules.py",
    "timeline/tagger/calendar_math.py",
    "timeline/tagger/timex.py",
    "timeline/events.py",
    "timeline/text.py",
    "timeline/periods.py",
]


def ext_modules() -> list:
    if os.environ.get("TIMELINE_COMPILE", "") != "1":
        return []
    from mypyc.build import mypycify

    return mypycify(["--ignore-missing-imports", "--follow-imports=silent", *COMPILED],
                    opt_level="3", group_name="timeline_compiled")


setup(ext_modules=ext_modules())
