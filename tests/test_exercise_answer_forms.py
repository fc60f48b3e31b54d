"""Every exercise whose answer is a value accepts the reference solution in every form a learner
may give it (the ``answer_forms`` fixture: Python and numpy numbers, float32 and float64 tensors,
one-element tensors for a scalar, the value typed back from a 6-digit print).

Exercises whose answer is a function are tested the same way in their own test files."""

import importlib

import pytest

# (notebook, check in helpers.exercises.nbNN, reference in solutions.nbNN)
VALUE_EXERCISES = [
    ("nb01", "check_mse_at_1_25", "mse_at_1_25"),
    ("nb01", "check_best_w_with_b1", "best_w_with_b1"),
    ("nb02", "check_w_after_one_epoch", "w_after_one_epoch"),
    ("nb02", "check_lr_limit", "lr_limit"),
    ("nb03", "check_x_grad", "x_grad"),
    ("nb03", "check_accumulated_grad", "accumulated_grad"),
    ("nb04", "check_closed_form", "what_half"),
    ("nb04", "check_grad_without_zero_grad", "grad_without_zero_grad"),
    ("nb05", "check_lr_for_sum", "lr_for_sum"),
    ("nb05", "check_mse_true_weights", "mse_true"),
    ("nb06", "check_l1_min_steps", "l1_min_steps"),
    ("nb08", "check_reverse_slope", "reverse_slope"),
    ("nb08", "check_r2_all", "r2_all"),
    ("nb08", "check_r2_long", "r2_long"),
]


@pytest.mark.parametrize("notebook, check, reference", VALUE_EXERCISES)
def test_reference_answer_passes_in_every_form(notebook, check, reference, answer_forms):
    check = getattr(importlib.import_module(f"helpers.exercises.{notebook}"), check)
    value = getattr(importlib.import_module(f"solutions.{notebook}"), reference)
    for form, answer in answer_forms(value).items():
        fb = check(answer)
        assert fb.ok and str(fb).startswith("✅ Right"), (form, fb)
