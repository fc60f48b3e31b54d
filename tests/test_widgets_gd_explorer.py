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
    assert ex.title == f"lr = 0.01, 3 steps: w = {want[-1]:.4f}, MSE = {ex.mse(want[-1]):.3g}"
    assert ex.title == ex.message and ex.stopped_at is None


def test_curve_is_computed_once_and_set_only_moves_the_path():
    ex = GradientDescentExplorer(X, Y, w_range=(0.0, 4.0), grid=41)
    curve = ex.curve
    ys = list(curve.get_ydata())
    assert list(curve.get_xdata())[0] == 0.0 and list(curve.get_xdata())[-1] == pytest.approx(4.0)
    assert ys == pytest.approx([ex.mse(w) for w in ex.w_grid])
    ex.set(lr=0.05, steps=7)
    assert ex.curve is curve and list(curve.get_ydata()) == ys
    assert (ex.lr, ex.steps) == (0.05, 7)
    assert list(ex.path_line.get_xdata()) == _batch_gd(0.05, 7)
    ex.set(steps=2)  # lr stays
    assert ex.lr == 0.05 and len(ex.path_line.get_xdata()) == 3


def test_zigzag_and_too_large_learning_rates_are_named_in_the_title():
    ex = GradientDescentExplorer(X, Y, lr=0.2, steps=10)
    assert ex.title.endswith("zigzag (overshoots, but converges)")
    ws = ex.path
    assert all((a - 2) * (b - 2) < 0 for a, b in zip(ws, ws[1:]))  # crosses the minimum every step
    ex.set(lr=0.25, steps=12)
    assert "diverging (|w - w*| grows x1.33 per step)" in ex.title
    assert abs(ex.path[-1] - 2) > abs(ex.path[0] - 2) * 1.3**11
    assert ex.stopped_at is None
    ex.set(lr=3 / 14, steps=4)  # 1 - lr * 28/3 = -1: bounces between 1 and 3
    assert ex.path == pytest.approx([1.0, 3.0, 1.0, 3.0, 1.0])
    assert "on the edge" in ex.title


def test_divergence_stops_at_the_first_non_finite_loss():
    ex = GradientDescentExplorer(X, Y, lr=1.0, steps=300)
    # by hand: the loss overflows to inf at step 167 (each step multiplies w - 2 by -8.33)
    assert ex.stopped_at == 167
    assert len(ex.path) == 167  # w0 and steps 1..166: only finite values are drawn
    assert all(math.isfinite(w) for w in ex.path_line.get_xdata())
    assert all(math.isfinite(v) for v in ex.path_line.get_ydata())
    assert ex.title == "lr = 1, diverged: the loss is no longer finite (inf) at step 167 of 300, stopped"
    assert ex.axes[1].get_yscale() == "symlog"
    ex.set(lr=0.1, steps=20)  # back to a good rate: everything recovers
    assert ex.stopped_at is None and "diverged" not in ex.title
    assert ex.path[-1] == pytest.approx(2.0) and ex.axes[1].get_yscale() == "linear"


def test_widget_sliders_drive_the_figure_and_follow_set():
    ex = GradientDescentExplorer(X, Y)
    box = ex.widget
    assert "linreg-gd-explorer" in box._dom_classes
    assert ex.lr_slider.continuous_update is False and ex.steps_slider.continuous_update is False
    ex.steps_slider.value = 4  # what a user does with the keyboard or mouse
    assert ex.steps == 4 and len(ex.path) == 5
    ex.lr_slider.value = 0.5
    assert ex.lr == pytest.approx(0.5) and "diverging" in ex.title
    ex.set(lr=0.02, steps=9)
    assert ex.lr_slider.value == pytest.approx(0.02) and ex.steps_slider.value == 9
    assert ex.widget is box  # built once


@pytest.mark.parametrize(
    "kwargs, exc, fragment",
    [
        (dict(x=[1.0, 2.0], y=[1.0]), ValueError, "x and y"),
        (dict(x=[], y=[]), ValueError, "x and y"),
        (dict(x=[1.0, float("nan")], y=[1.0, 2.0]), ValueError, "finite"),
        (dict(x=[0.0, 0.0], y=[1.0, 2.0]), ValueError, "x must not be all zeros"),
        (dict(x=X, y=Y, lr=0.0), ValueError, r"lr must be in \[0.001, 1\]"),
        (dict(x=X, y=Y, lr=float("nan")), ValueError, "lr must be a finite number"),
        (dict(x=X, y=Y, lr="0.1"), TypeError, "lr"),
        (dict(x=X, y=Y, steps=0), ValueError, r"steps must be an int in \[1, 300\]"),
        (dict(x=X, y=Y, steps=2.5), TypeError, "steps must be an int"),
        (dict(x=X, y=Y, steps=True), TypeError, "steps"),
        (dict(x=X, y=Y, lr_range=(0.0, 1.0)), ValueError, "lr_range"),
        (dict(x=X, y=Y, lr_range=0.1), ValueError, "lr_range must be a pair"),
        (dict(x=X, y=Y, w_range=(2.0, 1.0)), ValueError, "w_range"),
        (dict(x=X, y=Y, max_steps=0), ValueError, "max_steps"),
        (dict(x=X, y=Y, grid=3), ValueError, "grid"),
        (dict(x=X, y=Y, w0=float("inf")), ValueError, "w0"),
    ],
)
def test_bad_inputs(kwargs, exc, fragment):
    with pytest.raises(exc, match=fragment):
        GradientDescentExplorer(**kwargs)


@pytest.mark.parametrize(
    "kwargs, exc, fragment",
    [
        (dict(lr=-0.1), ValueError, "lr must be in"),
        (dict(lr=2.0), ValueError, r"lr must be in \[0.001, 1\] \(lr_range\), got 2"),
        (dict(lr=float("inf")), ValueError, "lr must be a finite number"),
        (dict(steps=301), ValueError, "steps must be an int in"),
        (dict(steps="10"), TypeError, "steps must be an int, got '10' of type str"),
    ],
)
def test_set_refuses_bad_values_and_keeps_the_state(kwargs, exc, fragment):
    ex = GradientDescentExplorer(X, Y, lr=0.05, steps=5)
    before = (ex.lr, ex.steps, list(ex.path), ex.title)
    with pytest.raises(exc, match=fragment):
        ex.set(**kwargs)
    assert (ex.lr, ex.steps, ex.path, ex.title) == before
