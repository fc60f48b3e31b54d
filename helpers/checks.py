"""Checks: a shape guard, a finite-difference gradient check, least squares, exercise feedback."""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass
from typing import Callable

import torch

from ._validate import tensor as _tensor


# --------------------------------------------------------------------------- shapes
def check_same_shape(y_hat: torch.Tensor, y: torch.Tensor, *, names: tuple[str, str] = ("y_hat", "y")) -> None:
    """Refuse predictions and targets whose shapes differ (instead of silently broadcasting).

    ``(y - y_hat)`` with y: (100,) and y_hat: (100, 1) broadcasts to (100, 100):
    every target is compared with every prediction and the loss is wrong
    without any error. This guard raises a ``ValueError`` that shows both
    shapes and the fix.
    """
    a, b = names
    if not isinstance(y_hat, torch.Tensor):
        raise TypeError(f"{a} must be a torch.Tensor, got {type(y_hat).__name__}")
    if not isinstance(y, torch.Tensor):
        raise TypeError(f"{b} must be a torch.Tensor, got {type(y).__name__}")
    if y_hat.shape == y.shape:
        return
    msg = f"shape mismatch: {a} has shape {tuple(y_hat.shape)} but {b} has shape {tuple(y.shape)}."
    try:
        broadcast = tuple(torch.broadcast_shapes(y_hat.shape, y.shape))
        msg += f" Subtracting them would broadcast to {broadcast} and give a wrong loss."
    except RuntimeError:
        msg += " They cannot even be broadcast together."
    if y_hat.numel() == y.numel():
        msg += (
            f" Fix: make the shapes equal, e.g. {a}.reshape({b}.shape)"
            f" (or {a}.squeeze(-1) / {b}.unsqueeze(-1) for (n, 1) vs (n,))."
        )
    else:
        msg += f" They hold different numbers of values ({y_hat.numel()} vs {y.numel()}): check the data."
    raise ValueError(msg)


# --------------------------------------------------------------------------- gradients
def numerical_gradient(f: Callable[[torch.Tensor], torch.Tensor | float], w: torch.Tensor | float, *, eps: float = 1e-6):
    """Central finite-difference estimate of d f / d w.

    ``w`` may be a Python float (returns a float) or a tensor (returns a
    float64 tensor of the same shape). The estimate is computed in float64.
    """
    if not callable(f):
        raise TypeError(f"f must be callable, got {type(f).__name__}")
    if isinstance(eps, bool) or not isinstance(eps, numbers.Real) or not (0 < eps < 1):
        raise ValueError(f"eps must be a float in (0, 1), got {eps!r}")
    if isinstance(w, numbers.Real) and not isinstance(w, bool):
        if not math.isfinite(w):
            raise ValueError(f"w must be finite, got {w}")
        return (float(f(w + eps)) - float(f(w - eps))) / (2 * eps)
    w = _tensor(w, name="w").detach().to(torch.float64)
    grad = torch.zeros_like(w)
    flat = w.reshape(-1)
    for i in range(flat.numel()):
        plus, minus = flat.clone(), flat.clone()
        plus[i] += eps
        minus[i] -= eps
        grad.reshape(-1)[i] = (float(f(plus.reshape(w.shape))) - float(f(minus.reshape(w.shape)))) / (2 * eps)
    return grad


def gradient_check(
    f: Callable,
    grad,
    w,
    *,
    eps: float = 1e-6,
    rtol: float = 1e-5,
    atol: float = 1e-6,
) -> float:
    """Compare an analytic gradient ``grad`` (value at ``w``) with a finite-difference estimate.

    Returns the largest absolute difference; raises ``AssertionError`` with both
    values when they disagree beyond ``atol + rtol * |estimate|``.
    """
    estimate = numerical_gradient(f, w, eps=eps)
    est = torch.as_tensor(estimate, dtype=torch.float64)
    got = torch.as_tensor(grad.detach() if isinstance(grad, torch.Tensor) else grad, dtype=torch.float64).cpu()
    if got.shape != est.shape:
        raise ValueError(f"grad has shape {tuple(got.shape)} but w has shape {tuple(est.shape)}; expected equal shapes")
    diff = (got - est).abs()
    if bool((diff > atol + rtol * est.abs()).any()):
        raise AssertionError(f"gradient check failed: analytic {got.tolist()} vs finite-difference {est.tolist()}")
    return float(diff.max())


