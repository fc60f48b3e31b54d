"""Plot helpers under Agg: each takes ax=None, returns the Axes, touches no global style."""

import matplotlib.pyplot as plt
import pytest
import torch

from helpers import plots

pytestmark = pytest.mark.usefixtures("plot_guard")  # tests/conftest.py


def test_scatter_fit_draws_data_and_lines():
    ax = plots.scatter_fit([1, 2, 3], torch.tensor([2.0, 4.0, 6.0]), lines={"fit": (0.0, 2.0)}, title="t")
    assert len(ax.collections) == 1
    (line,) = ax.get_lines()
    assert list(line.get_xdata()) == [1.0, 3.0] and list(line.get_ydata()) == [2.0, 6.0]
    assert ax.get_title() == "t" and ax.get_legend() is not None


def test_scatter_fit_uses_given_axes_and_bad_input():
    fig, ax = plt.subplots()
    assert plots.scatter_fit([1], [1], ax=ax) is ax
    with pytest.raises(ValueError, match="x and y must have the same length, got 2 and 1"):
        plots.scatter_fit([1, 2], [1])
    with pytest.raises(ValueError, match="x must not be empty"):
        plots.scatter_fit([], [])
    with pytest.raises(TypeError, match="x must be a sequence"):
        plots.scatter_fit(3, [1])


def test_loss_curve():
    ax = plots.loss_curve([3.0, 2.0, 1.0], logy=True, label="sgd")
    (line,) = ax.get_lines()
    assert list(line.get_ydata()) == [3.0, 2.0, 1.0]
    assert ax.get_yscale() == "log" and ax.get_xlabel() == "epoch"
    with pytest.raises(ValueError, match="losses must not be empty"):
        plots.loss_curve([])


def test_loss_vs_param_and_path_on_curve():
    ws = [0.0, 1.0, 2.0, 3.0]
    ax = plots.loss_vs_param(ws, [(w - 2) ** 2 for w in ws], mark=2.0)
    assert ax.get_xlabel() == "w" and ax.get_title() == "Loss against w"
    assert len(ax.get_lines()) == 2  # curve + vertical marker
    assert plots.path_on_curve([1.0, 1.5], lambda w: (w - 2) ** 2, ax=ax) is ax
    assert list(ax.get_lines()[-1].get_ydata()) == [1.0, 0.25]
    with pytest.raises(ValueError, match="same length"):
        plots.loss_vs_param([1, 2], [1])
    with pytest.raises(ValueError, match="params must not be empty"):
        plots.path_on_curve([], lambda w: w)
    with pytest.raises(TypeError, match="loss_fn must be callable"):
        plots.path_on_curve([1.0], 3)


def test_loss_contour_with_path():
    f = lambda w, b: (w - 1) ** 2 + (b + 1) ** 2  # noqa: E731
    ax = plots.loss_contour([0, 1, 2], [-2, -1, 0], f, path=[(0.0, 0.0), (1.0, -1.0)])
    path_line = ax.get_lines()[0]
    assert list(path_line.get_xdata()) == [0.0, 1.0] and list(path_line.get_ydata()) == [0.0, -1.0]
    assert ax.get_xlabel() == "w" and ax.get_ylabel() == "b"
    ax2 = plots.loss_contour(torch.linspace(0, 2, 5), torch.linspace(-2, 0, 5), f, path=torch.tensor([[0.0, 0.0]]))
    assert len(ax2.get_lines()) == 2
    with pytest.raises(ValueError, match="at least 2 values"):
        plots.loss_contour([0], [0, 1], f)
    with pytest.raises(TypeError, match="loss_fn must be callable"):
        plots.loss_contour([0, 1], [0, 1], None)
    with pytest.raises(ValueError, match="path must be"):
        plots.loss_contour([0, 1], [0, 1], f, path=[(1.0, 2.0, 3.0)])
