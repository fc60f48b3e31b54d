"""Timing on any device, and how the cost of one training epoch grows with n (notebook 07).

Timings depend on the machine, its load, the thread count and the device, so
notebooks never compare them as outputs; they compare ratios against generous
bounds instead. ``time_call`` synchronises CUDA / MPS before reading the
clock: GPU work is queued asynchronously, and without a synchronisation the
clock would only measure how long it took to *queue* the kernels.
"""

from __future__ import annotations

import math
import numbers
import statistics
import time
from typing import Callable, NamedTuple, Sequence

import torch

from ._validate import positive_int, seed_value
from .device import resolve_device


class Timing(NamedTuple):
    """Wall-clock seconds of repeated calls: ``best`` (minimum), ``median`` and every ``times``."""

    best: float
    median: float
    times: tuple[float, ...]


class ScalingRow(NamedTuple):
    """One row of :func:`scaling_table`: n, seconds per epoch, seconds of the floor, epoch / floor."""

    n: int
    epoch_s: float
    floor_s: float
    ratio: float


def synchronize(device: str | torch.device | None) -> None:
    """Wait until every queued kernel on ``device`` has finished (no-op on the CPU or None)."""
    if device is None:
        return
    dev = resolve_device(device)
    if dev.type == "cuda":
        torch.cuda.synchronize(dev)
    elif dev.type == "mps":
        torch.mps.synchronize()


def time_call(
    fn: Callable[[], object],
    *,
    repeats: int = 5,
    warmup: int = 1,
    sync_device: str | torch.device | None = None,
) -> Timing:
    """Time ``fn()`` (no arguments) ``repeats`` times after ``warmup`` untimed calls.

    ``sync_device`` (e.g. ``"cuda"``): synchronise that device before starting
    and before stopping the clock, so the time covers the GPU work and not only
    the queuing of it. Returns a :class:`Timing`; ``best`` (the minimum) is the
    most robust against a busy machine.
    """
    if not callable(fn):
        raise TypeError(f"fn must be callable with no arguments, got {type(fn).__name__}")
    repeats = positive_int(repeats, name="repeats")
    if isinstance(warmup, bool) or not isinstance(warmup, numbers.Integral) or warmup < 0:
        raise ValueError(f"warmup must be an int >= 0, got {warmup!r}")
    if sync_device is not None:
        resolve_device(sync_device)  # validate early, with a clear message
    for _ in range(int(warmup)):
        fn()
    synchronize(sync_device)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        synchronize(sync_device)
        times.append(time.perf_counter() - start)
    return Timing(min(times), statistics.median(times), tuple(times))


def _check_ns(ns) -> list[int]:
    if isinstance(ns, (str, bytes)) or not isinstance(ns, Sequence):
        raise TypeError(f"ns must be a sequence of ints > 0, got {type(ns).__name__}")
    if len(ns) == 0:
        raise ValueError("ns must not be empty, got []")
    out = [positive_int(n, name="ns entry") for n in ns]
    if len(set(out)) != len(out):
        raise ValueError(f"ns must not repeat a size, got {list(ns)}")
    return out


def epoch_and_floor(n: int, *, device: str | torch.device | None = None, seed: int = 0):
    """Build the two functions :func:`scaling_table` times, on data of n rows.

    ``epoch()``: one full-batch epoch of ``nn.Linear(3, 1)`` on X: (n, 3), y: (n, 1):
    forward, MSE loss, backward, SGD step; returns the loss (before the step).
    ``floor()``: ``X.sum()``, one pass over the same tensor. Data are drawn on the CPU from ``seed`` and moved to
    ``device``; the global random state is not touched.
    """
    n = positive_int(n, name="n")
    gen = torch.Generator().manual_seed(seed_value(seed))
    dev = resolve_device(device)
    X = torch.randn(n, 3, generator=gen)
    y = X @ torch.tensor([[2.0], [4.0], [-2.0]]) + 0.5 * torch.randn(n, 1, generator=gen)
    X, y = X.to(dev), y.to(dev)
    model = torch.nn.utils.skip_init(torch.nn.Linear, 3, 1, device=dev)  # no draw from the global RNG
    with torch.no_grad():
        model.weight.copy_(torch.randn(1, 3, generator=gen))
        model.bias.zero_()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    loss_fn = torch.nn.MSELoss()

    def epoch() -> torch.Tensor:
        optimizer.zero_grad()
        loss = loss_fn(model(X), y)
        loss.backward()
        optimizer.step()
        return loss.detach()  # a tensor, not .item(): reading it would force a GPU sync

    def floor() -> torch.Tensor:
        return X.sum()

    return epoch, floor


