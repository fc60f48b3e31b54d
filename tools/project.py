"""Defined once for the tools, the tests, ``dev.py`` and the book: the repository root, the
notebooks, the test command and the environment of every notebook kernel (standard library only,
so that ``dev.py`` can import it before the virtual environment exists).

The kernel environment, used in the tests (``conftest.py``), when the notebooks are re-executed
(``execute_notebooks.py``) and in the benchmarks:

* one CPU thread (``OMP_NUM_THREADS=1``): float32 sums depend on the thread count;
  ``LINREG_KERNEL_THREADS=2`` runs the kernels as JupyterLab does on a 2-core machine;
* ``LINREG_DEVICE=cpu``: stored outputs do not depend on an accelerator;
* no ``MPLBACKEND``: it would remove the inline figures.

``SANITIZE`` is the nbval sanitize file (object addresses, kernel paths).
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
# The folder of each language's notebooks (the Korean ones are made by tools/translate.py).
EDITIONS = {"en": ROOT / "notebooks", "ko": ROOT / "notebooks" / "ko"}
SANITIZE = ROOT / "nbval_sanitize.cfg"
PARALLEL = ["-n", "2", "--dist", "loadfile"]  # two workers; a notebook stays on one worker


def notebooks_by_number(numbers: list[str]) -> list[Path]:
    """The notebooks whose two-digit numbers are given (all when none); ``ValueError`` naming the
    unknown ones and the known numbers."""
    unknown = sorted(set(numbers) - {p.name[:2] for p in NOTEBOOKS})
    if unknown:
        known = ", ".join(p.name[:2] for p in NOTEBOOKS)
        raise ValueError(f"unknown notebook number {', '.join(unknown)}; known: {known}")
    return [p for p in NOTEBOOKS if not numbers or p.name[:2] in numbers]


# nb-clean's options for a stored notebook: outputs, execution counts and the cell tags stay (nbval
# and JupyterLab read tags such as raises-exception); other cell metadata and empty cells go.
NB_CLEAN = ["-e", "-o", "-c", "--preserve-cell-metadata-field", "tags"]


def pytest_command(*args, python=sys.executable, parallel=True):
    """README's test command (``python3 dev.py test``): pytest on two workers, then ``args``."""
    return [str(python), "-m", "pytest", *(PARALLEL if parallel else []), *map(str, args)]


THREADS = os.environ.get("LINREG_KERNEL_THREADS", "1")
KERNEL_ENV = {
    "OMP_NUM_THREADS": THREADS,
    "MKL_NUM_THREADS": THREADS,
    "LINREG_DEVICE": "cpu",
    "PYDEVD_DISABLE_FILE_VALIDATION": "1",
}


def apply_kernel_env(environ=os.environ):
    """Set the kernel environment in ``environ`` (kernels started afterwards inherit it)."""
    environ.update(KERNEL_ENV)
    environ.pop("MPLBACKEND", None)
