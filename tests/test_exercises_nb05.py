"""Notebook 05's exercise checks: reference solutions pass, typical mistakes get the right hint."""

import torch

from helpers.exercises import nb05 as ex
from solutions import nb05 as sol


def test_reference_solutions_are_accepted():
    assert ex.check_lr_for_mean(sol.lr_mean).ok
    assert ex.check_lr_for_mean(torch.tensor(0.1)).ok
    assert ex.check_mse_any_shape(sol.mse).ok
    assert ex.check_mse_any_shape(lambda yhat, y: torch.nn.functional.mse_loss(yhat.flatten(), y.flatten())).ok
    assert ex.check_mse_true_weights(sol.mse_true).ok
    assert ex.check_mse_true_weights(torch.tensor(sol.mse_true)).ok


def test_unfilled_starters_say_not_yet_without_raising():
    def mse(yhat, y):
        ...

    for fb in (ex.check_lr_for_mean(...), ex.check_mse_any_shape(mse), ex.check_mse_any_shape(None), ex.check_mse_true_weights(...)):
        assert not fb.ok and "still empty" in str(fb)


def test_learning_rate_mistakes_get_specific_hints():
    fb = ex.check_lr_for_mean(0.001 / 100)
    assert not fb.ok and "divides by n instead of multiplying" in fb.hint
    fb = ex.check_lr_for_mean(0.001)
    assert not fb.ok and "100 times smaller" in fb.hint
    fb = ex.check_lr_for_mean(1.0)
    assert not fb.ok and "lr_mean = n · lr_sum" in fb.hint
    fb = ex.check_lr_for_mean("0.1")  # a string is refused, not converted
    assert not fb.ok and "str" in fb.message


def test_shape_mistakes_get_specific_hints():
    fb = ex.check_mse_any_shape(lambda yhat, y: torch.mean((y - yhat) ** 2))  # the broadcasting pitfall
    assert not fb.ok and "broadcasts to (n, n)" in fb.hint
    fb = ex.check_mse_any_shape(lambda yhat, y: torch.sum((yhat.reshape(-1) - y.reshape(-1)) ** 2))
    assert not fb.ok and "yhat.reshape(-1)" in fb.hint
    fb = ex.check_mse_any_shape(lambda yhat, y: yhat + "x")
    assert not fb.ok and "TypeError" in fb.message


def test_multiple_regression_mistakes_get_specific_hints():
    X, y = ex._multiple()
    yhat = X @ torch.tensor([2.5, 4.0, -2.0])
    fb = ex.check_mse_true_weights(torch.mean((y - yhat.reshape(-1, 1)) ** 2))
    assert not fb.ok and "broadcast (100, 100)" in fb.hint
    fb = ex.check_mse_true_weights(torch.sum((y - yhat) ** 2))
    assert not fb.ok and "sum of the squared errors" in fb.hint
    fb = ex.check_mse_true_weights(0.25)
    assert not fb.ok and "noise variance" in fb.hint
    fb = ex.check_mse_true_weights([0.27, 0.28])
    assert not fb.ok and "shape" in fb.message


def test_checks_never_raise_on_junk():
    junk = [None, ..., "x", 3, [1, 2, 3], {"a": 1}, torch.zeros(3), torch.tensor(float("nan")), lambda *a: "x", lambda: 1]
    for answer in junk:
        for check in (ex.check_lr_for_mean, ex.check_mse_any_shape, ex.check_mse_true_weights):
            fb = check(answer)
            assert not fb.ok and str(fb).startswith("⏳ Not yet")
