"""Checks for the exercises of notebook 04 (the gradient by hand, the closed form, zero_grad)."""

from functools import lru_cache

import torch

from ..data import CLASSIC_SEED, linear_data
from ..fitting import least_squares
from ..language import _
from .feedback import Mistake, check_callable, compare, graded

_START = (-5.0, 10.0)
_LR = 0.001


@lru_cache(maxsize=1)
def _data():
    d = linear_data(seed=CLASSIC_SEED)
    return d.X, d.y


def _autograd_grad(X, y, What):
    What = What.detach().clone().requires_grad_(True)
    torch.sum((y - X @ What) ** 2).backward()
    return What.grad


@graded
def check_sum_loss_grad(fn):
    """Exercise 1: sum_loss_grad(X, y, What) = -2 X^T (y - X What), by hand, no autograd."""
    X, y = _data()
    X3 = torch.tensor([[1.0, 1.0], [1.0, 2.0], [1.0, 3.0]])
    y3 = torch.tensor([1.0, 2.0, 3.0])
    args = [(X, y, torch.tensor(w)) for w in (_START, (0.0, 0.0), (2.5, 4.0))]
    args.append((X3, y3, torch.tensor([0.5, 0.5])))
    return check_callable(
        fn,
        name="sum_loss_grad",
        cases=[(a, _autograd_grad(*a)) for a in args],
        mistakes=[
            Mistake(
                lambda X, y, W: 2 * X.T @ (y - X @ W),
                _(
                    "the sign is flipped: d/dW of (y − X·W)² brings out −X, so the gradient is "
                    "−2·Xᵀ(y − X·W)."
                ),
            ),
            Mistake(
                lambda X, y, W: -X.T @ (y - X @ W),
                _("the factor 2 is missing: the derivative of r² is 2r."),
            ),
            Mistake(
                lambda X, y, W: -2 * X.T @ (y - X @ W) / len(y),
                _(
                    "that is the gradient of the mean; this loss is the sum of squares "
                    "(no division by n)."
                ),
            ),
        ],
        hint=_(
            "the gradient of Σ(y − X·W)² is −2·Xᵀ(y − X·W): keep the factor 2, the minus sign "
            "and the sum over samples."
        ),
        rtol=1e-4,
        atol=1e-3,
    )


@graded
def check_what_half(answer):
    """Exercise 2: the least-squares What of the first 50 samples (normal equations),
    to 4 digits."""
    X, y = _data()
    return compare(
        answer,
        least_squares(X[:50], y[:50]),
        name="what_half",
        mistakes=[
            Mistake(
                least_squares(X, y),
                _(
                    "that is the closed form of all 100 samples (section 3); use only the first "
                    "50, "
                    "X[:50] and y[:50]."
                ),
            ),
            Mistake(
                [2.5, 4.0],
                _(
                    "[2.5, 4] is the true W that made the data; the noise moves the best fit of a "
                    "sample away from it."
                ),
            ),
        ],
        hint=_(
            "solve the normal equations (XᵀX)·W = Xᵀy for X[:50] and y[:50], e.g. with "
            "torch.linalg.solve."
        ),
        rtol=0.0,
        atol=5e-4,  # 4 significant digits of values between 1 and 10
    )


@lru_cache(maxsize=1)
def _two_gradients():
    """The gradient g0 at the start and g1 after one update (the gradient was zeroed in between)."""
    X, y = _data()
    What = torch.tensor(_START)
    g0 = _autograd_grad(X, y, What)
    g1 = _autograd_grad(X, y, What - _LR * g0)
    return g0, g1


@graded
def check_grad_without_zero_grad(answer):
    """Exercise 3: What.grad after two epochs of the four steps with no zeroing (= g0 + g1)."""
    g0, g1 = _two_gradients()
    return compare(
        answer,
        g0 + g1,
        name="grad_without_zero_grad",
        mistakes=[
            Mistake(
                g1,
                _(
                    "that is the second gradient alone, what zeroing would have left. Without "
                    "zeroing, "
                    "backward adds it to the first."
                ),
            ),
            Mistake(
                2 * g0,
                _(
                    "the second gradient is taken at the updated What, not at the start, so it "
                    "differs from the first."
                ),
            ),
            Mistake(
                g0,
                _(
                    "that is the gradient of the first epoch; the second backward adds its own "
                    "gradient to it."
                ),
            ),
            Mistake(
                [0.0, 0.0],
                _(
                    "that is What.grad after zeroing: leave out What.grad.zero_(), as the exercise "
                    "says."
                ),
            ),
        ],
        hint=_(
            "backward adds the new gradient to What.grad: after two epochs it holds the sum of "
            "both epochs' gradients."
        ),
        rtol=0.0,
        atol=0.5,  # 4 significant digits of values between 1000 and 10000
    )
