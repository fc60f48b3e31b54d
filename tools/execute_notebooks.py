"""Re-execute stored notebooks exactly as the tests run them, then store them.

Each notebook runs top to bottom in a fresh kernel of the current Python
environment, from the ``notebooks/`` folder, with the pinned kernel environment
of ``conftest.py`` (one thread, no MPLBACKEND, CPU device). Per-cell timing
metadata and widget state are not stored; the sanitize rules of
``nbval_sanitize.cfg`` are applied to the stored outputs (no object addresses
or per-run kernel paths in the repository).

Usage:  python tools/execute_notebooks.py [NOTEBOOK ...]   (default: all)
"""

from __future__ import annotations

import configparser
import os
import re
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from conftest import SANITIZE, apply_kernel_env  # noqa: E402


def sanitize_rules(path: Path = SANITIZE) -> list[tuple[re.Pattern, str]]:
    """Read the (regex, replace) pairs of the nbval sanitize file."""
    parser = configparser.ConfigParser()
    parser.read(path)
    return [(re.compile(parser[s]["regex"]), parser[s]["replace"]) for s in parser.sections()]


def _clean_text(text, rules):
    joined = "".join(text) if isinstance(text, list) else text
    for rx, rep in rules:
        joined = rx.sub(rep, joined)
    return joined


def clean(nb, rules) -> None:
    """Drop volatile metadata and sanitize text outputs in place."""
    nb.metadata.pop("widgets", None)
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
    nb.metadata["language_info"] = {"name": "python", "pygments_lexer": "ipython3"}
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type != "code":
            continue
        for out in cell.outputs:
            if "text" in out:
                out["text"] = _clean_text(out["text"], rules)
            for key in ("text/plain", "text/html"):
                if key in out.get("data", {}):
                    out["data"][key] = _clean_text(out["data"][key], rules)
            if out.get("output_type") == "error":
                out["evalue"] = _clean_text(out["evalue"], rules)
                out["traceback"] = [_clean_text(t, rules) for t in out["traceback"]]


def execute(path: Path, rules) -> float:
    """Execute one notebook in a fresh kernel, store it; return seconds taken."""
    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    client = NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        record_timing=False,
        store_widget_state=True,  # False trips nbclient 0.11 on Output widgets (KeyError); clean() drops the state
        allow_errors=True,  # cells marked NBVAL_RAISES_EXCEPTION; others are refused below
    )
    client.execute()
    elapsed = time.perf_counter() - start
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        errors = [o for o in cell.outputs if o.get("output_type") == "error"]
        marked = "# NBVAL_RAISES_EXCEPTION" in cell.source.splitlines() or "raises-exception" in cell.metadata.get("tags", [])
        if errors and not marked:
            raise SystemExit(f"{path.name}: cell {i} raised {errors[0]['ename']}: {errors[0]['evalue']} (not stored)")
    clean(nb, rules)
    nbformat.write(nb, path)
    return elapsed


def main(argv: list[str]) -> int:
    apply_kernel_env()
    paths = [Path(a).resolve() for a in argv] or sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    rules = sanitize_rules()
    for path in paths:
        seconds = execute(path, rules)
        print(f"executed {path.relative_to(ROOT)} in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
