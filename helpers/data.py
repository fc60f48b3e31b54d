"""The data sets of the curriculum, reproduced draw for draw.

Randomness is explicit: every random data set takes ``seed`` (an int) or
``generator`` (a CPU ``torch.Generator``). Values are drawn on the CPU and then
moved to ``device``, so every device sees the same numbers. Nothing here touches
the global random state.
"""

from __future__ import annotations

from typing import NamedTuple

import torch

from ._validate import generator_or_seed, non_negative_float, positive_int
from .device import resolve_device

#: Seed of the classic design-matrix experiments (notebooks 04, 05, 07).
CLASSIC_SEED = 202150754


class Regression(NamedTuple):
    """A regression data set: features ``x``, design matrix ``X`` and targets ``y``."""

    x: torch.Tensor
    X: torch.Tensor
    y: torch.Tensor


def three_points() -> tuple[list[float], list[float]]:
    """Return the 3-point data of notebooks 01-03 as Python lists: x = [1, 2, 3], y = [2, 4, 6].

    Lists, not sets: a set has no order (and drops repeated values), so it
    cannot keep each x paired with its y.
    """
    return [1.0, 2.0, 3.0], [2.0, 4.0, 6.0]


def linear_data(
    n: int = 100,
    *,
    seed: int | None = None,
    generator: torch.Generator | None = None,
    intercept: float = 2.5,
    slope: float = 4.0,
    noise: float = 0.4,
    device: str | torch.device | None = None,
) -> Regression:
    """y = intercept + slope * x + e, the data of notebook 04 (seed 202150754 by default).

    Draw order as in the original: x = sorted(randn(n)), then e = noise * randn(n).

    Returns ``Regression(x, X, y)`` with x: (n,), X = [1, x]: (n, 2), y: (n,).
    """
    n = positive_int(n, name="n")
    noise = non_negative_float(noise, name="noise")
    gen = generator_or_seed(seed, generator, default_seed=CLASSIC_SEED)
    dev = resolve_device(device)
    x, _ = torch.randn(n, generator=gen).sort()
    e = torch.randn(n, generator=gen) * noise
    X = torch.vstack([torch.ones(n), x]).T
    W = torch.tensor([float(intercept), float(slope)])
    y = X @ W + e
    return Regression(x.to(dev), X.to(dev), y.to(dev))


def multiple_data(
    n: int = 100,
    *,
    seed: int | None = None,
    generator: torch.Generator | None = None,
    weights: tuple[float, float, float] = (2.5, 4.0, -2.0),
    noise: float = 0.5,
    device: str | torch.device | None = None,
) -> Regression:
    """y = 2.5 + 4 x1 - 2 x2 + e, the multiple-regression data of notebooks 05 and 07.

    Draw order as in the original: x1 = sorted(randn(n)), x2 = sorted(randn(n)),
    e = noise * randn(n).

    Returns ``Regression(x, X, y)`` with x = [x1, x2]: (n, 2), X = [1, x1, x2]: (n, 3), y: (n,).
    """
    n = positive_int(n, name="n")
    noise = non_negative_float(noise, name="noise")
    if len(weights) != 3:
        raise ValueError(f"weights must have 3 entries (intercept, w1, w2), got {len(weights)}")
    gen = generator_or_seed(seed, generator, default_seed=CLASSIC_SEED)
    dev = resolve_device(device)
    x1, _ = torch.randn(n, generator=gen).sort()
    x2, _ = torch.randn(n, generator=gen).sort()
    e = torch.randn(n, generator=gen) * noise
    X = torch.vstack([torch.ones(n), x1, x2]).T
    y = X @ torch.tensor([float(w) for w in weights]) + e
    return Regression(torch.stack([x1, x2], dim=1).to(dev), X.to(dev), y.to(dev))


def scaled_normal_data(
    n: int = 100,
    *,
    seed: int | None = None,
    generator: torch.Generator | None = None,
    scale: float = 10.0,
    noise: float = 3.0,
    device: str | torch.device | None = None,
) -> tuple[torch.Tensor, torch.Tensor]:
    """X = scale * randn(n, 1), y = X + noise * randn(n, 1): the data of notebook 06.

    Uses its own seed (default 0) so that a model initialised right after
    ``torch.manual_seed(1)`` gets the same weights whatever the data. Notebook 06
    passes ``seed=27``: with lr = 0.01 and the MSE loss, plain gradient descent
    is stable only while lr * 2 * mean(X**2) < 2, and seed 0's draw (about 2.10)
    is just over that edge, so it diverges (the notebook shows this).

    Returns ``(X, y)``, both (n, 1).
    """
    n = positive_int(n, name="n")
    scale = non_negative_float(scale, name="scale")
    noise = non_negative_float(noise, name="noise")
    gen = generator_or_seed(seed, generator, default_seed=0)
    dev = resolve_device(device)
    X = scale * torch.randn(n, 1, generator=gen)
    y = X + noise * torch.randn(n, 1, generator=gen)
    return X.to(dev), y.to(dev)


