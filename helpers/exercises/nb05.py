"""Checks for the exercises of notebook 05 (reduction and learning rate, shapes, multiple regression)."""

from __future__ import annotations

from functools import lru_cache

import torch

from ..checks import Feedback, check_callable, compare, is_unfilled
from ..data import CLASSIC_SEED, multiple_data

_N = 100
_LR_SUM = 0.001


def _as_float(answer):
    """The answer as a Python float, or None (never raises)."""
    try:
        if isinstance(answer, torch.Tensor):
            return float(answer.detach().cpu().reshape(-1)[0]) if answer.numel() == 1 else None
        return float(answer)
    except (TypeError, ValueError, RuntimeError, OverflowError):
        return None


def check_lr_for_mean(answer) -> Feedback:
    """Exercise 1: the lr for the mean loss that gives the same updates as lr = 0.001 with the sum (n = 100)."""
    expected = _LR_SUM * _N
    hint = "the sum is n times the mean, so its gradient is n times larger: lr_sum = lr_mean / n, i.e. lr_mean = n · lr_sum."
    got = None if is_unfilled(answer) else _as_float(answer)
    if got is not None:
        if abs(got - _LR_SUM / _N) < 1e-12:
            hint = "that divides by n instead of multiplying: the mean's gradient is n times smaller, so it needs a larger step. " + hint
        elif abs(got - _LR_SUM) < 1e-12:
            hint = "with the same lr the mean loss takes steps 100 times smaller than the sum. " + hint
    return compare(answer, expected, name="lr_mean", hint=hint, rtol=1e-6, atol=1e-12)


def _cases():
    g = torch.Generator().manual_seed(5)
    a = torch.randn(4, generator=g)
    b = torch.randn(4, generator=g)
    col = a.reshape(4, 1)
    cases = []
    for yhat, y in [(col, b), (a, b.reshape(4, 1)), (a, b), (col, b.reshape(4, 1)), (torch.tensor([1.0, 2.0, 3.0]).reshape(3, 1), torch.tensor([1.0, 2.0, 5.0]))]:
        cases.append(((yhat, y), torch.mean((yhat.reshape(-1) - y.reshape(-1)) ** 2)))
    return cases


def check_mse_any_shape(fn) -> Feedback:
    """Exercise 2: mse(yhat, y) that is right for (n, 1) vs (n,) shapes too (no broadcasting)."""
    hint = "make both 1-D before subtracting, e.g. yhat.reshape(-1) and y.reshape(-1), then take the mean of the squares."
    if callable(fn):
        yhat, y = torch.tensor([[1.0], [2.0], [3.0]]), torch.tensor([1.0, 2.0, 5.0])
        try:
            got = fn(yhat, y)
            got = float(got) if isinstance(got, torch.Tensor) and got.numel() == 1 else None
        except Exception:  # learner code: reported by check_callable below
            got = None
        if got is not None and abs(got - float(torch.mean((y - yhat) ** 2))) < 1e-6:
            hint = "with yhat (n, 1) and y (n,), y − yhat broadcasts to (n, n) and averages every pair: that is the pitfall. " + hint
    return check_callable(fn, name="mse", cases=_cases(), hint=hint, rtol=1e-5, atol=1e-6)


@lru_cache(maxsize=1)
def _multiple():
    d = multiple_data(seed=CLASSIC_SEED)
    return d.X, d.y


def check_mse_true_weights(answer) -> Feedback:
    """Exercise 3: the MSE of the multiple-regression model at the true weights [2.5, 4, -2]."""
    X, y = _multiple()
    yhat = X @ torch.tensor([2.5, 4.0, -2.0])
    expected = float(torch.mean((y - yhat) ** 2))
    hint = "predict with nn.Linear(3, 1, bias=False) (or X @ W), then take the mean of the squared errors with matching shapes."
    got = None if is_unfilled(answer) else _as_float(answer)
    if got is not None:
        wrong_broadcast = float(torch.mean((y - yhat.reshape(-1, 1)) ** 2))
        if abs(got - wrong_broadcast) < 1e-4 * abs(wrong_broadcast):
            hint = "that is the broadcast (100, 100) value: net(X) has shape (100, 1) but y has (100,). " + hint
        elif abs(got - expected * X.shape[0]) < 1e-4 * expected * X.shape[0]:
            hint = "that is the sum of the squared errors; the MSE divides it by n = 100. " + hint
        elif abs(got - 0.25) < 1e-9:
            hint = "0.25 = 0.5² is the noise variance the data were made with; the sample's own MSE differs a little. " + hint
    return compare(answer, expected, name="mse_true", hint=hint, rtol=1e-4, atol=1e-6)
