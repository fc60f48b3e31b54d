"""Explorer of notebook 06: learning rate, epochs and optimiser -> loss curve and fitted line,
against the closed-form (least-squares) solution.

The model is y_hat = w * x + b trained on the MSE with full-batch gradient descent, exactly as
``nn.Linear(1, 1)`` + ``nn.MSELoss()`` + ``torch.optim.SGD(lr=lr)`` (or with ``momentum=0.9``)
trains it, from the parameters of ``nn.Linear(1, 1)`` right after ``torch.manual_seed(seed)``.

Fast by design: the MSE of a line depends on the data only through a few means, so an epoch costs
a few float operations whatever the number of rows. Each (lr, optimiser) is trained once, up to
``max_epochs``, and kept; the epochs slider only slices that run. When the loss stops being finite
in float32 (the dtype of the notebook's model), training stops and the figure says so.

    explorer = TrainingExplorer(X, y, lr=0.01, epochs=100)
    explorer.widget                                    # in a notebook: controls + figure
    explorer.set(lr=0.02, optimizer="SGD + momentum")  # from Python (tests): then read the artists
"""

import math
from collections import namedtuple

import torch

from .. import plots
from .._validate import integer, paired_floats, seed_value
from ..fitting import least_squares
from ..language import _
from ._view import Explorer, Slider, nice

OPTIMIZERS = ("SGD", "SGD + momentum")
MOMENTUM = 0.9
LR_RANGE = (1e-4, 1e-1)  # the slider's ends (logarithmic)
FLOAT32_MAX = float(torch.finfo(torch.float32).max)  # a larger loss is inf in float32


# Parameters and MSE after each epoch 0..k; diverged_at: the first epoch whose loss is not finite
# (training stopped there), or None.
Run = namedtuple("Run", "ws bs losses diverged_at")


def _initial_parameters(seed):
    """(w, b) of ``nn.Linear(1, 1)`` created right after ``torch.manual_seed(seed)``."""
    gen = torch.Generator().manual_seed(seed)
    weight, bias = torch.empty(1, 1), torch.empty(1)
    torch.nn.init.kaiming_uniform_(weight, a=math.sqrt(5), generator=gen)  # what nn.Linear does
    torch.nn.init.uniform_(bias, -1.0, 1.0, generator=gen)  # bound 1 / sqrt(fan_in), fan_in = 1
    return float(weight), float(bias)


