"""The compiled build (``TIMELINE_COMPILE=1``, mypyc) behaves exactly like pure Python.

The test builds the compiled modules the way ``setup.py`` does, in a copy of the
package, then checks there that (1) the compiled modules are the ones imported, (2) every
event row of the bundled samples and of the tests' own texts is identical to the pure
build's, and (3) the semantics, tagger and pipeline tests pass against the compiled modules.
"""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow

# Rows of the samples and of a few texts with hard cases, as JSON lines (run in a tree).
DUMP = r"""
import json, sys
from datetime import date
from pathlib import Path
import timeline
from timeline import semantics
from timeline.events import events_for_document
from timeline.documents import Document

texts = [(p.name, p.read_text(encoding="utf-8"), date(2025, 1, 26))
         for p in sorted(Path("timeline/samples").glob("*.txt"))]
texts += [
    ("quotes", "“We will not back down,” Mayor Ana Ruiz said on Tuesday. The council did not meet "
               "on Friday, and it is expected to vote next week.", date(2024, 3, 14)),
    ("orgs", "The Port Authority said on March 3 it would close two piers. Its director, Omar "
             "Haddad, told reporters on Wednesday that the closure could last until June.", date(2024, 3, 8)),
    ("odd", "May may May. (On Monday) -- 'Tuesday'; U.S.-led talks, Jan. 5, 2025, 10 a.m.", date(2025, 1, 9)),
]
out = {"module": semantics.__file__, "rows": []}
for name, text, ref in texts:
    for r in events_for_document(Document(name=name, text=text, reference_date=ref)):
        out["rows"].append({k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in r.items()})
print(json.dumps(out))
"""


def _dump(cwd: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(cwd))
    p = subprocess.run([sys.executable, "-c", DUMP], cwd=cwd, env=env, capture_output=True,
                       text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout)


@pytest.fixture(scope="module")
def compiled_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the package with the compiled modules built in place."""
    tree = tmp_path_factory.mktemp("compiled")
    shutil.copytree(ROOT / "timeline", tree / "timeline",
                    ignore=shutil.ignore_patterns("__pycache__", "*.so", "*.pyd"))
    shutil.copy(ROOT / "setup.py", tree / "setup.py")
    env = dict(os.environ, TIMELINE_COMPILE="1")
    p = subprocess.run([sys.executable, "setup.py", "-q", "build_ext", "--inplace"], cwd=tree, env=env,
                       capture_output=True, text=True, timeout=1200)
    assert p.returncode == 0, f"compiled build failed:\n{p.stdout[-3000:]}\n{p.stderr[-3000:]}"
    return tree


def test_compiled_modules_are_imported(compiled_tree: Path) -> None:
    tree = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    compiled = next(ast.literal_eval(node.value) for node in tree.body
                    if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "COMPILED")
    assert compiled
    built = {str(p.relative_to(compiled_tree)) for p in compiled_tree.rglob("*.so")}
    for module in compiled:
        stem = module[:-3]
        assert any(b.startswith(stem + ".") for b in built), (module, built)
    assert _dump(compiled_tree)["module"].endswith(".so")
    for tree, build in ((compiled_tree, "(compiled)"), (ROOT, "(pure Python)")):
        p = subprocess.run([sys.executable, "-m", "timeline", "--version"], cwd=tree, capture_output=True,
                           text=True, env=dict(os.environ, PYTHONPATH=str(tree)), timeout=60)
        assert p.stdout.strip().endswith(build), p.stdout


def test_compiled_rows_equal_pure_rows(compiled_tree: Path) -> None:
    pure = _dump(ROOT)
    compiled = _dump(compiled_tree)
    assert pure["module"].endswith(".py")
    assert len(pure["rows"]) > 30
    assert compiled["rows"] == pure["rows"]


def test_module_tests_pass_compiled(compiled_tree: Path) -> None:
    shutil.copytree(ROOT / "tests", compiled_tree / "tests",
                    ignore=shutil.ignore_patterns("__pycache__", ".pytest_cache"))
    shutil.copy(ROOT / "pyproject.toml", compiled_tree / "pyproject.toml")
    env = dict(os.environ, PYTHONPATH=str(compiled_tree))
    p = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                        "tests/test_semantics.py", "tests/test_semantics_heldout.py", "tests/test_tagger.py",
                        "tests/test_pipeline.py",
                        # monkeypatches functions of rules.py, which compiled code calls directly
                        "--deselect", "tests/test_tagger.py::test_rule_speedups_change_no_match"],
                       cwd=compiled_tree, env=env, capture_output=True, text=True, timeout=600)
    assert p.returncode == 0, p.stdout[-5000:] + p.stderr[-2000:]
    assert " passed" in p.stdout
