"""The quickstart notebook runs top to bottom in a real Jupyter kernel."""

from __future__ import annotations

import os

import pytest

from conftest import ROOT


@pytest.mark.slow
def test_quickstart_notebook_runs(tmp_path, monkeypatch):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    monkeypatch.setenv("PYTHONPATH", str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    nb = nbformat.read(ROOT / "notebooks" / "quickstart.ipynb", as_version=4)
    client = nbclient.NotebookClient(nb, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}})
    client.execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    # the figures display inline as Plotly figures
    assert any("application/vnd.plotly.v1+json" in o.get("data", {}) for o in outputs)
    assert (tmp_path / "quickstart-timeline.html").stat().st_size > 1_000_000
    assert (tmp_path / "quickstart-events.csv").read_text(encoding="utf-8").startswith("doc,value")
