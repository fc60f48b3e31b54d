"""Benchmarks of the project's promises, as ratios measured side by side in one run.

    python3 dev.py bench            # everything below
    python3 dev.py bench import     # `import helpers` vs `import torch`
    python3 dev.py bench notebooks  # each notebook under nbval vs a torch+matplotlib-only notebook
    python3 dev.py bench suite      # wall time of the whole test suite
    python3 dev.py bench fits       # each converged fit's distance to the closed-form solution
    python3 dev.py bench scaling    # notebook 07's scaling table (epoch cost / one pass over X)
    python3 dev.py bench explorers  # slider move to new figure per explorer (Python; Chromium)
    python3 dev.py bench explorers --busy --runs 3   # the same, 3 times, beside one CPU-bound job

Absolute times depend on the machine; the ratios are what the README reports.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from project import NOTEBOOKS, ROOT, apply_kernel_env, pytest_command  # tools/project.py


def _time(cmd: list[str], *, cwd: Path, env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(
        cmd, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return time.perf_counter() - start


def _env() -> dict:
    env = dict(os.environ)
    apply_kernel_env(env)
    env.pop("PYTHONPATH", None)
    return env


def bench_import(repeats: int = 7) -> None:
    """Median wall time of fresh interpreters importing torch vs helpers (interleaved runs)."""
    env, cwd = _env(), Path(tempfile.gettempdir())
    cases = {
        "python only": "pass",
        "import torch": "import torch",
        "import helpers": "import helpers",
    }
    times = {name: [] for name in cases}
    for _ in range(repeats):
        for name, code in cases.items():
            times[name].append(_time([sys.executable, "-c", code], cwd=cwd, env=env))
    med = {name: statistics.median(ts) for name, ts in times.items()}
    print(f"import cost (median of {repeats} fresh interpreters, from {cwd}):")
    for name, value in med.items():
        ratio = value / med["import torch"]
        print(f"  {name:<16} {value * 1000:7.0f} ms   ratio to torch {ratio:.3f}")


BASELINE = {
    "cells": [
        {
            "cell_type": "code",
            "execution_count": 1,
            "metadata": {},
            "outputs": [],
            "source": "import torch\nimport matplotlib.pyplot as plt",
        }
    ],
    "metadata": {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}
    },
    "nbformat": 4,
    "nbformat_minor": 5,
}


# 09 starts 16 worker processes (each imports torch) and torchrun once: its own, larger budget
RATIO_LIMITS = {"09_data_parallel.ipynb": 8.0}


def bench_notebooks(repeats: int = 1) -> None:
    """Each notebook's time under `pytest --nbval` vs a notebook that only imports torch and
    matplotlib."""
    import json

    env = _env()
    # inside the repo (git-ignored), so that conftest.py applies
    (ROOT / "artifacts").mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=ROOT / "artifacts") as tmp:
        baseline = Path(tmp) / "baseline.ipynb"
        baseline.write_text(json.dumps(BASELINE))
        cmd = pytest_command("-q", parallel=False)
        base = statistics.median(
            _time(cmd + [str(baseline)], cwd=ROOT, env=env) for _ in range(max(repeats, 2))
        )
        print(f"notebook time under nbval (baseline, importing torch + matplotlib: {base:.1f} s):")
        for path in NOTEBOOKS:
            t = statistics.median(
                _time(cmd + [str(path)], cwd=ROOT, env=env) for _ in range(repeats)
            )
            limit = RATIO_LIMITS.get(path.name, 2.5)
            flag = "ok" if t / base <= limit else f"OVER {limit}x"
            print(f"  {path.name:<42} {t:6.1f} s   ratio {t / base:4.2f}  {flag}")


def bench_suite() -> None:
    """Wall time of README's test command (parallel, 2 workers) and of a serial run."""
    env = _env()
    for label, parallel in (("pytest -n 2 --dist loadfile", True), ("pytest (serial)", False)):
        t = _time(pytest_command("-q", "-m", "not browser", parallel=parallel), cwd=ROOT, env=env)
        print(f"whole suite without the browser test, {label}: {t:.1f} s")


def bench_scaling(argv: list[str]) -> None:
    script = ROOT / "tools" / "bench_scaling.py"
    if not script.exists():
        print("scaling: tools/bench_scaling.py not present")
        return
    subprocess.run([sys.executable, str(script), *argv], cwd=ROOT, env=_env(), check=True)


# Run first in each notebook by bench_fits: every distance_to_closed_form call prints its line
# and its result, whatever the notebook itself prints.
RECORD_FITS = """
import inspect, json
import helpers.fitting

def _recorded(trained, closed_form, _distance=helpers.fitting.distance_to_closed_form):
    distance = _distance(trained, closed_form)
    line = (inspect.stack()[1].code_context or ["?"])[0].strip()
    print("FIT " + json.dumps([line, distance]))
    return distance

helpers.fitting.distance_to_closed_form = _recorded
"""


