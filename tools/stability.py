"""Stable re-runs: strict nbval on every notebook three times in a row, in reverse
notebook order, and in parallel (2 workers, one notebook per worker).

    .venv/bin/python tools/stability.py        (about 5 full notebook runs)

Exits non-zero if any run fails; prints one line per run.
"""

from __future__ import annotations

import os
import subprocess
import time

from project import NOTEBOOKS, ROOT, apply_kernel_env, pytest_command  # tools/project.py


def main() -> int:
    env = dict(os.environ)
    apply_kernel_env(env)
    notebooks = [str(p.relative_to(ROOT)) for p in NOTEBOOKS]
    base = pytest_command("-q", "-p", "no:randomly", parallel=False)
    runs = [(f"serial run {i}", base + notebooks) for i in (1, 2, 3)]
    runs.append(("reverse order", base + notebooks[::-1]))
    runs.append(
        ("parallel -n 2 --dist loadfile", pytest_command("-q", "-p", "no:randomly", *notebooks))
    )
    failed = 0
    for label, cmd in runs:
        start = time.perf_counter()
        proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
        last = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else "(no output)"
        verdict = "PASS" if proc.returncode == 0 else "FAIL"
        print(f"{label:<32} {verdict}  {time.perf_counter() - start:5.1f} s  {last}")
        if proc.returncode:
            failed += 1
            print(proc.stdout[-3000:])
    print(f"{len(runs) - failed}/{len(runs)} runs passed over {len(notebooks)} notebooks")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
