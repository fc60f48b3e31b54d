"""Package-level promises: importable from anywhere, no side effects at import, cheap import."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PROBE = r"""
import json, sys
import torch
state = torch.get_rng_state()
import helpers
import matplotlib  # only to read rcParams afterwards; must not have been imported by helpers
print(json.dumps({
    "rng_unchanged": bool(torch.equal(state, torch.get_rng_state())),
    "lazy": [m for m in ("matplotlib.pyplot", "ipywidgets", "helpers.plots", "helpers.widgets") if m in sys.modules],
    "file": helpers.__file__,
}))
"""


def test_import_from_another_folder_has_no_side_effects(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    out = subprocess.run([sys.executable, "-c", PROBE], cwd=tmp_path, env=env, capture_output=True, text=True, check=True)
    result = json.loads(out.stdout)
    assert result["rng_unchanged"]
    assert result["lazy"] == [], f"imported at 'import helpers': {result['lazy']}"
    assert Path(result["file"]).resolve().parent == ROOT / "helpers"


def test_submodules_load_lazily_and_unknown_names_fail():
    import helpers

    assert helpers.checks.__name__ == "helpers.checks"
    assert "data" in dir(helpers)
    try:
        helpers.nonexistent  # noqa: B018
    except AttributeError as err:
        assert "nonexistent" in str(err)
    else:  # pragma: no cover
        raise AssertionError("expected AttributeError")
