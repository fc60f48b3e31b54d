"""Package-level promises: importable from anywhere, no side effects at import."""

import json
import os
import subprocess
import sys
from pathlib import Path

from project import ROOT  # tools/project.py

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
    assert result["modules"] == ["checks", "data", "device", "fitting", "io", "plots", "timing"]
    assert Path(result["file"]).resolve().parent == ROOT / "helpers"


def test_helpers_stay_within_19000_code_tokens():
    # 15,000 until notebook 09 added helpers/parallel.py (its worker processes and their clean-up)
    # and the checks learned to raise while nbgrader grades (feedback.graded); 17,500 until the
    # Korean edition added helpers/language.py and _("...").format(...) for every message
    from code_tokens import code_tokens, folder_tokens  # tools/code_tokens.py

    assert code_tokens('"""Doc."""\n\n\ndef f(x):\n    """Doc."""\n    return x  # note\n') == 8
    assert code_tokens("x = f'{a} and {f\"{b}\"!r}'\n") == 3  # one f-string, on every Python
    sizes = folder_tokens(ROOT / "helpers")
    biggest = sorted(sizes.items(), key=lambda item: -item[1])[:3]
    assert sum(sizes.values()) <= 19_000, f"helpers/ has {sum(sizes.values())} tokens: {biggest}"


def test_dev_lab_opens_the_edition_it_is_asked_for(tmp_path):
    sys.path.insert(0, str(ROOT))
    import dev

    assert "--LabApp.default_url=/lab/tree/00_start_here.ipynb" in dev.lab_command(tmp_path)
    korean = dev.lab_command(tmp_path, lang="ko")
    assert "--LabApp.default_url=/lab/tree/ko/00_start_here.ipynb" in korean
    assert (ROOT / "notebooks" / "ko" / "00_start_here.ipynb").is_file()
    try:
        dev.lab_command(tmp_path, lang="kr")
    except ValueError as error:
        assert "lang must be one of en, ko, got 'kr'" in str(error)
    else:
        raise AssertionError("lang='kr' was accepted")
