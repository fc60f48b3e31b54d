"""Unit tests for helpers.checks."""

import math

import pytest
import torch

from helpers import checks


def test_same_shape_passes_and_refuses_broadcasting():
    checks.check_same_shape(torch.zeros(4, 1), torch.zeros(4, 1))
    with pytest.raises(ValueError) as err:
        checks.check_same_shape(torch.zeros(100, 1), torch.zeros(100))
    msg = str(err.value)
    assert "(100, 1)" in msg and "(100,)" in msg and "(100, 100)" in msg and "Fix" in msg


def test_same_shape_different_sizes_and_types():
    with pytest.raises(ValueError, match="different numbers of values"):
        checks.check_same_shape(torch.zeros(3), torch.zeros(4))
    with pytest.raises(ValueError, match="cannot even be broadcast"):
        checks.check_same_shape(torch.zeros(3, 2), torch.zeros(4))
    with pytest.raises(TypeError, match="y_hat must be a torch.Tensor"):
        checks.check_same_shape([1.0], torch.zeros(1))
    with pytest.raises(TypeError, match="target must be a torch.Tensor"):
        checks.check_same_shape(torch.zeros(1), [1.0], names=("pred", "target"))


def test_numerical_gradient_float_and_tensor():
    assert math.isclose(
        checks.numerical_gradient(lambda w: (2 * w - 4) ** 2, 1.0), 2 * 2 * (2 - 4), rel_tol=1e-6
    )
    w = torch.tensor([1.0, -2.0])
    g = checks.numerical_gradient(lambda v: (v**2).sum(), w)
    torch.testing.assert_close(g, 2 * w.double())
    c = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
    w = torch.zeros(2, 2).T  # not contiguous: each coordinate is still nudged on its own
    torch.testing.assert_close(checks.numerical_gradient(lambda v: (c * v).sum(), w), c.double())
    with pytest.raises(TypeError, match="f must be callable"):
        checks.numerical_gradient(3, 1.0)
    with pytest.raises(ValueError, match="w must be a finite number, got nan"):
        checks.numerical_gradient(lambda w: w, float("nan"))
    with pytest.raises(ValueError, match="finite values"):
        checks.numerical_gradient(lambda w: w.sum(), torch.tensor([float("inf")]))


def test_gradient_check_accepts_right_and_rejects_wrong():
    f = lambda w: (3.0 * w - 6.0) ** 2  # noqa: E731
    assert checks.gradient_check(f, 2 * 3.0 * (3.0 * 1.0 - 6.0), 1.0) < 1e-4
    with pytest.raises(AssertionError, match="gradient check failed"):
        checks.gradient_check(f, 3.0 * (3.0 - 6.0), 1.0)
    with pytest.raises(ValueError, match=r"grad must have the shape of w, \(2,\), got \(3,\)"):
        checks.gradient_check(lambda v: (v**2).sum(), torch.zeros(3), torch.zeros(2))
    with pytest.raises(ValueError, match="got str"):
        checks.gradient_check(f, "two", 1.0)


def test_least_squares_matches_normal_equations():
    X = torch.tensor([[1.0, 0.0], [1.0, 1.0], [1.0, 2.0]])
    y = torch.tensor([1.0, 3.0, 5.0])
    w = checks.least_squares(X, y)
    assert w.dtype == torch.float64 and w.shape == (2,)
    torch.testing.assert_close(w, torch.tensor([1.0, 2.0], dtype=torch.float64))
    assert checks.least_squares(X, y.unsqueeze(1)).shape == (2, 1)


@pytest.mark.parametrize(
    "X, y, exc, words",
    [
        (torch.zeros(3, 2), torch.zeros(2), ValueError, "same number of rows .* got 3 and 2"),
        (torch.zeros(0, 2), torch.zeros(0), ValueError, "at least 1; got 0 and 0"),
        (
            torch.zeros(3),
            torch.zeros(3),
            ValueError,
            r"X must have 2 dimension\(s\), got shape \(3,\)",
        ),
        (torch.zeros(2, 1), torch.zeros(2, 1, 1), ValueError, "y must have 1 or 2 dimension"),
        (
            torch.ones(2, 1),
            torch.tensor([1.0, float("nan")]),
            ValueError,
            "y must contain only finite",
        ),
        ([[1.0]], torch.zeros(1), TypeError, "X must be a torch.Tensor, got list"),
    ],
)
def test_least_squares_bad_input(X, y, exc, words):
    with pytest.raises(exc, match=words):
        checks.least_squares(X, y)


def test_feedback_text_and_truth():
    ok = checks.Feedback(True, "fine")
    no = checks.Feedback(False, "wrong", "try again")
    assert bool(ok) and not bool(no)
    assert str(ok).startswith("✅ Right") and "Hint: try again" in repr(no)


@pytest.mark.parametrize("placeholder", [None, ...])
def test_compare_unfilled(placeholder):
    fb = checks.compare(placeholder, 1.0, name="a")
    assert not fb.ok and "still empty" in fb.message
    assert checks.is_unfilled(placeholder)
    assert not checks.is_unfilled(0)


