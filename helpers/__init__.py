"""Tested helpers for the "Linear regression in PyTorch" notebook series.

Importing this package has no side effects: it seeds nothing, sets no
matplotlib rcParams, probes no device and fetches nothing. Submodules are
loaded on first use (``helpers.plots`` imports matplotlib, ``helpers.widgets``
imports ipywidgets), so ``import helpers`` costs little more than
``import torch``.

Modules:
    data     -- the data sets of the curriculum, drawn from explicit seeds
    device   -- device choice (CUDA, then MPS, then CPU), seeding, environment report
    plots    -- scatter + fitted lines, loss curves, loss contours (take and return an Axes)
    checks   -- shape guard, finite-difference gradient check, least squares, exercise feedback
    io       -- save / load state_dicts safely (weights_only=True)
    timing   -- timing with device synchronisation, the scaling table of notebook 07
    exercises -- the exercise checks of each notebook
    widgets  -- the interactive explorers (import ipywidgets when used)
"""

from __future__ import annotations

import importlib

__all__ = ["data", "device", "plots", "checks", "io", "exercises", "widgets", "timing"]
__version__ = "0.1.0"


def __getattr__(name: str):
    """Import a submodule lazily on first attribute access."""
    if name in __all__:
        module = importlib.import_module(f"{__name__}.{name}")
        globals()[name] = module
        return module
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted(list(globals()) + __all__)
