"""Checks for the exercises of notebook 01."""

from __future__ import annotations

from ..checks import Feedback, check_callable, compare

_X, _Y = [1.0, 2.0, 3.0], [2.0, 4.0, 6.0]


def check_squared_error(fn) -> Feedback:
    """Exercise 1: squared_error(x, y, w) = (w * x - y) ** 2."""
    return check_callable(
        fn,
        name="squared_error",
        cases=[((1.0, 2.0, 1.0), 1.0), ((3.0, 6.0, 2.5), 2.25), ((2.0, 4.0, 2.0), 0.0), ((2.0, 1.0, -1.0), 9.0)],
        hint="predict with w * x, subtract y, then square the difference (not its absolute value).",
    )


def check_mse_at_3(answer) -> Feedback:
    """Exercise 2: MSE of the 3-point data at w = 3."""
    expected = sum((3.0 * x - y) ** 2 for x, y in zip(_X, _Y)) / 3
    return compare(answer, expected, name="mse_at_3", hint="the errors are 1, 2 and 3: square them, add, and divide by 3 (the number of samples).")


def check_best_w_with_b1(answer) -> Feedback:
    """Exercise 3: argmin_w of sum (w x + 1 - y)^2 = sum x (y - 1) / sum x^2 = 22 / 14."""
    expected = sum(x * (y - 1.0) for x, y in zip(_X, _Y)) / sum(x * x for x in _X)
    hint = "d/dw Σ(w·x + 1 − y)² = Σ 2x(w·x + 1 − y) = 0 gives w = Σ x(y − 1) / Σ x²."
    if isinstance(answer, (int, float)) and abs(answer - 2.0) < 1e-9:
        hint = "w = 2 is best when b = 0; with b = 1 every prediction is shifted up, so w must be smaller. " + hint
    return compare(answer, expected, name="best_w_with_b1", hint=hint)
