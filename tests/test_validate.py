"""The argument checks every helper uses (helpers/_validate.py), each behaviour tested once here.

The modules' own tests check, one case per argument, that an argument goes through its check (the
message names that argument); what the check accepts and refuses is tested only here."""

import math

import numpy as np
import pytest
import torch

from helpers import _validate as v


@pytest.mark.parametrize(
    "value, kwargs, error, message",
    [
        (0, {}, ValueError, "n must be an int >= 1, got 0"),
        (2.5, {}, TypeError, "n must be an int >= 1, got 2.5 of type float"),
        (True, {}, TypeError, "n must be an int >= 1, got True of type bool"),
        ("3", {}, TypeError, "n must be an int >= 1, got '3' of type str"),
        (-1, {"minimum": 0}, ValueError, "n must be an int >= 0, got -1"),
        (301, {"maximum": 300}, ValueError, r"n must be an int in \[1, 300\], got 301"),
    ],
)
def test_integer_refuses(value, kwargs, error, message):
    with pytest.raises(error, match=message):
        v.integer(value, name="n", **kwargs)


def test_integer_accepts_ints_of_any_kind_and_its_bounds():
    assert v.integer(np.int64(3), name="n") == 3 and type(v.integer(np.int64(3), name="n")) is int
    assert v.integer(300, name="n", maximum=300) == 300 and v.integer(0, name="n", minimum=0) == 0


@pytest.mark.parametrize(
    "value, kwargs, error, message",
    [
        (math.nan, {}, ValueError, "x must be a finite number, got nan"),
        (math.inf, {}, ValueError, "x must be a finite number, got inf"),
        ("0.4", {}, TypeError, "x must be a finite number, got '0.4' of type str"),
        (True, {}, TypeError, "x must be a finite number, got True of type bool"),
        (-1, {"minimum": 0}, ValueError, "x must be a finite number >= 0, got -1"),
        (50, {"minimum": 1e-3, "maximum": 1}, ValueError, r"in \[0.001, 1\], got 50"),
    ],
)
def test_finite_float_refuses(value, kwargs, error, message):
    with pytest.raises(error, match=message):
        v.finite_float(value, name="x", **kwargs)


def test_finite_float_accepts_real_numbers_within_bounds():
    assert v.finite_float(np.float32(0.5), name="x", minimum=0, maximum=1) == 0.5
    assert v.finite_float(3, name="x") == 3.0 and type(v.finite_float(3, name="x")) is float


def test_one_of():
    assert v.one_of("SGD", ("SGD", "Adam"), name="optimizer") == "SGD"
    with pytest.raises(ValueError, match="optimizer must be one of 'SGD', 'Adam'; got 'sgd'"):
        v.one_of("sgd", ("SGD", "Adam"), name="optimizer")


@pytest.mark.parametrize(
    "value, error, message",
    [
        (-1, ValueError, r"seed must be an int in \[0, 2\*\*63\), got -1"),
        (2**64, ValueError, r"seed must be an int in \[0, 2\*\*63\)"),
        ("1", TypeError, "seed must be an int, got '1' of type str"),
    ],
)
def test_seed_value_refuses(value, error, message):
    with pytest.raises(error, match=message):
        v.seed_value(value)


def test_generator_or_seed():
    assert v.generator_or_seed(None, None, default_seed=3).initial_seed() == 3
    gen = torch.Generator()
    assert v.generator_or_seed(None, gen, default_seed=3) is gen
    with pytest.raises(ValueError, match="either seed or generator, not both"):
        v.generator_or_seed(1, gen, default_seed=3)
    with pytest.raises(TypeError, match="generator must be a torch.Generator, got int"):
        v.generator_or_seed(None, 3, default_seed=3)


def test_tensor():
    t = torch.zeros(2, 2)
    assert v.tensor(t, name="X", ndim=(2,)) is t
    with pytest.raises(TypeError, match="X must be a torch.Tensor, got list"):
        v.tensor([[1.0]], name="X")
    with pytest.raises(ValueError, match=r"X must have 1 or 2 dimension\(s\), got shape \(\)"):
        v.tensor(torch.tensor(1.0), name="X", ndim=(1, 2))
    with pytest.raises(ValueError, match="X must contain only finite values"):
        v.tensor(torch.tensor([math.nan]), name="X")


def test_floats_and_paired_floats():
    assert v.floats(torch.ones(3, 1), name="x") == [1.0, 1.0, 1.0]  # a column (n, 1) is fine
    with pytest.raises(ValueError, match="x must not be empty"):
        v.floats([], name="x")
    with pytest.raises(TypeError, match="x must be a sequence of numbers or a tensor, got int"):
        v.floats(3, name="x")
    with pytest.raises(ValueError, match=r"x must have shape \(n,\) or \(n, 1\), got \(3, 2\)"):
        v.floats(torch.zeros(3, 2), name="x")
    assert v.paired_floats([1, 2], torch.tensor([3.0, 4.0])) == ([1.0, 2.0], [3.0, 4.0])
    with pytest.raises(ValueError, match="x and y must be of equal length, got 2 and 1"):
        v.paired_floats([1, 2], [1])
    with pytest.raises(ValueError, match="x and y must contain only finite values"):
        v.paired_floats([1.0, math.nan], [1.0, 2.0])


def test_as_numbers():
    assert v.as_numbers(np.float32(2.5)).dtype == torch.float64
    assert v.as_numbers(torch.tensor([1, 2])).tolist() == [1.0, 2.0]
    assert v.as_numbers("two") is None and v.as_numbers({"a": 1}) is None
