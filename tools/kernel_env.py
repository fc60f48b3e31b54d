"""The environment every notebook kernel runs with: in the tests (``conftest.py``), when the
notebooks are re-executed (``execute_notebooks.py``) and in the benchmarks.

* one CPU thread (``OMP_NUM_THREADS=1``): float32 sums depend on the thread count;
  ``LINREG_KERNEL_THREADS=2`` runs the kernels as JupyterLab does on a 2-core machine;
* ``LINREG_DEVICE=cpu``: stored outputs do not depend on an accelerator;
* no ``MPLBACKEND``: it would remove the inline figures.

``SANITIZE`` is the nbval sanitize file (object addresses, kernel paths).
"""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SANITIZE = ROOT / "nbval_sanitize.cfg"

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
