"""The explorer of notebook 01, driven from Python (no browser): set values, read what was drawn."""

import pytest

from helpers.widgets.line_explorer import LineExplorer

X, Y = [1.0, 2.0, 3.0], [2.0, 4.0, 6.0]


def test_initial_drawing_line_residuals_and_points():
    ex = LineExplorer(X, Y, w=1.0, b=0.0)
    xs = list(ex.line.get_xdata())
    assert list(ex.line.get_ydata()) == pytest.approx([1.0 * v for v in xs])
    # residual segments go from each target to its prediction
    assert [list(seg.get_ydata()) for seg in ex.residuals] == [[2.0, 1.0], [4.0, 2.0], [6.0, 3.0]]
    assert ex.mse() == pytest.approx((1 + 4 + 9) / 3)
    assert list(ex.curve_point.get_xdata()) == [1.0]
    assert list(ex.curve_point.get_ydata()) == pytest.approx([14 / 3])
    assert list(ex.contour_point.get_xdata()) == [1.0] and list(ex.contour_point.get_ydata()) == [0.0]
    assert ex.axes[0].get_title() == "w = 1.00, b = 0.00, MSE = 4.667"


def test_set_moves_everything_and_the_curve_follows_b():
    ex = LineExplorer(X, Y)
    ex.set(w=2.0, b=0.0)
    assert ex.mse() == 0.0
    assert [list(seg.get_ydata()) for seg in ex.residuals] == [[2.0, 2.0], [4.0, 4.0], [6.0, 6.0]]
    assert ex.axes[0].get_title() == "w = 2.00, b = 0.00, MSE = 0.000"
    curve_at_b0 = list(ex.curve.get_ydata())
    ex.set(b=1.0)  # w stays 2
    assert ex.w == 2.0 and ex.b == 1.0
    assert ex.mse() == pytest.approx(1.0)
    assert list(ex.curve.get_ydata()) != curve_at_b0
    assert ex.axes[1].get_title() == "MSE against w (b = 1.00)"
    assert list(ex.contour_point.get_ydata()) == [1.0]


def test_values_are_clipped_to_the_slider_ranges():
    ex = LineExplorer(X, Y, w_range=(0.0, 3.0), b_range=(-1.0, 1.0))
    ex.set(w=10.0, b=-5.0)
    assert (ex.w, ex.b) == (3.0, -1.0)


def test_widget_sliders_drive_the_figure_and_follow_set():
    ex = LineExplorer(X, Y)
    box = ex.widget
    assert "linreg-line-explorer" in box._dom_classes
    assert ex.w_slider.continuous_update is False
    ex.w_slider.value = 2.5  # what a user does with the keyboard or mouse
    assert ex.w == 2.5
    assert ex.axes[0].get_title().startswith("w = 2.50, b = 0.00")
    ex.set(w=1.5, b=0.5)
    assert (ex.w_slider.value, ex.b_slider.value) == (1.5, 0.5)
    assert ex.widget is box  # built once


@pytest.mark.parametrize(
    "kwargs, exc, fragment",
    [
        (dict(x=[1.0, 2.0], y=[1.0]), ValueError, "x and y"),
        (dict(x=[], y=[]), ValueError, "x and y"),
        (dict(x=[1.0, float("nan")], y=[1.0, 2.0]), ValueError, "finite"),
        (dict(x=X, y=Y, w_range=(2.0, 1.0)), ValueError, "w_range"),
        (dict(x=X, y=Y, b_range=(0.0, 0.0)), ValueError, "b_range"),
        (dict(x=X, y=Y, grid=3), ValueError, "grid"),
        (dict(x=X, y=Y, w=float("inf")), ValueError, "w"),
        (dict(x=X, y=Y, b="1"), TypeError, "b"),
    ],
)
def test_bad_inputs(kwargs, exc, fragment):
    with pytest.raises(exc, match=fragment):
        LineExplorer(**kwargs)


def test_set_refuses_non_finite():
    ex = LineExplorer(X, Y)
    with pytest.raises(ValueError, match="w must be a finite number"):
        ex.set(w=float("nan"))
