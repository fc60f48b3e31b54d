"""The forms of a right answer that every numeric exercise check must accept (tests/conftest.py)."""

import torch

from helpers.exercises.feedback import compare


def test_every_form_passes_compare(answer_forms):
    for value in (1.2345678901, [1.5, -2.25, 1.0 + 1.0 / 3], torch.tensor([[0.5], [2.0]])):
        forms = answer_forms(value)
        assert len(forms) >= 6
        for form, answer in forms.items():
            assert compare(answer, value, name="a").ok, form


def test_a_scalar_has_the_one_element_forms(answer_forms):
    forms = answer_forms(2.0)
    assert forms["tensor (1,)"].shape == (1,) and forms["tensor (1, 1)"].shape == (1, 1)
    assert forms["float32 tensor"].dtype == torch.float32 and isinstance(
        forms["python float"], float
    )