def scaling_table(
    ns: Sequence[int],
    *,
    device: str | torch.device | None = None,
    seed: int = 0,
    repeats: int = 5,
    warmup: int = 1,
    threads: int | None = None,
) -> list[ScalingRow]:
    """Time one full-batch epoch and the floor (``X.sum()``) for each n in ``ns``.

    Returns one :class:`ScalingRow` ``(n, epoch_s, floor_s, ratio)`` per n, in the
    order given, with the best (minimum) of ``repeats`` timed calls each and
    ``ratio = epoch_s / floor_s``. CUDA / MPS are synchronised before each clock read.
    ``threads``: time with this many CPU threads (``torch.set_num_threads``),
    restoring the previous count afterwards; None keeps the current count.
    """
    sizes = _check_ns(ns)
    dev = resolve_device(device)
    seed = seed_value(seed)
    repeats = positive_int(repeats, name="repeats")
    if threads is not None:
        threads = positive_int(threads, name="threads")
    before = torch.get_num_threads()
    rows = []
    try:
        if threads is not None:
            torch.set_num_threads(threads)
        for n in sizes:
            epoch, floor = epoch_and_floor(n, device=dev, seed=seed)
            sync = dev if dev.type != "cpu" else None
            epoch_s = time_call(epoch, repeats=repeats, warmup=warmup, sync_device=sync).best
            floor_s = time_call(floor, repeats=repeats, warmup=warmup, sync_device=sync).best
            rows.append(ScalingRow(n, epoch_s, floor_s, epoch_s / floor_s if floor_s > 0 else math.inf))
            del epoch, floor
    finally:
        if torch.get_num_threads() != before:
            torch.set_num_threads(before)
    return rows


def _check_rows(rows) -> list[ScalingRow]:
    if isinstance(rows, (str, bytes)) or not isinstance(rows, Sequence) or len(rows) == 0:
        raise ValueError(f"rows must be a non-empty list of ScalingRow (from scaling_table), got {rows!r}")
    out = []
    for row in rows:
        try:
            n, epoch_s, floor_s, ratio = row
            out.append(ScalingRow(int(n), float(epoch_s), float(floor_s), float(ratio)))
        except (TypeError, ValueError):
            raise ValueError(f"rows must hold (n, epoch_s, floor_s, ratio) tuples, got {row!r}") from None
    return out


def format_table(rows: Sequence[ScalingRow]) -> str:
    """The rows as an aligned text table: times in ms, epoch / floor, and growth against the smallest n."""
    rows = _check_rows(rows)
    first = min(rows, key=lambda r: r.n)
    lines = [f"{'n':>10} {'epoch ms':>10} {'floor ms':>10} {'epoch/floor':>12} {'n/n0':>8} {'epoch/epoch0':>13}"]
    for r in rows:
        lines.append(
            f"{r.n:>10,d} {r.epoch_s * 1e3:>10.3f} {r.floor_s * 1e3:>10.4f} {r.ratio:>12.1f}"
            f" {r.n / first.n:>8g} {r.epoch_s / first.epoch_s:>13.1f}"
        )
    return "\n".join(lines)


def growth(rows: Sequence[ScalingRow]) -> float:
    """epoch time at the largest n / epoch time at the second largest n, divided by their size ratio.

    About 1 when the cost grows linearly at large n; well below 1 while a fixed
    per-step overhead still dominates.
    """
    rows = sorted(_check_rows(rows), key=lambda r: r.n)
    if len(rows) < 2:
        raise ValueError(f"rows must have at least 2 sizes to measure growth, got {len(rows)}")
    a, b = rows[-2], rows[-1]
    return (b.epoch_s / a.epoch_s) / (b.n / a.n)
