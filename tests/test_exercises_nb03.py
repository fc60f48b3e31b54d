"""Notebook 03's exercise checks: reference solutions pass, typical mistakes get the right hint."""

import pytest
import torch

from helpers.exercises import nb03 as ex
from solutions import nb03 as sol


def test_reference_solutions_are_accepted():
    assert ex.check_x_grad(sol.x_grad).ok
    assert ex.check_accumulated_grad(sol.accumulated_grad).ok
    assert ex.check_train(sol.train).ok


def test_reference_answers_agree_with_autograd():
    x = torch.tensor([1.0, -2.0], requires_grad=True)
    (3 * x**2 + 1).sum().backward()
    assert x.grad.tolist() == sol.x_grad
    assert ex.check_x_grad(x.grad).ok  # a tensor answer is fine too
    w = torch.tensor(1.0, requires_grad=True)
    for _ in range(3):
        ((2.0 * w - 4.0) ** 2).backward()
    assert w.grad.item() == sol.accumulated_grad == -24.0
    assert ex.check_accumulated_grad(w.grad).ok


def test_train_returning_a_tensor_is_accepted():
    def train(lr, num_epochs):
        w = torch.tensor([1.0], requires_grad=True)
        for _ in range(num_epochs):
            for x, y in zip(sol.x_data, sol.y_data):
                ((x * w - y) ** 2).backward()
                with torch.no_grad():
                    w -= lr * w.grad
                w.grad.zero_()
        return w

    assert ex.check_train(train).ok


def test_unfilled_starters_say_not_yet_without_raising():
    def train(lr, num_epochs):
        ...

    for fb in (ex.check_x_grad(...), ex.check_accumulated_grad(None), ex.check_train(train), ex.check_train(...)):
        assert not fb.ok and "still empty" in str(fb)


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
def test_wrong_x_grads_get_specific_hints(answer, fragment):
    fb = ex.check_x_grad(answer)
    assert not fb.ok and fragment in fb.hint


def test_x_grad_wrong_types_do_not_raise():
    assert "str" in ex.check_x_grad("6, -12").message
    assert "shape" in ex.check_x_grad([6.0]).message
    assert not ex.check_x_grad(object()).ok


@pytest.mark.parametrize(
    "answer, fragment",
    [
        (-8.0, "without zeroing"),
        (24.0, "the sign"),
        (-16.0, ".grad adds each new gradient"),
    ],
)
def test_wrong_accumulated_grads_get_specific_hints(answer, fragment):
    fb = ex.check_accumulated_grad(answer)
    assert not fb.ok and fragment in fb.hint


def test_train_without_zeroing_gets_the_accumulation_hint():
    def train(lr, num_epochs):
        w = torch.tensor([1.0], requires_grad=True)
        for _ in range(num_epochs):
            for x, y in zip(sol.x_data, sol.y_data):
                ((x * w - y) ** 2).backward()
                with torch.no_grad():
                    w -= lr * w.grad
        return w.item()

    fb = ex.check_train(train)
    assert not fb.ok and "w.grad.zero_()" in fb.hint and "accumulate" in fb.hint


def test_train_that_does_not_update_gets_a_hint():
    def train(lr, num_epochs):
        w = torch.tensor([1.0], requires_grad=True)
        for _ in range(num_epochs):
            for x, y in zip(sol.x_data, sol.y_data):
                ((x * w - y) ** 2).backward()
                with torch.no_grad():
                    w2 = w - lr * w.grad  # a copy: w itself never changes
                w.grad.zero_()
        return w.item()

    fb = ex.check_train(train)
    assert not fb.ok and "w did not move" in fb.hint


def test_train_that_raises_or_is_not_callable():
    def train(lr, num_epochs):
        w = torch.tensor([1.0], requires_grad=True)
        w -= lr  # in-place on a leaf that requires grad, outside no_grad
        return w

    fb = ex.check_train(train)
    assert not fb.ok and "RuntimeError" in fb.message
    assert "should be a function" in ex.check_train(1.99).message
