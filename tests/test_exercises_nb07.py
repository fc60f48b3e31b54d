"""Notebook 07's exercise checks: typical mistakes get their own hint (the reference solutions
and the unfilled starters: tests/test_exercises.py)."""

import torch
from torch.utils.data import DataLoader, RandomSampler

from helpers.exercises import nb07 as ex
from solutions import nb07 as sol


def test_updates_per_epoch_accepts_every_form(answer_forms):
    for form in answer_forms(10):
        fb = ex.check_updates_per_epoch(
            lambda n, b, form=form: answer_forms(sol.updates_per_epoch(n, b))[form]
        )
        assert fb.ok, (form, fb)
    assert ex.check_updates_per_epoch(lambda n, b: -(-n // b)).ok  # another correct way


def test_to_original_units_accepts_every_form(answer_forms):
    for form in answer_forms(torch.zeros(2)):  # the forms of a vector w

        def w_as_form(w_std, b_std, mean, std, form=form):
            w, b = sol.to_original_units(w_std, b_std, mean, std)
            forms = answer_forms(w)
            return forms.get(form, forms["float64 tensor"]), b

        fb = ex.check_to_original_units(w_as_form)
        assert fb.ok, (form, fb)
    for form in answer_forms(1.0):  # the forms of a scalar b

        def b_as_form(w_std, b_std, mean, std, form=form):
            w, b = sol.to_original_units(w_std, b_std, mean, std)
            return w, answer_forms(b)[form]

        fb = ex.check_to_original_units(b_as_form)
        assert fb.ok, (form, fb)
    assert ex.check_to_original_units(
        lambda w, b, m, s: [(w / s).tolist(), (b - w @ (m / s)).item()]
    ).ok


def test_updates_per_epoch_typical_mistakes():
    fb = ex.check_updates_per_epoch(lambda n, b: n // b)
    assert not fb.ok and "drops the last, smaller batch" in fb.hint
    assert "updates_per_epoch(100, 32) = 3 " in fb.message
    fb = ex.check_updates_per_epoch(lambda n, b: n / b)
    assert not fb.ok and "not a whole number" in fb.hint
    # right for 100 / 32, wrong for 100 / 10
    fb = ex.check_updates_per_epoch(lambda n, b: n // b + 1)
    assert (
        not fb.ok
        and "count the batches" in fb.hint
        and "updates_per_epoch(100, 10) = 11 " in fb.message
    )
    fb = ex.check_updates_per_epoch(lambda n, b: 1 / 0)
    assert not fb.ok and "ZeroDivisionError" in fb.message and "count the batches" in fb.hint
    fb = ex.check_updates_per_epoch(5)
    assert not fb.ok and "should be a function" in fb.message


def test_to_original_units_typical_mistakes():
    fb = ex.check_to_original_units(lambda w, b, m, s: (w * s, b - (w * s * m).sum()))
    assert (
        not fb.ok and "the weight on x is w_std / std" in fb.hint and fb.message.startswith("w of")
    )
    fb = ex.check_to_original_units(lambda w, b, m, s: (w / s, b))
    assert not fb.ok and "b is not b_std" in fb.hint and fb.message.startswith("b of")
    # forgot to divide inside b
    fb = ex.check_to_original_units(lambda w, b, m, s: (w / s, b - (w * m).sum()))
    assert not fb.ok and "−Σ (w_std / std)·mean" in fb.hint
    fb = ex.check_to_original_units(lambda w, b, m, s: (w / s, b + (w / s * m).sum()))
    assert not fb.ok and "check the sign" in fb.hint
    fb = ex.check_to_original_units(lambda w, b, m, s: (w / s, b - 1))
    assert not fb.ok and "collect what multiplies x" in fb.hint
    fb = ex.check_to_original_units(lambda w, b, m, s: w / s)
    assert not fb.ok and "pair (w, b)" in fb.message
    fb = ex.check_to_original_units(lambda w, b, m, s: ("w", "b"))
    assert not fb.ok and "str" in fb.message
    fb = ex.check_to_original_units(lambda w, b, m, s: m.undefined)
    assert not fb.ok and "AttributeError" in fb.message and "collect what multiplies x" in fb.hint
    fb = ex.check_to_original_units("w / std")
    assert not fb.ok and "should be a function" in fb.message


def test_reproducible_loader_typical_mistakes():
    torch.manual_seed(5)
    state = torch.get_rng_state()

    fb = ex.check_make_loader(lambda ds: DataLoader(ds, batch_size=10, shuffle=True))
    assert not fb.ok and "different batches" in fb.message and "seeded" in fb.hint

    def global_seed(ds):
        torch.manual_seed(0)
        return DataLoader(ds, batch_size=10, shuffle=True)

    fb = ex.check_make_loader(global_seed)
    assert (
        not fb.ok
        and "global random generator" in fb.message
        and "generator= to the DataLoader itself" in fb.hint
    )

    # right batches, but the loader still draws a seed from the global generator each epoch
    def sampler_only(
        ds,
    ):
        return DataLoader(
            ds,
            batch_size=10,
            sampler=RandomSampler(ds, generator=torch.Generator().manual_seed(0)),
        )

    fb = ex.check_make_loader(sampler_only)
    assert not fb.ok and "global random generator" in fb.message and "every epoch" in fb.hint
    # the check restored the learner's global state
    assert torch.equal(state, torch.get_rng_state())

    # seeded once, outside: the second loader continues its stream
    shared = torch.Generator().manual_seed(0)
    fb = ex.check_make_loader(
        lambda ds: DataLoader(ds, batch_size=10, shuffle=True, generator=shared)
    )
    assert not fb.ok and "different batches" in fb.message

    fixed = torch.randperm(100, generator=torch.Generator().manual_seed(0)).tolist()
    fb = ex.check_make_loader(
        lambda ds: DataLoader(ds, batch_size=10, sampler=fixed, generator=torch.Generator())
    )
    assert not fb.ok and "shuffles once" in fb.message

    fb = ex.check_make_loader(lambda ds: DataLoader(ds, batch_size=10))
    assert not fb.ok and "does not shuffle" in fb.message
    # the hint does not print the solution
    assert "generator=torch.Generator().manual_seed(0)" not in fb.hint
    fb = ex.check_make_loader(
        lambda ds: DataLoader(
            ds, batch_size=32, shuffle=True, generator=torch.Generator().manual_seed(0)
        )
    )
    assert not fb.ok and "batch size to 10" in fb.hint
    fb = ex.check_make_loader(lambda ds: list(ds))
    assert not fb.ok and "should return a DataLoader" in fb.message
    fb = ex.check_make_loader(lambda ds: DataLoader(ds, batch_size=10, shuffle=True, generator=7))
    assert not fb.ok and "raised" in fb.message
    fb = ex.check_make_loader(lambda: None)
    assert not fb.ok and "TypeError" in fb.message
    assert torch.equal(state, torch.get_rng_state())