def test_compare_values_types_and_shapes():
    assert checks.compare(1 / 3, 1 / 3, name="a").ok
    assert checks.compare(torch.tensor([1.0, 2.0]), [1.0, 2.0], name="a").ok
    fb = checks.compare(0.5, 1 / 3, name="a", hint="divide by 3")
    assert not fb.ok and fb.hint == "divide by 3"
    assert "should be a number" in checks.compare("abc", 1.0, name="a").message
    fb = checks.compare(torch.zeros(2, 1), torch.zeros(2), name="a")
    assert not fb.ok and "reshape" in fb.hint
    assert "NaN or inf" in checks.compare(float("nan"), 1.0, name="a").message


def test_check_callable_cases():
    cases = [((2.0,), 4.0), ((3.0,), 9.0)]
    assert checks.check_callable(lambda v: v * v, name="sq", cases=cases).ok
    assert "still empty" in checks.check_callable(..., name="sq", cases=cases).message
    assert "still empty" in checks.check_callable(lambda v: ..., name="sq", cases=cases).message

    def todo(v):
        raise NotImplementedError

    assert "still empty" in checks.check_callable(todo, name="sq", cases=cases).message
    fb = checks.check_callable(lambda v: 1 / 0, name="sq", cases=cases, hint="h")
    assert "ZeroDivisionError" in fb.message and fb.hint == "h"
    fb = checks.check_callable(lambda v: 2 * v, name="sq", cases=cases)
    assert not fb.ok and "sq(3.0)" in fb.message
    assert "should be a function" in checks.check_callable(3, name="sq", cases=cases).message


def test_distance_to_closed_form():
    assert checks.distance_to_closed_form(
        torch.tensor([2.5, 4.0]), [2.5005, 3.999]
    ) == pytest.approx(1e-3)
    assert checks.distance_to_closed_form(torch.tensor([[1.0]]), torch.tensor([1.0])) == 0.0
    assert checks.distance_to_closed_form([0.0, 1.0], [0.5, 1.0]) == 0.5
    assert math.isnan(checks.distance_to_closed_form([float("nan")], [1.0]))  # a diverged training
    for bad in (([1.0], [1.0, 2.0]), ("abc", [1.0]), ([], [])):
        with pytest.raises(ValueError, match="same number of values"):
            checks.distance_to_closed_form(*bad)


@pytest.mark.parametrize("answer", [..., None, "two", [1, 2, 3], {"w": 2}, object(), float("nan")])
def test_compare_never_raises_on_learner_input(answer):
    assert not checks.compare(answer, 2.0, name="w", hint="h").ok


@pytest.mark.parametrize(
    "answer",
    [
        2.5,
        __import__("numpy").float64(2.5),
        __import__("numpy").float32(2.5),
        torch.tensor(2.5),
        torch.tensor(2.5, dtype=torch.float64),
        torch.tensor([2.5]),
        torch.tensor([[2.5]]),
        2.500001,  # typed from a print with 6 significant digits
    ],
)
def test_compare_accepts_every_form_of_a_scalar(answer):
    assert checks.compare(answer, 2.5000012345, name="a").ok


def test_compare_names_a_known_mistake_and_shows_enough_digits():
    mistakes = [
        checks.Mistake(7.5, "you summed instead of averaging"),
        checks.Mistake(lambda t: bool(t < 0), "the sign is flipped"),
    ]
    fb = checks.compare(7.5, 2.5, name="a", mistakes=mistakes, hint="generic")
    assert not fb.ok and fb.hint == "you summed instead of averaging"
    assert (
        checks.compare(-1.0, 2.5, name="a", mistakes=mistakes, hint="generic").hint
        == "the sign is flipped"
    )
    assert checks.compare(1.0, 2.5, name="a", mistakes=mistakes, hint="generic").hint == "generic"
    fb = checks.compare(1.26104, 1.26095, name="w")  # both print as 1.261 with 4 digits
    assert "1.2610" in fb.message and not fb.ok


def test_check_callable_names_a_wrong_version_of_the_function():
    cases = [((2.0,), 4.0), ((3.0,), 9.0)]
    mistakes = [checks.Mistake(lambda v: 2 * v, "you doubled instead of squaring")]
    fb = checks.check_callable(
        lambda v: v + v, name="sq", cases=cases, mistakes=mistakes, hint="square it"
    )
    assert not fb.ok and fb.hint == "you doubled instead of squaring"
    assert (
        checks.check_callable(
            lambda v: v + 1, name="sq", cases=cases, mistakes=mistakes, hint="square it"
        ).hint
        == "square it"
    )


def test_call_safely_reports_instead_of_raising():
    assert checks.call_safely(lambda a, b: a + b, 1, 2, name="f") == (3, None)
    result, fb = checks.call_safely(lambda: 1 / 0, name="f")
    assert result is None and "ZeroDivisionError" in fb.message
    assert "still empty" in checks.call_safely(None, name="f")[1].message
    assert "should be a function" in checks.call_safely(3, name="f")[1].message
