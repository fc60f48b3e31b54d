"""Explorer of notebook 02: a learning-rate slider and a number-of-steps slider redraw the path of
batch gradient descent on the MSE-vs-w curve of the model H(x) = w * x, and w per step.

When the learning rate is too large the path zigzags away from the minimum; the title says so,
and when the loss overflows (inf, then nan) the run stops at the first step whose loss is not
finite, as notebook 02 does by hand.

    explorer = GradientDescentExplorer([1.0, 2.0, 3.0], [2.0, 4.0, 6.0])
    explorer.widget                  # in a notebook: sliders + figure
    explorer.set(lr=0.25, steps=20)  # from Python (tests): then read explorer.path_line.get_xdata()
"""

import math

from .. import plots
from .._validate import paired_floats
from ..language import _
from ._view import Explorer, Slider, nice

LR_RANGE = (0.001, 1.0)  # the slider's ends (logarithmic)
MAX_STEPS = 300
W0 = 1.0  # every run starts here


class GradientDescentExplorer(Explorer):
    """Batch gradient descent on MSE(w) = mean((w * x - y)**2), from w = W0.

    Each step is ``w = w - lr * dMSE/dw`` with ``dMSE/dw = mean(2 * x * (x * w - y))``. After a
    change, ``path`` holds w before the first step and after each step, ``losses`` the MSE at
    each of those w, ``stopped_at`` the step whose loss was not finite (or None) and ``message``
    the text of the title.
    """

    css_class = "linreg-gd-explorer"
    fields = {
        "lr": Slider(*LR_RANGE, log=True, step=0.01),
        "steps": Slider(1, MAX_STEPS, integer=True),
    }

    def __init__(self, x, y, *, lr=0.1, steps=10):
        self.x, self.y = paired_floats(x, y)
        sxx = sum(v * v for v in self.x)
        if sxx == 0:
            raise ValueError("x must not be all zeros (the loss would not depend on w)")
        self.w_star = sum(a * b for a, b in zip(self.x, self.y)) / sxx  # where the MSE is smallest
        self.curvature = 2 * sxx / len(self.x)  # a step multiplies w - w_star by 1 - lr * curvature
        self._draw_fixed_parts()
        self.set(lr=lr, steps=steps)

    def mse(self, w):
        """Mean squared error at weight ``w`` (``*``, not ``**``, which raises on overflow)."""
        return sum((x * w - y) * (x * w - y) for x, y in zip(self.x, self.y)) / len(self.x)

    def _run(self):
        w = W0
        self.path, self.losses, self.stopped_at = [w], [self.mse(w)], None
        for step in range(1, self.steps + 1):
            w = w - self.lr * sum(2 * x * (x * w - y) for x, y in zip(self.x, self.y)) / len(self.x)
            loss = self.mse(w)
            if not math.isfinite(loss):
                self.stopped_at, self.last_loss = step, loss
                return
            self.path.append(w)
            self.losses.append(loss)

    def _describe(self):
        text, factor = f"lr = {self.lr:.3g}, ", 1 - self.lr * self.curvature
        if self.stopped_at is not None:
            return text + _(
                "diverged: the loss is no longer finite ({loss}) at step {step} of {steps}, stopped"
            ).format(loss=self.last_loss, step=self.stopped_at, steps=self.steps)
        text += _("{count} steps: w = {w}, MSE = {mse}").format(
            count=len(self.path) - 1, w=f"{self.path[-1]:.4f}", mse=f"{self.losses[-1]:.3g}"
        )
        if math.isclose(abs(factor), 1.0, rel_tol=1e-9):
            return text + _(" - on the edge (w bounces between two values for ever)")
        if abs(factor) > 1:
            grows = _(" - diverging (|w - w*| grows x{factor} per step)")
            return text + grows.format(factor=f"{abs(factor):.3g}")
        return text + (_(" - zigzag (overshoots, but converges)") if factor < 0 else "")

    def _draw_fixed_parts(self):
        ax_curve, ax_steps = self.axes = self._figure(2, (10, 3.5), width_ratios=[3, 2])
        half = max(3.0, 2 * abs(W0 - self.w_star))
        ws = [self.w_star - half + half * i / 60 for i in range(121)]
        losses = [self.mse(w) for w in ws]
        plots.loss_vs_param(ws, losses, ax=ax_curve, mark=self.w_star, ylabel="MSE")
        ax_curve.set_ylim(0, 1.05 * max(losses))
        plots.path_on_curve([W0], self.mse, ax=ax_curve, label=_("gradient descent"))
        self.path_line = ax_curve.lines[-1]
        (self.end_point,) = ax_curve.plot([W0], [0.0], "*", color="crimson", markersize=14)
        (self.steps_line,) = ax_steps.plot([0], [W0], "o-", color="C1", markersize=3, linewidth=1)
        ax_steps.axhline(self.w_star, color="grey", linestyle="--")
        ax_steps.set(xlabel=_("step"), ylabel="w", title=_("w per step"))
        self.legends = [ax_curve.legend(loc="upper right", framealpha=1)]
        self.moving = [self.path_line, self.end_point, ax_curve.title, self.steps_line]

    def update(self):
        self._run()
        ax_curve, ax_steps = self.axes
        self.path_line.set_data(self.path, self.losses)
        self.end_point.set_data([self.path[-1]], [self.losses[-1]])
        self.steps_line.set_data(range(len(self.path)), self.path)
        self.message = self._describe()
        ax_curve.set_title(self.message, fontsize=9)
        # Axis limits that change rarely (each change redraws the fixed parts too).
        ax_steps.set_xlim(0, nice(self.steps))
        far, start = max(abs(w - self.w_star) for w in self.path), abs(W0 - self.w_star) or 1.0
        if far <= start:  # converging: w stays between W0 and its mirror image across w*
            ax_steps.set_yscale("linear")
            ax_steps.set_ylim(self.w_star - 1.1 * start, self.w_star + 1.1 * start)
        else:
            ax_steps.set_yscale("symlog")
            top = nice(max(abs(w) for w in self.path))
            ax_steps.set_ylim(-top, top)
