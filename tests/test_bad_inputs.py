"""One table of bad inputs across the helpers: each must raise a specific exception
whose message names the argument (and says what came and what was expected)."""

import math

import pytest
import torch

from helpers import checks, data, device, io, plots, timing
from helpers.widgets.gd_explorer import GradientDescentExplorer
from helpers.widgets.line_explorer import LineExplorer
from helpers.widgets.training_explorer import TrainingExplorer

nan, inf = float("nan"), float("inf")

# (id, call, exception type, the argument name the message must contain, another fragment it must contain)
CASES = [
    ("n zero", lambda: data.linear_data(0), ValueError, "n", "got 0"),
    ("n negative", lambda: data.multiple_data(-5), ValueError, "n", "got -5"),
    ("n float", lambda: data.uniform_data(10.0), TypeError, "n", "float"),
    ("n bool", lambda: data.scaled_normal_data(True), TypeError, "n", "bool"),
    ("noise negative", lambda: data.linear_data(5, noise=-0.1), ValueError, "noise", ">= 0"),
    ("noise nan", lambda: data.multiple_data(5, noise=nan), ValueError, "noise", "nan"),
    ("noise inf", lambda: data.uniform_data(5, noise=inf), ValueError, "noise", "inf"),
    ("noise str", lambda: data.linear_data(5, noise="0.4"), TypeError, "noise", "str"),
    ("scale negative", lambda: data.scaled_normal_data(5, scale=-1.0), ValueError, "scale", "-1.0"),
    ("seed negative", lambda: data.linear_data(5, seed=-1), ValueError, "seed", "-1"),
    ("seed too big", lambda: data.linear_data(5, seed=2**64), ValueError, "seed", "2**63"),
    ("seed float", lambda: data.uniform_data(5, seed=1.5), TypeError, "seed", "float"),
    ("seed and generator", lambda: data.linear_data(5, seed=1, generator=torch.Generator()), ValueError, "seed", "generator"),
    ("generator wrong type", lambda: data.linear_data(5, generator=1), TypeError, "generator", "int"),
    ("low >= high", lambda: data.uniform_data(5, low=3.0, high=-3.0), ValueError, "low", "high=-3.0"),
    ("weights length", lambda: data.multiple_data(5, weights=(1.0,)), ValueError, "weights", "got 1"),
    ("unknown data device", lambda: data.linear_data(5, device="gpu"), ValueError, "device", "'gpu'"),
    ("data device type", lambda: data.linear_data(5, device=0.5), TypeError, "device", "float"),
    ("unknown device name", lambda: device.pick_device("tpu"), ValueError, "prefer", "'tpu'"),
    ("device name type", lambda: device.pick_device(1), TypeError, "prefer", "int"),
    ("shape mismatch", lambda: checks.check_same_shape(torch.zeros(100, 1), torch.zeros(100)), ValueError, "y_hat", "(100, 100)"),
    ("shape guard not tensor", lambda: checks.check_same_shape([1.0], torch.zeros(1)), TypeError, "y_hat", "list"),
    ("lstsq rows", lambda: checks.least_squares(torch.zeros(3, 2), torch.zeros(4)), ValueError, "X", "y has 4"),
    ("lstsq nan", lambda: checks.least_squares(torch.tensor([[1.0], [nan]]), torch.zeros(2)), ValueError, "X", "finite"),
    ("lstsq not tensor", lambda: checks.least_squares([[1.0]], torch.zeros(1)), TypeError, "X", "list"),
    ("lstsq y rank", lambda: checks.least_squares(torch.zeros(2, 1), torch.zeros(2, 1, 1)), ValueError, "y", "(2, 1, 1)"),
    ("grad eps", lambda: checks.numerical_gradient(math.sin, 1.0, eps=2.0), ValueError, "eps", "2.0"),
    ("grad w nan", lambda: checks.numerical_gradient(math.sin, nan), ValueError, "w", "nan"),
    ("grad shape", lambda: checks.gradient_check(lambda v: (v**2).sum(), torch.zeros(3), torch.zeros(2)), ValueError, "grad", "(3,)"),
    ("plot lengths", lambda: plots.scatter_fit([1.0, 2.0], [1.0]), ValueError, "x and y", "2 and 1"),
    ("plot type", lambda: plots.loss_curve(None), TypeError, "losses", "NoneType"),
    ("contour grid", lambda: plots.loss_contour([1.0], [1.0, 2.0], lambda w, b: 0.0), ValueError, "w_values", "got 1"),
    ("save non-module", lambda: io.save_state_dict("model", "x.pt"), TypeError, "model", "str"),
    ("load missing file", lambda: io.load_state_dict("no/such/file.pt"), ValueError, "path", "no/such/file.pt"),
    ("data file missing", lambda: data.old_faithful(path="no/such/faithful.csv"), ValueError, "path", "no such file"),
    ("data file path type", lambda: data.old_faithful(path=3), TypeError, "path", "int"),
    ("closed-form distance sizes", lambda: checks.distance_to_closed_form([1.0], [1.0, 2.0]), ValueError, "closed_form", "has 2"),
    ("closed-form distance nan", lambda: checks.distance_to_closed_form([nan], [1.0]), ValueError, "trained", "finite"),
    ("timing not callable", lambda: timing.time_call(3), TypeError, "fn", "int"),
    ("timing sizes empty", lambda: timing.scaling_table([]), ValueError, "ns", "[]"),
    ("explorer lr", lambda: GradientDescentExplorer([1.0], [2.0], lr=-1.0), ValueError, "lr", "-1"),
    ("explorer ranges", lambda: LineExplorer([1.0], [2.0], w_range=(1.0, 0.0)), ValueError, "w_range", "(1.0, 0.0)"),
    ("training explorer optimiser", lambda: TrainingExplorer(torch.arange(3.0).reshape(3, 1), torch.ones(3, 1), optimizer="adam"), ValueError, "optimizer", "adam"),
]


def test_malformed_data_files_name_the_path_and_line(tmp_path):
    cases = {
        "header.csv": ("a,b\n1,2\n", "line 1"),
        "fields.csv": ("eruptions,waiting\n1.0\n", "line 2"),
        "text.csv": ("eruptions,waiting\n1.0,x\n", "line 2"),
        "empty.csv": ("", "is empty"),
    }
    for name, (text, fragment) in cases.items():
        path = tmp_path / name
        path.write_text(text)
        with pytest.raises(ValueError) as err:
            data.old_faithful(path=path)
        assert name in str(err.value) and fragment in str(err.value)


def test_table_is_big_enough():
    assert len(CASES) >= 20


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_refused_with_a_named_argument(case):
    _, call, exc, arg, fragment = case
    with pytest.raises(exc) as err:
        call()
    assert type(err.value) is exc
    message = str(err.value)
    assert arg in message, f"message does not name {arg!r}: {message}"
    assert fragment in message, f"message lacks {fragment!r}: {message}"


@pytest.mark.parametrize("answer", [..., None, "two", [1, 2, 3], {"w": 2}, object(), float("nan")])
def test_exercise_feedback_never_raises_on_learner_input(answer):
    fb = checks.compare(answer, 2.0, name="w", hint="h")
    assert not fb.ok and isinstance(str(fb), str)
