"""Package-level promises: importable from anywhere, no side effects at import."""

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
print(json.dumps({
    "rng_unchanged": bool(torch.equal(state, torch.get_rng_state())),
    "heavy": [m for m in ("matplotlib", "ipywidgets", "helpers.widgets") if m in sys.modules],
    "modules": [m for m in helpers.__all__ if hasattr(helpers, m)],
    "file": helpers.__file__,
}))
"""


def test_import_from_another_folder_has_no_side_effects(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    args = [sys.executable, "-c", PROBE]
    out = subprocess.run(args, cwd=tmp_path, env=env, capture_output=True, text=True, check=True)
    result = json.loads(out.stdout)
    assert result["rng_unchanged"]
    assert result["heavy"] == [], f"imported by 'import helpers': {result['heavy']}"
    assert result["modules"] == ["checks", "data", "device", "io", "plots", "timing"]
    assert Path(result["file"]).resolve().parent == ROOT / "helpers"
