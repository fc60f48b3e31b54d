"""Checks for the exercises of notebook 08 (the Old Faithful data)."""

from __future__ import annotations

import math
from functools import lru_cache

import torch

from ..checks import Feedback, compare, is_unfilled, not_filled


@lru_cache(maxsize=1)
def _reference() -> dict[str, float]:
    """The expected answers, computed in float64 from the shipped data (read once)."""
    from ..checks import least_squares
    from ..data import old_faithful

    e, w = (t.double() for t in old_faithful())

    def fit(x, y):
        A = torch.stack([torch.ones_like(x), x], dim=1)
        coef = least_squares(A, y)
        y_hat = A @ coef
        r2 = 1 - ((y - y_hat) ** 2).sum() / ((y - y.mean()) ** 2).sum()
        return coef, float(r2)

    (_, slope), r2_all = fit(e, w)
    (_, reverse_slope), _ = fit(w, e)
    long, short = e > 3, e <= 3
    _, r2_long = fit(e[long], w[long])
    _, r2_short = fit(e[short], w[short])
    return {
        "slope": float(slope),
        "reverse_slope": float(reverse_slope),
        "r2_all": r2_all,
        "r": math.sqrt(r2_all),
        "r2_long": r2_long,
        "r2_short": r2_short,
    }


def _close(answer, value: float, rtol: float = 2e-3) -> bool:
    """True if the learner's answer is a number close to value (never raises)."""
    try:
        got = float(answer.detach().cpu().reshape(())) if isinstance(answer, torch.Tensor) else float(answer)
    except (TypeError, ValueError, RuntimeError):
        return False
    return math.isfinite(got) and math.isclose(got, value, rel_tol=rtol)


def check_reverse_slope(answer) -> Feedback:
    """Exercise 1: the least-squares slope of eruptions (y) on waiting (x), all 272 rows: about 0.0756 minutes per minute."""
    name = "reverse_slope"
    if is_unfilled(answer):
        return not_filled(name)
    ref = _reference()
    hint = "fit eruptions = b + w · waiting with least_squares(torch.stack([ones, waiting], dim=1), eruptions) and take w."
    if _close(answer, 1 / ref["slope"]):
        hint = (
            "1 / 10.73 is not it: least squares minimises vertical distances, so the line of eruptions on waiting is not the"
            " inverse of the line of waiting on eruptions (the product of the two slopes is r², not 1). " + hint
        )
    elif _close(answer, ref["slope"]):
        hint = "that is the slope of waiting on eruptions, the notebook's line; swap the roles of x and y. " + hint
    return compare(answer, ref["reverse_slope"], name=name, hint=hint, rtol=2e-3)


def check_r2_all(answer) -> Feedback:
    """Exercise 2: R² of the least-squares line fitted to all 272 rows (equals r², the squared correlation)."""
    name = "r2_all"
    if is_unfilled(answer):
        return not_filled(name)
    ref = _reference()
    hint = "fit the closed form on all 272 rows and compute 1 − SS_res / SS_tot, or square torch.corrcoef(...)[0, 1]."
    if _close(answer, ref["r"]):
        hint = "that is the correlation r itself; for a line fitted by least squares, R² = r². " + hint
    elif _close(answer, 1 - ref["r2_all"]):
        hint = "that is SS_res / SS_tot, the share NOT explained; R² = 1 − SS_res / SS_tot. " + hint
    elif not _close(answer, ref["r2_all"]) and _close(answer, ref["r2_all"], rtol=0.1):
        hint = "close, but the training or test split gives a different R²: use all 272 rows. " + hint
    return compare(answer, ref["r2_all"], name=name, hint=hint, rtol=2e-3)


def check_r2_long(answer) -> Feedback:
    """Exercise 3: R² of the closed-form line fitted only to the long eruptions (eruptions > 3 minutes)."""
    name = "r2_long"
    if is_unfilled(answer):
        return not_filled(name)
    ref = _reference()
    hint = "select long = eruptions > 3, fit the closed form on eruptions[long], waiting[long], then 1 − SS_res / SS_tot."
    if _close(answer, ref["r2_all"]) or _close(answer, ref["r"]):
        hint = "that is R² (or r) of all 272 rows; keep only the eruptions longer than 3 minutes. " + hint
    elif _close(answer, ref["r2_short"]):
        hint = "that is the short eruptions (<= 3 minutes); the exercise asks for the long ones. " + hint
    return compare(answer, ref["r2_long"], name=name, hint=hint, rtol=2e-3)
