"""Build script. Configuration lives in pyproject.toml; this file only adds the optional
compiled build: with ``TIMELINE_COMPILE=1`` the modules in :data:`COMPILED` are compiled
to C extensions with mypyc (same source, same results, faster). Without it, or where no C
compiler is at hand, timeline is pure Python.
"""

from __future__ import annotations

import os

from setuptools import setup

#: The modules worth compiling: describe() (actors, status, title of each event) is
#: plain Python over token lists, which mypyc speeds up about twice; about half of the
#: tagger's instructions are in regular expressions, and compiling it saved only 8%.
COMPILED = ["timeline/semantics.py"]


def ext_modules() -> list:
    if os.environ.get("TIMELINE_COMPILE", "") != "1":
        return []
    from mypyc.build import mypycify

    return mypycify(["--ignore-missing-imports", "--follow-imports=silent", *COMPILED],
                    opt_level="3", group_name="timeline_compiled")


setup(ext_modules=ext_modules())
