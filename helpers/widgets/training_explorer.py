"""Explorer of notebook 06: learning rate, epochs and optimiser -> loss curve and fitted line,
against the closed-form (least-squares) solution.

The model is y_hat = w * x + b trained on the mean squared error with full-batch
gradient descent, exactly as ``nn.Linear(1, 1)`` + ``nn.MSELoss()`` +
``torch.optim.SGD(lr=lr)`` (or ``SGD(lr=lr, momentum=momentum)``) would train it.
The first parameters are those of ``nn.Linear(1, 1)`` right after
``torch.manual_seed(seed)``, drawn from an explicit generator.

Fast by design: the MSE of a line depends on the data only through five means
(x, x², y, xy, y²), so one epoch costs O(1) in plain float64 Python, whatever n.
A run is trained once per (lr, optimiser) up to ``max_epochs`` and cached; moving
the epochs slider only slices the stored run. When the loss stops being finite
(it would overflow float32, the dtype of the notebook's model), training stops
and the figure shows a message instead of nan.

    explorer = TrainingExplorer(X, y, lr=0.01, epochs=100)
    explorer.widget                                   # in a notebook: controls + figure
    explorer.set(lr=0.02, optimizer="SGD + momentum")  # from Python (tests): then read the artists
"""

from __future__ import annotations

import math
import numbers
from collections import OrderedDict
from typing import NamedTuple

import torch

from .._validate import seed_value
from ._view import ExplorerView

#: The optimisers the explorer offers (the dropdown's options).
OPTIMIZERS = ("SGD", "SGD + momentum")
#: Largest float32: a loss above it would be inf in the notebook's float32 model.
FLOAT32_MAX = float(torch.finfo(torch.float32).max)


class Run(NamedTuple):
    """One training run: parameters and MSE after each epoch 0..k (k <= max_epochs).

    ``diverged_at`` is the first epoch whose loss is not finite (training stopped
    there; the lists stop just before it), or None.
    """

    ws: list[float]
    bs: list[float]
    losses: list[float]
    diverged_at: int | None


def _floats(values, *, name: str) -> list[float]:
    if isinstance(values, torch.Tensor):
        if values.ndim == 2 and values.shape[1] == 1:
            values = values[:, 0]
        if values.ndim != 1:
            raise ValueError(f"{name} must have shape (n,) or (n, 1), got {tuple(values.shape)}")
        return [float(v) for v in values.detach().cpu().double().tolist()]
    if isinstance(values, (str, bytes)):
        raise TypeError(f"{name} must be a sequence of numbers or a tensor, got {type(values).__name__}")
    try:
        out = [float(v) for v in values]
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be a sequence of numbers or a tensor, got {type(values).__name__}") from None
    return out


def _initial_parameters(seed: int) -> tuple[float, float]:
    """(w, b) of ``nn.Linear(1, 1)`` created right after ``torch.manual_seed(seed)``."""
    gen = torch.Generator().manual_seed(seed)
    weight, bias = torch.empty(1, 1), torch.empty(1)
    torch.nn.init.kaiming_uniform_(weight, a=math.sqrt(5), generator=gen)  # what nn.Linear does
    torch.nn.init.uniform_(bias, -1.0, 1.0, generator=gen)  # bound 1 / sqrt(fan_in), fan_in = 1
    return float(weight), float(bias)


