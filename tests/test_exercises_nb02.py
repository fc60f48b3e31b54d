"""Notebook 02's exercise checks: reference solutions pass, typical mistakes get the right hint."""

import pytest
import torch

from helpers.exercises import nb02 as ex
from solutions import nb02 as sol


def test_reference_solutions_are_accepted():
    assert ex.check_mse_gradient_b(sol.mse_gradient_b).ok
    assert ex.check_w_after_one_epoch(sol.w_after_one_epoch).ok
    assert ex.check_lr_limit(sol.lr_limit).ok
    assert sol.w_after_one_epoch == 1.260688  # the classic "progress: 0 w= 1.26"
    assert sol.lr_limit == pytest.approx(3 / 14)


def test_other_correct_forms_are_accepted():
    assert ex.check_mse_gradient_b(lambda w, b: 2 * (2 * w + b - 4)).ok  # the mean written out: 2 (w·mean(x) + b − mean(y))
    assert ex.check_mse_gradient_b(lambda w, b: torch.tensor(2 * (2 * w + b - 4))).ok
    assert ex.check_lr_limit(3 / 14).ok


def test_unfilled_starters_say_not_yet_without_raising():
    def mse_gradient_b(w, b):
        ...

    for fb in (ex.check_mse_gradient_b(mse_gradient_b), ex.check_mse_gradient_b(...), ex.check_w_after_one_epoch(...), ex.check_lr_limit(None)):
        assert not fb.ok and "still empty" in str(fb)


X, Y = sol.x_data, sol.y_data


@pytest.mark.parametrize(
    "fn, fragment",
    [
        (lambda w, b: sum(2 * (w * x + b - y) for x, y in zip(X, Y)), "divide by 3"),
        (lambda w, b: sum((w * x + b - y) for x, y in zip(X, Y)) / 3, "factor 2 is missing"),
        (lambda w, b: -sol.mse_gradient_b(w, b), "sign is flipped"),
        (lambda w, b: sum(2 * x * (w * x + b - y) for x, y in zip(X, Y)) / 3, "gradient with respect to w"),
        (lambda w, b: b, "inner derivative of (w·x + b − y) with respect to b is 1"),
    ],
)
def test_wrong_gradients_get_specific_hints(fn, fragment):
    fb = ex.check_mse_gradient_b(fn)
    assert not fb.ok and fragment in fb.hint


def test_gradient_that_raises_or_has_wrong_type():
    fb = ex.check_mse_gradient_b(lambda w, b: 1 / 0)
    assert not fb.ok and "ZeroDivisionError" in fb.message
    fb = ex.check_mse_gradient_b(lambda w, b: "grad")
    assert not fb.ok and "str" in fb.message
    fb = ex.check_mse_gradient_b(lambda w: w)  # wrong number of arguments
    assert not fb.ok and "TypeError" in fb.message
    fb = ex.check_mse_gradient_b(3.0)
    assert not fb.ok and "should be a function" in fb.message


@pytest.mark.parametrize(
    "answer, fragment",
    [
        (1.28, "gradients at w = 1.0 for all three samples"),
        (1.0 + 0.01 * 28 / 3, "one step of batch gradient descent"),
        (0.72, "towards 2"),
        (1.26, "for each (x, y) in order"),
    ],
)
def test_wrong_epoch_answers_get_specific_hints(answer, fragment):
    fb = ex.check_w_after_one_epoch(answer)
    assert not fb.ok and fragment in fb.hint


def test_epoch_answer_of_wrong_type_does_not_raise():
    fb = ex.check_w_after_one_epoch("1.26")
    assert not fb.ok and "str" in fb.message
    fb = ex.check_w_after_one_epoch([1.26, 1.0])
    assert not fb.ok and "shape" in fb.message


@pytest.mark.parametrize(
    "answer, fragment",
    [
        (3 / 28, "one step lands exactly on w = 2"),
        (1 / 9, "single sample x = 3"),
        (1 / 14, "not 2·Σx²"),
        (0.5, "|1 − lr·c| > 1"),
    ],
)
def test_wrong_lr_limits_get_specific_hints(answer, fragment):
    fb = ex.check_lr_limit(answer)
    assert not fb.ok and fragment in fb.hint


def test_lr_limit_nan_and_bool_do_not_raise():
    assert not ex.check_lr_limit(float("nan")).ok
    assert not ex.check_lr_limit(True).ok
