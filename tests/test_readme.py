"""The README's examples run, its generated parts are up to date, every command is in it."""

from __future__ import annotations

import contextlib
import io
import os
import re
import shlex
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, run_cli

README = (ROOT / "README.md").read_text(encoding="utf-8")


def blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", README, re.S)


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    """A folder laid out like the repository, as the README's examples assume."""
    shutil.copytree(ROOT / "timeline" / "samples", tmp_path / "timeline" / "samples")
    shutil.copytree(ROOT / "tests" / "data", tmp_path / "tests" / "data", dirs_exist_ok=True) if (ROOT / "tests" / "data").exists() else None
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_python_examples_run_and_print_what_they_say(workdir):
    for code in blocks("python"):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(code, "README.md", "exec"), {"__name__": "__readme__"})
        # "# expected output" comments that follow a print must match what it printed
        expected = [line[2:] for line in code.splitlines() if line.startswith("# ")]
        printed = out.getvalue().splitlines()
        for line in expected:
            assert line in printed, f"README says {line!r}; printed {printed}"


def test_console_examples_run(workdir):
    commands = [line[2:] for block in blocks("console") for line in block.splitlines() if line.startswith("$ ")]
    assert commands
    for c in commands:
        args = shlex.split(c)
        assert args[0] == "timeline"
        expanded = []
        for a in args[1:]:
            expanded += sorted(str(p.relative_to(workdir)) for p in workdir.glob(a)) if "*" in a else [a]
        p = run_cli(*expanded, cwd=workdir)
        assert p.returncode == 0, f"{c}: {p.stderr}"


def test_generated_parts_up_to_date():
    p = subprocess.run([sys.executable, str(ROOT / "scripts" / "cli_reference.py"), "--check"],
                       env=dict(os.environ, COLUMNS="100"))
    assert p.returncode == 0, "README.md is out of date: run python scripts/cli_reference.py"


def test_every_command_documented():
    from timeline.cli import build_parser
    import argparse

    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    for name in sub.choices:
        assert f"### `timeline {name}`" in README
        assert re.search(rf"\$ timeline {name}\b|timeline {name}\b", README.split("## Command-line reference")[0]), name


def test_public_api_documented():
    import timeline

    for name in timeline.__all__:
        if name.startswith("_") or name in {"Timex", "Document", "DocumentResult", "ReadOptions", "EVENT_COLUMNS"}:
            continue
        assert name in README, f"timeline.{name} is public but not in the README"
