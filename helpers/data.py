"""The data sets of the curriculum, reproduced draw for draw.

Randomness is explicit: every random data set takes ``seed`` (an int) or
``generator`` (a CPU ``torch.Generator``). Values are drawn on the CPU and then
moved to ``device``, so every device sees the same numbers. Nothing here touches
the global random state.
"""

import csv
import math
import os
from collections import namedtuple
from pathlib import Path

import torch

from ._validate import finite_float, generator_or_seed, integer
from .device import pick_device

#: Seed of the classic design-matrix experiments (notebooks 04, 05, 07).
CLASSIC_SEED = 202150754


# A regression data set: features x, design matrix X and targets y.
Regression = namedtuple("Regression", "x X y")


def three_points():
    """Return the 3-point data of notebooks 01-03 as Python lists: x = [1, 2, 3], y = [2, 4, 6].

    Lists, not sets: a set has no order (and drops repeated values), so it
    cannot keep each x paired with its y.
    """
    return [1.0, 2.0, 3.0], [2.0, 4.0, 6.0]


def _checked(n, noise, seed, generator, device, default_seed):
    """The arguments every generator shares, checked: n, noise, the generator, the device."""
    return (
        integer(n, name="n"),
        finite_float(noise, name="noise", minimum=0),
        generator_or_seed(seed, generator, default_seed=default_seed),
        pick_device(device),
    )


def linear_data(
    n=100, *, seed=None, generator=None, intercept=2.5, slope=4.0, noise=0.4, device="cpu"
):
    """y = intercept + slope * x + e, the data of notebook 04 (seed 202150754 by default).

    Draw order as in the week-3 notes: x = sorted(randn(n)), then e = noise * randn(n).

    Returns ``Regression(x, X, y)`` with x: (n,), X = [1, x]: (n, 2), y: (n,).
    """
    n, noise, gen, dev = _checked(n, noise, seed, generator, device, CLASSIC_SEED)
    x, _ = torch.randn(n, generator=gen).sort()
    e = torch.randn(n, generator=gen) * noise
    X = torch.vstack([torch.ones(n), x]).T
    y = X @ torch.tensor([float(intercept), float(slope)]) + e
    return Regression(x.to(dev), X.to(dev), y.to(dev))


def multiple_data(
    n=100, *, seed=None, generator=None, weights=(2.5, 4.0, -2.0), noise=0.5, device="cpu"
):
    """y = 2.5 + 4 x1 - 2 x2 + e, the multiple-regression data of notebooks 05 and 07.

    Draw order as in the week-3 notes: x1 = sorted(randn(n)), x2 = sorted(randn(n)),
    e = noise * randn(n).

    Returns ``Regression(x, X, y)`` with x = [x1, x2]: (n, 2), X = [1, x1, x2]: (n, 3), y: (n,).
    """
    n, noise, gen, dev = _checked(n, noise, seed, generator, device, CLASSIC_SEED)
    if len(weights) != 3:
        raise ValueError(f"weights must have 3 entries (intercept, w1, w2), got {len(weights)}")
    x1, _ = torch.randn(n, generator=gen).sort()
    x2, _ = torch.randn(n, generator=gen).sort()
    e = torch.randn(n, generator=gen) * noise
    X = torch.vstack([torch.ones(n), x1, x2]).T
    y = X @ torch.tensor([float(w) for w in weights]) + e
    return Regression(torch.stack([x1, x2], dim=1).to(dev), X.to(dev), y.to(dev))


