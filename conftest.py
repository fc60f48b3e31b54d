"""Test configuration shared by every pytest run of the repository.

* Notebooks are checked with strict nbval (outputs compared), in a kernel that
  runs in pytest's own Python (``--nbval-current-env``), with the sanitize file
  resolved from the repository root, so ``pytest`` works from any folder.
* The kernel sees ``OMP_NUM_THREADS=1`` (float32 sums depend on the thread
  count) and no ``MPLBACKEND`` (which would remove the inline figures), and
  ``LINREG_DEVICE=cpu`` so stored outputs do not depend on an accelerator.
  ``tools/execute_notebooks.py`` re-executes the stored notebooks with the
  same environment (see ``helpers_env`` there).
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent
SANITIZE = ROOT / "nbval_sanitize.cfg"

# The environment every notebook kernel runs with (tests and re-execution).
# LINREG_KERNEL_THREADS=2 runs them as JupyterLab does on a 2-core machine (PyTorch's default).
THREADS = os.environ.get("LINREG_KERNEL_THREADS", "1")
KERNEL_ENV = {
    "OMP_NUM_THREADS": THREADS,
    "MKL_NUM_THREADS": THREADS,
    "LINREG_DEVICE": "cpu",
    "PYDEVD_DISABLE_FILE_VALIDATION": "1",
}


def apply_kernel_env(environ=os.environ) -> None:
    """Set the pinned kernel environment in ``environ`` (inherited by kernels)."""
    environ.update(KERNEL_ENV)
    environ.pop("MPLBACKEND", None)


def pytest_configure(config):
    apply_kernel_env()
    config.addinivalue_line(
        "markers",
        "browser: drives JupyterLab in headless Chromium (tests/test_browser.py); run alone with -m browser, leave out with -m 'not browser'",
    )
    opt = config.option
    # Strict nbval on every notebook unless the caller chose lax mode explicitly.
    if not getattr(opt, "nbval_lax", False):
        opt.nbval = True
    opt.nbval_current_env = True
    if not (getattr(opt, "nbval_sanitize_with", None) or getattr(opt, "sanitize_with", None)):
        opt.nbval_sanitize_with = str(SANITIZE)
    if str(opt.nbval_cell_timeout) == "2000":  # nbval's default: 33 minutes per cell
        opt.nbval_cell_timeout = 300
    # One notebook stays on one xdist worker (cells of a notebook share a kernel).
    if getattr(opt, "numprocesses", None) and getattr(opt, "dist", "no") in ("no", "load"):
        opt.dist = "loadfile"
