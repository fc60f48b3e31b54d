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
    with pytest.raises(TypeError, match="y must be a torch.Tensor"):
        checks.check_same_shape(torch.zeros(1), [1.0])


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


def test_gradient_check_accepts_right_and_rejects_wrong():
    f = lambda w: (3.0 * w - 6.0) ** 2  # noqa: E731
    assert checks.gradient_check(f, 2 * 3.0 * (3.0 * 1.0 - 6.0), 1.0) < 1e-4
    with pytest.raises(AssertionError, match="gradient check failed"):
        checks.gradient_check(f, 3.0 * (3.0 - 6.0), 1.0)
    with pytest.raises(ValueError, match=r"grad must have the shape of w, \(2,\), got \(3,\)"):
        checks.gradient_check(lambda v: (v**2).sum(), torch.zeros(3), torch.zeros(2))
    with pytest.raises(ValueError, match="got str"):
        checks.gradient_check(f, "two", 1.0)
