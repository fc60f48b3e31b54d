"""Notebook 03's exercise checks: typical mistakes get their own hint (the reference solutions
and the unfilled starters: tests/test_exercises.py)."""

import pytest
import torch

from helpers.exercises import nb03 as ex
from solutions import nb03 as sol


def test_reference_answers_are_the_hand_values():
    assert sol.x_grad.tolist() == [6.0, -12.0]
    assert sol.accumulated_grad.shape == (1,) and sol.accumulated_grad.item() == -24.0


def test_train_passes_returning_a_float_or_the_tensor_w():
    assert ex.check_train(sol.train).ok

    def train_tensor(lr, num_epochs):
        w = torch.tensor([1.0], requires_grad=True)
        for _ in range(num_epochs):
            for x, y in zip(sol.x_data, sol.y_data):
                ((x * w - y) ** 2).backward()
                with torch.no_grad():
                    w -= lr * w.grad
                w.grad.zero_()
        return w  # shape (1,), requires_grad

    assert ex.check_train(train_tensor).ok


@pytest.mark.parametrize(
    "answer, fragment",
    [
        ([3.0, 12.0], "the gradient is its derivative, 6·x"),
        ([2.0, -4.0], "multiplies it by 3"),
        (torch.tensor([4.0, 13.0]), "values of z"),
        ([6.0, 12.0], "sign of the second entry"),
        ([1.0, 1.0], "chain rule"),
    ],
)
def test_x_grad_mistakes(answer, fragment):
    fb = ex.check_x_grad(answer)
    assert not fb.ok and fragment in fb.hint


@pytest.mark.parametrize(
    "answer, fragment",
    [
        (-8.0, "one backward call"),
        (torch.tensor([-16.0]), "two calls"),
        (24.0, "the sign"),
        (-12.0, "adds each"),
    ],
)
def test_accumulated_grad_mistakes(answer, fragment):
    fb = ex.check_accumulated_grad(answer)
    assert not fb.ok and fragment in fb.hint


def _loop(update):
    def train(lr, num_epochs):
        w = torch.tensor([1.0], requires_grad=True)
        for _ in range(num_epochs):
            for x, y in zip(sol.x_data, sol.y_data):
                ((x * w - y) ** 2).backward()
                update(w, lr)
        return w.item()

    return train


def _forgets_zeroing(w, lr):
    with torch.no_grad():
        w -= lr * w.grad


def _copies(w, lr):
    with torch.no_grad():
        _ = w - lr * w.grad  # a new tensor: w itself never changes
    w.grad.zero_()


@pytest.mark.parametrize(
    "update, fragment", [(_forgets_zeroing, "w.grad.zero_()"), (_copies, "w did not move")]
)
def test_train_mistakes(update, fragment):
    fb = ex.check_train(_loop(update))
    assert not fb.ok and fragment in fb.hint


def test_train_that_raises_or_is_not_callable():
    def train(lr, num_epochs):
        w = torch.tensor([1.0], requires_grad=True)
        w -= lr  # in-place on a leaf that requires grad, outside no_grad
        return w

    assert "RuntimeError" in ex.check_train(train).message
    assert "should be a function" in ex.check_train(1.99).message


def test_train_whose_loss_uses_another_w_is_told_why():
    other = torch.tensor([1.0], requires_grad=True)  # like the notebook's global w

    def train(lr, num_epochs):
        w = torch.tensor([1.0], requires_grad=True)
        for _ in range(num_epochs):
            for x, y in zip([1.0, 2.0, 3.0], [2.0, 4.0, 6.0]):
                ((x * other - y) ** 2).backward()
                with torch.no_grad():
                    w -= lr * w.grad
        return w

    fb = ex.check_train(train)
    assert not fb.ok and "TypeError" in fb.message and "another (global) w" in fb.hint
