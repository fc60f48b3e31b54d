"""Test configuration shared by every pytest run of the repository.

* Notebooks are checked with strict nbval (outputs compared), in a kernel that
  runs in pytest's own Python (``--nbval-current-env``), with the sanitize file
  resolved from the repository root, so ``pytest`` works from any folder.
* The kernels run with the environment of ``tools/project.py`` (one thread,
  ``LINREG_DEVICE=cpu``, no ``MPLBACKEND``), as ``tools/execute_notebooks.py``
  does when it re-executes the stored notebooks.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "tools"))
from project import SANITIZE, apply_kernel_env  # noqa: E402


def pytest_configure(config):
    apply_kernel_env()
    config.addinivalue_line(
        "markers",
        "browser: drives JupyterLab in headless Chromium (tests/test_browser.py);"
        " run alone with -m browser, leave out with -m 'not browser'",
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
