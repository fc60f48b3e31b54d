"""The pins: requirements.txt holds exact pins, constraints.txt agrees with them, and
environment.yml (conda / Binder) installs those two files instead of repeating them."""

import re
from pathlib import Path

from project import ROOT  # tools/project.py

PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==(\S+)$")


def pins(path: Path) -> dict[str, str]:
    lines = [line.strip() for line in path.read_text().splitlines()]
    pinned = [PIN.match(line) for line in lines if line and not line.startswith("#")]
    assert all(pinned), f"{path.name}: a line that is not an exact pin"
    return {m.group(1).lower().replace("_", "-"): m.group(2) for m in pinned}


def test_constraints_agree_with_requirements():
    req, con = pins(ROOT / "requirements.txt"), pins(ROOT / "constraints.txt")
    # torch only in requirements.txt: its build tag (+cpu, +cu128) differs per machine
    assert "torch" in req and "torch" not in con
    assert {name: con.get(name) for name in req if name != "torch"} == {
        name: version for name, version in req.items() if name != "torch"
    }


def test_environment_yml_installs_the_pinned_files():
    text = (ROOT / "environment.yml").read_text()
    pip_lines = re.findall(r"^\s+- (-.*?)\s*$", text, re.M)
    assert pip_lines == ["-r requirements.txt", "-c constraints.txt", "-e ."]
    assert "==" not in text  # no pins of its own that could drift


def test_every_test_has_a_time_limit(pytestconfig):
    """pytest-timeout is loaded and pyproject.toml gives every test a limit (a hang fails, with its
    stack, instead of stalling CI)."""
    assert pytestconfig.pluginmanager.hasplugin("timeout")
    assert 0 < float(pytestconfig.getini("timeout")) <= 300
