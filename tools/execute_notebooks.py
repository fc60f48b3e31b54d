"""Re-execute stored notebooks exactly as the tests run them, then store them.

Each notebook runs top to bottom in a fresh kernel of the current Python
environment, from the ``notebooks/`` folder, with the kernel environment of
``tools/project.py`` that the tests use too (one thread, no MPLBACKEND, CPU device). Per-cell timing
metadata and widget state are not stored; the sanitize rules of
``nbval_sanitize.cfg`` are applied to the stored outputs (no object addresses
or per-run kernel paths in the repository).

Usage:  python tools/execute_notebooks.py [NOTEBOOK ...]   (default: all)
"""

from __future__ import annotations

import configparser
import queue
import re
import subprocess
import sys
import time
from pathlib import Path

import nbformat
from jupyter_client import KernelManager
from project import NB_CLEAN, NOTEBOOKS, ROOT, SANITIZE, apply_kernel_env  # tools/project.py


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
    """Sanitize text outputs in place, drop the widget state and name the kernel the same way on
    every machine. (nb-clean then removes cell metadata and empty cells, see ``execute``; it keeps
    notebook metadata it does not know, such as widget state, so that part is done here.)"""
    nb.metadata.pop("widgets", None)
    nb.metadata["kernelspec"] = {
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
        "name": "python3",
    }
    nb.metadata["language_info"] = {"name": "python", "pygments_lexer": "ipython3"}
    for cell in nb.cells:
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


def run_notebook(nb, *, cwd: Path, timeout: float = 600) -> None:
    """Run every code cell of ``nb`` in order in one fresh kernel, filling outputs in place.

    A small executor on jupyter_client's blocking client (as nbval uses), instead of nbclient:
    nbclient 0.11 sometimes stalls for its whole cell timeout after a cell that displays an
    ipywidgets Output (jupyter/nbclient#312; seen here: 600 s after notebook 06's explorer).
    Outputs that the kernel routes into an Output widget (a widget view, not a cell output)
    are dropped, as a front end would; widget state is never stored.
    """
    km = KernelManager(kernel_name="python3")
    km.start_kernel(cwd=str(cwd))
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=120)
        for cell in nb.cells:
            if cell.cell_type != "code":
                continue
            cell.outputs, cell.execution_count = [], None
            msg_id = kc.execute(cell.source, allow_stdin=False, stop_on_error=False)
            captured = set()  # Output widgets currently capturing this cell's outputs
            clear_pending = False
            deadline = time.monotonic() + timeout
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise SystemExit(f"cell timed out after {timeout} s:\n{cell.source[:200]}")
                try:
                    msg = kc.get_iopub_msg(timeout=min(remaining, 5))
                except queue.Empty:
                    if not km.is_alive():
                        raise SystemExit("the kernel died") from None
                    continue
                if msg["parent_header"].get("msg_id") != msg_id:
                    continue
                kind, content = msg["msg_type"], msg["content"]
                if kind == "status" and content["execution_state"] == "idle":
                    break
                if kind == "execute_input":
                    cell.execution_count = content["execution_count"]
                elif kind == "comm_msg" and content.get("data", {}).get("method") == "update":
                    state = content["data"].get("state", {})
                    if "msg_id" in state:  # an Output widget starts / stops capturing
                        (captured.add if state["msg_id"] else captured.discard)(content["comm_id"])
                elif (
                    kind in ("stream", "display_data", "execute_result", "error", "clear_output")
                    and captured
                ):
                    continue  # goes into the widget view, not into the cell
                elif kind == "clear_output":
                    if content.get("wait"):
                        clear_pending = True
                    else:
                        cell.outputs = []
                elif kind in ("stream", "display_data", "execute_result", "error"):
                    if clear_pending:
                        cell.outputs, clear_pending = [], False
                    last = cell.outputs[-1] if cell.outputs else None
                    if (
                        kind == "stream"
                        and last is not None
                        and last.get("output_type") == "stream"
                        and last["name"] == content["name"]
                    ):
                        last["text"] += content["text"]
                    else:
                        cell.outputs.append(nbformat.v4.output_from_msg(msg))
            kc.get_shell_msg(timeout=60)  # the execute_reply
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def execute(path: Path, rules) -> float:
    """Execute one notebook in a fresh kernel, store it; return seconds taken."""
    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    run_notebook(nb, cwd=path.parent)
    elapsed = time.perf_counter() - start
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        errors = [o for o in cell.outputs if o.get("output_type") == "error"]
        marked = (
            "# NBVAL_RAISES_EXCEPTION" in cell.source.splitlines()
            or "raises-exception" in cell.metadata.get("tags", [])
        )
        if errors and not marked:
            error = f"{errors[0]['ename']}: {errors[0]['evalue']}"
            raise SystemExit(f"{path.name}: cell {i} raised {error} (not stored)")
    clean(nb, rules)
    nbformat.write(nb, path)
    nb_clean = Path(sys.executable).with_name("nb-clean")  # installed with the pins
    subprocess.run([str(nb_clean), "clean", *NB_CLEAN, str(path)], check=True)
    return elapsed


def main(argv: list[str]) -> int:
    apply_kernel_env()
    paths = [Path(a).resolve() for a in argv] or NOTEBOOKS
    rules = sanitize_rules()
    for path in paths:
        seconds = execute(path, rules)
        print(f"executed {path.relative_to(ROOT)} in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
