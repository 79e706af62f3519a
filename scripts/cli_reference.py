"""Regenerate the generated parts of README.md: the CLI reference (from the parser's
--help) and the table of event columns (from timeline.schema).

    python scripts/cli_reference.py          # rewrite README.md
    python scripts/cli_reference.py --check  # exit 1 if README.md is out of date
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

START, END = "<!-- cli-reference:start -->", "<!-- cli-reference:end -->"
COLS_START, COLS_END = "<!-- columns:start -->", "<!-- columns:end -->"


def columns() -> str:
    from timeline.schema import EVENT_COLUMNS

    rows = [COLS_START, "", "| column | type | meaning |", "| --- | --- | --- |"]
    for name, (dtype, text) in EVENT_COLUMNS.items():
        rows.append(f"| `{name}` | {dtype} | {text} |")
    return "\n".join(rows + ["", COLS_END])


def reference() -> str:
    import argparse
    import os

    os.environ["COLUMNS"] = "100"
    from timeline.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    parts = [START, "", "```", parser.format_help().rstrip(), "```"]
    for name, p in sub.choices.items():
        parts += ["", f"### `timeline {name}`", "", "```", p.format_help().rstrip(), "```"]
    parts += ["", END]
    return "\n".join(parts)


def updated(readme: str) -> str:
    for start, end, make in ((START, END, reference), (COLS_START, COLS_END, columns)):
        pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.S)
        if not pattern.search(readme):
            raise SystemExit(f"README.md has no {start} marker")
        readme = pattern.sub(lambda _: make(), readme)
    return readme


if __name__ == "__main__":
    path = ROOT / "README.md"
    old = path.read_text(encoding="utf-8")
    new = updated(old)
    if "--check" in sys.argv:
        sys.exit(0 if new == old else 1)
    path.write_text(new, encoding="utf-8")
