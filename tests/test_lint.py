"""ruff keeps the code clean: `ruff format` (line length 100) and `ruff check` (pyproject.toml,
[tool.ruff]) over helpers/, solutions/, tests/, tools/ and the root scripts. Notebooks excluded."""

import re
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


def test_no_comment_left_behind_by_the_formatter():
    """A comment that `ruff format` pushed onto a closing bracket belongs above its statement."""
    stranded = [
        f"{path.relative_to(ROOT)}:{number}"
        for folder in ("helpers", "solutions", "tests", "tools", "book")
        for path in sorted((ROOT / folder).rglob("*.py"))
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if re.match(r"^\s*[\])}][\])},]*\s+#", line)
    ]
    assert not stranded, f"move these comments above their statements: {stranded}"
