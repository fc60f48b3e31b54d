"""Checks for the exercises of notebook 03 (the chain rule by hand, accumulating gradients, training with autograd)."""

from __future__ import annotations

import torch

from ..checks import Feedback, check_callable, compare, is_unfilled

_X, _Y = [1.0, 2.0, 3.0], [2.0, 4.0, 6.0]


def _as_list(value) -> list[float] | None:
    """The learner's answer as a list of floats, or None if it is not one (never raises)."""
    try:
        t = value.detach().cpu() if isinstance(value, torch.Tensor) else value
        return [float(v) for v in torch.as_tensor(t, dtype=torch.float64).reshape(-1).tolist()]
    except Exception:  # learner input of any type
        return None


def check_x_grad(answer) -> Feedback:
    """Exercise 1: x = [1., -2.], z = 3 * x**2 + 1, loss = z.sum(): x.grad = 6 x = [6., -12.]."""
    hint = "d loss/d z is 1 for each entry (a sum), d z/d x = 3·2·x: multiply them (chain rule) at x = [1, −2]."
    got = _as_list(answer)
    if got == [3.0, 12.0]:
        hint = "those are 3·x², the values of 3·x² in the forward pass; the gradient is its derivative, 6·x."
    elif got == [2.0, -4.0]:
        hint = "2·x is the derivative of x²; z = 3·x² + 1 multiplies it by 3."
    elif got == [4.0, 13.0]:
        hint = "those are the values of z (forward pass); x.grad holds d loss / d x."
    elif got == [6.0, 12.0]:
        hint = "check the sign of the second entry: 6·x at x = −2 is −12."
    return compare(answer, [6.0, -12.0], name="x_grad", hint=hint)


def check_accumulated_grad(answer) -> Feedback:
    """Exercise 2: backward three times on (x*w - y)**2 with x = 2, y = 4, w = 1, no zeroing: 3 * (-8) = -24."""
    one = 2 * 2.0 * (2.0 * 1.0 - 4.0)
    hint = "one backward gives 2·x·(x·w − y) = −8; .grad adds each new gradient to what is already there."
    got = _as_list(answer)
    if got == [one]:
        hint = "−8 is the gradient of one backward call; without zeroing, .grad keeps the sum of all three."
    elif got == [-one * 3]:
        hint = "the sign: 2·x·(x·w − y) = 2·2·(2 − 4) is negative, and the three calls add up."
    return compare(answer, 3 * one, name="accumulated_grad", hint=hint)


def _train(lr: float, num_epochs: int) -> float:
    """The hand-gradient loop of notebook 02 (what autograd training must reproduce)."""
    w = 1.0
    for _ in range(num_epochs):
        for x, y in zip(_X, _Y):
            w = w - lr * 2 * x * (x * w - y)
    return w


def _train_without_zeroing(lr: float, num_epochs: int) -> float:
    w, acc = 1.0, 0.0
    for _ in range(num_epochs):
        for x, y in zip(_X, _Y):
            acc += 2 * x * (x * w - y)
            w = w - lr * acc
    return w


def _one_number(fn):
    """Wrap ``fn`` so that a one-element tensor (w has shape (1,)) counts as a number."""

    def wrapped(*args):
        got = fn(*args)
        if isinstance(got, torch.Tensor) and got.numel() == 1:
            return got.detach().reshape(())
        return got

    return wrapped


def check_train(fn) -> Feedback:
    """Exercise 3: train(lr, num_epochs) -> w after per-sample training with autograd from w = 1.0."""
    hint = (
        "start from w = torch.tensor([1.0], requires_grad=True); for each epoch and each (x, y) in order: "
        "l = (x * w - y) ** 2, l.backward(), then inside `with torch.no_grad():` do w -= lr * w.grad, "
        "then w.grad.zero_(); return w (or w.item())."
    )
    if not is_unfilled(fn) and callable(fn):
        try:
            got = _as_list(fn(0.01, 2))
        except Exception:  # learner code: check_callable reports it below
            got = None
        if got is not None and len(got) == 1 and abs(got[0] - _train_without_zeroing(0.01, 2)) < 1e-5:
            hint = "the gradients accumulate: call w.grad.zero_() after each update, otherwise every step uses the sum of all earlier gradients."
        elif got == [1.0]:
            hint = "w did not move: update it in place (w -= lr * w.grad inside torch.no_grad()) rather than rebinding a copy."
    return check_callable(
        _one_number(fn) if callable(fn) else fn,
        name="train",
        cases=[((0.01, 10), _train(0.01, 10)), ((0.05, 2), _train(0.05, 2)), ((0.001, 1), _train(0.001, 1))],
        hint=hint,
        rtol=1e-5,
        atol=1e-6,
    )
