"""Fitting: the closed-form least-squares solution, and how far trained parameters are from it."""

import torch

from ._validate import as_numbers, tensor


def least_squares(X, y):
    """Closed-form least-squares solution of X w ~ y (``torch.linalg.lstsq`` in float64).

    X: (n, d), y: (n,) or (n, k) with n >= 1. Returns w: (d,) or (d, k) in float64 on the CPU.
    """
    X = tensor(X, name="X", ndim=(2,)).detach().to("cpu", torch.float64)
    y = tensor(y, name="y", ndim=(1, 2)).detach().to("cpu", torch.float64)
    if not 0 < len(X) == len(y):
        raise ValueError(
            "X and y must have the same number of rows (samples), at least 1;"
            f" got {len(X)} and {len(y)}"
        )
    w = torch.linalg.lstsq(X, y.reshape(len(y), -1)).solution
    return w.reshape(-1) if y.ndim == 1 else w


def distance_to_closed_form(trained, closed_form):
    """Largest absolute difference between trained parameters and the closed-form solution.

    ``trained`` and ``closed_form`` are tensors or lists of numbers with the same number of
    values (compared flattened, in float64 on the CPU). NaN when a parameter is NaN (a
    training that diverged).
    """
    a, b = as_numbers(trained), as_numbers(closed_form)
    if a is None or b is None or not 0 < a.numel() == b.numel():
        raise ValueError(
            "trained and closed_form must be tensors or lists of numbers with the same number of"
            f" values, got {trained!r} and {closed_form!r}"
        )
    return float((a.reshape(-1) - b.reshape(-1)).abs().max())
