"""Checks: a shape guard and a finite-difference gradient check."""

import torch

from ._validate import as_numbers, finite_float, tensor


# --------------------------------------------------------------------------- shapes
def check_same_shape(y_hat, y):
    """Refuse predictions and targets whose shapes differ (instead of silently broadcasting).

    ``(y - y_hat)`` with y: (100,) and y_hat: (100, 1) broadcasts to (100, 100):
    every target is compared with every prediction and the loss is wrong
    without any error. This guard raises a ``ValueError`` that shows both
    shapes and the fix.
    """
    for name, value in (("y_hat", y_hat), ("y", y)):
        if not isinstance(value, torch.Tensor):
            raise TypeError(f"{name} must be a torch.Tensor, got {type(value).__name__}")
    if y_hat.shape == y.shape:
        return
    msg = f"shape mismatch: y_hat has shape {tuple(y_hat.shape)} but y has shape {tuple(y.shape)}."
    try:
        broadcast = tuple(torch.broadcast_shapes(y_hat.shape, y.shape))
        msg += f" Subtracting them would broadcast to {broadcast} and give a wrong loss."
    except RuntimeError:
        msg += " They cannot even be broadcast together."
    if y_hat.numel() != y.numel():
        raise ValueError(f"{msg} They hold different numbers of values: check the data.")
    raise ValueError(
        f"{msg} Fix: make the shapes equal, e.g. y_hat.reshape(y.shape)"
        " (or y_hat.squeeze(-1) / y.unsqueeze(-1) for (n, 1) vs (n,))."
    )


# --------------------------------------------------------------------------- gradients
def numerical_gradient(f, w, *, eps=1e-6):
    """Central finite-difference estimate of d f / d w: (f(w + eps) - f(w - eps)) / (2 eps).

    ``w`` may be a Python float (returns a float) or a tensor (returns a float64 tensor of the
    same shape, one coordinate nudged at a time). The estimate is computed in float64.
    """
    if not callable(f):
        raise TypeError(f"f must be callable, got {type(f).__name__}")
    if not isinstance(w, torch.Tensor):
        w = finite_float(w, name="w")
        return (float(f(w + eps)) - float(f(w - eps))) / (2 * eps)
    w = tensor(w, name="w").detach().double().contiguous()
    grad = torch.zeros_like(w)
    for i in range(w.numel()):
        step = torch.zeros_like(w)
        step.view(-1)[i] = eps
        grad.view(-1)[i] = (float(f(w + step)) - float(f(w - step))) / (2 * eps)
    return grad


def gradient_check(f, grad, w, *, eps=1e-6, rtol=1e-5, atol=1e-6):
    """Compare an analytic gradient ``grad`` (its value at ``w``) with a finite-difference estimate.

    Returns the largest absolute difference; raises ``AssertionError`` with both
    values when they disagree beyond ``atol + rtol * |estimate|``.
    """
    estimate = torch.as_tensor(numerical_gradient(f, w, eps=eps), dtype=torch.float64)
    got = as_numbers(grad)
    if got is None or got.shape != estimate.shape:
        shape = type(grad).__name__ if got is None else tuple(got.shape)
        raise ValueError(f"grad must have the shape of w, {tuple(estimate.shape)}, got {shape}")
    diff = (got - estimate).abs()
    if (diff > atol + rtol * estimate.abs()).any():
        raise AssertionError(
            f"gradient check failed: analytic {got.tolist()}"
            f" vs finite-difference {estimate.tolist()}"
        )
    return float(diff.max())
