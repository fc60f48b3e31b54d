"""environment.yml (conda / Binder) and requirements.txt must pin exactly the same packages."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PIN = re.compile(r"^\s*(?:-\s+)?([A-Za-z0-9_.\-]+)==([^\s#]+)")


def pins(path: Path) -> dict[str, str]:
    found = {}
    for line in path.read_text().splitlines():
        m = PIN.match(line)
        if m:
            found[m.group(1).lower().replace("_", "-")] = m.group(2)
    return found


def test_environment_yml_matches_requirements():
    req = pins(ROOT / "requirements.txt")
    env = pins(ROOT / "environment.yml")
    assert "torch" in req and req["torch"] == "2.13.0"
    assert env == req, (
        f"only in requirements: {set(req.items()) - set(env.items())}; only in environment.yml: {set(env.items()) - set(req.items())}"
    )


def test_every_requirement_is_an_exact_pin_and_every_env_line_is_commented():
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            assert PIN.match(line), f"not an exact pin: {line!r}"
    for line in (ROOT / "environment.yml").read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            assert "#" in line or line.strip() in {"dependencies:", "channels:", "- pip:"}, (
                f"uncommented line: {line!r}"
            )
    assert "-e ." in (ROOT / "environment.yml").read_text()


def test_constraints_agree_with_requirements_and_are_exact():
    req = pins(ROOT / "requirements.txt")
    con = pins(ROOT / "constraints.txt")
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            assert PIN.match(line), f"not an exact pin: {line!r}"
    mismatched = {
        name: (ver, con[name]) for name, ver in req.items() if name in con and con[name] != ver
    }
    assert not mismatched, f"requirements.txt vs constraints.txt: {mismatched}"
    missing = (
        set(req) - set(con) - {"torch"}
    )  # torch is pinned in requirements.txt only (its build tag differs)
    assert not missing, f"in requirements.txt but not in constraints.txt: {missing}"