def uniform_data(
    n: int = 1000,
    *,
    seed: int | None = None,
    generator: torch.Generator | None = None,
    low: float = -10.0,
    high: float = 10.0,
    slope: float = 2.0,
    intercept: float = 3.0,
    noise: float = 1.0,
    device: str | torch.device | None = None,
) -> tuple[torch.Tensor, torch.Tensor]:
    """x ~ Uniform(low, high) (``init.uniform_``), y = slope * x + intercept + noise * N(0, 1).

    The data of the L1-vs-MSE experiment of notebook 06 (default seed 0).

    Returns ``(x, y)``, both (n, 1).
    """
    n = positive_int(n, name="n")
    noise = non_negative_float(noise, name="noise")
    if not float(low) < float(high):
        raise ValueError(f"low must be < high, got low={low}, high={high}")
    gen = generator_or_seed(seed, generator, default_seed=0)
    dev = resolve_device(device)
    x = torch.nn.init.uniform_(torch.empty(n, 1), float(low), float(high), generator=gen)
    y = float(slope) * x + float(intercept) + noise * torch.randn(n, 1, generator=gen)
    return x.to(dev), y.to(dev)


class OldFaithful(NamedTuple):
    """The Old Faithful data: ``eruptions`` (minutes) and ``waiting`` (minutes to the next eruption), both (n,)."""

    eruptions: torch.Tensor
    waiting: torch.Tensor


def old_faithful_path():
    """Path of the shipped ``old_faithful.csv``: package data of ``helpers`` (``helpers/datasets/``).

    Found with ``importlib.resources``, not from the current folder, so it works from any folder
    in an editable install and from a wheel alike.
    """
    from importlib.resources import files
    from pathlib import Path

    return Path(files("helpers") / "datasets" / "old_faithful.csv")


def old_faithful(*, path=None, device: str | torch.device | None = None) -> OldFaithful:
    """Old Faithful geyser eruptions (R's ``faithful``, 272 rows), read from the CSV shipped in the repository.

    Never touches the network. ``path`` (default: :func:`old_faithful_path`) may
    point to another CSV with the header ``eruptions,waiting`` and one pair of
    positive, finite numbers per line. A missing or malformed file raises a
    ``ValueError`` that names the path (and the line).

    Returns ``OldFaithful(eruptions, waiting)``: two float32 tensors of shape (n,) on ``device``.
    See ``helpers/datasets/README.md`` for the source and the licence status.
    """
    import csv
    import math
    import os
    from pathlib import Path

    if path is None:
        path = old_faithful_path()
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"path must be a str, os.PathLike or None, got {type(path).__name__}")
    path = Path(path)
    dev = resolve_device(device)
    if not path.is_file():
        raise ValueError(f"path must be an existing CSV file, got {str(path)!r} (no such file)")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise ValueError(f"path {str(path)!r} could not be read as UTF-8 text: {err}") from None
    rows = list(csv.reader(text.splitlines()))
    while rows and not rows[-1]:
        rows.pop()  # trailing blank lines
    if not rows:
        raise ValueError(f"path {str(path)!r} is empty; expected the header 'eruptions,waiting' and data lines")
    header = [h.strip() for h in rows[0]]
    if header != ["eruptions", "waiting"]:
        raise ValueError(f"path {str(path)!r}: line 1 is {','.join(rows[0])!r}, expected the header 'eruptions,waiting'")
    if len(rows) == 1:
        raise ValueError(f"path {str(path)!r} has a header but no data lines")
    eruptions, waiting = [], []
    for lineno, row in enumerate(rows[1:], start=2):
        if len(row) != 2:
            raise ValueError(f"path {str(path)!r}: line {lineno} has {len(row)} field(s), expected 2 (eruptions,waiting): {row!r}")
        try:
            e, w = float(row[0]), float(row[1])
        except ValueError:
            raise ValueError(f"path {str(path)!r}: line {lineno} is not two numbers: {','.join(row)!r}") from None
        if not (math.isfinite(e) and math.isfinite(w) and e > 0 and w > 0):
            raise ValueError(f"path {str(path)!r}: line {lineno} must hold two finite numbers > 0 (minutes), got {','.join(row)!r}")
        eruptions.append(e)
        waiting.append(w)
    return OldFaithful(torch.tensor(eruptions).to(dev), torch.tensor(waiting).to(dev))
