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
    assert list(ex.contour_point.get_xdata()) == [1.0] and list(ex.contour_point.get_ydata()) == [
        0.0
    ]
    assert ex.axes[0].get_title() == "w = 1.00, b = 0.00, MSE = 4.667"


def test_set_moves_everything_and_the_curve_follows_b():
    ex = LineExplorer(X, Y)
    ex.set(w=2.0, b=0.0)
    assert ex.mse() == 0.0
    assert [list(seg.get_ydata()) for seg in ex.residuals] == [[2.0, 2.0], [4.0, 4.0], [6.0, 6.0]]
    assert ex.axes[0].get_title() == "w = 2.00, b = 0.00, MSE = 0.000"
    curve_at_b0 = list(ex.curve.get_ydata())
    assert curve_at_b0 == pytest.approx([ex.mse(w, 0.0) for w in ex.curve.get_xdata()])
    ex.set(b=1.0)  # w stays 2
    assert (ex.w, ex.b) == (2.0, 1.0) and ex.mse() == pytest.approx(1.0)
    assert list(ex.curve.get_ydata()) == pytest.approx(
        [ex.mse(w, 1.0) for w in ex.curve.get_xdata()]
    )
    assert ex.axes[1].get_title() == "MSE against w (b = 1.00)"
    assert list(ex.contour_point.get_ydata()) == [1.0]


def test_the_fixed_parts_come_from_helpers_plots():
    ex = LineExplorer(X, Y)
    ax_fit, ax_curve, ax_contour = ex.axes
    assert ax_fit.collections[0].get_label() == "data"  # plots.scatter_fit
    assert ax_curve.get_ylabel() == "MSE"  # plots.loss_vs_param
    assert ax_contour.get_title() == "MSE over (w, b)"  # plots.loss_contour
    (star,) = [line for line in ax_contour.lines if line.get_label() == "minimum"]
    assert star.get_xdata()[0] == pytest.approx(2.0) and star.get_ydata()[0] == pytest.approx(0.0)


def test_widget_sliders_drive_the_image_and_follow_set():
    ex = LineExplorer(X, Y)
    box = ex.widget
    assert "linreg-line-explorer" in box._dom_classes
    assert ex.controls["w"].continuous_update is True  # the figure follows a drag
    first = ex.image.value
    assert bytes(first).startswith(b"\x89PNG")
    ex.controls["w"].value = 2.5  # what a user does with the keyboard or mouse
    assert ex.w == 2.5 and ex.axes[0].get_title().startswith("w = 2.50, b = 0.00")
    assert ex.image.value != first
    ex.set(w=1.5, b=0.5)
    assert (ex.controls["w"].value, ex.controls["b"].value) == (1.5, 0.5)
    assert ex.widget is box  # built once


def test_the_fast_redraw_gives_the_image_of_a_fresh_explorer():
    moved = LineExplorer(X, Y)
    _ = moved.widget
    for w in (1.5, 3.0, 1.3):
        moved.set(w=w)
    moved.set(b=0.3)
    fresh = LineExplorer(X, Y, w=1.3, b=0.3)
    _ = fresh.widget
    assert moved.image.value == fresh.image.value


@pytest.mark.parametrize(
    "kwargs, exc, fragment",
    [
        ({"x": [1.0, 2.0], "y": [1.0]}, ValueError, "x and y"),
        ({"x": X, "y": Y, "w_range": (2.0, 1.0)}, ValueError, "w_range"),
        ({"x": X, "y": Y, "b_range": (0.0, float("inf"))}, ValueError, "b_range"),
    ],
)
def test_bad_inputs(kwargs, exc, fragment):
    with pytest.raises(exc, match=fragment):
        LineExplorer(**kwargs)
