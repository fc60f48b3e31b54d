"""Checks for the exercises of notebook 01: each is its right answer plus its typical mistakes."""

from ..data import three_points
from ..language import _
from .feedback import Mistake, check_callable, compare, graded

_X, _Y = three_points()


def _mse(w, b=0.0):
    return sum((w * x + b - y) ** 2 for x, y in zip(_X, _Y)) / len(_X)


def _best_w(b):
    """The w of the smallest MSE at this b (where d MSE / d w = 0)."""
    return sum(x * (y - b) for x, y in zip(_X, _Y)) / sum(x * x for x in _X)


@graded
def check_squared_error(fn):
    """Exercise 1: squared_error(x, y, w) = (w * x - y) ** 2."""
    return check_callable(
        fn,
        name="squared_error",
        cases=[
            ((1.0, 2.0, 1.0), 1.0),
            ((3.0, 6.0, 2.5), 2.25),
            ((2.0, 4.0, 2.0), 0.0),
            ((2.0, 1.0, -1.0), 9.0),
        ],
        mistakes=[
            Mistake(
                lambda x, y, w: abs(w * x - y),
                _("that is the absolute error |w·x − y|: square it instead."),
            ),
            Mistake(
                lambda x, y, w: w * x - y,
                _("that is the error w·x − y itself: square it (`** 2`)."),
            ),
            Mistake(
                lambda x, y, w: (w * x) ** 2 - y**2,
                _("square the difference, not each term: (w·x − y)², not (w·x)² − y²."),
            ),
        ],
        hint=_("predict with w * x, subtract y, then square the difference."),
    )


@graded
def check_mse_at_1_25(answer):
    """Exercise 2: the MSE of the 3-point data at w = 1.25 (no bias): 2.625."""
    errors = [1.25 * x - y for x, y in zip(_X, _Y)]  # -0.75, -1.5, -2.25
    return compare(
        answer,
        _mse(1.25),
        name="mse_at_1_25",
        mistakes=[
            Mistake(
                sum(e * e for e in errors),
                _("that is the sum of the squared errors: the MSE is their mean, so divide by 3."),
            ),
            Mistake(sum(e * e for e in errors) / 2, _("divide by the number of samples, 3.")),
            Mistake(
                sum(errors) ** 2 / 3,
                _("square each error first, then take the mean of the squares."),
            ),
            Mistake(
                sum(abs(e) for e in errors) / 3,
                _("that is the mean of the absolute errors: square each error instead."),
            ),
            Mistake(
                sum(errors) / 3,
                _("that is the mean of the errors: square each error before averaging."),
            ),
            Mistake(
                _mse(1.25) ** 0.5,
                _("that is the square root of the MSE (the RMSE): leave out the square root."),
            ),
        ],
        hint=_("the predictions are 1.25·x; square the three errors, add them and divide by 3."),
    )


@graded
def check_best_w_with_b1(answer):
    """Exercise 3: the w (to two decimals) of the smallest MSE when b = 1 (exactly 11/7)."""
    best = _best_w(1.0)
    return compare(
        answer,
        best,
        name="best_w_with_b1",
        rtol=0.0,
        atol=0.005,  # "to two decimals"
        mistakes=[
            Mistake(
                2.0,
                _(
                    "w = 2 is best when b = 0; with b = 1 every prediction is 1 higher, "
                    "so the best w is smaller."
                ),
            ),
            Mistake(
                _mse(best, 1.0),
                _("that looks like the smallest MSE itself: the answer is the w where it occurs."),
            ),
            Mistake(
                _best_w(-1.0),
                _("that is the best w for b = −1: the model is w·x + b with b = +1."),
            ),
            Mistake(
                lambda got: abs(got - best) < 0.05,
                _("close, but not to two decimals: search a finer grid of w (steps of 0.01)."),
            ),
        ],
        hint=(
            _(
                "compute mse_wb(w, 1.0) for w = 0.00, 0.01, ..., 4.00 (for example over "
                "np.arange(0.0, 4.001, 0.01)) and keep the w with the smallest MSE."
            )
        ),
    )
