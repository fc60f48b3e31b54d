"""Notebook 08's exercise checks: reference solutions pass, typical mistakes get the right hint, nothing raises."""

import pytest
import torch

from helpers.exercises import nb08 as ex
from solutions import nb08 as sol


def test_reference_solutions_are_accepted():
    assert ex.check_reverse_slope(sol.reverse_slope).ok
    assert ex.check_r2_all(sol.r2_all).ok
    assert ex.check_r2_long(sol.r2_long).ok
    assert sol.reverse_slope == pytest.approx(0.07563, abs=1e-5)
    assert sol.r2_all == pytest.approx(0.81146, abs=1e-5)
    assert sol.r2_long == pytest.approx(0.1390, abs=1e-4)


def test_answers_as_tensors_and_float32_are_accepted():
    assert ex.check_r2_all(torch.tensor(sol.r2_all, dtype=torch.float32)).ok
    r = torch.corrcoef(torch.stack([sol.eruptions, sol.waiting]))[0, 1]
    assert ex.check_r2_all(r**2).ok  # the correlation route


def test_unfilled_starters_say_not_yet_without_raising():
    for check in (ex.check_reverse_slope, ex.check_r2_all, ex.check_r2_long):
        for unfilled in (..., None):
            fb = check(unfilled)
            assert not fb.ok and "still empty" in str(fb)


def test_typical_wrong_answers_get_hints():
    fb = ex.check_reverse_slope(1 / 10.7296)
    assert not fb.ok and "not the inverse" in fb.hint
    fb = ex.check_reverse_slope(10.7296)
    assert not fb.ok and "swap the roles" in fb.hint
    fb = ex.check_reverse_slope("0.0756")
    assert not fb.ok and "str" in fb.message
    fb = ex.check_reverse_slope([0.07, 0.08])
    assert not fb.ok and "shape" in fb.message

    fb = ex.check_r2_all(0.9008)
    assert not fb.ok and "correlation r itself" in fb.hint
    fb = ex.check_r2_all(1 - 0.81146)
    assert not fb.ok and "NOT explained" in fb.hint
    fb = ex.check_r2_all(0.8495)  # the notebook's held-out R²
    assert not fb.ok and "use all 272 rows" in fb.hint
    fb = ex.check_r2_all(float("nan"))
    assert not fb.ok and "NaN" in fb.message

    fb = ex.check_r2_long(0.81146)
    assert not fb.ok and "longer than 3 minutes" in fb.hint
    fb = ex.check_r2_long(0.0842)
    assert not fb.ok and "short eruptions" in fb.hint
    fb = ex.check_r2_long(0.5)
    assert not fb.ok and "eruptions > 3" in fb.hint
    fb = ex.check_r2_long(object())
    assert not fb.ok
