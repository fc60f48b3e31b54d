"""Explorer of notebook 01: sliders for w and b redraw the fitted line, the residuals,
and the current point on the MSE-vs-w curve and on the (w, b) loss contour.

The figure is a plain ``matplotlib.figure.Figure`` (not managed by pyplot, so it is
never shown twice); each change only moves existing artists and re-displays the
figure in an ``ipywidgets.Output``. The loss curve and contour are computed once.

    explorer = LineExplorer([1.0, 2.0, 3.0], [2.0, 4.0, 6.0])
    explorer.widget          # in a notebook: sliders + figure
    explorer.set(w=1.5, b=0.5)  # from Python (tests): then read explorer.line.get_ydata()
"""

from __future__ import annotations

from .._validate import finite_float, paired_floats
from ._view import ExplorerView


def _mse(xs, ys, w, b):
    return sum((w * x + b - y) ** 2 for x, y in zip(xs, ys)) / len(xs)


class LineExplorer(ExplorerView):
    """Interactive view of the model H(x) = w * x + b and its mean squared error."""

    def __init__(
        self,
        x,
        y,
        *,
        w: float = 1.0,
        b: float = 0.0,
        w_range: tuple[float, float] = (-1.0, 5.0),
        b_range: tuple[float, float] = (-4.0, 4.0),
        grid: int = 41,
    ):
        self.x, self.y = paired_floats(x, y)
        for name, (lo, hi) in (("w_range", w_range), ("b_range", b_range)):
            if not float(lo) < float(hi):
                raise ValueError(f"{name} must be (low, high) with low < high, got {(lo, hi)}")
        if isinstance(grid, bool) or not isinstance(grid, int) or grid < 5:
            raise ValueError(f"grid must be an int >= 5, got {grid!r}")
        self.w_range, self.b_range = (float(w_range[0]), float(w_range[1])), (float(b_range[0]), float(b_range[1]))
        self.w, self.b = self._clip(finite_float(w, name="w"), finite_float(b, name="b"))
        self._build_figure(grid)
        self._widget = None
        self._redraw()

    # ------------------------------------------------------------------ state
    def _clip(self, w, b):
        return min(max(w, self.w_range[0]), self.w_range[1]), min(max(b, self.b_range[0]), self.b_range[1])

    def mse(self, w: float | None = None, b: float | None = None) -> float:
        """Mean squared error of the data at (w, b) (the current values by default)."""
        return _mse(self.x, self.y, self.w if w is None else w, self.b if b is None else b)

    def set(self, *, w: float | None = None, b: float | None = None) -> None:
        """Set w and/or b (clipped to their ranges) and redraw; sliders follow."""
        w = self.w if w is None else finite_float(w, name="w")
        b = self.b if b is None else finite_float(b, name="b")
        self.w, self.b = self._clip(w, b)
        if self._widget is not None:
            self._syncing = True
            self.w_slider.value, self.b_slider.value = self.w, self.b
            self._syncing = False
        self._redraw()

    # ------------------------------------------------------------------ drawing
    def _build_figure(self, grid: int) -> None:
        from matplotlib.figure import Figure

        self.figure = Figure(figsize=(12, 3.6), layout="constrained")
        ax_fit, ax_curve, ax_contour = self.figure.subplots(1, 3)
        self.axes = (ax_fit, ax_curve, ax_contour)
        lo, hi = min(self.x), max(self.x)
        pad = 0.5 * (hi - lo or 1.0)
        self._xs = [lo - pad, hi + pad]
        ax_fit.scatter(self.x, self.y, color="black", zorder=3, label="data")
        (self.line,) = ax_fit.plot(self._xs, [0.0, 0.0], color="tab:blue", label="H(x) = w·x + b")
        self.residuals = [ax_fit.plot([x, x], [y, y], color="tab:red", linestyle=":")[0] for x, y in zip(self.x, self.y)]
        ax_fit.set_xlabel("x")
        ax_fit.set_ylabel("y")
        ax_fit.legend(loc="upper left")
        ys_all = self.y + [self.w_range[1] * v + self.b_range[1] for v in self._xs] + [self.w_range[0] * v + self.b_range[0] for v in self._xs]
        ax_fit.set_ylim(min(min(ys_all), 0.0) - 1, max(ys_all) + 1)

        step = (self.w_range[1] - self.w_range[0]) / (grid - 1)
        self._w_grid = [self.w_range[0] + i * step for i in range(grid)]
        (self.curve,) = ax_curve.plot(self._w_grid, [0.0] * grid, color="tab:blue")
        (self.curve_point,) = ax_curve.plot([0.0], [0.0], "o", color="tab:red", markersize=8)
        ax_curve.set_xlabel("w")
        ax_curve.set_ylabel("MSE")

        bstep = (self.b_range[1] - self.b_range[0]) / (grid - 1)
        b_grid = [self.b_range[0] + i * bstep for i in range(grid)]
        Z = [[_mse(self.x, self.y, w, b) for w in self._w_grid] for b in b_grid]
        levels = sorted({min(min(r) for r in Z) + (max(max(r) for r in Z) - min(min(r) for r in Z)) * (k / 20) ** 2 for k in range(1, 21)})
        ax_contour.contour(self._w_grid, b_grid, Z, levels=levels, cmap="viridis")
        (self.contour_point,) = ax_contour.plot([0.0], [0.0], "o", color="tab:red", markersize=8)
        ax_contour.set_xlabel("w")
        ax_contour.set_ylabel("b")
        ax_contour.set_title("MSE over (w, b)")

    def _redraw(self) -> None:
        w, b = self.w, self.b
        self.line.set_ydata([w * v + b for v in self._xs])
        for seg, x, y in zip(self.residuals, self.x, self.y):
            seg.set_ydata([y, w * x + b])
        loss = self.mse()
        self.curve.set_ydata([_mse(self.x, self.y, wi, b) for wi in self._w_grid])
        ax_curve = self.axes[1]
        ax_curve.relim()
        ax_curve.autoscale_view()
        ax_curve.set_title(f"MSE against w (b = {b:.2f})")
        self.curve_point.set_data([w], [loss])
        self.contour_point.set_data([w], [b])
        self.axes[0].set_title(f"w = {w:.2f}, b = {b:.2f}, MSE = {loss:.3f}")
        if self._widget is not None:
            self._show()

    # ------------------------------------------------------------------ widget
    @property
    def widget(self):
        """The ipywidgets view: a w slider, a b slider and the figure (built on first use)."""
        if self._widget is None:
            import ipywidgets as widgets

            common = dict(step=0.05, readout_format=".2f", continuous_update=False)
            self.w_slider = widgets.FloatSlider(value=self.w, min=self.w_range[0], max=self.w_range[1], description="w", **common)
            self.b_slider = widgets.FloatSlider(value=self.b, min=self.b_range[0], max=self.b_range[1], description="b", **common)
            self._assemble(
                [[self.w_slider, self.b_slider]],
                css_class="linreg-line-explorer",
                on_change=lambda: self.set(w=self.w_slider.value, b=self.b_slider.value),
            )
        return self._widget
