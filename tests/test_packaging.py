"""Every data file the package reads is declared as package data (or `pip install .`
would leave it out, as a source checkout never shows)."""

from __future__ import annotations

import fnmatch
import tomllib

from conftest import ROOT


def test_every_data_file_is_package_data():
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = conf["tool"]["setuptools"]["package-data"]["timeline"]
    pkg = ROOT / "timeline"
    data = [p.relative_to(pkg).as_posix() for p in pkg.rglob("*")
            if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts]
    assert data
    missing = [f for f in data if not any(fnmatch.fnmatch(f, pat) for pat in patterns)]
    assert not missing, f"add to [tool.setuptools.package-data]: {missing}"
