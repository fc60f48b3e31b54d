"""Explorer of notebook 02: a learning-rate slider and a number-of-steps slider redraw the
path of batch gradient descent on the MSE-vs-w curve of the model H(x) = w * x, and w per step.

The MSE curve is computed once; each change recomputes the path (a few plain-Python float
operations per step) and only moves existing artists. When the learning rate is too large the
path zigzags away from the minimum; the title says so, and when the loss overflows (inf, then
nan) the run stops at the first step whose loss is not finite, as notebook 02 does by hand.

    explorer = GradientDescentExplorer([1.0, 2.0, 3.0], [2.0, 4.0, 6.0])
    explorer.widget                  # in a notebook: sliders + figure
    explorer.set(lr=0.25, steps=20)  # from Python (tests): then read explorer.path_line.get_xdata()
"""

from __future__ import annotations

import math
import numbers

from .._validate import finite_float, paired_floats
from ._view import ExplorerView


def _mse(xs, ys, w):
    return sum((x * w - y) * (x * w - y) for x, y in zip(xs, ys)) / len(xs)


def _mse_gradient(xs, ys, w):
    return sum(2 * x * (x * w - y) for x, y in zip(xs, ys)) / len(xs)


class GradientDescentExplorer(ExplorerView):
    """Interactive view of batch gradient descent on MSE(w) = mean((w * x - y)**2).

    Each step is ``w = w - lr * dMSE/dw`` with ``dMSE/dw = mean(2 * x * (x * w - y))``,
    starting from ``w0``. After :meth:`set`, ``path`` holds w before the first step and
    after each step, ``losses`` the MSE at each of those w, ``stopped_at`` the step
    whose loss was not finite (or None) and ``message`` the text shown in the title.
    """

    def __init__(
        self,
        x,
        y,
        *,
        lr: float = 0.1,
        steps: int = 10,
        w0: float = 1.0,
        lr_range: tuple[float, float] = (0.001, 1.0),
        max_steps: int = 300,
        w_range: tuple[float, float] = (-1.0, 5.0),
        grid: int = 121,
    ):
        self.x, self.y = paired_floats(x, y)
        sxx = sum(v * v for v in self.x)
        if sxx == 0:
            raise ValueError("x must not be all zeros (the loss would not depend on w)")
        lo, hi = self._pair(lr_range, name="lr_range")
        if not 0 < lo < hi:
            raise ValueError(f"lr_range must be (low, high) with 0 < low < high, got {lr_range!r}")
        self.lr_range = (lo, hi)
        if isinstance(max_steps, bool) or not isinstance(max_steps, numbers.Integral) or max_steps < 1:
            raise ValueError(f"max_steps must be an int >= 1, got {max_steps!r}")
        self.max_steps = int(max_steps)
        wlo, whi = self._pair(w_range, name="w_range")
        if not wlo < whi:
            raise ValueError(f"w_range must be (low, high) with low < high, got {w_range!r}")
        self.w_range = (wlo, whi)
        if isinstance(grid, bool) or not isinstance(grid, numbers.Integral) or grid < 5:
            raise ValueError(f"grid must be an int >= 5, got {grid!r}")
        self.w0 = finite_float(w0, name="w0")
        #: The minimiser of the MSE (closed form for one weight): sum(x*y) / sum(x*x).
        self.w_star = sum(a * b for a, b in zip(self.x, self.y)) / sxx
        #: Curvature of the MSE: each batch step multiplies (w - w_star) by (1 - lr * curvature).
        self.curvature = 2 * sxx / len(self.x)
        self.lr = self._check_lr(lr)
        self.steps = self._check_steps(steps)
        self._build_figure(int(grid))
        self._widget = None
        self._redraw()

    # ------------------------------------------------------------------ validation
    @staticmethod
    def _pair(value, *, name: str) -> tuple[float, float]:
        try:
            lo, hi = value
        except (TypeError, ValueError):
            raise ValueError(f"{name} must be a pair (low, high), got {value!r}") from None
        return finite_float(lo, name=f"{name}[0]"), finite_float(hi, name=f"{name}[1]")

    def _check_lr(self, lr) -> float:
        lr = finite_float(lr, name="lr")
        lo, hi = self.lr_range
        if not lo <= lr <= hi:
            raise ValueError(f"lr must be in [{lo:g}, {hi:g}] (lr_range), got {lr:g}")
        return lr

    def _check_steps(self, steps) -> int:
        if isinstance(steps, bool) or not isinstance(steps, numbers.Integral):
            raise TypeError(f"steps must be an int, got {steps!r} of type {type(steps).__name__}")
        if not 1 <= steps <= self.max_steps:
            raise ValueError(f"steps must be an int in [1, {self.max_steps}] (max_steps), got {steps}")
        return int(steps)

    # ------------------------------------------------------------------ state
    def mse(self, w: float) -> float:
        """Mean squared error of the data at weight ``w``."""
        return _mse(self.x, self.y, w)

    def set(self, *, lr: float | None = None, steps: int | None = None) -> None:
        """Set the learning rate and/or the number of steps, recompute the path and redraw."""
        new_lr = self.lr if lr is None else self._check_lr(lr)
        new_steps = self.steps if steps is None else self._check_steps(steps)
        self.lr, self.steps = new_lr, new_steps
        if self._widget is not None:
            self._syncing = True
            self.lr_slider.value, self.steps_slider.value = self.lr, self.steps
            self._syncing = False
        self._redraw()

    def _run(self) -> None:
        """Batch gradient descent from w0; stop at the first step whose loss is not finite."""
        w = self.w0
        self.path, self.losses, self.stopped_at = [w], [self.mse(w)], None
        for step in range(1, self.steps + 1):
            w = w - self.lr * _mse_gradient(self.x, self.y, w)
            loss = self.mse(w)
            if not (math.isfinite(loss) and math.isfinite(w)):
                self.stopped_at = step
                self.last_loss = loss
                break
            self.path.append(w)
            self.losses.append(loss)

    def _describe(self) -> str:
        factor = 1 - self.lr * self.curvature
        head = f"lr = {self.lr:.3g}, "
        if self.stopped_at is not None:
            return (
                head + f"diverged: the loss is no longer finite ({self.last_loss}) at step "
                f"{self.stopped_at} of {self.steps}, stopped"
            )
        w, loss = self.path[-1], self.losses[-1]
        done = f"{len(self.path) - 1} steps: w = {w:.4f}, MSE = {loss:.3g}"
        if math.isclose(abs(factor), 1.0, rel_tol=1e-9):
            return head + done + " - on the edge (w bounces between two values for ever)"
        if abs(factor) > 1:
            return head + done + f" - diverging (|w - w*| grows x{abs(factor):.3g} per step)"
        if factor < 0:
            return head + done + " - zigzag (overshoots, but converges)"
        return head + done

    # ------------------------------------------------------------------ drawing
    def _build_figure(self, grid: int) -> None:
        from matplotlib.figure import Figure

        self.figure = Figure(figsize=(10, 3.5), layout="constrained")
        ax_curve, ax_steps = self.figure.subplots(1, 2, width_ratios=[3, 2])
        self.axes = (ax_curve, ax_steps)
        lo, hi = self.w_range
        step = (hi - lo) / (grid - 1)
        self.w_grid = [lo + i * step for i in range(grid)]
        self.curve_losses = [self.mse(w) for w in self.w_grid]  # computed once
        (self.curve,) = ax_curve.plot(self.w_grid, self.curve_losses, color="tab:blue", label="MSE(w)")
        (self.path_line,) = ax_curve.plot([], [], "o-", color="tab:red", markersize=4, linewidth=1, label="gradient descent")
        (self.end_point,) = ax_curve.plot([], [], "*", color="crimson", markersize=14)
        ax_curve.axvline(self.w_star, color="grey", linestyle="--", linewidth=1)
        ax_curve.set_xlim(lo, hi)
        ax_curve.set_ylim(0, 1.05 * max(self.curve_losses))
        ax_curve.set_xlabel("w")
        ax_curve.set_ylabel("MSE")
        ax_curve.legend(loc="upper right")
        (self.steps_line,) = ax_steps.plot([], [], "o-", color="tab:red", markersize=3, linewidth=1)
        ax_steps.axhline(self.w_star, color="grey", linestyle="--", linewidth=1)
        ax_steps.set_xlabel("step")
        ax_steps.set_ylabel("w")
        ax_steps.set_title("w per step")

    def _redraw(self) -> None:
        self._run()
        ax_curve, ax_steps = self.axes
        self.path_line.set_data(self.path, self.losses)
        self.end_point.set_data([self.path[-1]], [self.losses[-1]])
        self.steps_line.set_data(range(len(self.path)), self.path)
        big = max(abs(w) for w in self.path) > 100
        ax_steps.set_yscale("symlog" if big else "linear")
        ax_steps.relim()
        ax_steps.autoscale_view()
        self.message = self._describe()
        ax_curve.set_title(self.message, fontsize=9)
        if self._widget is not None:
            self._show()

    @property
    def title(self) -> str:
        """The text above the MSE curve (the same as ``message``)."""
        return self.axes[0].get_title()

    # ------------------------------------------------------------------ widget
    @property
    def widget(self):
        """The ipywidgets view: a (logarithmic) learning-rate slider, a steps slider and the figure."""
        if self._widget is None:
            import ipywidgets as widgets

            self.lr_slider = widgets.FloatLogSlider(
                value=self.lr,
                base=10,
                min=math.log10(self.lr_range[0]),
                max=math.log10(self.lr_range[1]),
                step=0.01,
                description="lr",
                readout_format=".3g",
                continuous_update=False,
            )
            self.steps_slider = widgets.IntSlider(
                value=self.steps, min=1, max=self.max_steps, description="steps", continuous_update=False
            )

            def on_change():
                lo, hi = self.lr_range
                lr = min(max(float(self.lr_slider.value), lo), hi)  # 10**x may round past the ends
                self.set(lr=lr, steps=int(self.steps_slider.value))

            self._assemble([[self.lr_slider, self.steps_slider]], css_class="linreg-gd-explorer", on_change=on_change)
        return self._widget
