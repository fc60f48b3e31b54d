"""Notebook 01's exercise checks: reference solutions pass, typical mistakes get the right hint."""

import pytest

from helpers.exercises import nb01 as ex
from solutions import nb01 as sol


def test_reference_solutions_are_accepted():
    assert ex.check_squared_error(sol.squared_error).ok
    assert ex.check_mse_at_3(sol.mse_at_3).ok
    assert ex.check_best_w_with_b1(sol.best_w_with_b1).ok
    assert sol.best_w_with_b1 == pytest.approx(22 / 14)


def test_unfilled_starters_say_not_yet_without_raising():
    def squared_error(x, y, w):
        ...

    for fb in (ex.check_squared_error(squared_error), ex.check_mse_at_3(...), ex.check_best_w_with_b1(...)):
        assert not fb.ok and "still empty" in str(fb)


def test_typical_wrong_answers_get_hints():
    fb = ex.check_squared_error(lambda x, y, w: abs(w * x - y))  # absolute, not squared
    assert not fb.ok and "square the difference" in fb.hint
    fb = ex.check_squared_error(lambda x, y, w: w * x - y)
    assert not fb.ok
    fb = ex.check_squared_error(lambda x, y, w: 1 / 0)
    assert not fb.ok and "ZeroDivisionError" in fb.message
    fb = ex.check_mse_at_3(14.0)  # the sum, not the mean
    assert not fb.ok and "divide by 3" in fb.hint
    fb = ex.check_mse_at_3("4.67")
    assert not fb.ok and "str" in fb.message
    fb = ex.check_best_w_with_b1(2.0)  # the answer for b = 0
    assert not fb.ok and "w = 2 is best when b = 0" in fb.hint
    fb = ex.check_best_w_with_b1(1.5)
    assert not fb.ok and "Σ x(y − 1) / Σ x²" in fb.hint
