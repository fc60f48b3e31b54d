"""Unit tests for helpers.fitting."""

import math

import pytest
import torch

from helpers import fitting


def test_least_squares_matches_normal_equations():
    X = torch.tensor([[1.0, 0.0], [1.0, 1.0], [1.0, 2.0]])
    y = torch.tensor([1.0, 3.0, 5.0])
    w = fitting.least_squares(X, y)
    assert w.dtype == torch.float64 and w.shape == (2,)
    torch.testing.assert_close(w, torch.tensor([1.0, 2.0], dtype=torch.float64))
    assert fitting.least_squares(X, y.unsqueeze(1)).shape == (2, 1)


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
        fitting.least_squares(X, y)


def test_distance_to_closed_form():
    assert fitting.distance_to_closed_form(
        torch.tensor([2.5, 4.0]), [2.5005, 3.999]
    ) == pytest.approx(1e-3)
    assert fitting.distance_to_closed_form(torch.tensor([[1.0]]), torch.tensor([1.0])) == 0.0
    assert fitting.distance_to_closed_form([0.0, 1.0], [0.5, 1.0]) == 0.5
    assert math.isnan(fitting.distance_to_closed_form([float("nan")], [1.0]))  # a diverged training
    for bad in (([1.0], [1.0, 2.0]), ("abc", [1.0]), ([], [])):
        with pytest.raises(ValueError, match="same number of values"):
            fitting.distance_to_closed_form(*bad)
