"""Write constraints.txt: the exact version of every package in .venv.

Run it after changing requirements.txt:

.venv/bin/python tools/freeze_constraints.py
"""

from __future__ import annotations

import subprocess
import sys

from project import ROOT  # tools/project.py


def main() -> int:
    frozen = subprocess.run(
        [sys.executable, "-m", "pip", "freeze", "--exclude-editable"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.splitlines()
    header = [
        line for line in (ROOT / "constraints.txt").read_text().splitlines() if line.startswith("#")
    ]
    # torch is pinned in requirements.txt; its local build tag (+cpu, +cu128) differs per machine.
    body = sorted(
        (line for line in frozen if line and not line.lower().startswith("torch==")), key=str.lower
    )
    (ROOT / "constraints.txt").write_text("\n".join(header + body) + "\n")
    print(f"constraints.txt: {len(body)} packages")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
