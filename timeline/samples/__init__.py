"""Sample articles that ship with timeline (written for the project) for ``timeline demo``."""

from __future__ import annotations

from pathlib import Path

__all__ = ["sample_paths", "SAMPLES_DIR"]

SAMPLES_DIR = Path(__file__).parent


def sample_paths() -> list[Path]:
    """The bundled sample articles, in name order."""
    return sorted(SAMPLES_DIR.glob("*.txt"))
