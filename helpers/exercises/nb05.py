"""Checks for the exercises of notebook 05 (reduction and learning rate, shapes, multiple
regression)."""

from functools import lru_cache

import torch

from ..data import CLASSIC_SEED, multiple_data
from ..language import _
from .feedback import Mistake, check_callable, compare, graded

_N, _LR_MEAN = 40, 0.05  # exercise 1: trained with the mean over n = 40 samples at lr = 0.05


@graded
def check_lr_for_sum(answer):
    """Exercise 1: the lr for the sum loss that gives the same updates as lr = 0.05 with the mean
    (n = 40)."""
    return compare(
        answer,
        _LR_MEAN / _N,
        name="lr_for_sum",
        mistakes=[
            Mistake(
                _LR_MEAN * _N,
                _(
                    "that multiplies by n: the sum's gradient is n times larger than the mean's, "
                    "so "
                    "it needs a smaller step."
                ),
            ),
            Mistake(
                _LR_MEAN,
                _("with the same lr the sum loss takes steps 40 times larger than the mean."),
            ),
        ],
        hint=_(
            "the sum is n times the mean, so its gradient is n times larger: the same step needs "
            "lr_sum = lr_mean / n."
        ),
    )


def _mse_cases():
    """(yhat, y) pairs of every shape combination, with the right mean squared error of each."""
    g = torch.Generator().manual_seed(5)
    a, b = torch.randn(5, generator=g), torch.randn(5, generator=g)
    pairs = [(p, q) for p in (a.reshape(5, 1), a) for q in (b, b.reshape(5, 1))]
    return [((yhat, y), torch.mean((yhat.reshape(-1) - y.reshape(-1)) ** 2)) for yhat, y in pairs]


@graded
def check_mse(fn):
    """Exercise 2: mse(yhat, y) that is right for (n, 1) vs (n,) shapes too (no broadcasting)."""
    return check_callable(
        fn,
        name="mse",
        cases=_mse_cases(),
        mistakes=[
            Mistake(
                lambda yhat, y: torch.mean((y - yhat) ** 2),
                _(
                    "with yhat (n, 1) and y (n,), y − yhat broadcasts to (n, n) and averages every "
                    "pair: that is the pitfall of section 4. Make both 1-D first, e.g. with "
                    ".reshape(-1)."
                ),
            ),
            Mistake(
                lambda yhat, y: torch.sum((y.reshape(-1) - yhat.reshape(-1)) ** 2),
                _("that is the sum of the squared errors; the mean divides it by n."),
            ),
            Mistake(
                lambda yhat, y: torch.mean(torch.abs(y.reshape(-1) - yhat.reshape(-1))),
                _("that is the mean absolute error (L1); square the errors instead."),
            ),
        ],
        hint=_(
            "make both 1-D before subtracting (e.g. .reshape(-1)), then take the mean of the "
            "squared errors."
        ),
    )


@lru_cache(maxsize=1)
def _multiple():
    """y of section 7 and the predictions at the true weights [2.5, 4, -2], both (100,)."""
    d = multiple_data(seed=CLASSIC_SEED)
    return d.y, d.X @ torch.tensor([2.5, 4.0, -2.0])


@graded
def check_mse_true(answer):
    """Exercise 3: the MSE of the multiple-regression model at the true weights, to 4 significant
    digits: within half a unit of the 4th digit (0.271432 typed as 0.2714 passes)."""
    y, yhat = _multiple()
    return compare(
        answer,
        torch.mean((y - yhat) ** 2),
        name="mse_true",
        mistakes=[
            Mistake(
                torch.mean((y - yhat.reshape(-1, 1)) ** 2),
                _(
                    "that is the broadcast (100, 100) value: net(X) has shape (100, 1) but y has "
                    "(100,)."
                ),
            ),
            Mistake(
                torch.sum((y - yhat) ** 2),
                _("that is the sum of the squared errors; the MSE divides it by n = 100."),
            ),
            Mistake(
                0.25,
                _(
                    "0.25 = 0.5² is the noise variance the data were made with; this sample's MSE "
                    "differs a little."
                ),
            ),
        ],
        hint=_(
            "predict with nn.Linear(3, 1, bias=False) (or X @ W), then take the mean of the "
            "squared errors with matching shapes."
        ),
        rtol=1.8e-4,  # 0.271432 ± 4.9e-5: about half a unit in the 4th significant digit
    )
