"""Checks for the exercises of notebook 00 (a warm-up that shows how checks work)."""

from ..language import _
from .feedback import compare, graded


@graded
def check_warmup_mse(answer):
    """Exercise 1: the MSE of predictions [2, 4, 6] against targets [2, 4, 7], as a Python float."""
    return compare(
        answer,
        1.0 / 3.0,
        name="warmup_mse",
        hint=_(
            "the squared errors are 0, 0 and 1; the mean divides their sum by the number of"
            " samples (3)."
        ),
    )
