"""The explorer of notebook 02, driven from Python (no browser): set values, read what was drawn."""

import math

import pytest

from helpers.widgets.gd_explorer import GradientDescentExplorer

X, Y = [1.0, 2.0, 3.0], [2.0, 4.0, 6.0]


def _batch_gd(lr, steps, w=1.0):
    """The same loop notebook 02 writes by hand (batch gradient of the MSE)."""
    path = [w]
    for _ in range(steps):
        w = w - lr * sum(2 * x * (x * w - y) for x, y in zip(X, Y)) / len(X)
        path.append(w)
    return path


def test_initial_drawing_path_on_the_curve_and_w_per_step():
    ex = GradientDescentExplorer(X, Y, lr=0.01, steps=3)
    want = _batch_gd(0.01, 3)
    assert ex.path == want
    assert list(ex.path_line.get_xdata()) == want
    assert list(ex.path_line.get_ydata()) == pytest.approx([ex.mse(w) for w in want])
    assert list(ex.end_point.get_xdata()) == [want[-1]]
    assert list(ex.steps_line.get_xdata()) == [0, 1, 2, 3]
    assert list(ex.steps_line.get_ydata()) == want
    assert ex.w_star == 2.0 and ex.curvature == pytest.approx(28 / 3)
    assert ex.message == f"lr = 0.01, 3 steps: w = {want[-1]:.4f}, MSE = {ex.mse(want[-1]):.3g}"
    assert ex.axes[0].get_title() == ex.message and ex.stopped_at is None


def test_the_curve_is_drawn_once_with_helpers_plots_and_set_moves_the_path():
    ex = GradientDescentExplorer(X, Y)
    curve = ex.axes[0].lines[0]  # plots.loss_vs_param, marked at w*
    ws, ys = list(curve.get_xdata()), list(curve.get_ydata())
    assert ys == pytest.approx([ex.mse(w) for w in ws]) and ws[0] == -1.0 and ws[-1] == 5.0
    assert "w = 2" in [t.get_text() for t in ex.axes[0].get_legend().get_texts()]
    ex.set(lr=0.05, steps=7)
    assert ex.axes[0].lines[0] is curve and list(curve.get_ydata()) == ys
    assert list(ex.path_line.get_xdata()) == _batch_gd(0.05, 7)
    ex.set(steps=2)  # lr stays
    assert ex.lr == 0.05 and len(ex.path_line.get_xdata()) == 3


def test_zigzag_and_too_large_learning_rates_are_named_in_the_title():
    ex = GradientDescentExplorer(X, Y, lr=0.2, steps=10)
    assert ex.message.endswith("zigzag (overshoots, but converges)")
    assert all((a - 2) * (b - 2) < 0 for a, b in zip(ex.path, ex.path[1:]))  # crosses w* each step
    ex.set(lr=0.25, steps=12)
    assert "diverging (|w - w*| grows x1.33 per step)" in ex.message
    assert ex.stopped_at is None and ex.axes[1].get_yscale() == "symlog"
    ex.set(lr=3 / 14, steps=4)  # 1 - lr * 28/3 = -1: bounces between 1 and 3
    assert ex.path == pytest.approx([1.0, 3.0, 1.0, 3.0, 1.0])
    assert "on the edge" in ex.message


def test_divergence_stops_at_the_first_non_finite_loss():
    ex = GradientDescentExplorer(X, Y, lr=1.0, steps=300)
    # by hand: the loss overflows to inf at step 167 (each step multiplies w - 2 by -8.33)
    assert ex.stopped_at == 167
    assert len(ex.path) == 167  # w0 and steps 1..166: only finite values are drawn
    assert all(math.isfinite(v) for v in [*ex.path_line.get_xdata(), *ex.path_line.get_ydata()])
    assert (
        ex.message
        == "lr = 1, diverged: the loss is no longer finite (inf) at step 167 of 300, stopped"
    )
    ex.set(lr=0.1, steps=20)  # back to a good rate: everything recovers
    assert ex.stopped_at is None and "diverged" not in ex.message
    assert ex.path[-1] == pytest.approx(2.0) and ex.axes[1].get_yscale() == "linear"


def test_widget_sliders_drive_the_image_and_follow_set():
    ex = GradientDescentExplorer(X, Y)
    box = ex.widget
    assert "linreg-gd-explorer" in box._dom_classes
    assert ex.controls["lr"].continuous_update and ex.controls["steps"].continuous_update
    first = ex.image.value
    ex.controls["steps"].value = 4  # what a user does with the keyboard or mouse
    assert ex.steps == 4 and len(ex.path) == 5 and ex.image.value != first
    ex.controls["lr"].value = 0.5
    assert ex.lr == pytest.approx(0.5) and "diverging" in ex.message
    ex.set(lr=0.02, steps=9)
    assert ex.controls["lr"].value == pytest.approx(0.02) and ex.controls["steps"].value == 9
    fresh = GradientDescentExplorer(X, Y, lr=0.02, steps=9)
    _ = fresh.widget
    assert ex.image.value == fresh.image.value  # the fast redraw draws what a full one draws


@pytest.mark.parametrize(
    "kwargs, exc, fragment",
    [
        ({"x": [1.0, 2.0], "y": [1.0]}, ValueError, "x and y"),
        ({"x": [0.0, 0.0], "y": [1.0, 2.0]}, ValueError, "x must not be all zeros"),
    ],
)
def test_bad_inputs(kwargs, exc, fragment):
    with pytest.raises(exc, match=fragment):
        GradientDescentExplorer(**kwargs)
