"""The training explorer of notebook 06, driven from Python (no browser): set values, read what
was drawn."""

import math

import pytest
import torch
from torch import nn

from helpers.data import scaled_normal_data
from helpers.fitting import least_squares
from helpers.widgets.training_explorer import OPTIMIZERS, TrainingExplorer

X, Y = scaled_normal_data(100, seed=27)  # the data of notebook 06


def torch_run(lr, epochs, momentum=0.0, x=X, y=Y, seed=1):
    """The notebook's loop: nn.Linear(1, 1) after manual_seed(seed), MSELoss, SGD."""
    torch.manual_seed(seed)
    model = nn.Linear(1, 1)
    opt = torch.optim.SGD(model.parameters(), lr=lr, momentum=momentum)
    for _ in range(epochs):
        loss = nn.functional.mse_loss(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
    return model.weight.item(), model.bias.item()


def test_initial_parameters_are_those_of_nn_linear_after_manual_seed():
    for seed in (1, 7):
        torch.manual_seed(seed)
        lin = nn.Linear(1, 1)
        ex = TrainingExplorer(X, Y, seed=seed, max_epochs=5, epochs=0)
        assert ex.init == (lin.weight.item(), lin.bias.item())
        assert ex.params == ex.init


@pytest.mark.parametrize("optimizer, momentum", [("SGD", 0.0), ("SGD + momentum", 0.9)])
@pytest.mark.parametrize("lr", [0.01, 0.003])
def test_training_matches_torch_optim_sgd(optimizer, momentum, lr):
    ex = TrainingExplorer(X, Y, lr=lr, epochs=100, optimizer=optimizer, max_epochs=200)
    w, b = torch_run(lr, 100, momentum)
    assert ex.params == pytest.approx((w, b), rel=1e-5, abs=1e-5)


def test_closed_form_line_and_minimum():
    ex = TrainingExplorer(X, Y)
    b_star, w_star = least_squares(torch.hstack([torch.ones_like(X), X]), Y).squeeze(1).tolist()
    assert ex.closed_form == pytest.approx((w_star, b_star))
    closed_line = ex.ax_fit.lines[0]  # plots.scatter_fit, with the closed-form line
    assert list(closed_line.get_xdata()) == [X.min().item(), X.max().item()]
    assert list(closed_line.get_ydata()) == pytest.approx(
        [b_star + w_star * v for v in closed_line.get_xdata()]
    )
    assert closed_line.get_label() == f"closed form: w = {w_star:.4f}, b = {b_star:.4f}"
    assert ex.min_loss == pytest.approx(((X * w_star + b_star - Y) ** 2).mean().item(), rel=1e-6)
    assert list(ex.ax_loss.lines[1].get_ydata()) == [ex.min_loss, ex.min_loss]


def test_drawn_data_and_titles_follow_set():
    ex = TrainingExplorer(X, Y, lr=0.01, epochs=100)
    w, b = ex.params
    assert list(ex.fit_line.get_ydata()) == pytest.approx(
        [b + w * v for v in ex.fit_line.get_xdata()]
    )
    xs, ys = ex.loss_line.get_data()
    assert list(xs) == list(range(101)) and len(ys) == 101
    assert ys[0] == pytest.approx(((X * ex.init[0] + ex.init[1] - Y) ** 2).mean().item(), rel=1e-6)
    assert ex.ax_fit.get_title() == f"epoch 100: w = {w:.4f}, b = {b:.4f}"
    assert ex.ax_fit.get_title() == "epoch 100: w = 1.0525, b = 0.1272"
    assert ex.ax_loss.get_title() == "SGD, lr = 0.01: MSE = 8.825 after 100 epochs"
    assert ex.ax_loss.get_yscale() == "log"
    assert not ex.message_text.get_visible() and ex.fit_line.get_visible()

    ex.set(epochs=20, optimizer="SGD + momentum")
    xs, ys = ex.loss_line.get_data()
    assert list(xs) == list(range(21))
    assert ex.ax_loss.get_title().startswith("SGD + momentum, lr = 0.01: MSE = ")
    assert ex.ax_loss.get_xlim() == (0.0, 20.0)  # limits in 1-2-5 steps: redrawn rarely
    ex.set(epochs=21)
    assert ex.ax_loss.get_xlim() == (0.0, 50.0)
    assert ex.epochs == 21 and ex.lr == 0.01  # untouched values stay


def test_more_epochs_get_closer_to_the_closed_form():
    ex = TrainingExplorer(X, Y, lr=0.01, max_epochs=1000, epochs=100)
    gap_100 = abs(ex.params[1] - ex.closed_form[1])
    ex.set(epochs=1000)
    gap_1000 = abs(ex.params[1] - ex.closed_form[1])
    assert gap_1000 < 1e-6 < gap_100
    assert "gap to the closed form" in ex.message


def test_divergence_stops_training_and_shows_a_message_instead_of_nan():
    ex = TrainingExplorer(X, Y, lr=0.05, epochs=500)
    run = ex.run()
    assert run.diverged_at is not None and run.diverged_at < 500
    assert len(run.losses) == run.diverged_at  # training stopped there
    assert all(math.isfinite(v) for v in run.losses)
    assert ex.diverged and ex.params is None and ex.loss is None
    assert ex.message.startswith(
        f"Diverged at epoch {run.diverged_at}: the loss is no longer finite"
    )
    assert ex.message_text.get_visible() and "lower the learning rate" in ex.message_text.get_text()
    assert not ex.fit_line.get_visible()
    assert ex.ax_loss.get_title() == f"SGD, lr = 0.05: diverged at epoch {run.diverged_at}"
    assert "nan" not in ex.ax_fit.get_title() and "nan" not in ex.ax_loss.get_title()
    assert all(math.isfinite(v) for v in ex.loss_line.get_ydata())
    # before the divergence epoch the run is still shown normally
    ex.set(epochs=run.diverged_at - 1)
    assert not ex.diverged and ex.fit_line.get_visible() and not ex.message_text.get_visible()
    # and a smaller lr brings the line back
    ex.set(lr=0.005, epochs=500)
    assert not ex.diverged and ex.fit_line.get_visible()


def test_runs_are_trained_once_per_lr_and_optimizer():
    ex = TrainingExplorer(X, Y, lr=0.01, epochs=100, max_epochs=500)
    assert ex.runs_trained == 1
    for e in (0, 5, 250, 500):
        ex.set(epochs=e)
    assert ex.runs_trained == 1  # the epochs slider only slices the stored run
    ex.set(optimizer="SGD + momentum")
    ex.set(optimizer="SGD")
    assert ex.runs_trained == 2
    ex.set(lr=0.02)  # a new run: trained once, up to max_epochs
    ex.set(lr=0.01)
    assert ex.runs_trained == 3


def test_widget_controls_drive_the_image_and_follow_set():
    ex = TrainingExplorer(X, Y, lr=0.01, epochs=100)
    box = ex.widget
    assert "linreg-training-explorer" in box._dom_classes
    lr, epochs, optimizer = ex.controls.values()
    assert (
        type(lr).__name__ == "FloatLogSlider" and lr.continuous_update and epochs.continuous_update
    )
    assert list(optimizer.options) == list(OPTIMIZERS)
    first = ex.image.value
    epochs.value = 50  # what a user does
    assert (
        ex.epochs == 50
        and ex.ax_fit.get_title().startswith("epoch 50: ")
        and ex.image.value != first
    )
    optimizer.value = "SGD + momentum"
    assert ex.optimizer == "SGD + momentum"
    lr.value = 0.05
    assert ex.lr == 0.05 and ex.diverged
    ex.set(lr=0.002, epochs=10, optimizer="SGD")
    assert (lr.value, epochs.value, optimizer.value) == (0.002, 10, "SGD")
    fresh = TrainingExplorer(X, Y, lr=0.002, epochs=10)
    _ = fresh.widget
    assert ex.image.value == fresh.image.value  # the fast redraw draws what a full one draws
    assert ex.widget is box  # built once


def test_accepts_lists_and_flat_tensors():
    a = TrainingExplorer([1.0, 2.0, 3.0], [2.0, 4.0, 6.0], max_epochs=50, epochs=50)
    b = TrainingExplorer(
        torch.tensor([1.0, 2.0, 3.0]), torch.tensor([[2.0], [4.0], [6.0]]), max_epochs=50, epochs=50
    )
    # lstsq may differ in the last bit
    assert a.params == pytest.approx(b.params, rel=1e-12, abs=1e-12)
    assert a.closed_form == pytest.approx((2.0, 0.0), abs=1e-9)
    assert a.min_loss == pytest.approx(0.0, abs=1e-12)


@pytest.mark.parametrize(
    "kwargs, exc, fragment",
    [
        ({"x": [1.0, 2.0], "y": [1.0]}, ValueError, "x and y"),
        ({"x": [2.0, 2.0], "y": [1.0, 2.0]}, ValueError, "constant"),
        ({"x": X, "y": Y, "max_epochs": 0}, ValueError, "max_epochs"),
        ({"x": X, "y": Y, "seed": -1}, ValueError, "seed"),
        ({"x": X, "y": Y, "seed": 1.0}, TypeError, "seed"),
    ],
)
def test_bad_inputs(kwargs, exc, fragment):
    with pytest.raises(exc, match=fragment):
        TrainingExplorer(**kwargs)
