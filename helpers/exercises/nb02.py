"""Checks for the exercises of notebook 02: each is its right answer plus its typical mistakes."""

from ..data import three_points
from ..language import _
from .feedback import Mistake, check_callable, compare, graded

_X, _Y = three_points()


def _epoch(w, lr=0.01):
    """One epoch of per-sample gradient descent, the samples in order."""
    for x, y in zip(_X, _Y):
        w = w - lr * 2 * x * (x * w - y)
    return w


def _grad_b(w, b):
    return sum(2 * (w * x + b - y) for x, y in zip(_X, _Y)) / len(_X)


@graded
def check_mse_gradient_b(fn):
    """Exercise 1: d MSE/d b for H(x) = w x + b: the mean over the samples of 2 (w x + b - y)."""
    return check_callable(
        fn,
        name="mse_gradient_b",
        cases=[(wb, _grad_b(*wb)) for wb in ((2.0, 0.0), (1.0, 0.5), (1.0, 0.0), (2.5, -1.5))],
        mistakes=[
            Mistake(
                lambda w, b: 3 * _grad_b(w, b),
                _(
                    "you returned the sum of the three gradients: "
                    "the MSE is a mean, so divide by 3."
                ),
            ),
            Mistake(
                lambda w, b: _grad_b(w, b) / 2,
                _("the derivative of a square u² is 2·u: the factor 2 is missing."),
            ),
            Mistake(
                lambda w, b: -_grad_b(w, b),
                _(
                    "the sign is flipped: d/db (w·x + b − y)² = 2·(w·x + b − y), "
                    "negative while the predictions are too small."
                ),
            ),
            Mistake(
                lambda w, b: sum(2 * x * (w * x + b - y) for x, y in zip(_X, _Y)) / len(_X),
                _(
                    "that is the gradient with respect to w (it has the factor x); "
                    "the inner derivative with respect to b is 1."
                ),
            ),
        ],
        hint=(
            _(
                "the inner derivative of (w·x + b − y) with respect to b is 1: "
                "average 2·(w·x + b − y) over the three samples."
            )
        ),
    )


@graded
def check_w_after_one_epoch(answer):
    """Exercise 2: w after one epoch of per-sample descent from w = 3.0, lr = 0.01."""
    grads_at_start = [2 * x * (x * 3.0 - y) for x, y in zip(_X, _Y)]  # 2, 8, 18
    return compare(
        answer,
        _epoch(3.0),
        name="w_after_one_epoch",
        mistakes=[
            Mistake(
                3.0 - 0.01 * sum(grads_at_start),
                _(
                    "you used the gradients at w = 3.0 for all three samples: per-sample "
                    "descent updates w after each sample, and the next gradient uses the new w."
                ),
            ),
            Mistake(
                3.0 - 0.01 * sum(grads_at_start) / 3,
                _(
                    "that is one step of batch gradient descent (the mean gradient); "
                    "per-sample descent makes three updates in an epoch."
                ),
            ),
            Mistake(
                _epoch(1.0),
                _(
                    "that is the classic run from w = 1.0 (section 2); "
                    "this exercise starts from w = 3.0."
                ),
            ),
            Mistake(
                lambda got: got > 3.0,
                _(
                    "w should move towards 2: subtract lr · gradient "
                    "(the gradient is positive while w > 2)."
                ),
            ),
        ],
        hint=_("start from w = 3.0 and, for each (x, y) in order, do w = w − 0.01·2·x·(x·w − y)."),
    )


@graded
def check_lr_limit(answer):
    """Exercise 3: the learning rate above which batch descent diverges (3/14), to two decimals."""
    limit = 2 / (2 * sum(x * x for x in _X) / len(_X))  # 2 / curvature = 3/14
    return compare(
        answer,
        limit,
        name="lr_limit",
        rtol=0.0,
        atol=0.005,  # "to two decimals"
        mistakes=[
            Mistake(
                0.2,
                _(
                    "lr = 0.2 converges (section 4), but so do somewhat larger rates: "
                    "try values between 0.2 and 0.25."
                ),
            ),
            Mistake(0.25, _("lr = 0.25 diverges (section 4): the limit lies below it.")),
            Mistake(
                0.22,
                _(
                    "at lr = 0.22 the run diverges: after 500 steps |w − 2| is far "
                    "larger than at the start, so the limit lies below 0.22."
                ),
            ),
            Mistake(
                lambda got: abs(got - 3 / 28) < 0.005,
                _(
                    "above that rate the run zigzags around 2, but it still converges: "
                    "the limit is where the zigzag grows."
                ),
            ),
            Mistake(
                lambda got: got < 0.2,
                _("lr = 0.2 still converges (section 4), so the limit is above it."),
            ),
            Mistake(
                lambda got: got > 0.25,
                _("lr = 0.25 already diverges (section 4), so the limit is below it."),
            ),
        ],
        hint=(
            _(
                "for rates between 0.2 and 0.25, run run_batch_gd(lr, 500) and compare |w − 2| "
                "at the end with |w − 2| at the start: the limit is the largest rate "
                "(to two decimals) at which it shrank."
            )
        ),
    )