def bench_fits() -> None:
    """Re-execute every notebook in memory (nothing is stored), with ``distance_to_closed_form``
    wrapped so that each call prints its result, and list each fit's distance to the closed form."""
    import json

    import nbformat
    from execute_notebooks import run_notebook  # the same executor that stores the notebooks

    apply_kernel_env()  # inherited by the kernels
    print("largest |trained - closed form| over the parameters, per call in the notebooks")
    print(
        "(a call inside a loop: its last value; goal <= 1e-3 where a notebook says it converged):"
    )
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        nb.cells.insert(0, nbformat.v4.new_code_cell(RECORD_FITS))
        run_notebook(nb, cwd=path.parent)
        last = {}  # call site -> its last distance, in the order the sites first ran
        for cell in nb.cells:
            for out in cell.get("outputs", []):
                for text in out.get("text", "").splitlines():
                    if text.startswith("FIT "):
                        line, distance = json.loads(text[4:])
                        last[line] = distance
        for line, distance in last.items():
            flag = "<= 1e-3" if distance <= 1e-3 else "above 1e-3"
            print(f"  {path.name[:2]}  {line[:62]:<62} {distance:9.2e}  {flag}")


BUSY_LOOP = (
    "import time\nend = time.monotonic() + {seconds}\nwhile time.monotonic() < end:\n    pass\n"
)


def bench_explorers(argv: list[str]) -> None:
    """``explorers [--busy] [--runs N]``: the explorer measurement, N times (1 by default); with
    ``--busy``, beside one CPU-bound process that this bench starts (it stops by itself after 15
    minutes at the latest) and stops when it is done."""
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 1
    busy = None
    if "--busy" in argv:
        busy = subprocess.Popen([sys.executable, "-c", BUSY_LOOP.format(seconds=900)])
        print(f"one CPU-bound process (pid {busy.pid}) runs beside the measurement")
    try:
        medians = [_bench_explorers_once() for _ in range(runs)]
    finally:
        if busy is not None:
            busy.kill()
            busy.wait()
    if runs > 1 and all(medians):
        print(f"median of the {runs} runs' medians (Chromium, key press -> new <img>):")
        for name in medians[0]:
            values = [m[name] for m in medians]
            print(f"  {name}  {statistics.median(values):6.1f} ms   (runs: {values})")


def _bench_explorers_once(presses: int = 20) -> dict | None:
    """Median time from a slider move to the explorer's new PNG: in Python (``set`` + encoding, no
    browser) and, where Chromium is installed, from a key press to the new <img> in JupyterLab, as
    measured by the browser test (tests/test_browser.py, which writes explorer_latency.json)."""
    import matplotlib

    matplotlib.use("Agg")
    from helpers.data import scaled_normal_data
    from helpers.widgets.gd_explorer import GradientDescentExplorer
    from helpers.widgets.line_explorer import LineExplorer
    from helpers.widgets.training_explorer import TrainingExplorer

    x, y = [1.0, 2.0, 3.0], [2.0, 4.0, 6.0]
    X, Y = scaled_normal_data(100, seed=27)
    cases = {  # as notebooks 01, 02 and 06 build them, and the first slider's arrow-key steps
        "01 LineExplorer (w)": (LineExplorer(x, y), "w", lambda i: 1.0 + 0.05 * i),
        "02 GradientDescentExplorer (lr)": (
            GradientDescentExplorer(x, y, lr=0.05),
            "lr",
            lambda i: 0.05 * 10 ** (0.01 * i),
        ),
        "06 TrainingExplorer (lr)": (
            TrainingExplorer(X, Y),
            "lr",
            lambda i: 0.01 * 10 ** (0.05 * i),
        ),
    }
    print(f"explorers, in Python: slider value -> new PNG (median of {presses}, no browser):")
    for name, (explorer, slider, value) in cases.items():
        _ = explorer.widget
        times = []
        for i in range(1, presses + 1):
            start = time.perf_counter()
            explorer.controls[slider].value = value(i)
            times.append(time.perf_counter() - start)
        print(
            f"  {name:<34} {statistics.median(times) * 1000:6.1f} ms"
            f"   (max {max(times) * 1000:.0f} ms)"
        )
    env = _env()
    env["LINREG_REQUIRE_BROWSER"] = "1"  # report a missing browser instead of skipping silently
    cmd = pytest_command(
        "-q", "-m", "browser", "-k", "explorers", "tests/test_browser.py", parallel=False
    )
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    report = ROOT / "artifacts" / "browser" / "explorer_latency.json"
    if done.returncode != 0 or not report.exists():
        print("explorers, in Chromium: not measured (the browser test failed or has no browser):")
        print("  " + (done.stdout.strip().splitlines() or ["(no output)"])[-1])
        return None
    import json

    print("explorers, in Chromium (JupyterLab): arrow key -> new <img>, two sliders each:")
    rows = json.loads(report.read_text())
    for name, row in rows.items():
        print(
            f"  {name}  median {row['median_ms']:6.1f} ms"
            f"   (min {row['min_ms']:.0f}, max {row['max_ms']:.0f} ms)"
        )
    return {name: row["median_ms"] for name, row in rows.items()}


def main(argv: list[str]) -> int:
    what = argv[0] if argv else "all"
    if what in ("import", "all"):
        bench_import()
    if what in ("notebooks", "all"):
        bench_notebooks()
    if what in ("suite", "all"):
        bench_suite()
    if what in ("fits", "all"):
        bench_fits()
    if what in ("explorers", "all"):
        bench_explorers(argv[1:] if what == "explorers" else [])
    if what in ("scaling", "all"):
        bench_scaling(argv[1:] if what == "scaling" else [])
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
