"""Checks: a shape guard, a finite-difference gradient check, least squares, exercise feedback."""

from dataclasses import dataclass

import torch

from ._validate import finite_float, tensor


# --------------------------------------------------------------------------- shapes
def check_same_shape(y_hat, y, *, names=("y_hat", "y")):
    """Refuse predictions and targets whose shapes differ (instead of silently broadcasting).

    ``(y - y_hat)`` with y: (100,) and y_hat: (100, 1) broadcasts to (100, 100):
    every target is compared with every prediction and the loss is wrong
    without any error. This guard raises a ``ValueError`` that shows both
    shapes and the fix.
    """
    a, b = names
    for name, value in zip(names, (y_hat, y)):
        if not isinstance(value, torch.Tensor):
            raise TypeError(f"{name} must be a torch.Tensor, got {type(value).__name__}")
    if y_hat.shape == y.shape:
        return
    msg = f"shape mismatch: {a} has shape {tuple(y_hat.shape)} but {b} has shape {tuple(y.shape)}."
    try:
        broadcast = tuple(torch.broadcast_shapes(y_hat.shape, y.shape))
        msg += f" Subtracting them would broadcast to {broadcast} and give a wrong loss."
    except RuntimeError:
        msg += " They cannot even be broadcast together."
    if y_hat.numel() != y.numel():
        raise ValueError(f"{msg} They hold different numbers of values: check the data.")
    raise ValueError(
        f"{msg} Fix: make the shapes equal, e.g. {a}.reshape({b}.shape)"
        f" (or {a}.squeeze(-1) / {b}.unsqueeze(-1) for (n, 1) vs (n,))."
    )


# --------------------------------------------------------------------------- gradients
def numerical_gradient(f, w, *, eps=1e-6):
    """Central finite-difference estimate of d f / d w: (f(w + eps) - f(w - eps)) / (2 eps).

    ``w`` may be a Python float (returns a float) or a tensor (returns a float64 tensor of the
    same shape, one coordinate nudged at a time). The estimate is computed in float64.
    """
    if not callable(f):
        raise TypeError(f"f must be callable, got {type(f).__name__}")
    if not isinstance(w, torch.Tensor):
        w = finite_float(w, name="w")
        return (float(f(w + eps)) - float(f(w - eps))) / (2 * eps)
    w = tensor(w, name="w").detach().double().contiguous()
    grad = torch.zeros_like(w)
    for i in range(w.numel()):
        step = torch.zeros_like(w)
        step.view(-1)[i] = eps
        grad.view(-1)[i] = (float(f(w + step)) - float(f(w - step))) / (2 * eps)
    return grad


def gradient_check(f, grad, w, *, eps=1e-6, rtol=1e-5, atol=1e-6):
    """Compare an analytic gradient ``grad`` (its value at ``w``) with a finite-difference estimate.

    Returns the largest absolute difference; raises ``AssertionError`` with both
    values when they disagree beyond ``atol + rtol * |estimate|``.
    """
    estimate = torch.as_tensor(numerical_gradient(f, w, eps=eps), dtype=torch.float64)
    got = as_numbers(grad)
    if got is None or got.shape != estimate.shape:
        shape = type(grad).__name__ if got is None else tuple(got.shape)
        raise ValueError(f"grad must have the shape of w, {tuple(estimate.shape)}, got {shape}")
    diff = (got - estimate).abs()
    if bool((diff > atol + rtol * estimate.abs()).any()):
        raise AssertionError(
            f"gradient check failed: analytic {got.tolist()}"
            f" vs finite-difference {estimate.tolist()}"
        )
    return float(diff.max())


# --------------------------------------------------------------------------- closed form
def least_squares(X, y):
    """Closed-form least-squares solution of X w ~ y (``torch.linalg.lstsq`` in float64).

    X: (n, d), y: (n,) or (n, k) with n >= 1. Returns w: (d,) or (d, k) in float64 on the CPU.
    """
    X = tensor(X, name="X", ndim=(2,)).detach().to("cpu", torch.float64)
    y = tensor(y, name="y", ndim=(1, 2)).detach().to("cpu", torch.float64)
    if not 0 < len(X) == len(y):
        raise ValueError(
            "X and y must have the same number of rows (samples), at least 1;"
            f" got {len(X)} and {len(y)}"
        )
    w = torch.linalg.lstsq(X, y.reshape(len(y), -1)).solution
    return w.reshape(-1) if y.ndim == 1 else w


# --------------------------------------------------------------------------- exercise feedback
@dataclass(frozen=True)
class Feedback:
    """The result of an exercise check: ``ok`` and a friendly message (with a hint when not ok)."""

    ok: bool
    message: str
    hint: str = ""

    def __str__(self):
        if self.ok:
            return "✅ Right: " + self.message
        return "⏳ Not yet: " + self.message + (f"\n   Hint: {self.hint}" if self.hint else "")

    __repr__ = __str__

    def __bool__(self):
        return self.ok


def is_unfilled(answer):
    """True for the placeholders a starter cell leaves: ``None`` and ``...``."""
    return answer is None or answer is Ellipsis


def not_filled(name):
    """Feedback for a starter cell that has not been filled in yet."""
    return Feedback(
        False,
        f"{name} is still empty.",
        f"replace the `...` (or None) in the starter cell for {name}, then run this check again.",
    )


