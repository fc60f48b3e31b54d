"""Checks for the exercises of notebook 06."""

from __future__ import annotations

import math
import numbers

import torch
from torch import nn

from ..checks import Feedback, compare, is_unfilled, not_filled

# ------------------------------------------------------------------ exercise 1: a model class
_MODEL_HINT = (
    "subclass nn.Module, call super().__init__() first in __init__, keep an nn.Linear(2, 1) "
    "as an attribute (e.g. self.linear), and return self.linear(x) from forward."
)


def check_two_feature_model(cls) -> Feedback:
    """Exercise 1: ``TwoFeatureModel(nn.Module)`` holds ``nn.Linear(2, 1)``; forward returns its output."""
    name = "TwoFeatureModel"
    if is_unfilled(cls):
        return not_filled(name)
    if not (isinstance(cls, type) and issubclass(cls, nn.Module)):
        return Feedback(False, f"{name} should be a class that subclasses nn.Module, got {type(cls).__name__}.", _MODEL_HINT)
    try:
        model = cls()
    except Exception as exc:  # learner code: report, never raise
        extra = " (call super().__init__() before assigning layers)" if "__init__() call" in str(exc) else ""
        return Feedback(False, f"{name}() raised {type(exc).__name__}: {exc}{extra}", _MODEL_HINT)
    linears = [m for m in model.modules() if isinstance(m, nn.Linear)]
    if len(linears) > 1:
        return Feedback(False, f"{name} holds {len(linears)} nn.Linear layers, expected exactly one.", _MODEL_HINT)
    if linears:
        lin = linears[0]
        if (lin.in_features, lin.out_features) != (2, 1):
            return Feedback(False, f"the layer is nn.Linear({lin.in_features}, {lin.out_features}), expected nn.Linear(2, 1): 2 input features, 1 output.", _MODEL_HINT)
        if lin.bias is None:
            return Feedback(False, "the layer has no bias: leave bias=True (the default) so the model is w1 x1 + w2 x2 + b.", _MODEL_HINT)
    x = torch.randn(5, 2, generator=torch.Generator().manual_seed(0))
    try:
        with torch.no_grad():
            out = model(x)
    except NotImplementedError:
        return not_filled(name)
    except Exception as exc:  # learner code: report, never raise
        return Feedback(False, f"{name}()(x) for x of shape (5, 2) raised {type(exc).__name__}: {exc}", _MODEL_HINT)
    if not linears:
        if is_unfilled(out):
            return not_filled(name)
        return Feedback(False, f"{name} holds no nn.Linear layer.", _MODEL_HINT)
    lin = linears[0]
    if is_unfilled(out):
        return Feedback(False, "forward returns nothing: end it with `return self.linear(x)` (or your layer's name).", _MODEL_HINT)
    if not isinstance(out, torch.Tensor):
        return Feedback(False, f"forward should return a tensor, got {type(out).__name__}.", _MODEL_HINT)
    if tuple(out.shape) != (5, 1):
        return Feedback(False, f"for x of shape (5, 2) forward returned shape {tuple(out.shape)}, expected (5, 1).", _MODEL_HINT)
    with torch.no_grad():
        expected = lin(x)
    try:
        same = torch.allclose(out.to(expected.dtype), expected)
    except Exception:  # learner output of an odd kind: report, never raise
        same = False
    if not same:
        return Feedback(False, "forward does not return the layer's output for x.", _MODEL_HINT)
    n_params = sum(p.numel() for p in model.parameters())
    return Feedback(True, f"{name} is an nn.Module with one nn.Linear(2, 1) ({n_params} parameters) and forward returns its output.")


# ------------------------------------------------------------------ exercise 2: the training loop
_X3 = torch.tensor([[1.0], [2.0], [3.0]])
_Y3 = torch.tensor([[2.0], [4.0], [6.0]])
_LR, _EPOCHS = 0.01, 5
_TRAIN_HINT = (
    "in each epoch: (1) y_hat = model(X), (2) loss = nn.MSELoss()(y_hat, y), append loss.item(), "
    "(3) optimizer.zero_grad(), loss.backward(), (4) optimizer.step(); build the optimizer once, "
    "before the loop, with torch.optim.SGD(model.parameters(), lr=lr)."
)


def _fresh_model() -> nn.Linear:
    model = nn.Linear(1, 1)
    with torch.no_grad():
        model.weight.fill_(0.5)
        model.bias.fill_(-0.5)
    return model


def _reference_losses(*, zero_grad: bool = True) -> list[float]:
    model = _fresh_model()
    opt = torch.optim.SGD(model.parameters(), lr=_LR)
    losses = []
    for _ in range(_EPOCHS):
        loss = nn.functional.mse_loss(model(_X3), _Y3)
        losses.append(loss.item())
        if zero_grad:
            opt.zero_grad()
        loss.backward()
        opt.step()
    return losses


