"""Notebook 05's exercise checks: every form of the reference answers passes, each typical mistake
gets its own hint."""

import pytest
import torch
import torch.nn.functional as F

from helpers.exercises import nb05 as ex
from solutions import nb05 as sol


def test_mse_passes_in_several_spellings():
    assert ex.check_mse_any_shape(sol.mse).ok
    assert ex.check_mse_any_shape(lambda yhat, y: F.mse_loss(yhat.flatten(), y.flatten())).ok
    assert ex.check_mse_any_shape(
        lambda yhat, y: float(((yhat.reshape(y.shape) - y) ** 2).mean())
    ).ok


def test_unfilled_starters_say_not_yet():
    def mse(yhat, y): ...

    for fb in (
        ex.check_lr_for_sum(...),
        ex.check_mse_any_shape(mse),
        ex.check_mse_any_shape(None),
        ex.check_mse_true_weights(...),
    ):
        assert not fb.ok and "still empty" in str(fb)


@pytest.mark.parametrize(
    "answer, fragment",
    [(2.0, "multiplies by n"), (0.05, "40 times larger"), (0.001, "lr_sum = lr_mean / n")],
)
def test_learning_rate_mistakes(answer, fragment):
    fb = ex.check_lr_for_sum(answer)
    assert not fb.ok and fragment in fb.hint


def test_learning_rate_as_a_string_is_refused():
    assert "str" in ex.check_lr_for_sum("0.00125").message


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
    fb = ex.check_mse_any_shape(fn)
    assert not fb.ok and fragment in fb.hint


def test_mse_that_raises():
    assert "TypeError" in ex.check_mse_any_shape(lambda yhat, y: yhat + "x").message


def test_multiple_regression_mistakes():
    y, yhat = ex._multiple()
    for answer, fragment in [
        (torch.mean((y - yhat.reshape(-1, 1)) ** 2), "broadcast (100, 100)"),
        (torch.sum((y - yhat) ** 2), "sum of the squared errors"),
        (0.25, "noise variance"),
        (0.3, "matching shapes"),
    ]:
        fb = ex.check_mse_true_weights(answer)
        assert not fb.ok and fragment in fb.hint
    assert "shape" in ex.check_mse_true_weights([0.27, 0.28]).message


def test_junk_answers_do_not_raise(junk_answers):
    for answer in junk_answers:
        for check in (ex.check_lr_for_sum, ex.check_mse_any_shape, ex.check_mse_true_weights):
            assert str(check(answer)).startswith("⏳ Not yet")
