"""PEP 517 build backend: setuptools, plus mypy when a compiled build is asked for.

``TIMELINE_COMPILE=1 pip install .`` (or ``python -m build``) compiles the modules that
``setup.py`` lists with mypyc, the way black and mypy ship their wheels; mypyc comes with
mypy, so mypy is added to the build requirements only then. Without the variable the
build is pure Python and needs nothing beyond setuptools. Everything else is setuptools'
own backend, unchanged.
"""

from __future__ import annotations

import os

from setuptools import build_meta as _meta
from setuptools.build_meta import *  # noqa: F401,F403  (the rest of the PEP 517 hooks)

MYPYC_REQUIREMENT = "mypy>=1.10"


def _compiled() -> list[str]:
    return [MYPYC_REQUIREMENT] if os.environ.get("TIMELINE_COMPILE", "") == "1" else []


# setuptools' own hooks would run setup.py to read its setup_requires (there are none),
# and setup.py needs mypyc in a compiled build: so these answer without running it.
# (setuptools >= 70.1, pinned in pyproject.toml, builds wheels without the wheel package.)
def get_requires_for_build_wheel(config_settings=None):  # noqa: D103
    return _compiled()


def get_requires_for_build_editable(config_settings=None):  # noqa: D103
    return _compiled()


# An sdist is source only: it is never compiled, so it needs no mypyc even when the
# variable is set (``TIMELINE_COMPILE=1 python -m build`` makes the sdist, then a
# compiled wheel from it).
def get_requires_for_build_sdist(config_settings=None):  # noqa: D103
    return []


def build_sdist(sdist_directory, config_settings=None):  # noqa: D103
    saved = os.environ.pop("TIMELINE_COMPILE", None)
    try:
        return _meta.build_sdist(sdist_directory, config_settings)
    finally:
        if saved is not None:
            os.environ["TIMELINE_COMPILE"] = saved
