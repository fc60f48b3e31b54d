"""Notebook 02's exercise checks: typical mistakes get their own hint (the reference solutions
and the unfilled starters: tests/test_exercises.py)."""

import pytest

from helpers.exercises import nb02 as ex
from solutions import nb02 as sol

X, Y = sol.x_data, sol.y_data


def test_gradient_reference_passes_in_every_form(answer_forms):
    for form in answer_forms(1.0):
        fb = ex.check_mse_gradient_b(
            lambda w, b, form=form: answer_forms(sol.mse_gradient_b(w, b))[form]
        )
        assert fb.ok, (form, fb)


def test_gradient_written_another_way_passes():
    # the mean written out: 2 (w·mean(x) + b − mean(y))
    assert ex.check_mse_gradient_b(lambda w, b: 2 * (2 * w + b - 4)).ok


def test_reference_values():
    assert sol.w_after_one_epoch == pytest.approx(2.739312)
    assert sol.lr_limit == 0.21


@pytest.mark.parametrize("answer", [3 / 14, 0.2143, 0.214, 0.21])
def test_lr_limit_accepts_two_decimals_and_more(answer):
    assert ex.check_lr_limit(answer).ok


@pytest.mark.parametrize(
    "fn, fragment",
    [
        (lambda w, b: sum(2 * (w * x + b - y) for x, y in zip(X, Y)), "divide by 3"),
        (lambda w, b: sum((w * x + b - y) for x, y in zip(X, Y)) / 3, "factor 2 is missing"),
        (lambda w, b: -sol.mse_gradient_b(w, b), "sign is flipped"),
        (
            lambda w, b: sum(2 * x * (w * x + b - y) for x, y in zip(X, Y)) / 3,
            "gradient with respect to w",
        ),
        (lambda w, b: b, "average 2·(w·x + b − y)"),
    ],
)
def test_gradient_mistakes(fn, fragment):
    fb = ex.check_mse_gradient_b(fn)
    assert not fb.ok and fragment in fb.hint


@pytest.mark.parametrize(
    "answer, fragment",
    [
        (2.72, "gradients at w = 3.0 for all three samples"),
        (3.0 - 0.01 * 28 / 3, "one step of batch gradient descent"),
        (1.260688, "classic run from w = 1.0"),
        (3.299888, "towards 2"),
        (2.74, "for each (x, y) in order"),
    ],
)
def test_epoch_mistakes(answer, fragment):
    fb = ex.check_w_after_one_epoch(answer)
    assert not fb.ok and fragment in fb.hint


def test_epoch_rejection_shows_a_difference():
    # rounded to 4 digits: too far for "6 significant digits"
    fb = ex.check_w_after_one_epoch(2.739)
    assert not fb.ok and "2.739 is not it yet" in fb.message


@pytest.mark.parametrize(
    "answer, fragment",
    [
        (0.2, "try values between 0.2 and 0.25"),
        (0.25, "limit lies below it"),
        (0.22, "the limit lies below 0.22"),
        (3 / 28, "zigzags"),
        (0.15, "limit is above it"),
        (0.5, "limit is below it"),
        (0.23, "run_batch_gd(lr, 500)"),
    ],
)
def test_lr_limit_mistakes(answer, fragment):
    fb = ex.check_lr_limit(answer)
    assert not fb.ok and fragment in fb.hint
