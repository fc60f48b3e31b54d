"""Notebook 04's exercise checks: typical mistakes get their own hint (the reference solutions
and the unfilled starters: tests/test_exercises.py)."""

import pytest
import torch

from helpers.exercises import nb04 as ex
from helpers.fitting import least_squares
from solutions import nb04 as sol


def test_other_correct_spellings_pass():
    X50, y50 = sol.X[:50], sol.y[:50]
    assert ex.check_what_half(torch.linalg.lstsq(X50, y50.reshape(-1, 1)).solution.reshape(-1)).ok
    assert ex.check_what_half(least_squares(X50, y50)).ok
    assert ex.check_sum_loss_grad(sol.sum_loss_grad).ok
    assert ex.check_sum_loss_grad(lambda X, y, W: 2 * X.T @ (X @ W - y)).ok


@pytest.mark.parametrize(
    "fn, fragment",
    [
        (lambda X, y, W: 2 * X.T @ (y - X @ W), "sign is flipped"),
        (lambda X, y, W: -X.T @ (y - X @ W), "factor 2 is missing"),
        (lambda X, y, W: -2 * X.T @ (y - X @ W) / len(y), "gradient of the mean"),
        (lambda X, y, W: -2 * X.T @ (y - X @ W) + 1.0, "keep the factor 2"),
    ],
)
def test_gradient_mistakes(fn, fragment):
    fb = ex.check_sum_loss_grad(fn)
    assert not fb.ok and fragment in fb.hint


@pytest.mark.parametrize(
    "answer, fragment",
    [
        (least_squares(sol.X, sol.y), "all 100 samples"),
        (torch.tensor([2.5, 4.0]), "true W"),
        (torch.tensor([2.4, 3.9]), "normal equations"),
    ],
)
def test_closed_form_mistakes(answer, fragment):
    fb = ex.check_what_half(answer)
    assert not fb.ok and fragment in fb.hint


def test_closed_form_as_a_column_is_told_to_reshape():
    fb = ex.check_what_half(sol.what_half.reshape(2, 1))
    assert not fb.ok and "reshape" in fb.hint


def test_zero_grad_mistakes():
    g0, g1 = ex._two_gradients()
    torch.testing.assert_close(g0 + g1, sol.grad_without_zero_grad)
    for answer, fragment in [
        (g1, "second gradient alone"),
        (2 * g0, "updated What"),
        (g0, "first epoch"),
        (torch.zeros(2), "after zeroing"),
    ]:
        fb = ex.check_grad_without_zero_grad(answer)
        assert not fb.ok and fragment in fb.hint
    fb = ex.check_grad_without_zero_grad(g0 - g1)
    assert not fb.ok and "sum of both" in fb.hint


def test_four_significant_digits_are_exactly_what_the_checks_need():
    assert ex.check_what_half([2.399, 3.887]).ok  # [2.3991, 3.8870] typed to 4 digits
    assert not ex.check_what_half([2.40, 3.89]).ok  # 3 digits are not enough
    assert ex.check_grad_without_zero_grad([-3057, 2608]).ok  # [-3057.0024, 2608.1514]
    assert not ex.check_grad_without_zero_grad([-3060, 2610]).ok