@dataclass(frozen=True)
class Mistake:
    """A typical wrong answer and the hint that explains it.

    ``match`` is a wrong value (compared like the answer), or a function: in :func:`compare` a
    test ``match(got) -> bool`` on the answer as a float64 tensor; in :func:`check_callable` a
    wrong version of the learner's function, called with the same arguments.
    """

    match: object
    hint: str


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


def compare(answer, expected, *, name, mistakes=(), hint="", rtol=1e-5, atol=1e-8):
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
        return Feedback(
            False,
            f"{name} should be a number or a tensor, got {type(answer).__name__}.",
            hint,
        )
    if want.numel() == 1 and got.numel() == 1:
        got = got.reshape(want.shape)  # 2.0, tensor(2.), tensor([2.]) and tensor([[2.]]) all mean 2
    if got.shape != want.shape:
        same_count = got.numel() == want.numel()
        return Feedback(
            False,
            f"{name} has shape {tuple(got.shape)}, expected {tuple(want.shape)}.",
            "the values may be right: reshape your answer to that shape." if same_count else hint,
        )
    if not bool(torch.isfinite(got).all()):
        return Feedback(
            False,
            f"{name} contains NaN or inf.",
            hint or "a diverging computation gives inf or nan: check signs and the learning rate.",
        )
    if torch.allclose(got, want, rtol=rtol, atol=atol):
        return Feedback(True, f"{name} = {_show(got, want)}.")
    known = [m.hint for m in mistakes if _matches(m.match, got, rtol, atol)]
    return Feedback(False, f"{name} = {_show(got, want)} is not it yet.", (known + [hint])[0])


def _matches(match, got, rtol, atol):
    """Whether ``got`` is this mistake: ``match`` says so, or equals it."""
    if callable(match):
        return bool(match(got))
    value = as_numbers(match)
    return (
        value is not None
        and value.numel() == got.numel()
        and torch.allclose(got, value.reshape(got.shape), rtol=rtol, atol=atol)
    )


def _show(got, want):
    """``got`` with the fewest significant digits (at least 4) that tell it apart from ``want``."""
    for digits in range(4, 18):
        text = _fmt(got, digits)
        if text != _fmt(want, digits) or torch.allclose(got, want):
            return text
    return text


def _fmt(t, digits):
    values = ", ".join(f"{v:.{digits}g}" for v in t.reshape(-1).tolist()[:6])
    return values if t.ndim == 0 else f"[{values}{', ...' if t.numel() > 6 else ''}]"


def call_safely(fn, *args, name, hint=""):
    """Call a learner's function: returns ``(result, None)``, or ``(None, Feedback)`` when the
    function is missing, unfinished (returns ``None``/``...``, raises ``NotImplementedError``)
    or raises; ``hint`` goes with a function that is not one or raises. Never raises itself."""
    if is_unfilled(fn):
        return None, not_filled(name)
    if not callable(fn):
        return None, Feedback(False, f"{name} should be a function, got {type(fn).__name__}.", hint)
    try:
        result = fn(*args)
    except NotImplementedError:
        return None, not_filled(name)
    except Exception as exc:  # learner code: report, never raise
        message = f"{name}{_args(args)} raised {type(exc).__name__}: {exc}"
        return None, Feedback(False, message, hint)
    if is_unfilled(result):
        return None, not_filled(name)
    return result, None


def check_callable(fn, *, name, cases, mistakes=(), hint="", rtol=1e-5, atol=1e-8):
    """Call a learner's function on each ``(args, expected)`` case; report the first wrong one.

    ``mistakes`` hold wrong versions of the function (``Mistake(wrong_fn, hint)``): when the
    learner's result equals a wrong version's on the failing case, that hint is shown.
    """
    for args, expected in cases:
        got, problem = call_safely(fn, *args, name=name, hint=hint)
        if problem is not None:
            return problem
        per_case = [Mistake(m.match(*args), m.hint) for m in mistakes]
        result = compare(
            got,
            expected,
            name=f"{name}{_args(args)}",
            mistakes=per_case,
            hint=hint,
            rtol=rtol,
            atol=atol,
        )
        if not result.ok:
            return result
    return Feedback(True, f"{name} gives the expected value on all {len(cases)} test case(s).")


def _args(args):
    """The arguments of a call, short: ``(2.0, tensor(3, 1))``."""
    shown = [f"tensor{tuple(a.shape)}" if isinstance(a, torch.Tensor) else repr(a) for a in args]
    return "(" + ", ".join(s if len(s) < 30 else "..." for s in shown) + ")"


def distance_to_closed_form(trained, closed_form):
    """Largest absolute difference between trained parameters and the closed-form solution.

    ``trained`` and ``closed_form`` are tensors or lists of numbers with the same number of
    values (compared flattened, in float64 on the CPU). NaN when a parameter is NaN (a
    training that diverged).
    """
    a, b = as_numbers(trained), as_numbers(closed_form)
    if a is None or b is None or not 0 < a.numel() == b.numel():
        raise ValueError(
            "trained and closed_form must be tensors or lists of numbers with the same number of"
            f" values, got {trained!r} and {closed_form!r}"
        )
    return float((a.reshape(-1) - b.reshape(-1)).abs().max())