# --------------------------------------------------------------------------- closed form
def least_squares(X: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """Closed-form least-squares solution of X w ~ y (``torch.linalg.lstsq`` in float64).

    X: (n, d), y: (n,) or (n, k). Returns w: (d,) or (d, k) in float64 on the CPU.
    """
    X = _tensor(X, name="X", ndim=2)
    y = _tensor(y, name="y", ndim=(1, 2))
    if X.shape[0] != y.shape[0]:
        raise ValueError(f"X has {X.shape[0]} rows but y has {y.shape[0]}; expected the same number of samples")
    Xd = X.detach().to("cpu", torch.float64)
    yd = y.detach().to("cpu", torch.float64)
    vec = yd.ndim == 1
    sol = torch.linalg.lstsq(Xd, yd.unsqueeze(1) if vec else yd).solution
    return sol.squeeze(1) if vec else sol


# --------------------------------------------------------------------------- exercise feedback
@dataclass(frozen=True)
class Feedback:
    """The result of an exercise check: ``ok`` and a friendly message (with a hint when not ok)."""

    ok: bool
    message: str
    hint: str = ""

    def __str__(self) -> str:
        head = "✅ Right: " if self.ok else "⏳ Not yet: "
        text = head + self.message
        if not self.ok and self.hint:
            text += "\n   Hint: " + self.hint
        return text

    __repr__ = __str__

    def __bool__(self) -> bool:
        return self.ok


def is_unfilled(answer) -> bool:
    """True for the placeholders a starter cell leaves: ``None`` and ``...``."""
    return answer is None or answer is Ellipsis


def not_filled(name: str) -> Feedback:
    """Feedback for a starter cell that has not been filled in yet."""
    return Feedback(False, f"{name} is still empty.", f"replace the `...` (or None) in the starter cell for {name}, then run this check again.")


@dataclass(frozen=True)
class Mistake:
    """A typical wrong answer and the hint that explains it.

    ``match`` is a wrong value (compared like the answer), or a function: in :func:`compare` a
    test ``match(got) -> bool`` on the answer as a float64 tensor; in :func:`check_callable` a
    wrong version of the learner's function, called with the same arguments.
    """

    match: object
    hint: str


def as_numbers(answer) -> torch.Tensor | None:
    """A learner's answer as a float64 CPU tensor, or None when it is not made of numbers.

    Accepts Python and numpy numbers, nested lists, numpy arrays and tensors of any dtype or device.
    """
    if isinstance(answer, torch.Tensor):
        answer = answer.detach().cpu()
    try:
        return torch.as_tensor(answer, dtype=torch.float64)
    except (TypeError, ValueError, RuntimeError):
        return None


def compare(answer, expected, *, name: str, mistakes=(), hint: str = "", rtol: float = 1e-5, atol: float = 1e-8) -> Feedback:
    """Check an exercise answer against the expected value; never raises on learner input.

    Every correct form passes: Python or numpy numbers, float32 or float64 tensors, a one-element
    tensor for a scalar, a value typed from a printed result with 6 significant digits (the
    default ``rtol``). A wrong answer that matches one of ``mistakes`` gets that mistake's hint;
    any other wrong answer gets ``hint``.
    """
    if is_unfilled(answer):
        return not_filled(name)
    got, want = as_numbers(answer), as_numbers(expected)
    if got is None:
        return Feedback(False, f"{name} should be a number or a tensor, got {type(answer).__name__}.", hint)
    if want.numel() == 1 and got.numel() == 1:
        got = got.reshape(want.shape)  # 2.0, tensor(2.), tensor([2.]) and tensor([[2.]]) all mean 2
    if got.shape != want.shape:
        fix = "the values may be right: reshape your answer. " if got.numel() == want.numel() else ""
        return Feedback(False, f"{name} has shape {tuple(got.shape)}, expected {tuple(want.shape)}.", fix + hint)
    if not bool(torch.isfinite(got).all()):
        return Feedback(False, f"{name} contains NaN or inf.", hint or "a diverging computation gives inf or nan: check signs and the learning rate.")
    if torch.allclose(got, want, rtol=rtol, atol=atol):
        return Feedback(True, f"{name} = {_show(got, want)}.")
    for mistake in mistakes:
        if _matches(mistake.match, got, rtol, atol):
            return Feedback(False, f"{name} = {_show(got, want)} is not it yet.", mistake.hint)
    return Feedback(False, f"{name} = {_show(got, want)} is not it yet.", hint)


def _matches(match, got: torch.Tensor, rtol: float, atol: float) -> bool:
    if callable(match):
        return bool(match(got))
    value = as_numbers(match)
    return value is not None and value.numel() == got.numel() and torch.allclose(got, value.reshape(got.shape), rtol=rtol, atol=atol)


def _show(got: torch.Tensor, want: torch.Tensor) -> str:
    """``got`` with the fewest significant digits (at least 4) that tell it apart from ``want``."""
    for digits in range(4, 18):
        text, other = _fmt(got, digits), _fmt(want, digits)
        if text != other or torch.allclose(got, want, rtol=1e-5, atol=1e-8):
            return text
    return text


def _fmt(t: torch.Tensor, digits: int) -> str:
    values = [f"{v:.{digits}g}" for v in t.reshape(-1).tolist()[:6]]
    if t.ndim == 0:
        return values[0]
    return "[" + ", ".join(values) + (", ..." if t.numel() > 6 else "") + "]"


def call_safely(fn, *args, name: str):
    """Call a learner's function: returns ``(result, None)``, or ``(None, Feedback)`` when the
    function is missing, unfinished (returns ``None``/``...``, raises ``NotImplementedError``)
    or raises. Never raises itself."""
    if is_unfilled(fn):
        return None, not_filled(name)
    if not callable(fn):
        return None, Feedback(False, f"{name} should be a function, got {type(fn).__name__}.")
    try:
        result = fn(*args)
    except NotImplementedError:
        return None, not_filled(name)
    except Exception as exc:  # learner code: report, never raise
        return None, Feedback(False, f"{name}{_args(args)} raised {type(exc).__name__}: {exc}")
    if is_unfilled(result):
        return None, not_filled(name)
    return result, None


def check_callable(fn, *, name: str, cases: list[tuple[tuple, object]], mistakes=(), hint: str = "", rtol: float = 1e-5, atol: float = 1e-8) -> Feedback:
    """Call a learner's function on each ``(args, expected)`` case; report the first wrong one.

    ``mistakes`` hold wrong versions of the function (``Mistake(wrong_fn, hint)``): when the
    learner's result equals a wrong version's on the failing case, that hint is shown.
    """
    for args, expected in cases:
        got, problem = call_safely(fn, *args, name=name)
        if problem is not None:  # a Feedback is falsy when not ok
            return Feedback(problem.ok, problem.message, problem.hint or hint)
        per_case = [Mistake(m.match(*args), m.hint) for m in mistakes]
        result = compare(got, expected, name=f"{name}{_args(args)}", mistakes=per_case, hint=hint, rtol=rtol, atol=atol)
        if not result.ok:
            return result
    return Feedback(True, f"{name} gives the expected value on all {len(cases)} test case(s).")


def _args(args: tuple) -> str:
    parts = []
    for a in args:
        parts.append(f"tensor{tuple(a.shape)}" if isinstance(a, torch.Tensor) else repr(a) if len(repr(a)) < 30 else type(a).__name__)
    return "(" + ", ".join(parts) + ")"


def distance_to_closed_form(trained, closed_form) -> float:
    """Largest absolute difference between trained parameters and the closed-form solution.

    ``trained`` and ``closed_form`` are tensors or sequences of numbers of equal size (compared
    flattened, in float64 on the CPU). Returns the distance as a float.
    """
    vectors = []
    for name, value in (("trained", trained), ("closed_form", closed_form)):
        try:
            t = torch.as_tensor(value.detach().cpu() if isinstance(value, torch.Tensor) else value, dtype=torch.float64)
        except (TypeError, ValueError, RuntimeError):
            raise TypeError(f"{name} must be a tensor or a sequence of numbers, got {type(value).__name__}") from None
        if t.numel() == 0 or not bool(torch.isfinite(t).all()):
            raise ValueError(f"{name} must be non-empty and finite, got {t.reshape(-1).tolist()[:6]}")
        vectors.append(t.reshape(-1))
    if vectors[0].numel() != vectors[1].numel():
        raise ValueError(
            f"trained has {vectors[0].numel()} values but closed_form has {vectors[1].numel()}; expected the same number"
        )
    return float((vectors[0] - vectors[1]).abs().max())
