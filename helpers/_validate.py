"""Argument validation shared by the helpers (messages name the argument)."""

from __future__ import annotations

import math
import numbers

import torch


def positive_int(value, *, name: str) -> int:
    """Return ``value`` if it is an int > 0, else raise a clear error."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an int > 0, got {value!r} of type {type(value).__name__}")
    if value <= 0:
        raise ValueError(f"{name} must be an int > 0, got {value}")
    return int(value)


def non_negative_float(value, *, name: str) -> float:
    """Return ``value`` as a float if it is finite and >= 0."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number >= 0, got {value!r} of type {type(value).__name__}")
    value = float(value)
    if not math.isfinite(value) or value < 0:
        raise ValueError(f"{name} must be a finite number >= 0, got {value}")
    return value


def finite_float(value, *, name: str) -> float:
    """Return ``value`` as a float if it is a finite real number."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a finite real number, got {value!r} of type {type(value).__name__}")
    value = float(value)
    if not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number, got {value}")
    return value


def seed_value(value, *, name: str = "seed") -> int:
    """Return ``value`` if it is a usable torch seed (int in [0, 2**63))."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an int, got {value!r} of type {type(value).__name__}")
    if not 0 <= value < 2**63:
        raise ValueError(f"{name} must be an int in [0, 2**63), got {value}")
    return int(value)


def tensor(value, *, name: str, ndim: int | tuple[int, ...] | None = None, finite: bool = True) -> torch.Tensor:
    """Return ``value`` if it is a floating tensor of the expected rank with finite values."""
    if not isinstance(value, torch.Tensor):
        raise TypeError(f"{name} must be a torch.Tensor, got {type(value).__name__}")
    if ndim is not None:
        allowed = (ndim,) if isinstance(ndim, int) else ndim
        if value.ndim not in allowed:
            raise ValueError(
                f"{name} must have {' or '.join(str(a) for a in allowed)} dimension(s), "
                f"got shape {tuple(value.shape)}"
            )
    if finite and value.is_floating_point() and not bool(torch.isfinite(value).all()):
        raise ValueError(f"{name} must contain only finite values, got NaN or inf")
    return value


def generator_or_seed(seed, generator, *, default_seed: int | None = None) -> torch.Generator:
    """Return a CPU generator from exactly one of ``seed`` / ``generator``."""
    if seed is not None and generator is not None:
        raise ValueError("pass either seed or generator, not both")
    if generator is not None:
        if not isinstance(generator, torch.Generator):
            raise TypeError(f"generator must be a torch.Generator, got {type(generator).__name__}")
        if generator.device.type != "cpu":
            raise ValueError(f"generator must be a CPU generator (data are drawn on CPU), got device {generator.device}")
        return generator
    if seed is None:
        seed = default_seed
    if seed is None:
        raise ValueError("seed or generator is required (randomness is always explicit)")
    return torch.Generator().manual_seed(seed_value(seed))


def paired_floats(x, y) -> tuple[list[float], list[float]]:
    """Return ``x`` and ``y`` as equal-length, non-empty lists of finite floats (the explorers' data)."""
    xs, ys = [float(v) for v in x], [float(v) for v in y]
    if len(xs) != len(ys) or not xs:
        raise ValueError(f"x and y must be non-empty and of equal length, got {len(xs)} and {len(ys)}")
    if not all(math.isfinite(v) for v in xs + ys):
        raise ValueError("x and y must contain only finite values")
    return xs, ys