class TrainingExplorer(Explorer):
    """Train y_hat = w * x + b on the MSE with SGD or SGD + momentum; show loss curve and fit."""

    css_class = "linreg-training-explorer"

    def __init__(self, x, y, *, lr=0.01, epochs=100, optimizer="SGD", max_epochs=500, seed=1):
        self.x, self.y = paired_floats(x, y)
        if max(self.x) == min(self.x):
            raise ValueError("x must not be constant (the closed form needs two different x)")
        self.max_epochs = integer(max_epochs, name="max_epochs", maximum=100_000)
        self.fields = {
            "lr": Slider(*LR_RANGE, log=True),
            "epochs": Slider(0, self.max_epochs, integer=True),
            "optimizer": Slider(choices=OPTIMIZERS),
        }
        self.init = _initial_parameters(seed_value(seed))
        n = len(self.x)
        self._sx, self._sxx = sum(self.x) / n, sum(v * v for v in self.x) / n
        X = torch.tensor([[1.0, v] for v in self.x], dtype=torch.float64)
        b_star, w_star = least_squares(X, torch.tensor(self.y, dtype=torch.float64)).tolist()
        self.closed_form = (w_star, b_star)
        self.min_loss = sum((w_star * a + b_star - t) ** 2 for a, t in zip(self.x, self.y)) / n
        self._runs, self.runs_trained = {}, 0  # runs_trained: how often training actually ran
        self._draw_fixed_parts()
        self.set(lr=lr, epochs=epochs, optimizer=optimizer)

    def _loss(self, w, b):
        """MSE at (w, b), written around the optimum so that it stays accurate near the minimum."""
        dw, db = w - self.closed_form[0], b - self.closed_form[1]
        return max(self.min_loss + self._sxx * dw * dw + 2.0 * self._sx * dw * db + db * db, 0.0)

    def run(self, lr=None, optimizer=None):
        """Full-batch training for max_epochs epochs, as torch.optim.SGD does it (in float64),
        once per (lr, optimizer): the current ones by default."""
        key = (lr or self.lr, optimizer or self.optimizer)
        if key in self._runs:
            return self._runs[key]
        self.runs_trained += 1
        beta = MOMENTUM if key[1] == "SGD + momentum" else 0.0
        (w, b), (w_star, b_star) = self.init, self.closed_form
        ws, bs, losses, diverged_at = [w], [b], [self._loss(w, b)], None
        buf_w = buf_b = 0.0
        for epoch in range(1, self.max_epochs + 1):
            gw = 2.0 * (self._sxx * (w - w_star) + self._sx * (b - b_star))  # d MSE / d w
            gb = 2.0 * (self._sx * (w - w_star) + b - b_star)  # d MSE / d b
            # torch's momentum: buf = beta * buf + grad (buf = grad at the first step)
            buf_w, buf_b = beta * buf_w + gw, beta * buf_b + gb
            w, b = w - key[0] * buf_w, b - key[0] * buf_b
            loss = self._loss(w, b) if math.isfinite(w) and math.isfinite(b) else math.inf
            if not loss <= FLOAT32_MAX:  # inf or nan in float32
                diverged_at = epoch
                break
            ws.append(w)
            bs.append(b)
            losses.append(loss)
        self._runs[key] = Run(ws, bs, losses, diverged_at)
        return self._runs[key]

    def _draw_fixed_parts(self):
        self.ax_loss, self.ax_fit = self._figure(2, (10, 3.5))
        first = self._loss(*self.init)
        plots.loss_curve([first], ax=self.ax_loss, logy=True, label=_("training loss"))
        self.loss_line = self.ax_loss.lines[0]
        self.ax_loss.axhline(
            self.min_loss,
            color="grey",
            linestyle="--",
            label=_("closed-form minimum {loss}").format(loss=f"{self.min_loss:.4g}"),
        )
        # the same for every run
        self.ax_loss.set_ylim(0.8 * self.min_loss or 1e-6 * first, 2 * first)

        (w_star, b_star), self.xs = self.closed_form, [min(self.x), max(self.x)]
        plots.scatter_fit(
            self.x,
            self.y,
            lines={
                _("closed form: w = {w}, b = {b}").format(w=f"{w_star:.4f}", b=f"{b_star:.4f}"): (
                    b_star,
                    w_star,
                )
            },
            ax=self.ax_fit,
        )
        # wide and see-through, so the thin closed-form line stays visible under a converged model
        (self.fit_line,) = self.ax_fit.plot(
            self.xs, self.xs, color="C3", linewidth=5, alpha=0.45, label=_("model")
        )
        pad = 0.1 * (max(self.y) - min(self.y) or 1.0)
        # a wild line must not rescale the data away
        self.ax_fit.set_ylim(min(self.y) - pad, max(self.y) + pad)
        self.message_text = self.ax_fit.text(
            0.5,
            0.5,
            _("The loss is no longer finite (inf/nan):\nlower the learning rate."),
            transform=self.ax_fit.transAxes,
            ha="center",
            color="C3",
            bbox={"facecolor": "white", "edgecolor": "C3"},
        )
        self.legends = [
            self.ax_loss.legend(loc="upper right", fontsize=8, framealpha=1),
            self.ax_fit.legend(loc="upper left", fontsize=8, framealpha=1),
        ]
        self.moving = [self.loss_line, self.ax_loss.title, self.fit_line, self.ax_fit.title]
        self.moving.append(self.message_text)

    def update(self):
        """Read the run at the current epoch (``diverged``; ``params`` (w, b) and ``loss``, None
        once diverged; ``message``: what the figure says, one line), then move the artists."""
        r, head = self.run(), f"{self.optimizer}, lr = {self.lr:.3g}"
        epoch = self.epochs
        self.diverged = epoch >= (r.diverged_at or math.inf)  # the loss stopped being finite
        self.params = None if self.diverged else (r.ws[epoch], r.bs[epoch])
        self.loss = None if self.diverged else r.losses[epoch]
        shown = r.losses[: epoch + 1]
        self.loss_line.set_data(range(len(shown)), shown)
        self.ax_loss.set_xlim(0, nice(max(epoch, 1)))
        self.fit_line.set_visible(not self.diverged)
        self.message_text.set_visible(self.diverged)
        if self.diverged:
            self.message = _(
                "Diverged at epoch {epoch}: the loss is no longer finite (inf/nan). "
                "Lower the learning rate."
            ).format(epoch=r.diverged_at)
            title = _("{head}: diverged at epoch {epoch}").format(head=head, epoch=r.diverged_at)
            self.ax_loss.set_title(title)
            self.ax_fit.set_title(
                _("{head}, epoch {epoch}: no finite fit").format(head=head, epoch=epoch)
            )
        else:
            (w, b), (w_star, b_star) = self.params, self.closed_form
            self.message = _(
                "epoch {epoch}: w = {w}, b = {b}, MSE = {mse}; gap to the closed form: "
                "|Δw| = {dw}, |Δb| = {db}"
            ).format(
                epoch=epoch,
                w=f"{w:.4f}",
                b=f"{b:.4f}",
                mse=f"{self.loss:.4g}",
                dw=f"{abs(w - w_star):.2g}",
                db=f"{abs(b - b_star):.2g}",
            )
            self.fit_line.set_ydata([b + w * v for v in self.xs])
            title = _("{head}: MSE = {mse} after {epoch} epochs")
            self.ax_loss.set_title(title.format(head=head, mse=f"{self.loss:.4g}", epoch=epoch))
            title = _("epoch {epoch}: w = {w}, b = {b}")
            self.ax_fit.set_title(title.format(epoch=epoch, w=f"{w:.4f}", b=f"{b:.4f}"))
