"""Property-based tests (hypothesis) of the data generators and the checks."""

import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import checks, data, fitting
from helpers.exercises.feedback import compare

# derandomize: the same examples on every run, so CI never sees a flaky failure.
settings.register_profile(
    "linreg",
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("linreg")

sizes = st.integers(min_value=1, max_value=300)
seeds = st.integers(min_value=0, max_value=2**63 - 1)
noises = st.floats(min_value=0.0, max_value=10.0, allow_nan=False)


@given(n=sizes, seed=seeds, noise=noises)
def test_linear_data_shapes_and_reproducibility(n, seed, noise):
    a = data.linear_data(n, seed=seed, noise=noise)
    b = data.linear_data(n, generator=torch.Generator().manual_seed(seed), noise=noise)
    assert a.x.shape == (n,) and a.X.shape == (n, 2) and a.y.shape == (n,)
    # ones column, sorted x
    assert bool((a.X[:, 0] == 1).all()) and bool((a.x[1:] >= a.x[:-1]).all())
    for t, u in zip(a, b):
        assert torch.equal(t, u)


@given(n=sizes, seed=seeds)
def test_multiple_data_shapes(n, seed):
    d = data.multiple_data(n, seed=seed)
    assert d.X.shape == (n, 3) and d.x.shape == (n, 2) and d.y.shape == (n,)
    assert bool(torch.isfinite(d.y).all())


@given(n=sizes, seed=seeds, junk=st.integers(min_value=0, max_value=2**31))
def test_independent_of_global_rng(n, seed, junk):
    torch.manual_seed(junk)
    a = data.uniform_data(n, seed=seed)
    torch.randn(7)  # consume global randomness in between
    b = data.uniform_data(n, seed=seed)
    assert all(torch.equal(t, u) for t, u in zip(a, b))
    assert float(a[0].min()) >= -10 and float(a[0].max()) <= 10


@given(
    w=st.floats(min_value=-5, max_value=5),
    b=st.floats(min_value=-5, max_value=5),
    x=st.floats(min_value=-3, max_value=3),
    y=st.floats(min_value=-3, max_value=3),
)
def test_hand_gradient_of_squared_error_passes_the_gradient_check(w, b, x, y):
    loss = lambda v: (x * v + b - y) ** 2  # noqa: E731
    checks.gradient_check(loss, 2 * x * (x * w + b - y), w, rtol=1e-4, atol=1e-4)


@given(seed=seeds, n=st.integers(min_value=3, max_value=60))
def test_least_squares_residual_is_orthogonal_to_columns(seed, n):
    d = data.linear_data(n, seed=seed)
    w = fitting.least_squares(d.X, d.y)
    residual = d.y.double() - d.X.double() @ w
    torch.testing.assert_close(
        d.X.double().T @ residual, torch.zeros(2, dtype=torch.float64), atol=1e-8, rtol=0
    )


@given(value=st.floats(allow_nan=False, allow_infinity=False, min_value=-1e6, max_value=1e6))
def test_compare_accepts_exact_and_rejects_shifted(value):
    assert compare(value, value, name="v").ok
    assert not compare(value + 1.0 + abs(value) * 1e-3, value, name="v").ok


@given(
    a=st.lists(st.integers(1, 5), min_size=1, max_size=3),
    b=st.lists(st.integers(1, 5), min_size=1, max_size=3),
)
def test_shape_guard_accepts_equal_and_refuses_unequal(a, b):
    ta, tb = torch.zeros(a), torch.zeros(b)
    if a == b:
        checks.check_same_shape(ta, tb)
    else:
        try:
            checks.check_same_shape(ta, tb)
        except ValueError as err:
            assert str(tuple(a)) in str(err) and str(tuple(b)) in str(err)
        else:
            raise AssertionError("mismatch accepted")
