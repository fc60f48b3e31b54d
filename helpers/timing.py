"""Timing on any device, and how the cost of one training epoch grows with n (notebook 07).

Timings depend on the machine, its load, the thread count and the device, so
notebooks never compare them as outputs; they compare ratios against generous
bounds instead. ``time_call`` synchronises CUDA / MPS before reading the
clock: GPU work is queued asynchronously, and without a synchronisation the
clock would only measure how long it took to *queue* the kernels.
"""

import math
import statistics
import time
from collections import namedtuple

import torch

from ._validate import integer, seed_value
from .device import pick_device

# Wall-clock seconds of repeated calls: best (the minimum), median and every one of the times.
Timing = namedtuple("Timing", "best median times")
# A row of scaling_table: n, seconds per epoch, seconds of the floor, their ratio.
ScalingRow = namedtuple("ScalingRow", "n epoch_s floor_s ratio")


def synchronize(device):
    """Wait until every kernel queued on ``device`` has finished (the CPU runs them at once)."""
    if device.type == "cuda":
        torch.cuda.synchronize(device)
    elif device.type == "mps":
        torch.mps.synchronize()


def time_call(fn, *, repeats=5, warmup=1, sync_device=None):
    """Time ``fn()`` (no arguments) ``repeats`` times after ``warmup`` untimed calls.

    ``sync_device`` (e.g. ``"cuda"``): synchronise that device before starting
    and before stopping the clock, so the time covers the GPU work and not only
    the queuing of it. Returns a :class:`Timing`; ``best`` (the minimum) is the
    most robust against a busy machine.
    """
    if not callable(fn):
        raise TypeError(f"fn must be callable with no arguments, got {type(fn).__name__}")
    repeats = integer(repeats, name="repeats")
    warmup = integer(warmup, name="warmup", minimum=0)
    device = torch.device("cpu") if sync_device is None else pick_device(sync_device)
    for _ in range(warmup):
        fn()
    synchronize(device)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        synchronize(device)
        times.append(time.perf_counter() - start)
    return Timing(min(times), statistics.median(times), tuple(times))


def epoch_and_floor(n, *, device="cpu", seed=0):
    """Build the two functions :func:`scaling_table` times, on data of n rows.

    ``epoch()``: one full-batch epoch of ``nn.Linear(3, 1)`` on X: (n, 3), y: (n, 1):
    forward, MSE loss, backward, SGD step; returns the loss (before the step).
    ``floor()``: ``X.sum()``, one pass over the same tensor. Data are drawn on the CPU from
    ``seed`` and moved to ``device``; the global random state is not touched.
    """
    gen = torch.Generator().manual_seed(seed)
    X = torch.randn(n, 3, generator=gen)
    y = X @ torch.tensor([[2.0], [4.0], [-2.0]]) + 0.5 * torch.randn(n, 1, generator=gen)
    X, y = X.to(device), y.to(device)
    model = torch.nn.utils.skip_init(torch.nn.Linear, 3, 1, device=device)  # no global RNG draw
    with torch.no_grad():
        model.weight.copy_(torch.randn(1, 3, generator=gen))
        model.bias.zero_()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)

    def epoch():
        optimizer.zero_grad()
        loss = torch.nn.functional.mse_loss(model(X), y)
        loss.backward()
        optimizer.step()
        return loss.detach()  # a tensor, not .item(): reading it would force a GPU sync

    return epoch, X.sum  # floor() is X.sum()


def scaling_table(ns, *, device="cpu", seed=0, repeats=5, warmup=1, threads=None):
    """Time one full-batch epoch and the floor (``X.sum()``) for each n in ``ns``.

    Returns one :class:`ScalingRow` ``(n, epoch_s, floor_s, ratio)`` per n, in the
    order given, with the best (minimum) of ``repeats`` timed calls each and
    ``ratio = epoch_s / floor_s``. CUDA / MPS are synchronised before each clock read.
    ``threads``: time with this many CPU threads (``torch.set_num_threads``),
    restoring the previous count afterwards; None keeps the current count.
    """
    if not isinstance(ns, (list, tuple, range)) or not ns:
        raise ValueError(f"ns must be a non-empty list of ints > 0, got {ns!r}")
    sizes = [integer(n, name="each n in ns") for n in ns]
    device, seed = pick_device(device), seed_value(seed)
    before = torch.get_num_threads()
    if threads is not None:
        torch.set_num_threads(integer(threads, name="threads"))
    try:
        rows = []
        for n in sizes:
            epoch_s, floor_s = (
                time_call(f, repeats=repeats, warmup=warmup, sync_device=device).best
                for f in epoch_and_floor(n, device=device, seed=seed)
            )
            rows.append(ScalingRow(n, epoch_s, floor_s, epoch_s / floor_s if floor_s else math.inf))
    finally:
        torch.set_num_threads(before)
    return rows


def format_table(rows):
    """The rows as an aligned text table: times in ms, epoch / floor, growth from the smallest n."""
    first = min(rows, key=lambda r: r.n)
    lines = ["         n   epoch ms   floor ms  epoch/floor     n/n0  epoch/epoch0"]
    for r in rows:
        lines.append(
            f"{r.n:>10,d} {r.epoch_s * 1e3:>10.3f} {r.floor_s * 1e3:>10.4f} {r.ratio:>12.1f}"
            f" {r.n / first.n:>8g} {r.epoch_s / first.epoch_s:>13.1f}"
        )
    return "\n".join(lines)


def growth(rows):
    """Epoch time at the largest n / at the second largest n, divided by their size ratio.

    About 1 when the cost grows linearly at large n; well below 1 while a fixed
    per-step overhead still dominates.
    """
    if len(rows) < 2:
        raise ValueError(f"rows must have at least 2 sizes to measure growth, got {len(rows)}")
    a, b = sorted(rows, key=lambda r: r.n)[-2:]
    return (b.epoch_s / a.epoch_s) / (b.n / a.n)