def scaled_normal_data(n=100, *, seed=None, generator=None, scale=10.0, noise=3.0, device="cpu"):
    """X = scale * randn(n, 1), y = X + noise * randn(n, 1): the data of notebook 06.

    Uses its own seed (default 0) so that a model initialised right after
    ``torch.manual_seed(1)`` gets the same weights whatever the data. Notebook 06
    passes ``seed=27``: with lr = 0.01 and the MSE loss, plain gradient descent
    is stable only while lr * 2 * mean(X**2) < 2, and seed 0's draw (about 2.10)
    is just over that edge, so it diverges (the notebook shows this).

    Returns ``(X, y)``, both (n, 1).
    """
    n, noise, gen, dev = _checked(n, noise, seed, generator, device, 0)
    X = finite_float(scale, name="scale", minimum=0) * torch.randn(n, 1, generator=gen)
    y = X + noise * torch.randn(n, 1, generator=gen)
    return X.to(dev), y.to(dev)


def uniform_data(
    n=1000,
    *,
    seed=None,
    generator=None,
    low=-10.0,
    high=10.0,
    slope=2.0,
    intercept=3.0,
    noise=1.0,
    device="cpu",
):
    """x ~ Uniform(low, high) (``init.uniform_``), y = slope * x + intercept + noise * N(0, 1).

    The data of the L1-vs-MSE experiment of notebook 06 (default seed 0).

    Returns ``(x, y)``, both (n, 1).
    """
    n, noise, gen, dev = _checked(n, noise, seed, generator, device, 0)
    if not float(low) < float(high):
        raise ValueError(f"low must be < high, got low={low}, high={high}")
    x = torch.nn.init.uniform_(torch.empty(n, 1), float(low), float(high), generator=gen)
    y = float(slope) * x + float(intercept) + noise * torch.randn(n, 1, generator=gen)
    return x.to(dev), y.to(dev)


# Old Faithful: eruptions and waiting (to the next eruption), in minutes, both (n,).
OldFaithful = namedtuple("OldFaithful", "eruptions waiting")


def old_faithful_path():
    """Path of the shipped ``old_faithful.csv``: package data of ``helpers``
    (``helpers/datasets/``).

    Found with ``importlib.resources``, not from the current folder, so it works from any folder
    in an editable install and from a wheel alike.
    """
    from importlib.resources import files

    return Path(files("helpers") / "datasets" / "old_faithful.csv")


def old_faithful(*, path=None, device="cpu"):
    """Old Faithful geyser eruptions (R's ``faithful``, 272 rows), read from the shipped CSV.

    Never touches the network. ``path`` (default: :func:`old_faithful_path`) may
    point to another CSV with the header ``eruptions,waiting`` and one pair of
    positive, finite numbers per line. A missing or malformed file raises a
    ``ValueError`` that names the path (and the line).

    Returns ``OldFaithful(eruptions, waiting)``: two float32 tensors of shape (n,) on ``device``.
    See ``helpers/datasets/README.md`` for the source and the licence status.
    """
    if path is None:
        path = old_faithful_path()
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"path must be a str, os.PathLike or None, got {type(path).__name__}")
    path, dev = Path(path), pick_device(device)
    where = f"path {str(path)!r}"
    if not path.is_file():
        found = " is a folder" if path.is_dir() else ": no such file"
        raise ValueError(f"{where}{found}; expected an existing CSV file")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as err:
        raise ValueError(f"{where} could not be read as UTF-8 text: {err}") from None
    rows = [(i, row) for i, row in enumerate(csv.reader(lines), start=1) if row]  # no blank lines
    if len(rows) < 2 or [h.strip() for h in rows[0][1]] != ["eruptions", "waiting"]:
        raise ValueError(f"{where} must start with the header 'eruptions,waiting', then data lines")
    pairs = []
    for lineno, row in rows[1:]:
        try:
            eruption, wait = (float(v) for v in row)
        except ValueError:
            eruption = wait = math.nan
        if not (math.isfinite(eruption + wait) and eruption > 0 and wait > 0):
            got = ",".join(row)
            raise ValueError(f"{where}: line {lineno} must be two finite numbers > 0, got {got!r}")
        pairs.append((eruption, wait))
    eruptions, waiting = zip(*pairs)
    return OldFaithful(torch.tensor(eruptions).to(dev), torch.tensor(waiting).to(dev))
