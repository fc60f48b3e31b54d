"""Checks for the exercises of notebook 03 (the chain rule by hand, accumulating gradients, training
with autograd)."""

from ..data import three_points
from ..language import _
from .feedback import Mistake, check_callable, compare, graded
from .nb02 import _epoch  # one epoch of notebook 02's per-sample loop

_X, _Y = three_points()


@graded
def check_x_grad(answer):
    """Exercise 1: x = [1., -2.], z = 3 * x**2 + 1, loss = z.sum(): x.grad = 6 x = [6., -12.]."""
    return compare(
        answer,
        [6.0, -12.0],
        name="x_grad",
        mistakes=[
            Mistake(
                [3.0, 12.0], _("those are the values of 3·x²; the gradient is its derivative, 6·x.")
            ),
            Mistake(
                [2.0, -4.0], _("2·x is the derivative of x²; z = 3·x² + 1 multiplies it by 3.")
            ),
            Mistake(
                [4.0, 13.0],
                _("those are the values of z (forward pass); x.grad holds d loss / d x."),
            ),
            Mistake([6.0, 12.0], _("check the sign of the second entry: 6·x at x = −2 is −12.")),
        ],
        hint=_(
            "d loss/d z is 1 for each entry (a sum), d z/d x = 3·2·x: multiply them (chain rule) "
            "at x = [1, −2]."
        ),
    )


@graded
def check_accumulated_grad(answer):
    """Exercise 2: backward three times on (2 w - 4)**2 at w = 1, never zeroed: 3 * (-8) = -24."""
    return compare(
        answer,
        -24.0,
        name="accumulated_grad",
        mistakes=[
            Mistake(
                -8.0,
                _(
                    "−8 is the gradient of one backward call; without zeroing, .grad keeps the sum "
                    "of all three."
                ),
            ),
            Mistake(-16.0, _("that is the sum of two calls; the exercise makes three.")),
            Mistake(
                24.0, _("the sign: 2·2·(2·w − 4) is negative at w = 1, and the three calls add up.")
            ),
        ],
        hint=_(
            "first work out one backward call, d/dw (2w − 4)² at w = 1; then remember that "
            ".grad adds each new gradient to what is already there."
        ),
    )


def _train(lr, num_epochs):
    """Notebook 02's hand-gradient loop: what training with autograd must reproduce."""
    w = 1.0
    for _epoch_number in range(num_epochs):
        w = _epoch(w, lr)
    return w


def _train_without_zeroing(lr, num_epochs):
    """The same loop when w.grad is never zeroed: every step uses the sum of all gradients
    so far."""
    w, grad = 1.0, 0.0
    for _epoch_number in range(num_epochs):
        for x, y in zip(_X, _Y):
            grad += 2 * x * (x * w - y)
            w = w - lr * grad
    return w


@graded
def check_train(fn):
    """Exercise 3: train(lr, num_epochs) -> w after per-sample training with autograd
    from w = 1.0."""
    return check_callable(
        fn,
        name="train",
        cases=[(args, _train(*args)) for args in ((0.01, 10), (0.05, 2), (0.001, 1))],
        mistakes=[
            Mistake(
                _train_without_zeroing,
                _(
                    "the gradients accumulate: call w.grad.zero_() after each update, otherwise "
                    "every step uses the sum of all earlier gradients."
                ),
            ),
            Mistake(
                lambda lr, num_epochs: 1.0,
                _(
                    "w did not move: update it in place (w -= lr * w.grad inside torch.no_grad()) "
                    "rather than making a new tensor."
                ),
            ),
        ],
        hint=_(
            "per (x, y): loss from your own w, backward, w -= lr * w.grad in torch.no_grad(), "
            "zero w.grad. A TypeError on NoneType: w.grad is None, "
            "the loss used another (global) w."
        ),
        atol=1e-6,
    )
