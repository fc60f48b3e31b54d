"""Notebook 00's exercise checks: typical mistakes get their own hint (the reference solutions
and the unfilled starters: tests/test_exercises.py)."""

from helpers.exercises import nb00 as ex


def test_wrong_answers_get_their_hint():
    fb = ex.check_warmup_mse(1.0)  # the sum of squared errors, not the mean
    assert not fb.ok and "divides their sum" in fb.hint and str(fb).startswith("⏳ Not yet")
    fb = ex.check_warmup_mse([0, 0, 1])
    assert not fb.ok and "shape" in fb.message
