"""Notebook 00's warm-up check: the reference passes, typical mistakes get the right hint."""

from helpers.exercises import nb00 as ex
from solutions import nb00 as sol


def test_reference_solution_is_accepted():
    fb = ex.check_warmup_mse(sol.warmup_mse)
    assert fb.ok and str(fb).startswith("✅ Right")


def test_unfilled_and_wrong_answers():
    assert "still empty" in str(ex.check_warmup_mse(...))
    assert "still empty" in str(ex.check_warmup_mse(None))
    fb = ex.check_warmup_mse(1.0)  # the sum of squared errors, not the mean
    assert not fb.ok and "divides their sum" in fb.hint and str(fb).startswith("⏳ Not yet")
    fb = ex.check_warmup_mse([0, 0, 1])
    assert not fb.ok and "shape" in fb.message
