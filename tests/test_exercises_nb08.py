"""Notebook 08's exercise checks: typical mistakes get their own hint (the reference solutions
and the unfilled starters: tests/test_exercises.py)."""

import pytest
import torch

from helpers.exercises import nb08 as ex
from solutions import nb08 as sol

CHECKS = [
    (ex.check_reverse_slope, "reverse_slope"),
    (ex.check_r2_all, "r2_all"),
    (ex.check_r2_long, "r2_long"),
]


def test_reference_values():
    assert sol.reverse_slope == pytest.approx(0.07563, abs=1e-5)
    assert sol.r2_all == pytest.approx(0.81146, abs=1e-5)
    assert sol.r2_long == pytest.approx(0.1390, abs=1e-4)


@pytest.mark.parametrize(("check", "answer"), CHECKS)
def test_four_significant_digits_are_enough(check, answer):
    value = getattr(sol, answer)
    assert check(float(f"{value:.4g}")).ok
    assert check(value).ok
    assert not check(value * 1.01).ok


@pytest.mark.parametrize(
    ("check", "three_digits", "misrounded"),
    [
        (ex.check_reverse_slope, 0.0756, 0.07564),  # 0.075628
        (ex.check_r2_all, 0.811, 0.8114),  # 0.81146
        (ex.check_r2_long, 0.14, 0.1389),  # 0.138967: 3 digits, 0.139, are its 4 (0.1390)
    ],
)
def test_fewer_than_four_digits_or_a_wrong_fourth_digit_fail(check, three_digits, misrounded):
    assert not check(three_digits).ok
    assert not check(misrounded).ok


def test_other_correct_routes():
    r = torch.corrcoef(torch.stack([sol.eruptions, sol.waiting]))[0, 1]
    assert ex.check_r2_all(r**2).ok  # the correlation route
    assert ex.check_r2_all((r**2).float()).ok


def test_reverse_slope_typical_mistakes():
    fb = ex.check_reverse_slope(1 / 10.7296)
    assert not fb.ok and "not the inverse" in fb.hint
    fb = ex.check_reverse_slope(10.7296)
    assert not fb.ok and "swap x and y" in fb.hint
    fb = ex.check_reverse_slope(0.09)
    assert not fb.ok and "design matrix [1, waiting]" in fb.hint
    fb = ex.check_reverse_slope("0.0756")
    assert not fb.ok and "str" in fb.message
    fb = ex.check_reverse_slope([0.07, 0.08])
    assert not fb.ok and "shape" in fb.message


def test_r2_all_typical_mistakes():
    fb = ex.check_r2_all(0.9008)
    assert not fb.ok and "correlation r itself" in fb.hint
    fb = ex.check_r2_all(1 - 0.81146)
    assert not fb.ok and "NOT explained" in fb.hint
    fb = ex.check_r2_all(0.8495)  # the notebook's held-out R²
    assert not fb.ok and "all 272 rows" in fb.hint
    fb = ex.check_r2_all(0.5)
    assert not fb.ok and "1 − SS_res / SS_tot" in fb.hint
    fb = ex.check_r2_all(float("nan"))
    assert not fb.ok and "NaN" in fb.message


def test_r2_long_typical_mistakes():
    fb = ex.check_r2_long(0.81146)
    assert not fb.ok and "longer than 3 minutes" in fb.hint
    fb = ex.check_r2_long(0.9008)
    assert not fb.ok and "give R²" in fb.hint
    fb = ex.check_r2_long(0.0842)
    assert not fb.ok and "short eruptions" in fb.hint
    fb = ex.check_r2_long(0.5)
    assert not fb.ok and "eruptions > 3" in fb.hint
    fb = ex.check_r2_long(object())
    assert not fb.ok
