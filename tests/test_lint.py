"""ruff keeps the code clean: `ruff format` (line length 100) and `ruff check` (pyproject.toml,
[tool.ruff]) over helpers/, solutions/, tests/, tools/ and the root scripts. Notebooks excluded."""

import subprocess
import sys

import pytest
from project import ROOT  # tools/project.py


@pytest.mark.parametrize(
    "command",
    [["check", "--output-format", "concise"], ["format", "--check"]],
    ids=["check", "format"],
)
def test_ruff(command):
    args = [sys.executable, "-m", "ruff", *command, "--no-cache", "."]
    result = subprocess.run(args, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, f"ruff {' '.join(command)} .:\n{result.stdout}{result.stderr}"
