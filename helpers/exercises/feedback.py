"""Exercise feedback: compare a learner's answer (a value or a function) with the right one.

A check never raises on learner input; it returns a :class:`Feedback` ("Right" or "Not yet" with a
hint). Only while nbgrader grades a notebook does a check that is not right raise (:func:`graded`).
"""

import contextlib
import functools
import io
import os
import warnings
from dataclasses import dataclass

import torch

from .._validate import as_numbers
from ..language import N_, _


@dataclass(frozen=True)
class Feedback:
    """The result of an exercise check: ``ok`` and a friendly message (with a hint when not ok)."""

    ok: bool
    message: str
    hint: str = ""

    def __str__(self):
        if self.ok:
            return _("✅ Right: {message}").format(message=self.message)
        return _("⏳ Not yet: {message}").format(message=self.details())

    def details(self):
        """The message, with the hint on a second line when there is one."""
        if not self.hint:
            return self.message
        return self.message + "\n   " + _("Hint: {hint}").format(hint=self.hint)

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
        _("{name} is still empty.").format(name=name),
        _(
            "replace the `...` (or None) in the starter cell for {name}, then run this check again."
        ).format(name=name),
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
            _("{name} should be a number or a tensor, got {kind}.").format(
                name=name, kind=type(answer).__name__
            ),
            hint,
        )
    if want.numel() == 1 and got.numel() == 1:
        got = got.reshape(want.shape)  # 2.0, tensor(2.), tensor([2.]) and tensor([[2.]]) all mean 2
    if got.shape != want.shape:
        same_count = got.numel() == want.numel()
        return Feedback(
            False,
            _("{name} has shape {got}, expected {want}.").format(
                name=name, got=tuple(got.shape), want=tuple(want.shape)
            ),
            _("the values may be right: reshape your answer to that shape.")
            if same_count
            else hint,
        )
    if not torch.isfinite(got).all():
        return Feedback(
            False,
            _("{name} contains NaN or inf.").format(name=name),
            hint
            or _("a diverging computation gives inf or nan: check signs and the learning rate."),
        )
    if torch.allclose(got, want, rtol=rtol, atol=atol):
        return Feedback(True, _("{name} = {value}.").format(name=name, value=_show(got, want)))
    known = [m.hint for m in mistakes if _matches(m.match, got, rtol, atol)]
    message = _("{name} = {value} is not it yet.").format(name=name, value=_show(got, want))
    return Feedback(False, message, (known + [hint])[0])


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
        message = _("{name} should be a function, got {kind}.").format(
            name=name, kind=type(fn).__name__
        )
        return None, Feedback(False, message, hint)
    try:
        result = fn(*args)
    except NotImplementedError:
        return None, not_filled(name)
    except Exception as exc:  # learner code: report, never raise
        message = _("{call} raised {error}: {text}").format(
            call=name + _args(args), error=type(exc).__name__, text=exc
        )
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
    message = _("{name} gives the expected value on all {count} test case(s).")
    return Feedback(True, message.format(name=name, count=len(cases)))


def _args(args):
    """The arguments of a call, short: ``(2.0, tensor(3, 1))``."""
    shown = [f"tensor{tuple(a.shape)}" if isinstance(a, torch.Tensor) else repr(a) for a in args]
    return f"({', '.join(s if len(s) < 30 else '...' for s in shown)})"


# What tools/assignment.py writes in grades.csv when a check failed because the student's answer
# cell itself raised (in the language of the graded notebook).
ANSWER_RAISED = N_("the answer cell raised {error}")


class NotYet(AssertionError):
    """Raised by a check while nbgrader grades: the answer is not right yet (the message: why)."""


def graded(check):
    """Let nbgrader grade ``check``'s cell as well. nbgrader gives a test cell full marks unless it
    shows an error or writes to stderr, and reads a cell's value as partial credit; so while it
    executes a notebook (it sets NBGRADER_EXECUTION) a check that is not right raises
    :class:`NotYet` with its feedback, and a right one prints its feedback and returns None, with
    nothing on stderr (warnings included). Everywhere else the check is unchanged."""

    @functools.wraps(check)
    def run(*args, **kwargs):
        if not os.environ.get("NBGRADER_EXECUTION"):
            return check(*args, **kwargs)
        with warnings.catch_warnings(), contextlib.redirect_stderr(io.StringIO()):
            warnings.simplefilter("ignore")
            feedback = check(*args, **kwargs)
        if not feedback:
            raise NotYet(feedback.details())
        print(feedback)

    return run
