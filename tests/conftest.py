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


def _answer_forms(value):
    """Every form in which a learner may give the right numeric ``value``: a Python number, numpy
    numbers, float32 and float64 tensors, one-element tensors of shape (1,) and (1, 1) for a
    scalar, and the value typed back from a print with 6 significant digits.

    Exercise tests run a reference answer through its check in each of these forms.
    """
    import numpy as np
    import torch

    t = torch.as_tensor(
        value.detach().cpu() if isinstance(value, torch.Tensor) else value, dtype=torch.float64
    )
    typed = [float(f"{v:.6g}") for v in t.reshape(-1).tolist()]
    forms = {
        "float64 tensor": t.clone(),
        "float32 tensor": t.to(torch.float32),
        "numpy float64": t.numpy().copy(),
        "numpy float32": t.numpy().astype(np.float32),
        "typed, 6 digits": typed[0]
        if t.ndim == 0
        else torch.tensor(typed, dtype=torch.float64).reshape(t.shape).tolist(),
    }
    if t.numel() == 1:
        forms |= {
            "python float": float(t),
            "numpy scalar": np.float64(float(t)),
            "tensor (1,)": t.reshape(1).to(torch.float32),
            "tensor (1, 1)": t.reshape(1, 1).to(torch.float32),
        }
    else:
        forms["python list"] = t.tolist()
    return forms


@pytest.fixture
def answer_forms():
    """``answer_forms(value) -> {form name: answer}``: see :func:`_answer_forms`."""
    return _answer_forms


@pytest.fixture
def junk_answers():
    """Wrong kinds of answer: every exercise check meets them with "Not yet", never an error."""
    import torch

    return [
        None,
        ...,
        "x",
        3,
        [1, 2, 3],
        {"a": 1},
        torch.zeros(3),
        torch.tensor(float("nan")),
        float("nan"),
        True,
        print,
    ]