class TrainingExplorer(ExplorerView):
    """Train y_hat = w * x + b on the MSE with SGD or SGD + momentum; show loss curve and fit."""

    def __init__(
        self,
        x,
        y,
        *,
        lr: float = 0.01,
        epochs: int = 100,
        optimizer: str = "SGD",
        max_epochs: int = 500,
        momentum: float = 0.9,
        lr_range: tuple[float, float] = (1e-4, 1e-1),
        seed: int = 1,
        cache_size: int = 64,
    ):
        self.x, self.y = _floats(x, name="x"), _floats(y, name="y")
        n = len(self.x)
        if n != len(self.y) or n < 2:
            raise ValueError(f"x and y must have the same length >= 2, got {len(self.x)} and {len(self.y)}")
        if not all(math.isfinite(v) for v in self.x + self.y):
            raise ValueError("x and y must contain only finite values")
        if max(self.x) == min(self.x):
            raise ValueError("x must not be constant (the closed form needs at least two different x)")
        if isinstance(max_epochs, bool) or not isinstance(max_epochs, numbers.Integral) or not 1 <= max_epochs <= 100_000:
            raise ValueError(f"max_epochs must be an int in [1, 100000], got {max_epochs!r}")
        self.max_epochs = int(max_epochs)
        if isinstance(momentum, bool) or not isinstance(momentum, numbers.Real) or not 0.0 < float(momentum) < 1.0:
            raise ValueError(f"momentum must be a number in (0, 1), got {momentum!r}")
        self.momentum = float(momentum)
        try:
            lo, hi = (float(v) for v in lr_range)
        except (TypeError, ValueError):
            raise TypeError(f"lr_range must be a pair (low, high) of numbers, got {lr_range!r}") from None
        if not (0.0 < lo < hi and math.isfinite(hi)):
            raise ValueError(f"lr_range must be (low, high) with 0 < low < high, got {lr_range!r}")
        self.lr_range = (lo, hi)
        if isinstance(cache_size, bool) or not isinstance(cache_size, numbers.Integral) or cache_size < 1:
            raise ValueError(f"cache_size must be an int >= 1, got {cache_size!r}")
        self.cache_size = int(cache_size)
        self.seed = seed_value(seed)
        self.init = _initial_parameters(self.seed)

        # The five means the MSE depends on, and the closed-form solution (float64).
        self._sx = sum(self.x) / n
        self._sxx = sum(v * v for v in self.x) / n
        X = torch.tensor([[1.0, v] for v in self.x], dtype=torch.float64)
        from ..checks import least_squares

        b_star, w_star = least_squares(X, torch.tensor(self.y, dtype=torch.float64)).tolist()
        self.closed_form = (w_star, b_star)
        self.min_loss = sum((w_star * a + b_star - t) ** 2 for a, t in zip(self.x, self.y)) / n

        self._runs: OrderedDict[tuple[float, str], Run] = OrderedDict()
        self.runs_trained = 0  # how many times training actually ran (cache misses)
        self.lr = self._check_lr(lr)
        self.optimizer = self._check_optimizer(optimizer)
        self.epochs = self._check_epochs(epochs)
        self._widget = None
        self._syncing = False
        self._build_figure()
        self._redraw()

    # ------------------------------------------------------------------ validation
    def _check_lr(self, lr) -> float:
        if isinstance(lr, bool) or not isinstance(lr, numbers.Real):
            raise TypeError(f"lr must be a number, got {lr!r} of type {type(lr).__name__}")
        lr = float(lr)
        lo, hi = self.lr_range
        if not (math.isfinite(lr) and lo * (1 - 1e-9) <= lr <= hi * (1 + 1e-9)):
            raise ValueError(f"lr must be a finite number in lr_range [{lo:g}, {hi:g}], got {lr}")
        return lr

    def _check_epochs(self, epochs) -> int:
        if isinstance(epochs, bool) or not isinstance(epochs, numbers.Integral):
            raise TypeError(f"epochs must be an int, got {epochs!r} of type {type(epochs).__name__}")
        if not 0 <= epochs <= self.max_epochs:
            raise ValueError(f"epochs must be in [0, max_epochs={self.max_epochs}], got {epochs}")
        return int(epochs)

    def _check_optimizer(self, optimizer) -> str:
        if optimizer not in OPTIMIZERS:
            raise ValueError(f"optimizer must be one of {OPTIMIZERS}, got {optimizer!r}")
        return optimizer

    # ------------------------------------------------------------------ training
    def _loss(self, w: float, b: float) -> float:
        """MSE at (w, b), written around the optimum so that it stays accurate near the minimum."""
        dw, db = w - self.closed_form[0], b - self.closed_form[1]
        return max(self.min_loss + self._sxx * dw * dw + 2.0 * self._sx * dw * db + db * db, 0.0)

    def _train(self, lr: float, optimizer: str) -> Run:
        """Full-batch training for max_epochs epochs, as torch.optim.SGD does it (float64)."""
        self.runs_trained += 1
        beta = self.momentum if optimizer == "SGD + momentum" else 0.0
        w_star, b_star = self.closed_form
        w, b = self.init
        ws, bs, losses = [w], [b], [self._loss(w, b)]
        buf_w = buf_b = None
        for epoch in range(1, self.max_epochs + 1):
            dw, db = w - w_star, b - b_star
            gw = 2.0 * (self._sxx * dw + self._sx * db)  # d MSE / d w
            gb = 2.0 * (self._sx * dw + db)  # d MSE / d b
            if beta:  # torch's momentum: buf = beta * buf + grad (buf = grad at the first step)
                buf_w = gw if buf_w is None else beta * buf_w + gw
                buf_b = gb if buf_b is None else beta * buf_b + gb
                gw, gb = buf_w, buf_b
            w, b = w - lr * gw, b - lr * gb
            loss = self._loss(w, b) if math.isfinite(w) and math.isfinite(b) else math.inf
            if not loss <= FLOAT32_MAX:  # inf or nan in float32
                return Run(ws, bs, losses, epoch)
            ws.append(w)
            bs.append(b)
            losses.append(loss)
        return Run(ws, bs, losses, None)

    def run(self, lr: float | None = None, optimizer: str | None = None) -> Run:
        """The (cached) run for ``lr`` and ``optimizer`` (the current ones by default)."""
        lr = self.lr if lr is None else self._check_lr(lr)
        optimizer = self.optimizer if optimizer is None else self._check_optimizer(optimizer)
        key = (lr, optimizer)
        if key in self._runs:
            self._runs.move_to_end(key)
        else:
            self._runs[key] = self._train(lr, optimizer)
            while len(self._runs) > self.cache_size:
                self._runs.popitem(last=False)
        return self._runs[key]

    # ------------------------------------------------------------------ state
    @property
    def diverged(self) -> bool:
        """True when the loss stopped being finite at or before the current epoch."""
        at = self.run().diverged_at
        return at is not None and self.epochs >= at

    @property
    def params(self) -> tuple[float, float] | None:
        """(w, b) after the current number of epochs, or None if training diverged before."""
        if self.diverged:
            return None
        r = self.run()
        return r.ws[self.epochs], r.bs[self.epochs]

    @property
    def loss(self) -> float | None:
        """MSE after the current number of epochs, or None if training diverged before."""
        return None if self.diverged else self.run().losses[self.epochs]

    @property
    def message(self) -> str:
        """What the figure says about the current state (one line)."""
        if self.diverged:
            return (
                f"Diverged at epoch {self.run().diverged_at}: the loss is no longer finite (inf/nan). "
                "Lower the learning rate."
            )
        w, b = self.params
        gw, gb = abs(w - self.closed_form[0]), abs(b - self.closed_form[1])
        return f"epoch {self.epochs}: w = {w:.4f}, b = {b:.4f}, MSE = {self.loss:.4g}; gap to the closed form: |Δw| = {gw:.2g}, |Δb| = {gb:.2g}"

    def set(self, *, lr: float | None = None, epochs: int | None = None, optimizer: str | None = None) -> None:
        """Set any of lr, epochs and optimizer, and redraw; the controls follow."""
        new_lr = self.lr if lr is None else self._check_lr(lr)
        new_epochs = self.epochs if epochs is None else self._check_epochs(epochs)
        new_opt = self.optimizer if optimizer is None else self._check_optimizer(optimizer)
        self.lr, self.epochs, self.optimizer = new_lr, new_epochs, new_opt
        if self._widget is not None:
            self._syncing = True
            try:
                self.lr_slider.value, self.epochs_slider.value, self.optimizer_buttons.value = self.lr, self.epochs, self.optimizer
            finally:
                self._syncing = False
        self._redraw()

    # ------------------------------------------------------------------ drawing
    def _build_figure(self) -> None:
        from matplotlib.figure import Figure

        self.figure = Figure(figsize=(10, 3.5), layout="constrained")
        self.ax_loss, self.ax_fit = self.figure.subplots(1, 2)
        w_star, b_star = self.closed_form

        ax = self.ax_loss
        (self.loss_line,) = ax.plot([0], [1.0], color="tab:blue", label="training loss")
        self.min_line = ax.axhline(self.min_loss, color="grey", linestyle="--", label=f"closed-form minimum {self.min_loss:.4g}")
        ax.set_yscale("log")
        ax.set_xlabel("epoch")
        ax.set_ylabel("MSE (log scale)")
        ax.legend(loc="best", fontsize=8)

        ax = self.ax_fit
        lo, hi = min(self.x), max(self.x)
        self._xs = [lo, hi]
        ax.scatter(self.x, self.y, s=10, alpha=0.6, color="black", label="data")
        (self.closed_line,) = ax.plot(self._xs, [b_star + w_star * v for v in self._xs], color="grey", linestyle="--", label=f"closed form: w = {w_star:.4f}, b = {b_star:.4f}")
        (self.fit_line,) = ax.plot(self._xs, [0.0, 0.0], color="tab:red", label="model")
        ylo, yhi = min(self.y), max(self.y)
        pad = 0.1 * (yhi - ylo or 1.0)
        ax.set_ylim(ylo - pad, yhi + pad)  # fixed: a wild line must not rescale the data away
        ax.set_xlabel("x")
        ax.set_ylabel("y")
        ax.legend(loc="upper left", fontsize=8)
        self.message_text = ax.text(0.5, 0.5, "", transform=ax.transAxes, ha="center", va="center", color="tab:red", fontsize=10, wrap=True, bbox=dict(facecolor="white", edgecolor="tab:red"))

    def _redraw(self) -> None:
        r = self.run()
        upto = self.epochs if not self.diverged else r.diverged_at - 1
        self.loss_line.set_data(list(range(upto + 1)), r.losses[: upto + 1])
        self.ax_loss.relim()
        self.ax_loss.autoscale_view()
        self.ax_loss.set_xlim(0, max(self.epochs, 1))
        head = f"{self.optimizer}, lr = {self.lr:.3g}"
        if self.diverged:
            self.fit_line.set_visible(False)
            self.message_text.set_text(f"Diverged at epoch {r.diverged_at}:\nthe loss is no longer finite (inf/nan).\nLower the learning rate.")
            self.message_text.set_visible(True)
            self.ax_loss.set_title(f"{head}: diverged at epoch {r.diverged_at}")
            self.ax_fit.set_title(f"{head}, epoch {self.epochs}: no finite fit")
        else:
            w, b = self.params
            self.fit_line.set_ydata([b + w * v for v in self._xs])
            self.fit_line.set_visible(True)
            self.message_text.set_text("")
            self.message_text.set_visible(False)
            self.ax_loss.set_title(f"{head}: MSE = {self.loss:.4g} after {self.epochs} epochs")
            self.ax_fit.set_title(f"epoch {self.epochs}: w = {w:.4f}, b = {b:.4f}")
        if self._widget is not None:
            self._show()

    # ------------------------------------------------------------------ widget
    @property
    def widget(self):
        """The ipywidgets view: a log-scale lr slider, an epochs slider, the optimiser buttons, the figure."""
        if self._widget is None:
            import ipywidgets as widgets

            lo, hi = self.lr_range
            self.lr_slider = widgets.FloatLogSlider(
                value=self.lr, base=10, min=math.log10(lo), max=math.log10(hi), step=0.05,
                description="lr", readout_format=".3g", continuous_update=False,
            )
            self.epochs_slider = widgets.IntSlider(
                value=self.epochs, min=0, max=self.max_epochs, step=1, description="epochs", continuous_update=False,
            )
            self.optimizer_buttons = widgets.ToggleButtons(options=list(OPTIMIZERS), value=self.optimizer, description="optimiser")
            self._assemble(
                [[self.lr_slider, self.epochs_slider], [self.optimizer_buttons]],
                css_class="linreg-training-explorer",
                on_change=lambda: self.set(
                    lr=self.lr_slider.value, epochs=self.epochs_slider.value, optimizer=self.optimizer_buttons.value
                ),
            )
        return self._widget
