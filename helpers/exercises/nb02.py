"""Checks for the exercises of notebook 02 (the gradient for b, one epoch by hand, the largest learning rate)."""

from __future__ import annotations

import math
import numbers

from ..checks import Feedback, check_callable, compare, is_unfilled

_X, _Y = [1.0, 2.0, 3.0], [2.0, 4.0, 6.0]


def _per_sample_epoch(w: float, lr: float) -> float:
    for x, y in zip(_X, _Y):
        w = w - lr * 2 * x * (x * w - y)
    return w


def _number(value) -> float | None:
    """``value`` as a float when it is a plain real number, else None (never raises)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def _near(a: float | None, b: float) -> bool:
    return a is not None and math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _mse_gradient_b(w: float, b: float) -> float:
    return sum(2 * (w * x + b - y) for x, y in zip(_X, _Y)) / len(_X)


def check_mse_gradient_b(fn) -> Feedback:
    """Exercise 1: d MSE/d b for H(x) = w x + b, i.e. the mean over the 3 samples of 2 (w x + b - y)."""
    hint = "the inner derivative of (w·x + b − y) with respect to b is 1: average 2·(w·x + b − y) over the three samples."
    if not is_unfilled(fn) and callable(fn):
        try:
            got = _number(fn(1.0, 0.5))
        except Exception:  # learner code: check_callable reports it below
            got = None
        want = _mse_gradient_b(1.0, 0.5)
        with_x = sum(2 * x * (1.0 * x + 0.5 - y) for x, y in zip(_X, _Y)) / len(_X)
        if _near(got, 3 * want):
            hint = "you returned the sum of the three gradients: the MSE is a mean, so divide by 3."
        elif _near(got, want / 2):
            hint = "the derivative of a square u² is 2·u: the factor 2 is missing."
        elif _near(got, -want):
            hint = "the sign is flipped: d/db (w·x + b − y)² = 2·(w·x + b − y), negative while the predictions are too small."
        elif _near(got, with_x):
            hint = "that is the gradient with respect to w (it has the factor x); b is not multiplied by x, so its inner derivative is 1."
    return check_callable(
        fn,
        name="mse_gradient_b",
        cases=[((2.0, 0.0), 0.0), ((1.0, 0.5), _mse_gradient_b(1.0, 0.5)), ((1.0, 0.0), _mse_gradient_b(1.0, 0.0)), ((2.5, -1.5), _mse_gradient_b(2.5, -1.5))],
        hint=hint,
        rtol=1e-6,
        atol=1e-9,
    )


def check_w_after_one_epoch(answer) -> Feedback:
    """Exercise 2: w after the first epoch of the classic run (w = 1.0, lr = 0.01, samples in order)."""
    expected = _per_sample_epoch(1.0, 0.01)
    got = _number(answer)
    hint = "start from w = 1.0 and, for each (x, y) in order, do w = w − 0.01·2·x·(x·w − y); the next gradient uses the new w."
    if _near(got, 1.0 - 0.01 * sum(2 * x * (x * 1.0 - y) for x, y in zip(_X, _Y))):
        hint = "you used the gradients at w = 1.0 for all three samples: per-sample descent updates w after each sample, so the second and third gradients are smaller."
    elif _near(got, 1.0 - 0.01 * sum(2 * x * (x * 1.0 - y) for x, y in zip(_X, _Y)) / len(_X)):
        hint = "that is one step of batch gradient descent (the mean gradient); per-sample descent makes three updates in an epoch."
    elif _near(got, 1.0 + 0.01 * sum(2 * x * (x * 1.0 - y) for x, y in zip(_X, _Y))) or (got is not None and got < 1.0):
        hint = "w should move towards 2: subtract lr · gradient (the gradient is negative while w < 2)."
    return compare(answer, expected, name="w_after_one_epoch", hint=hint, rtol=1e-9, atol=1e-12)


def check_lr_limit(answer) -> Feedback:
    """Exercise 3: the learning rate at which batch gradient descent on the 3-point data stops converging (3/14)."""
    curvature = 2 * sum(x * x for x in _X) / len(_X)  # 28/3
    expected = 2 / curvature
    got = _number(answer)
    hint = "each batch step multiplies (w − 2) by (1 − lr·c) with c = (2/3)·Σx² = 28/3; the run diverges once |1 − lr·c| > 1."
    if _near(got, 1 / curvature):
        hint = "at lr = 1/c = 3/28 one step lands exactly on w = 2 (the factor is 0); divergence starts where the factor reaches −1, at lr = 2/c."
    elif _near(got, 1 / 9):
        hint = "1/9 is where the single sample x = 3 starts to overshoot in per-sample descent (1 − 2·9·lr = −1); the batch step uses the mean curvature c = 28/3."
    elif _near(got, 2 / (2 * sum(x * x for x in _X))):
        hint = "the MSE is a mean: its curvature is (2/3)·Σx² = 28/3, not 2·Σx² (that is the curvature of the sum)."
    return compare(answer, expected, name="lr_limit", hint=hint, rtol=1e-6, atol=1e-9)
