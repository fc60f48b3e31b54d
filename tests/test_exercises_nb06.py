"""Notebook 06's exercise checks: reference solutions pass, typical mistakes get the right hint."""

import torch
from torch import nn

from helpers.exercises import nb06 as ex
from solutions import nb06 as sol


def test_reference_solutions_are_accepted():
    fb = ex.check_two_feature_model(sol.TwoFeatureModel)
    assert fb.ok and "3 parameters" in fb.message
    fb = ex.check_train(sol.train)
    assert fb.ok and "5 float losses" in fb.message
    assert ex.check_l1_min_steps(sol.l1_min_steps).ok
    assert sol.l1_min_steps == 345


def test_unfilled_starters_say_not_yet_without_raising():
    class TwoFeatureModel(nn.Module):
        def __init__(self):
            super().__init__()
            ...  # your code here

        def forward(self, x):
            ...  # your code here

    def train(model, X, y, lr, num_epochs):
        ...  # your code here

    for fb in (
        ex.check_two_feature_model(TwoFeatureModel),
        ex.check_train(train),
        ex.check_l1_min_steps(...),
        ex.check_two_feature_model(...),
        ex.check_train(None),
    ):
        assert not fb.ok and "still empty" in str(fb)


def test_model_class_mistakes():
    class NoSuper(nn.Module):
        def __init__(self):
            self.linear = nn.Linear(2, 1)

        def forward(self, x):
            return self.linear(x)

    fb = ex.check_two_feature_model(NoSuper)
    assert not fb.ok and "super().__init__()" in fb.message

    class WrongSize(nn.Module):
        def __init__(self):
            super().__init__()
            self.linear = nn.Linear(1, 1)

        def forward(self, x):
            return self.linear(x)

    fb = ex.check_two_feature_model(WrongSize)
    assert not fb.ok and "expected nn.Linear(2, 1)" in fb.message

    class NoReturn(nn.Module):
        def __init__(self):
            super().__init__()
            self.linear = nn.Linear(2, 1)

        def forward(self, x):
            self.linear(x)

    fb = ex.check_two_feature_model(NoReturn)
    assert not fb.ok and "forward returns nothing" in fb.message

    class NoBias(nn.Module):
        def __init__(self):
            super().__init__()
            self.linear = nn.Linear(2, 1, bias=False)

        def forward(self, x):
            return self.linear(x)

    assert "no bias" in ex.check_two_feature_model(NoBias).message

    class ForwardUsesMissingLayer(nn.Module):
        def __init__(self):
            super().__init__()

        def forward(self, x):
            return self.layer(x)

    fb = ex.check_two_feature_model(ForwardUsesMissingLayer)
    assert not fb.ok and "AttributeError" in fb.message

    class Doubled(nn.Module):
        def __init__(self):
            super().__init__()
            self.linear = nn.Linear(2, 1)

        def forward(self, x):
            return 2 * self.linear(x)

    assert "does not return the layer's output" in ex.check_two_feature_model(Doubled).message
    fb = ex.check_two_feature_model(nn.Linear(2, 1))  # an instance, not a class
    assert not fb.ok and "subclasses nn.Module" in fb.message
    assert "subclasses nn.Module" in ex.check_two_feature_model("TwoFeatureModel").message


def _train_variant(*, zero_grad=True, item=True, step=True, lr_scale=1.0, n=None):
    def train(model, X, y, lr, num_epochs):
        optimizer = torch.optim.SGD(model.parameters(), lr=lr * lr_scale)
        losses = []
        for _ in range(num_epochs if n is None else n):
            loss = nn.MSELoss()(model(X), y)
            losses.append(loss.item() if item else loss)
            if zero_grad:
                optimizer.zero_grad()
            loss.backward()
            if step:
                optimizer.step()
        return losses

    return train


def test_train_mistakes_get_hints():
    fb = ex.check_train(_train_variant(item=False))
    assert not fb.ok and "loss.item()" in fb.hint and "tensors" in fb.message
    fb = ex.check_train(_train_variant(zero_grad=False))
    assert not fb.ok and "never calls optimizer.zero_grad()" in fb.message
    fb = ex.check_train(_train_variant(step=False))
    assert not fb.ok and "never changes" in fb.message
    fb = ex.check_train(_train_variant(n=4))
    assert not fb.ok and "4 losses for 5 epochs" in fb.message
    fb = ex.check_train(_train_variant(lr_scale=10.0))
    assert not fb.ok and "not the expected" in fb.message
    fb = ex.check_train(_train_variant(lr_scale=1e6))
    assert not fb.ok and "inf or nan" in fb.message
    fb = ex.check_train(lambda model, X, y, lr, n: 1 / 0)
    assert not fb.ok and "ZeroDivisionError" in fb.message
    fb = ex.check_train(lambda model, X, y, lr, n: torch.zeros(5))
    assert not fb.ok and "list of Python floats" in fb.message
    fb = ex.check_train(42)
    assert not fb.ok and "should be a function" in fb.message


def test_train_that_misses_the_last_step_is_caught():
    def train(model, X, y, lr, num_epochs):
        optimizer = torch.optim.SGD(model.parameters(), lr=lr)
        losses = []
        for epoch in range(num_epochs):
            loss = nn.MSELoss()(model(X), y)
            losses.append(loss.item())
            optimizer.zero_grad()
            loss.backward()
            if epoch < num_epochs - 1:
                optimizer.step()
        return losses

    fb = ex.check_train(train)
    assert not fb.ok and "optimizer.step()" in fb.message


def test_l1_steps_mistakes_get_hints():
    fb = ex.check_l1_min_steps(344)
    assert not fb.ok and "round up" in fb.hint
    fb = ex.check_l1_min_steps(3.4414)
    assert not fb.ok and "distance" in fb.message
    fb = ex.check_l1_min_steps(344.14)
    assert not fb.ok and "whole number" in fb.message
    fb = ex.check_l1_min_steps(173)
    assert not fb.ok and "2·lr" in fb.message
    fb = ex.check_l1_min_steps(100)
    assert not fb.ok and "at most lr" in fb.hint
    for weird in ("345", [345], float("nan"), True, object()):
        fb = ex.check_l1_min_steps(weird)
        assert isinstance(str(fb), str)
    assert not ex.check_l1_min_steps("345").ok
    assert ex.check_l1_min_steps(345.0).ok
