"""Notebook 01's exercise checks: typical mistakes get their own hint (the reference solutions
and the unfilled starters: tests/test_exercises.py)."""

import pytest

from helpers.exercises import nb01 as ex
from solutions import nb01 as sol


def test_squared_error_reference_passes_in_every_form(answer_forms):
    for form in answer_forms(1.0):
        fb = ex.check_squared_error(
            lambda x, y, w, form=form: answer_forms(sol.squared_error(x, y, w))[form]
        )
        assert fb.ok, (form, fb)


def test_reference_values():
    assert sol.mse_at_1_25 == 2.625
    assert sol.best_w_with_b1 == pytest.approx(1.57)


@pytest.mark.parametrize("answer", [11 / 7, 1.5714, 1.571, 1.57, 1.575])
def test_best_w_accepts_two_decimals_and_more(answer):
    assert ex.check_best_w_with_b1(answer).ok


@pytest.mark.parametrize(
    "fn, fragment",
    [
        (lambda x, y, w: abs(w * x - y), "absolute error"),
        (lambda x, y, w: w * x - y, "the error w·x − y itself"),
        (lambda x, y, w: (w * x) ** 2 - y**2, "not each term"),
        (lambda x, y, w: (w * x + y) ** 2, "then square the difference"),
    ],
)
def test_squared_error_mistakes(fn, fragment):
    fb = ex.check_squared_error(fn)
    assert not fb.ok and fragment in fb.hint


@pytest.mark.parametrize(
    "answer, fragment",
    [
        (7.875, "divide by 3"),
        (3.9375, "number of samples, 3"),
        (6.75, "square each error first"),
        (1.5, "absolute errors"),
        (-1.5, "mean of the errors"),
        (1.6202, "square root"),
        (4.0, "square the three errors"),
    ],
)
def test_mse_mistakes(answer, fragment):
    fb = ex.check_mse_at_1_25(answer)
    assert not fb.ok and fragment in fb.hint


@pytest.mark.parametrize(
    "answer, fragment",
    [
        (2.0, "best when b = 0"),
        (1 / 7, "smallest MSE itself"),
        (34 / 14, "b = −1"),
        (1.6, "finer grid"),
        (1.56, "finer grid"),
        (1.0, "np.arange(0.0, 4.001, 0.01)"),
    ],
)
def test_best_w_mistakes(answer, fragment):
    fb = ex.check_best_w_with_b1(answer)
    assert not fb.ok and fragment in fb.hint


def test_best_w_rejection_shows_a_difference():
    fb = ex.check_best_w_with_b1(1.6)
    assert "1.6 is not it yet" in fb.message
