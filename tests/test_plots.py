"""Plot helpers under Agg: each takes ax=None, returns the Axes, touches no global style."""

import matplotlib.pyplot as plt
import pytest
import torch

from helpers import plots

pytestmark = pytest.mark.usefixtures("plot_guard")  # tests/conftest.py


def test_scatter_fit_draws_data_and_lines():
    ax = plots.scatter_fit(
        [1, 2, 3], torch.tensor([2.0, 4.0, 6.0]), lines={"fit": (0.0, 2.0)}, title="t"
    )
    assert len(ax.collections) == 1
    (line,) = ax.get_lines()
    assert list(line.get_xdata()) == [1.0, 3.0] and list(line.get_ydata()) == [2.0, 6.0]
    assert ax.get_title() == "t" and ax.get_legend() is not None


def test_scatter_fit_uses_given_axes_and_bad_input():
    fig, ax = plt.subplots()
    assert plots.scatter_fit([1], [1], ax=ax) is ax
    with pytest.raises(ValueError, match="x and y must be of equal length, got 2 and 1"):
        plots.scatter_fit([1, 2], [1])
    ax = plots.scatter_fit(torch.zeros(3, 1), torch.ones(3))  # a column (n, 1) is fine
    assert ax.collections[0].get_offsets().shape == (3, 2)


def test_loss_curve():
    ax = plots.loss_curve([3.0, 2.0, 1.0], logy=True, label="sgd")
    (line,) = ax.get_lines()
    assert list(line.get_ydata()) == [3.0, 2.0, 1.0]
    assert ax.get_yscale() == "log" and ax.get_xlabel() == "epoch"
    with pytest.raises(ValueError, match="losses must not be empty"):
        plots.loss_curve([])
    ax = plots.loss_curve(torch.tensor([1.0, float("inf")]))  # a diverging run still draws
    assert list(ax.get_lines()[0].get_ydata()) == [1.0, float("inf")]


def test_loss_vs_param_and_path_on_curve():
    ws = [0.0, 1.0, 2.0, 3.0]
    ax = plots.loss_vs_param(ws, [(w - 2) ** 2 for w in ws], mark=2.0)
    assert ax.get_xlabel() == "w" and ax.get_title() == "Loss against w"
    mse_ax = plots.loss_vs_param(ws, ws, ylabel="MSE")
    assert mse_ax.get_ylabel() == "MSE" and mse_ax.get_title() == "MSE against w"
    assert len(ax.get_lines()) == 2  # curve + vertical marker
    assert plots.path_on_curve([1.0, 1.5], lambda w: (w - 2) ** 2, ax=ax) is ax
    assert list(ax.get_lines()[-1].get_ydata()) == [1.0, 0.25]
    with pytest.raises(ValueError, match="params and losses must be of equal length"):
        plots.loss_vs_param([1, 2], [1])
    with pytest.raises(ValueError, match="params must not be empty"):
        plots.path_on_curve([], lambda w: w)


def test_loss_contour_with_path():
    f = lambda w, b: (w - 1) ** 2 + (b + 1) ** 2  # noqa: E731
    ax = plots.loss_contour([0, 1, 2], [-2, -1, 0], f, path=[(0.0, 0.0), (1.0, -1.0)])
    path_line = ax.get_lines()[0]
    assert list(path_line.get_xdata()) == [0.0, 1.0] and list(path_line.get_ydata()) == [0.0, -1.0]
    assert ax.get_xlabel() == "w" and ax.get_ylabel() == "b"
    ax2 = plots.loss_contour(
        torch.linspace(0, 2, 5), torch.linspace(-2, 0, 5), f, path=torch.tensor([[0.0, 0.0]])
    )
    assert len(ax2.get_lines()) == 2
    with pytest.raises(
        ValueError, match="w_values and b_values need 2 values or more, got 1 and 2"
    ):
        plots.loss_contour([0], [0, 1], f)
