"""Argument checks shared by the helpers.

Each check returns the value it was given (converted where that helps) or raises a
``TypeError`` / ``ValueError`` whose message names the argument, shows what came and
says what was expected.
"""

import math
import numbers

import torch


def _is_int(value):
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def _range(minimum, maximum):
    """How a range reads in a message: ``>= 1``, ``in [0, 300]`` (nothing for no bounds)."""
    if maximum < math.inf:
        return f" in [{minimum:g}, {maximum:g}]"
    return f" >= {minimum:g}" if minimum > -math.inf else ""


def integer(value, *, name, minimum=1, maximum=math.inf):
    """``value`` if it is an int >= ``minimum`` (1 unless told otherwise) and <= ``maximum``."""
    wanted = "an int" + _range(minimum, maximum)
    if not _is_int(value):
        raise TypeError(f"{name} must be {wanted}, got {value!r} of type {type(value).__name__}")
    if not minimum <= value <= maximum:
        raise ValueError(f"{name} must be {wanted}, got {value}")
    return int(value)


def seed_value(value, *, name="seed"):
    """``value`` if it is a seed torch accepts: an int in [0, 2**63)."""
    if not _is_int(value):
        raise TypeError(f"{name} must be an int, got {value!r} of type {type(value).__name__}")
    if not 0 <= value < 2**63:
        raise ValueError(f"{name} must be an int in [0, 2**63), got {value}")
    return int(value)


def finite_float(value, *, name, minimum=-math.inf, maximum=math.inf):
    """``value`` as a float if it is a finite real number >= ``minimum`` and <= ``maximum``."""
    wanted = "a finite number" + _range(minimum, maximum)
    if not isinstance(value, numbers.Real) or isinstance(value, bool):
        raise TypeError(f"{name} must be {wanted}, got {value!r} of type {type(value).__name__}")
    if not (math.isfinite(value) and minimum <= value <= maximum):
        raise ValueError(f"{name} must be {wanted}, got {value}")
    return float(value)


def one_of(value, choices, *, name):
    """``value`` if it is one of ``choices``."""
    if value not in choices:
        raise ValueError(f"{name} must be one of {', '.join(map(repr, choices))}; got {value!r}")
    return value


def tensor(value, *, name, ndim=None):
    """``value`` if it is a tensor (with one of the ranks ``ndim``) holding only finite values."""
    if not isinstance(value, torch.Tensor):
        raise TypeError(f"{name} must be a torch.Tensor, got {type(value).__name__}")
    if ndim is not None and value.ndim not in ndim:
        ranks = " or ".join(map(str, ndim))
        raise ValueError(f"{name} must have {ranks} dimension(s), got shape {tuple(value.shape)}")
    if not torch.isfinite(value).all():
        raise ValueError(f"{name} must contain only finite values, got NaN or inf")
    return value


def generator_or_seed(seed, generator, *, default_seed):
    """The CPU generator to draw from: ``generator``, or a new one seeded with ``seed``
    (``default_seed`` when neither is given)."""
    if generator is None:
        return torch.Generator().manual_seed(seed_value(default_seed if seed is None else seed))
    if seed is not None:
        raise ValueError("pass either seed or generator, not both")
    if not isinstance(generator, torch.Generator):
        raise TypeError(f"generator must be a torch.Generator, got {type(generator).__name__}")
    if generator.device.type != "cpu":
        raise ValueError(
            f"generator must be a CPU generator (data are drawn on the CPU), got {generator.device}"
        )
    return generator


def floats(values, *, name):
    """``values`` (numbers, or a tensor of shape (n,) or (n, 1)) as a non-empty list of floats."""
    if isinstance(values, torch.Tensor):
        if values.ndim > 1 and values.shape[1:].numel() != 1:
            raise ValueError(f"{name} must have shape (n,) or (n, 1), got {tuple(values.shape)}")
        values = values.detach().cpu().reshape(-1).tolist()
    try:
        values = [float(v) for v in values]
    except (TypeError, ValueError):
        raise TypeError(
            f"{name} must be a sequence of numbers or a tensor, got {type(values).__name__}"
        ) from None
    if not values:
        raise ValueError(f"{name} must not be empty")
    return values


def paired_floats(x, y, *, names=("x", "y")):
    """``x`` and ``y`` as two non-empty lists of finite floats of the same length (paired data)."""
    xs, ys = floats(x, name=names[0]), floats(y, name=names[1])
    both = f"{names[0]} and {names[1]}"
    if len(xs) != len(ys):
        raise ValueError(f"{both} must be of equal length, got {len(xs)} and {len(ys)}")
    if not all(map(math.isfinite, xs + ys)):
        raise ValueError(f"{both} must contain only finite values")
    return xs, ys


def as_numbers(answer):
    """A learner's answer as a float64 CPU tensor, or None when it is not made of numbers.

    Accepts Python and numpy numbers, nested lists, numpy arrays and tensors of any dtype or device.
    """
    if isinstance(answer, torch.Tensor):
        answer = answer.detach().cpu()
    try:
        return torch.as_tensor(answer, dtype=torch.float64)
    except (TypeError, ValueError, RuntimeError):
        return None
