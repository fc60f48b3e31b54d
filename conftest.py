"""Test configuration shared by every pytest run of the repository.

* Notebooks are checked with strict nbval (outputs compared), in a kernel that
  runs in pytest's own Python (``--nbval-current-env``), with the sanitize file
  resolved from the repository root, so ``pytest`` works from any folder.
* The kernels run with the environment of ``tools/project.py`` (one thread,
  ``LINREG_DEVICE=cpu``, no ``MPLBACKEND``), as ``tools/execute_notebooks.py``
  does when it re-executes the stored notebooks.
* The longest test modules are collected first (``LONGEST_FIRST``).
* The Korean notebooks under nbval are marked ``slow`` (left out of the fast subset).
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
    # Hand out the modules in collection order (LONGEST_FIRST below), not sorted by test count.
    opt.loadscopereorder = False


# The longest modules, measured in a full run on two workers (test_grading about 285 s, the browser
# 110 s, the wheel 150 s): whole modules go to a worker in the order they are collected, so these
# start first instead of ending the run alone.
LONGEST_FIRST = ("tests/test_grading.py", "tests/test_browser.py", "tests/test_wheel.py")


def pytest_collection_modifyitems(config, items):
    root = Path(__file__).resolve().parent

    def rank(item):
        path = Path(item.path).resolve().relative_to(root).as_posix()
        return LONGEST_FIRST.index(path) if path in LONGEST_FIRST else len(LONGEST_FIRST)

    items.sort(key=rank)  # stable: the order within a module is kept
    # The Korean edition under nbval is slow: its code cells are the English notebooks' (checked by
    # tests/test_translate.py, which stays fast), so the fast subset executes every code cell once.
    korean = root / "notebooks" / "ko"
    for item in items:
        if Path(item.path).resolve().parent == korean:
            item.add_marker("slow")
