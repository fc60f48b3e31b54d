"""Notebook 05's exercise checks: typical mistakes get their own hint (the reference solutions
and the unfilled starters: tests/test_exercises.py)."""

import pytest
import torch
import torch.nn.functional as F

from helpers.exercises import nb05 as ex
from solutions import nb05 as sol


def test_mse_passes_in_several_spellings():
    assert ex.check_mse(sol.mse).ok
    assert ex.check_mse(lambda yhat, y: F.mse_loss(yhat.flatten(), y.flatten())).ok
    assert ex.check_mse(lambda yhat, y: float(((yhat.reshape(y.shape) - y) ** 2).mean())).ok


@pytest.mark.parametrize(
    "answer, fragment",
    [(2.0, "multiplies by n"), (0.05, "40 times larger"), (0.001, "lr_sum = lr_mean / n")],
)
def test_learning_rate_mistakes(answer, fragment):
    fb = ex.check_lr_for_sum(answer)
    assert not fb.ok and fragment in fb.hint


@pytest.mark.parametrize(
    "fn, fragment",
    [
        (lambda yhat, y: torch.mean((y - yhat) ** 2), "broadcasts to (n, n)"),
        (
            lambda yhat, y: torch.sum((yhat.reshape(-1) - y.reshape(-1)) ** 2),
            "sum of the squared errors",
        ),
        (
            lambda yhat, y: ((yhat.reshape(-1) - y.reshape(-1)) ** 2).sum(),
            "sum of the squared errors",
        ),
        (
            lambda yhat, y: torch.mean(torch.abs(yhat.flatten() - y.flatten())),
            "mean absolute error",
        ),
        (lambda yhat, y: torch.mean(yhat.flatten() - y.flatten()), "mean of the squared errors"),
    ],
)
def test_mse_mistakes(fn, fragment):
    fb = ex.check_mse(fn)
    assert not fb.ok and fragment in fb.hint


def test_multiple_regression_mistakes():
    y, yhat = ex._multiple()
    for answer, fragment in [
        (torch.mean((y - yhat.reshape(-1, 1)) ** 2), "broadcast (100, 100)"),
        (torch.sum((y - yhat) ** 2), "sum of the squared errors"),
        (0.25, "noise variance"),
        (0.3, "matching shapes"),
    ]:
        fb = ex.check_mse_true(answer)
        assert not fb.ok and fragment in fb.hint
    assert "shape" in ex.check_mse_true([0.27, 0.28]).message


def test_answers_typed_to_the_asked_precision_pass():
    y, yhat = ex._multiple()
    true = torch.mean((y - yhat) ** 2).item()  # 0.271432...
    assert ex.check_mse_true(float(f"{true:.4g}")).ok  # exercise 3 asks for 4 significant digits
    assert ex.check_mse_true(true).ok
    for wrong in (float(f"{true:.3g}"), 0.2716, 0.2712):
        assert not ex.check_mse_true(wrong).ok, wrong
    assert ex.check_lr_for_sum(0.00125).ok  # exercise 1: exact
    assert not ex.check_lr_for_sum(0.0125).ok
    float32_mse = lambda yhat, y: ((yhat.reshape(-1).float() - y.reshape(-1).float()) ** 2).mean()  # noqa: E731
    assert ex.check_mse(float32_mse).ok  # exercise 2: float32 round-off is fine
