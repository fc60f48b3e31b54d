"""Unit tests for helpers.data: exact draws, shapes, devices and bad input."""

import pytest
import torch

from helpers import data


def test_three_points_are_paired_lists():
    x, y = data.three_points()
    assert x == [1.0, 2.0, 3.0] and y == [2.0, 4.0, 6.0]
    assert isinstance(x, list) and isinstance(y, list)


def test_linear_data_reproduces_the_original_global_seed_draws():
    d = data.linear_data()
    torch.manual_seed(202150754)
    x, _ = torch.randn(100).sort()
    e = torch.randn(100) * 0.4
    X = torch.vstack([torch.ones(100), x]).T
    y = X @ torch.tensor([2.5, 4.0]) + e
    torch.testing.assert_close(d.x, x, rtol=0, atol=0)
    torch.testing.assert_close(d.X, X, rtol=0, atol=0)
    torch.testing.assert_close(d.y, y, rtol=0, atol=0)
    assert d.X.shape == (100, 2) and d.y.shape == (100,)


def test_multiple_data_reproduces_the_original_draws():
    d = data.multiple_data()
    torch.manual_seed(202150754)
    x1, _ = torch.randn(100).sort()
    x2, _ = torch.randn(100).sort()
    e = torch.randn(100) * 0.5
    X = torch.vstack([torch.ones(100), x1, x2]).T
    torch.testing.assert_close(d.X, X, rtol=0, atol=0)
    torch.testing.assert_close(d.y, X @ torch.tensor([2.5, 4.0, -2.0]) + e, rtol=0, atol=0)
    assert d.x.shape == (100, 2)


def test_scaled_normal_and_uniform_shapes_and_ranges():
    X, y = data.scaled_normal_data()
    assert X.shape == y.shape == (100, 1)
    x, y = data.uniform_data()
    assert x.shape == y.shape == (1000, 1)
    assert float(x.min()) >= -10 and float(x.max()) <= 10


@pytest.mark.parametrize(
    "fn", [data.linear_data, data.multiple_data, data.scaled_normal_data, data.uniform_data]
)
def test_generators_do_not_touch_global_rng_and_are_reproducible(fn):
    torch.manual_seed(123)
    before = torch.get_rng_state()
    a = fn(20, seed=5)
    assert torch.equal(torch.get_rng_state(), before)
    b = fn(20, generator=torch.Generator().manual_seed(5))
    for t, u in zip(a, b):
        assert torch.equal(t, u)
    c = fn(20, seed=6)
    assert not torch.equal(a[-1], c[-1])


@pytest.mark.parametrize(
    "call, exc, words",
    [
        (lambda: data.linear_data(0), ValueError, "n must be an int >= 1, got 0"),
        (lambda: data.linear_data(10, noise=-1), ValueError, "noise must be a finite number >= 0"),
        (lambda: data.linear_data(10, seed=-1), ValueError, "seed must be an int in"),
        (
            lambda: data.linear_data(10, seed=1, generator=torch.Generator()),
            ValueError,
            "either seed or generator",
        ),
        (
            lambda: data.linear_data(10, generator=3),
            TypeError,
            "generator must be a torch.Generator",
        ),
        (lambda: data.linear_data(10, device="tpu"), ValueError, "device must be"),
        (
            lambda: data.multiple_data(10, weights=(1.0, 2.0)),
            ValueError,
            "weights must have 3 entries",
        ),
        (lambda: data.scaled_normal_data(10, scale=-2), ValueError, "scale"),
        (lambda: data.uniform_data(10, low=1, high=1), ValueError, "low must be < high"),
    ],
)
def test_bad_input(call, exc, words):
    with pytest.raises(exc, match=words):
        call()
