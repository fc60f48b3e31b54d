"""Notebook 06's exercise checks: typical mistakes get their own hint (the reference solutions
and the unfilled starters: tests/test_exercises.py)."""

import numpy as np
import pytest
import torch
from torch import nn

from helpers.exercises import nb06 as ex
from solutions import nb06 as sol


def _model_class(make_layer, forward):
    class Model(nn.Module):
        def __init__(self):
            super().__init__()
            layer = make_layer()
            if layer is not None:
                self.linear = layer

        def forward(self, x):
            return forward(self, x)

    return Model


@pytest.mark.parametrize(
    "make_layer, forward, expected",
    [
        (lambda: nn.Linear(1, 1), lambda self, x: self.linear(x), "should be nn.Linear(2, 1)"),
        (lambda: nn.Linear(2, 1, bias=False), lambda self, x: self.linear(x), "no bias"),
        (lambda: nn.Linear(2, 1), lambda self, x: None, "forward returns nothing"),
        (lambda: nn.Linear(2, 1), lambda self, x: 2 * self.linear(x), "is not it yet"),
        (lambda: nn.Linear(2, 1), lambda self, x: x, "has shape (5, 2), expected (5, 1)"),
        (lambda: nn.Linear(2, 1), lambda self, x: self.linear, "should be a number or a tensor"),
        (
            lambda: nn.Sequential(nn.Linear(2, 2), nn.Linear(2, 1)),
            lambda self, x: self.linear(x),
            "more than one",
        ),
        (lambda: None, lambda self, x: self.layer(x), "AttributeError"),
        (lambda: None, lambda self, x: x.sum(1, keepdim=True), "holds no nn.Linear"),
    ],
)
def test_model_class_mistakes(make_layer, forward, expected):
    fb = ex.check_two_feature_model(_model_class(make_layer, forward))
    assert not fb.ok and expected in fb.message, fb


def test_model_class_without_super_init_is_explained():
    class NoSuper(nn.Module):
        def __init__(self):
            self.linear = nn.Linear(2, 1)

        def forward(self, x):
            return self.linear(x)

    fb = ex.check_two_feature_model(NoSuper)
    assert not fb.ok and "raised AttributeError" in fb.message and "super().__init__()" in fb.hint


def test_model_class_that_is_not_a_class():
    for wrong in (nn.Linear(2, 1), "TwoFeatureModel", 3):
        fb = ex.check_two_feature_model(wrong)
        assert not fb.ok and "subclasses nn.Module" in fb.message


# ------------------------------------------------------------------ exercise 2
def _train_variant(
    *, clear=True, item=True, step=True, lr_scale=1.0, n=None, after=False, convert=None
):
    def train(model, X, y, lr, num_epochs):
        optimizer = torch.optim.SGD(model.parameters(), lr=lr * lr_scale)
        losses = []
        for _ in range(num_epochs if n is None else n):
            loss = nn.MSELoss()(model(X), y)
            loss.backward()
            if step:
                optimizer.step()
            if clear:
                optimizer.zero_grad()
            recorded = nn.MSELoss()(model(X), y) if after else loss
            losses.append((convert or (lambda t: t.item()))(recorded) if item else recorded)
        return losses

    return train


@pytest.mark.parametrize(
    "convert",
    [
        lambda t: t.item(),
        lambda t: t.detach().numpy(),
        lambda t: np.float32(t.item()),
        lambda t: float(f"{t.item():.6g}"),
    ],
    ids=["float", "0-d numpy array", "numpy float32", "typed with 6 digits"],
)
def test_train_accepts_every_form_of_the_numbers(convert):
    assert ex.check_train(_train_variant(convert=convert)).ok


@pytest.mark.parametrize(
    "variant, in_message, in_hint",
    [
        ({"item": False}, "tensors", "loss.item()"),
        ({"clear": False}, "is not it yet", "never clears the gradients"),
        ({"after": True}, "is not it yet", "after its epoch's update"),
        ({"step": False}, "is not it yet", "not updated"),
        ({"n": 4}, "4 losses for 5 epochs", "optimizer"),
        ({"lr_scale": 10.0}, "is not it yet", "in each epoch"),
        ({"lr_scale": 1e6}, "NaN or inf", "in each epoch"),
    ],
)
def test_train_mistakes_get_their_hint(variant, in_message, in_hint):
    fb = ex.check_train(_train_variant(**variant))
    assert not fb.ok and in_message in fb.message and in_hint in fb.hint, fb


def test_train_that_misses_the_last_step_is_caught():
    def train(model, X, y, lr, num_epochs):
        optimizer = torch.optim.SGD(model.parameters(), lr=lr)
        losses = []
        for epoch in range(num_epochs):
            loss = nn.MSELoss()(model(X), y)
            losses.append(loss.item())
            loss.backward()
            if epoch < num_epochs - 1:
                optimizer.step()
            optimizer.zero_grad()
        return losses

    fb = ex.check_train(train)
    assert not fb.ok and "last step()" in fb.hint


def test_train_odd_results_never_raise():
    def trains_but_returns_nothing(model, X, y, lr, num_epochs):
        sol.train(model, X, y, lr, num_epochs)

    assert "returns nothing" in ex.check_train(trains_but_returns_nothing).message
    assert "ZeroDivisionError" in ex.check_train(lambda model, X, y, lr, n: 1 / 0).message
    assert (
        "list of Python floats" in ex.check_train(lambda model, X, y, lr, n: torch.zeros(5)).message
    )
    assert "should be a function" in ex.check_train(42).message
    assert "list of numbers" in ex.check_train(lambda model, X, y, lr, n: ["a"] * 5).message


# ------------------------------------------------------------------ exercise 3
def test_l1_min_steps_reference():
    assert sol.l1_min_steps == ex.L1_MIN_STEPS == 345
    assert ex.check_l1_min_steps(np.int64(345)).ok


@pytest.mark.parametrize(
    "answer, in_hint",
    [
        (344, "short of 3"),
        (3.4414, "distance b must travel"),
        (344.14, "whole number"),
        (173, "2·lr"),
        (172, "2·lr"),
        (100, "at most lr"),
        (345.5, "at most lr"),
    ],
)
def test_l1_min_steps_mistakes_get_their_hint(answer, in_hint):
    fb = ex.check_l1_min_steps(answer)
    assert not fb.ok and in_hint in fb.hint, fb
    assert fb.message.startswith(f"l1_min_steps = {answer:.4g}")


def test_the_unfilled_starter_class_says_not_yet():
    class TwoFeatureModel(nn.Module):
        def __init__(self):
            super().__init__()
            self.linear = ...  # your code here: one nn.Linear with 2 inputs and 1 output

        def forward(self, x): ...  # your code here

    def train(model, X, y, lr, num_epochs): ...  # your code here

    for fb in (
        ex.check_two_feature_model(TwoFeatureModel),
        ex.check_train(train),
    ):
        assert not fb.ok and "still empty" in fb.message, fb


def test_answers_at_the_asked_precision():
    """Exercise 3 asks for a whole number, exactly: 345 passes in any form, 344 and 346 fail."""
    assert ex.check_l1_min_steps(345).ok and ex.check_l1_min_steps(345.0).ok
    assert not ex.check_l1_min_steps(344).ok and not ex.check_l1_min_steps(346).ok
