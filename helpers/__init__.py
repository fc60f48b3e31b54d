"""Tested helpers for the "Linear regression in PyTorch" notebook series.

Importing this package has no side effects: it seeds nothing, sets no matplotlib
rcParams, probes no device and fetches nothing. ``helpers.plots`` imports matplotlib
only when it draws; ``helpers.widgets`` (the explorers, which need ipywidgets) and
``helpers.exercises`` and ``helpers.parallel`` (``torch.distributed``) are imported by name where
a notebook uses them.

Modules:
    data      -- the data sets of the curriculum, drawn from explicit seeds
    device    -- device choice (CUDA, then MPS, then CPU) and an environment report
    plots     -- scatter + fitted lines, loss curves, loss contours (take and return an Axes)
    checks    -- shape guard, finite-difference gradient check
    fitting   -- the closed-form least-squares solution and the distance to it
    io        -- save / load state_dicts safely (weights_only=True)
    timing    -- timing with device synchronisation, the scaling table of notebook 07
    exercises -- the exercise checks of each notebook
    widgets   -- the interactive explorers
    parallel  -- data-parallel training in several processes (notebook 09)
"""

from . import checks, data, device, fitting, io, plots, timing

__all__ = ["checks", "data", "device", "fitting", "io", "plots", "timing"]
__version__ = "0.1.0"