def check_train(fn) -> Feedback:
    """Exercise 2: ``train(model, X, y, lr, num_epochs)`` trains with MSELoss + SGD and returns the losses as floats."""
    name = "train"
    if is_unfilled(fn):
        return not_filled(name)
    if not callable(fn):
        return Feedback(False, f"{name} should be a function, got {type(fn).__name__}.", _TRAIN_HINT)
    model = _fresh_model()
    try:
        got = fn(model, _X3.clone(), _Y3.clone(), _LR, _EPOCHS)
    except NotImplementedError:
        return not_filled(name)
    except Exception as exc:  # learner code: report, never raise
        return Feedback(False, f"{name}(model, X, y, {_LR}, {_EPOCHS}) raised {type(exc).__name__}: {exc}", _TRAIN_HINT)
    if is_unfilled(got):
        return not_filled(name) if model.weight.item() == 0.5 else Feedback(False, f"{name} returned {got!r}: return the list of losses.", _TRAIN_HINT)
    if isinstance(got, torch.Tensor) or not isinstance(got, (list, tuple)):
        return Feedback(False, f"{name} should return a list of Python floats, got {type(got).__name__}.", _TRAIN_HINT)
    if any(isinstance(v, torch.Tensor) for v in got):
        return Feedback(
            False,
            "the list holds tensors, not Python floats.",
            "append loss.item(): a stored loss tensor keeps its autograd graph (grad_fn) alive. " + _TRAIN_HINT,
        )
    if len(got) != _EPOCHS:
        return Feedback(False, f"{name} returned {len(got)} losses for {_EPOCHS} epochs, expected one per epoch.", _TRAIN_HINT)
    if not all(isinstance(v, numbers.Real) and not isinstance(v, bool) for v in got):
        return Feedback(False, "the losses should be Python floats.", _TRAIN_HINT)
    if not all(math.isfinite(v) for v in got):
        return Feedback(False, "some losses are inf or nan.", "check the learning rate: use the lr argument. " + _TRAIN_HINT)
    want = _reference_losses()
    if compare(got, want, name="losses").ok:
        if compare([model.weight.item(), model.bias.item()], list(_reference_params()), name="params").ok:
            return Feedback(True, f"{name} trains the model in place and returns {_EPOCHS} float losses: " + ", ".join(f"{v:.4f}" for v in got) + ".")
        return Feedback(False, "the losses are right but the model's parameters end elsewhere: is the last optimizer.step() missing?", _TRAIN_HINT)
    if compare(got, _reference_losses(zero_grad=False), name="losses").ok:
        return Feedback(False, "the losses match a loop that never calls optimizer.zero_grad(): gradients accumulate from epoch to epoch.", "call optimizer.zero_grad() before loss.backward() in every epoch. " + _TRAIN_HINT)
    if got and abs(got[0] - want[0]) < 1e-4 * max(1.0, abs(want[0])) and all(abs(v - got[0]) < 1e-9 for v in got):
        return Feedback(False, "the loss never changes: the parameters are not updated.", "call optimizer.step() after loss.backward(), with an optimizer built on model.parameters(). " + _TRAIN_HINT)
    return Feedback(False, f"the losses {', '.join(f'{v:.4f}' for v in got)} are not the expected {', '.join(f'{v:.4f}' for v in want)}.", _TRAIN_HINT)


def _reference_params() -> tuple[float, float]:
    model = _fresh_model()
    opt = torch.optim.SGD(model.parameters(), lr=_LR)
    for _ in range(_EPOCHS):
        loss = nn.functional.mse_loss(model(_X3), _Y3)
        opt.zero_grad()
        loss.backward()
        opt.step()
    return model.weight.item(), model.bias.item()


# ------------------------------------------------------------------ exercise 3: how slowly b moves under L1
B_START, B_TARGET, L1_LR = -0.4414, 3.0, 0.01


def check_l1_min_steps(answer) -> Feedback:
    """Exercise 3: the fewest SGD steps for b to go from -0.4414 to 3 under L1 with lr = 0.01 (345)."""
    name = "l1_min_steps"
    distance = B_TARGET - B_START
    expected = math.ceil(distance / L1_LR - 1e-9)
    hint = "under L1 the gradient for b is mean(sign(residual)), at most 1 in size, so one step moves b by at most lr: divide the distance by lr and round up."
    if is_unfilled(answer):
        return not_filled(name)
    if isinstance(answer, numbers.Real) and not isinstance(answer, bool):
        value = float(answer)
        if math.isfinite(value):
            if abs(value - (expected - 1)) < 1e-9:
                return Feedback(False, f"{name} = {expected - 1} steps leave b at {B_START + (expected - 1) * L1_LR:.4f}, still short of 3.", "round up, not down: " + hint)
            if abs(value - distance) < 1e-6:
                return Feedback(False, f"{name} = {value:.4f} is the distance b must travel, not a number of steps.", hint)
            if abs(value - distance / L1_LR) < 1e-6:
                return Feedback(False, f"{name} = {value:.2f} is not a whole number of steps.", "round up: " + hint)
            if abs(value - math.ceil(distance / (2 * L1_LR))) < 1e-9:
                return Feedback(False, f"{name} = {value:g} would need steps of 2·lr.", "that is the MSE gradient 2·mean(residual) at residual 1; under L1 the gradient is mean(sign(residual)), at most 1. " + hint)
    return compare(answer, expected, name=name, hint=hint)
