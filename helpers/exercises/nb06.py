"""Checks for the exercises of notebook 06: each is its right answer plus its typical mistakes."""

import math

import torch
from torch import nn

from .._validate import as_numbers
from ..language import N_, _
from .feedback import Feedback, Mistake, call_safely, compare, graded, is_unfilled, not_filled

# ------------------------------------------------------------------ exercise 1: a model class
_MODEL_HINT = N_(
    "subclass nn.Module, call super().__init__() first in __init__, keep an nn.Linear(2, 1) "
    "as an attribute (e.g. self.linear), and return self.linear(x) from forward."
)
_NO_LAYER = N_("TwoFeatureModel holds no nn.Linear layer.")
# (a test on the model's nn.Linear layers, each as (in_features, out_features, has_bias), the fault)
_LAYER_MISTAKES = (
    (lambda layers: len(layers) > 1, N_("TwoFeatureModel holds more than one nn.Linear; use one.")),
    (
        lambda layers: layers[0][:2] != (2, 1),
        N_("the layer should be nn.Linear(2, 1): 2 inputs, 1 output."),
    ),
    (lambda layers: not layers[0][2], N_("the layer has no bias: leave bias=True (the default).")),
)


@graded
def check_two_feature_model(cls):
    """Exercise 1: ``TwoFeatureModel`` holds one ``nn.Linear(2, 1)``; forward returns its output."""
    name, model_hint = "TwoFeatureModel", _(_MODEL_HINT)
    if is_unfilled(cls):
        return not_filled(name)
    if not (isinstance(cls, type) and issubclass(cls, nn.Module)):
        message = _("{name} should be a class that subclasses nn.Module, got {kind}.")
        return Feedback(False, message.format(name=name, kind=type(cls).__name__), model_hint)
    model, problem = call_safely(cls, name=name, hint=model_hint)
    if problem is not None:
        return problem
    linears = [m for m in model.modules() if isinstance(m, nn.Linear)]
    layers = [(m.in_features, m.out_features, m.bias is not None) for m in linears]
    fault = layers and next((fault for test, fault in _LAYER_MISTAKES if test(layers)), None)
    if fault:
        return Feedback(False, _(fault), model_hint)
    x = torch.randn(5, 2, generator=torch.Generator().manual_seed(0))
    out, problem = call_safely(model, x, name=f"{name}()", hint=model_hint)
    if problem is not None:
        if problem == not_filled(f"{name}()"):  # forward returns nothing
            if not layers:  # the starter as handed out
                return not_filled(name)
            message = _("forward returns nothing: end it with `return self.linear(x)`.")
            return Feedback(False, message, model_hint)
        return problem
    if not layers:
        return Feedback(False, _(_NO_LAYER), model_hint)
    with torch.no_grad():
        expected = linears[0](x)
    hint = _("forward should return the layer's output for x, unchanged: {hint}")
    hint = hint.format(hint=model_hint)
    call = _("{name}()(x) for x of shape (5, 2)").format(name=name)
    result = compare(out, expected, name=call, hint=hint)
    if not result.ok:
        return result
    n = sum(p.numel() for p in model.parameters())
    message = _("{name} holds one nn.Linear(2, 1) ({n} parameters); forward returns its output.")
    return Feedback(True, message.format(name=name, n=n))


# ------------------------------------------------------------------ exercise 2: the training loop
_X3 = torch.tensor([[1.0], [2.0], [3.0]])
_Y3 = _X3.clone()  # the three points of the three-point notes: y = x
_LR, _EPOCHS = 0.01, 5
_TRAIN_HINT = N_(
    "in each epoch: 1. y_hat = model(X), 2. loss = nn.MSELoss()(y_hat, y) and append loss.item(), "
    "3. loss.backward(), 4. optimizer.step() then optimizer.zero_grad(); build the optimizer once, "
    "before the loop, with torch.optim.SGD(model.parameters(), lr=lr)."
)


def _fresh_model():
    model = nn.Linear(1, 1)
    with torch.no_grad():
        model.weight.fill_(0.5)
        model.bias.fill_(-0.5)
    return model


def _run(*, clear=True, record_after=False):
    """The check's own run (or a typical mistake of it): the losses and the final [w, b]."""
    model = _fresh_model()
    optimizer = torch.optim.SGD(model.parameters(), lr=_LR)
    losses = []
    for _epoch in range(_EPOCHS):
        loss = nn.functional.mse_loss(model(_X3), _Y3)  # 1. forward, 2. loss
        loss.backward()  # 3. backward
        optimizer.step()  # 4. update, then clear the gradients
        if clear:
            optimizer.zero_grad()
        after = nn.functional.mse_loss(model(_X3), _Y3)
        losses.append((after if record_after else loss).item())
    return losses, [model.weight.item(), model.bias.item()]


