"""Shared by the unit tests: figures are drawn with the Agg backend (no screen), and the plot tests
check that nothing changed matplotlib's global style."""

import matplotlib

matplotlib.use("Agg")  # before any test module imports pyplot

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402


@pytest.fixture
def plot_guard():
    """Close every figure after the test and fail if a helper changed rcParams."""
    rc = dict(matplotlib.rcParams)
    yield
    plt.close("all")
    assert dict(matplotlib.rcParams) == rc, "a plot helper changed global style"
