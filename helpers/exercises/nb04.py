"""Checks for the exercises of notebook 04 (the four steps, the closed form, zero_grad)."""

from __future__ import annotations

from functools import lru_cache

import torch

from ..checks import Feedback, check_callable, compare, is_unfilled, least_squares
from ..data import CLASSIC_SEED, linear_data

_START = (-5.0, 10.0)
_LR = 0.001


@lru_cache(maxsize=1)
def _data() -> tuple[torch.Tensor, torch.Tensor]:
    d = linear_data(seed=CLASSIC_SEED)
    return d.X, d.y


def _autograd_grad(X: torch.Tensor, y: torch.Tensor, W: torch.Tensor) -> torch.Tensor:
    W = W.detach().clone().requires_grad_(True)
    torch.sum((y - X @ W) ** 2).backward()
    return W.grad.detach()


def _safe_call(fn, *args):
    """The learner's result as a float64 tensor, or None if it cannot be had (never raises)."""
    try:
        got = fn(*args)
        if isinstance(got, torch.Tensor):
            return got.detach().cpu().to(torch.float64)
        return torch.as_tensor(got, dtype=torch.float64)
    except Exception:  # learner code: diagnosed by check_callable below
        return None


def check_sum_loss_grad(fn) -> Feedback:
    """Exercise 1: sum_loss_grad(X, y, What) = -2 X^T (y - X What), by hand, no autograd."""
    X, y = _data()
    X3 = torch.tensor([[1.0, 1.0], [1.0, 2.0], [1.0, 3.0]])
    y3 = torch.tensor([1.0, 2.0, 3.0])
    starts = [torch.tensor(_START), torch.tensor([0.0, 0.0]), torch.tensor([2.5, 4.0])]
    cases = [((X, y, W), _autograd_grad(X, y, W)) for W in starts]
    cases.append(((X3, y3, torch.tensor([0.5, 0.5])), _autograd_grad(X3, y3, torch.tensor([0.5, 0.5]))))
    hint = "the gradient of Σ(y − X·W)² is −2·Xᵀ(y − X·W): keep the factor 2, the minus sign, and the sum over samples."
    if callable(fn):
        W0 = torch.tensor(_START)
        want = cases[0][1].to(torch.float64)
        got = _safe_call(fn, X, y, W0)
        if got is not None and got.shape == want.shape and bool(torch.isfinite(got).all()):
            if torch.allclose(got, -want, rtol=1e-4):
                hint = "the sign is flipped: d/dW of (y − X·W)² brings out −X, so the gradient is −2·Xᵀ(y − X·W). " + hint
            elif torch.allclose(got, want / 2, rtol=1e-4):
                hint = "the factor 2 is missing: the derivative of r² is 2r. " + hint
            elif torch.allclose(got, want / X.shape[0], rtol=1e-4):
                hint = "that is the gradient of the mean; this loss is the sum of squares (no division by n). " + hint
    return check_callable(fn, name="sum_loss_grad", cases=cases, hint=hint, rtol=1e-4, atol=1e-3)


def check_closed_form(answer) -> Feedback:
    """Exercise 2: the least-squares What of the notebook's data (normal equations)."""
    X, y = _data()
    expected = least_squares(X, y)
    hint = "solve the normal equations (XᵀX)·W = Xᵀy, e.g. torch.linalg.solve(X.T @ X, X.T @ y)."
    if not is_unfilled(answer):
        try:
            got = torch.as_tensor(answer.detach().cpu() if isinstance(answer, torch.Tensor) else answer, dtype=torch.float64)
            if got.shape == (2,):
                if torch.allclose(got, torch.tensor([2.5, 4.0], dtype=torch.float64), atol=1e-6):
                    hint = "[2.5, 4] is the true W that made the data; the noise moves the best fit of this sample away from it. " + hint
                elif torch.allclose(got, expected, atol=2e-2):
                    hint = "close, but not the exact solution: is this the What of the 30-epoch loop (not fully converged)? " + hint
        except (TypeError, ValueError, RuntimeError):
            pass
    return compare(answer, expected, name="what_closed", hint=hint, rtol=1e-4, atol=1e-5)


def _grads_without_zero_grad() -> tuple[torch.Tensor, torch.Tensor]:
    """The gradients g0 (at the start) and g1 (after one update) of the sum loss."""
    X, y = _data()
    W = torch.tensor(_START, requires_grad=True)
    grads = []
    for _ in range(2):
        loss = torch.sum((y - X @ W) ** 2)
        before = torch.zeros(2) if W.grad is None else W.grad.clone()
        loss.backward()
        grads.append(W.grad - before)
        with torch.no_grad():
            W -= _LR * W.grad
    return grads[0], grads[1]


def check_grad_without_zero_grad(answer) -> Feedback:
    """Exercise 3: What.grad after two epochs of the four steps with no zeroing (= g0 + g1)."""
    g0, g1 = _grads_without_zero_grad()
    expected = g0 + g1
    hint = "backward adds the new gradient to What.grad: after two epochs it holds g0 + g1."
    if not is_unfilled(answer):
        try:
            got = torch.as_tensor(answer.detach().cpu() if isinstance(answer, torch.Tensor) else answer, dtype=torch.float64)
            if got.shape == (2,):
                if torch.allclose(got, g1.double(), rtol=1e-4):
                    hint = "that is the second gradient alone, what zero_grad would have left. Without zeroing, backward adds it to the first. " + hint
                elif torch.allclose(got, 2 * g0.double(), rtol=1e-4):
                    hint = "the second gradient is taken at the updated What, not at the start, so it differs from the first. " + hint
        except (TypeError, ValueError, RuntimeError):
            pass
    return compare(answer, expected, name="grad_without_zero_grad", hint=hint, rtol=1e-4, atol=1e-3)