@graded
def check_train(fn):
    """Exercise 2: ``train(model, X, y, lr, num_epochs)`` trains in place, returns the losses."""
    name, train_hint = "train", _(_TRAIN_HINT)
    model = _fresh_model()
    got, problem = call_safely(
        fn, model, _X3.clone(), _Y3.clone(), _LR, _EPOCHS, name=name, hint=train_hint
    )
    if problem == not_filled(name) and model.weight.item() != 0.5:  # trained, returned nothing
        message = _("{name} returns nothing: end it with `return losses`.").format(name=name)
        return Feedback(False, message, train_hint)
    if problem is not None:
        return problem
    if not isinstance(got, (list, tuple)):
        message = _("{name} should return a list of Python floats, got {kind}.")
        return Feedback(False, message.format(name=name, kind=type(got).__name__), train_hint)
    if any(isinstance(v, torch.Tensor) for v in got):
        hint = _(
            "append loss.item(): a stored loss tensor keeps its autograd graph (grad_fn) alive."
        )
        return Feedback(False, _("the list holds tensors, not Python floats."), hint)
    if len(got) != _EPOCHS:
        message = _("{name} returned {count} losses for {epochs} epochs: one loss per epoch.")
        message = message.format(name=name, count=len(got), epochs=_EPOCHS)
        return Feedback(False, message, train_hint)
    values = [as_numbers(v) for v in got]
    if any(v is None or v.numel() != 1 for v in values):
        message = _("{name} should return a list of numbers, one per epoch.").format(name=name)
        return Feedback(False, message, train_hint)

    losses, params = _run()
    mistakes = (
        Mistake(
            _run(clear=False)[0],
            _(
                "these are the losses of a loop that never clears the gradients, so they add up "
                "from "
                "epoch to epoch: call optimizer.zero_grad() after optimizer.step() in every epoch."
            ),
        ),
        Mistake(
            _run(record_after=True)[0],
            _(
                "each loss is the one after its epoch's update: append the loss you call "
                "backward() "
                "on, computed before optimizer.step()."
            ),
        ),
        Mistake(
            lambda g: (g == g[0]).all(),
            _(
                "the loss never changes, so the parameters are not updated: call optimizer.step() "
                "after loss.backward(), with an optimizer built on model.parameters()."
            ),
        ),
    )
    answer = torch.stack([v.reshape(()) for v in values])
    result = compare(answer, losses, name="losses", mistakes=mistakes, hint=train_hint)
    if not result.ok:
        return result
    hint = _("the losses are right but the parameters end elsewhere: is the last step() missing?")
    end = compare(
        [model.weight.item(), model.bias.item()], params, name=_("the trained [w, b]"), hint=hint
    )
    if not end.ok:
        return end
    shown = ", ".join(f"{v:.4f}" for v in answer.tolist())
    message = _("{name} trains the model in place and returns {epochs} float losses: {shown}.")
    return Feedback(True, message.format(name=name, epochs=_EPOCHS, shown=shown))


# ------------------------------------------------------------------ exercise 3: b under L1
B_START, B_TARGET, L1_LR = -0.4414, 3.0, 0.01
L1_MIN_STEPS = math.ceil((B_TARGET - B_START) / L1_LR - 1e-9)  # 344.14 -> 345
_L1_HINT = N_(
    "under L1 the gradient for b is mean(sign(residual)), at most 1 in size, so one step moves b "
    "by at most lr: divide the distance b must travel by lr and round up."
)


@graded
def check_l1_min_steps(answer):
    """Exercise 3: the fewest SGD steps for b to go from -0.4414 to 3 under L1, lr = 0.01 (345)."""
    distance = B_TARGET - B_START
    short = B_START + (L1_MIN_STEPS - 1) * L1_LR
    mistakes = (
        Mistake(
            L1_MIN_STEPS - 1,
            _("{steps} steps leave b at {b} at best, short of 3: round up.").format(
                steps=L1_MIN_STEPS - 1, b=f"{short:.4f}"
            ),
        ),
        Mistake(
            distance,
            _("that is the distance b must travel, not a number of steps; {hint}").format(
                hint=_(_L1_HINT)
            ),
        ),
        Mistake(
            lambda g: L1_MIN_STEPS - 1 < g < L1_MIN_STEPS,
            _("a step is all or nothing: give a whole number, rounded up."),
        ),
        Mistake(
            lambda g: abs(g - distance / (2 * L1_LR)) <= 1,
            _(
                "that would need steps of 2·lr, the MSE's gradient 2·mean(residual) at residual 1; "
                "under L1 b's gradient is mean(sign(residual)), at most 1 in size."
            ),
        ),
    )
    return compare(
        answer,
        L1_MIN_STEPS,
        name="l1_min_steps",
        mistakes=mistakes,
        hint=_(_L1_HINT),
        rtol=0.0,
        atol=1e-6,
    )
