"""Checks for the exercises of notebook 08 (the Old Faithful data)."""

import math
from functools import lru_cache

import torch

from ..language import _
from .feedback import Mistake, compare, graded


@lru_cache(maxsize=1)
def _reference():
    """The expected answers, computed in float64 from the shipped data (read once)."""
    from ..data import old_faithful
    from ..fitting import least_squares

    e, w = (t.double() for t in old_faithful())

    def fit(x, y):
        A = torch.stack([torch.ones_like(x), x], dim=1)
        coef = least_squares(A, y)
        r2 = 1 - ((y - A @ coef) ** 2).sum() / ((y - y.mean()) ** 2).sum()
        return float(coef[1]), float(r2)

    slope, r2_all = fit(e, w)
    long = e > 3
    return {
        "slope": slope,
        "reverse_slope": fit(w, e)[0],
        "r2_all": r2_all,
        "r": r2_all**0.5,
        "r2_long": fit(e[long], w[long])[1],
        "r2_short": fit(e[~long], w[~long])[1],
    }


def _compare(answer, key, mistakes, hint):
    """Check ``answer`` against the reference value ``key`` (its name) to 4 significant digits, the
    precision the exercises ask for: within half a unit of the 4th digit (0.81146 typed as 0.8115
    passes, 0.811 does not)."""
    want = _reference()[key]
    # half a unit of the 4th significant digit, relative to want (mistakes match within the same)
    rtol = 5 * 10 ** (math.floor(math.log10(want)) - 4) / want
    return compare(answer, want, name=key, mistakes=mistakes, hint=hint, rtol=rtol)


@graded
def check_reverse_slope(answer):
    """Exercise 1: the least-squares slope of eruptions (y) on waiting (x), all 272 rows."""
    ref = _reference()
    mistakes = [
        Mistake(
            1 / ref["slope"],
            _(
                "the reciprocal of the other line's slope is not it: least squares minimises "
                "vertical distances, so the line of eruptions on waiting is not the inverse of the "
                "line of waiting on eruptions (the product of the two slopes is r², not 1)."
            ),
        ),
        Mistake(
            ref["slope"],
            _("that is the slope of waiting on eruptions, the notebook's line; swap x and y."),
        ),
    ]
    hint = _(
        "fit eruptions = b + w · waiting by least squares (design matrix [1, waiting]); take w."
    )
    return _compare(answer, "reverse_slope", mistakes, hint)


@graded
def check_r2_all(answer):
    """Exercise 2: R² of the least-squares line fitted to all 272 rows (= r², the correlation²)."""
    ref = _reference()
    mistakes = [
        Mistake(
            ref["r"], _("that is the correlation r itself; for a least-squares line, R² = r².")
        ),
        Mistake(
            1 - ref["r2_all"],
            _("that is SS_res / SS_tot, the share NOT explained; R² = 1 − SS_res / SS_tot."),
        ),
        Mistake(
            lambda got: abs(got.item() - ref["r2_all"]) < 0.1 * ref["r2_all"],
            _(
                "close, but not the line of all the data: fit and score on all 272 rows, not a "
                "split."
            ),
        ),
    ]
    hint = _(
        "fit the closed form on all 272 rows and compute 1 − SS_res / SS_tot of its predictions."
    )
    return _compare(answer, "r2_all", mistakes, hint)


@graded
def check_r2_long(answer):
    """Exercise 3: R² of the closed-form line fitted to the long eruptions only (> 3 minutes)."""
    ref = _reference()
    mistakes = [
        Mistake(
            ref["r2_all"],
            _("that is R² of all 272 rows; keep only the eruptions longer than 3 minutes."),
        ),
        Mistake(
            ref["r"],
            _(
                "that is r of all 272 rows; keep only the eruptions longer than 3 minutes, and "
                "give R²."
            ),
        ),
        Mistake(
            ref["r2_short"],
            _("that is the short eruptions (<= 3 minutes); the exercise asks for the long ones."),
        ),
    ]
    hint = _(
        "select long = eruptions > 3, fit the closed form on eruptions[long] and waiting[long], "
        "then compute 1 − SS_res / SS_tot."
    )
    return _compare(answer, "r2_long", mistakes, hint)
