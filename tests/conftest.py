"""Shared fixtures: the sample articles and a CLI runner."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "timeline" / "samples"


@pytest.fixture
def samples_dir() -> Path:
    return SAMPLES


def run_cli(*args: str, input: bytes | str | None = None, cwd: Path | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run ``python -m timeline ARGS`` as a user would; text output."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8")
    if isinstance(input, str):
        input = input.encode("utf-8")
    p = subprocess.run([sys.executable, "-m", "timeline", *args], input=input, capture_output=True,
                       cwd=cwd or ROOT, env=env, timeout=timeout)
    p.stdout = p.stdout.decode("utf-8")  # type: ignore[assignment]
    p.stderr = p.stderr.decode("utf-8")  # type: ignore[assignment]
    return p


@pytest.fixture
def cli():
    return run_cli


def windowed_equals_full_scan(text: str, ref, monkeypatch: pytest.MonkeyPatch) -> None:
    """Assert that the tagger's trigger-word windows (an optimisation only) give the same
    output on ``text`` as running every rule over the whole text."""
    import timeline.tagger.engine as engine
    from timeline.tagger import tag

    fast = tag(text, ref)
    monkeypatch.setattr(engine, "_windows", lambda _text: None)
    assert tag(text, ref) == fast


# The headless-Chromium fixtures, registered once here so that the session browser is
# one browser for every test module (a fixture imported into two modules is two).
from tests.browser_fixtures import browser, page_of  # noqa: E402,F401
