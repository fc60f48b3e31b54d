"""Explorer of notebook 01: sliders for w and b move the line H(x) = w * x + b and its residuals,
the MSE-vs-w curve at this b with its point, and the point on the (w, b) loss contour.

    explorer = LineExplorer([1.0, 2.0, 3.0], [2.0, 4.0, 6.0])
    explorer.widget             # in a notebook: sliders + figure
    explorer.set(w=1.5, b=0.5)  # from Python (tests): then read explorer.line.get_ydata()
"""

import torch

from .. import plots
from .._validate import finite_float, paired_floats
from ..fitting import least_squares
from ..language import _
from ._view import Explorer, Slider

GRID = 41  # points per axis of the MSE curve and contour


class LineExplorer(Explorer):
    """Interactive view of the model H(x) = w * x + b and its mean squared error."""

    css_class = "linreg-line-explorer"

    def __init__(self, x, y, *, w=1.0, b=0.0, w_range=(-1.0, 5.0), b_range=(-4.0, 4.0)):
        self.x, self.y = paired_floats(x, y)
        for name, (lo, hi) in (("w_range", w_range), ("b_range", b_range)):
            if not finite_float(lo, name=name) < finite_float(hi, name=name):
                raise ValueError(f"{name} must be (low, high) with low < high, got {(lo, hi)}")
        self.w_range, self.b_range = w_range, b_range
        self.fields = {"w": Slider(*w_range), "b": Slider(*b_range)}
        self._draw_fixed_parts()
        self.set(w=w, b=b)

    def mse(self, w=None, b=None):
        """Mean squared error of the data at (w, b) (the current values by default)."""
        w, b = self.w if w is None else w, self.b if b is None else b
        return sum((w * x + b - y) ** 2 for x, y in zip(self.x, self.y)) / len(self.x)

    def _draw_fixed_parts(self):
        ax_fit, ax_curve, ax_contour = self.axes = self._figure(3, (12, 3.6))
        self.ws, bs = (
            [lo + (hi - lo) * i / (GRID - 1) for i in range(GRID)]
            for lo, hi in (self.w_range, self.b_range)
        )
        top = max(self.mse(w, b) for w in self.w_range for b in self.b_range)  # the MSE is convex

        plots.scatter_fit(self.x, self.y, ax=ax_fit)
        self.xs = [min(self.x) - 1, max(self.x) + 1]
        (self.line,) = ax_fit.plot(self.xs, self.xs, color="C1", label="H(x) = w·x + b")
        self.residuals = [ax_fit.plot([x, x], [y, y], "r:")[0] for x, y in zip(self.x, self.y)]
        lo, hi = min(self.y + [0.0]), max(self.y + [0.0])
        ax_fit.set_ylim(lo - (hi - lo) / 2 - 1, hi + (hi - lo) / 2 + 1)  # the data, not every line

        plots.loss_vs_param(self.ws, self.ws, ax=ax_curve, ylabel="MSE")
        self.curve = ax_curve.lines[0]
        (self.curve_point,) = ax_curve.plot(self.ws[:1], [0.0], "o", color="crimson")
        ax_curve.set_ylim(0, 1.05 * top)

        levels = [2.0**k for k in range(12) if 2.0**k < top]  # 1, 2, 4, 8, ...
        plots.loss_contour(
            self.ws, bs, self.mse, ax=ax_contour, levels=levels, title=_("MSE over (w, b)")
        )
        X = torch.tensor([[1.0, x] for x in self.x])
        b_best, w_best = least_squares(X, torch.tensor(self.y)).tolist()
        ax_contour.plot([w_best], [b_best], "*", color="black", markersize=12, label=_("minimum"))
        ax_contour.legend(loc="upper right")
        (self.contour_point,) = ax_contour.plot(self.ws[:1], bs[:1], "o", color="crimson")
        self.legends = [ax_fit.legend(loc="upper left", framealpha=1)]
        self.moving = [self.line, *self.residuals, ax_fit.title]
        self.moving += [self.curve, self.curve_point, ax_curve.title, self.contour_point]

    def update(self):
        w, b, loss = self.w, self.b, self.mse()
        self.line.set_ydata([w * x + b for x in self.xs])
        for segment, x, y in zip(self.residuals, self.x, self.y):
            segment.set_ydata([y, w * x + b])
        self.curve.set_ydata([self.mse(v, b) for v in self.ws])
        self.curve_point.set_data([w], [loss])
        self.contour_point.set_data([w], [b])
        self.axes[0].set_title(f"w = {w:.2f}, b = {b:.2f}, MSE = {loss:.3f}")
        self.axes[1].set_title(_("MSE against w (b = {b})").format(b=f"{b:.2f}"))
