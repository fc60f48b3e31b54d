"""Notebook 07's exercise checks: reference solutions pass, typical mistakes get the right hint, nothing raises."""

import torch
from torch.utils.data import DataLoader

from helpers.exercises import nb07 as ex
from solutions import nb07 as sol


def test_reference_solutions_are_accepted():
    assert ex.check_updates_per_epoch(sol.updates_per_epoch).ok
    assert ex.check_to_original_units(sol.to_original_units).ok
    assert ex.check_reproducible_loader(sol.make_loader).ok


def test_unfilled_starters_say_not_yet_without_raising():
    def updates_per_epoch(n, batch_size):
        ...

    def to_original_units(w_std, b_std, mean, std):
        ...

    def make_loader(dataset):
        ...

    for fb in (
        ex.check_updates_per_epoch(updates_per_epoch),
        ex.check_to_original_units(to_original_units),
        ex.check_reproducible_loader(make_loader),
        ex.check_updates_per_epoch(...),
        ex.check_to_original_units(None),
        ex.check_reproducible_loader(...),
    ):
        assert not fb.ok and "still empty" in str(fb)


def test_updates_per_epoch_wrong_answers():
    fb = ex.check_updates_per_epoch(lambda n, b: n // b)
    assert not fb.ok and "drops the last batch" in fb.hint and "math.ceil" in fb.hint
    fb = ex.check_updates_per_epoch(lambda n, b: n / b)
    assert not fb.ok and "round n / batch_size up" in fb.hint
    fb = ex.check_updates_per_epoch(lambda n, b: 1 / 0)
    assert not fb.ok and "ZeroDivisionError" in fb.message
    fb = ex.check_updates_per_epoch(5)
    assert not fb.ok and "should be a function" in fb.message
    assert ex.check_updates_per_epoch(lambda n, b: -(-n // b)).ok  # another correct way


def test_to_original_units_wrong_answers():
    fb = ex.check_to_original_units(lambda w, b, m, s: (w * s, b - (w * s * m).sum()))
    assert not fb.ok and "you multiplied by std" in fb.hint
    fb = ex.check_to_original_units(lambda w, b, m, s: (w / s, b))
    assert not fb.ok and "b is not b_std" in fb.hint
    fb = ex.check_to_original_units(lambda w, b, m, s: (w / s, b - (w * m).sum()))  # forgot to divide inside b
    assert not fb.ok and "b_std − Σ (w_std / std)·mean" in fb.hint
    fb = ex.check_to_original_units(lambda w, b, m, s: w / s)
    assert not fb.ok and "pair (w, b)" in fb.message
    fb = ex.check_to_original_units(lambda w, b, m, s: ("w", "b"))
    assert not fb.ok and "str" in fb.message
    fb = ex.check_to_original_units(lambda w, b, m, s: m.undefined)
    assert not fb.ok and "AttributeError" in fb.message
    fb = ex.check_to_original_units("w / std")
    assert not fb.ok and "should be a function" in fb.message


def test_reproducible_loader_wrong_answers():
    torch.manual_seed(5)
    state = torch.get_rng_state()

    fb = ex.check_reproducible_loader(lambda ds: DataLoader(ds, batch_size=10, shuffle=True))
    assert not fb.ok and "not seeded" in fb.message and "generator" in fb.hint

    def global_seed(ds):
        torch.manual_seed(0)
        return DataLoader(ds, batch_size=10, shuffle=True)

    fb = ex.check_reproducible_loader(global_seed)
    assert not fb.ok and "global random state" in fb.message and "own generator" in fb.hint
    assert torch.equal(state, torch.get_rng_state())  # the check restored the learner's global state

    fb = ex.check_reproducible_loader(lambda ds: DataLoader(ds, batch_size=10))
    assert not fb.ok and "does not shuffle" in fb.message
    fb = ex.check_reproducible_loader(lambda ds: DataLoader(ds, batch_size=32, shuffle=True, generator=torch.Generator().manual_seed(0)))
    assert not fb.ok and "batch_size=10" in fb.hint
    fb = ex.check_reproducible_loader(lambda ds: list(ds))
    assert not fb.ok and "should return a DataLoader" in fb.message
    fb = ex.check_reproducible_loader(lambda ds: DataLoader(ds, batch_size=10, shuffle=True, generator=7))
    assert not fb.ok and "raised" in fb.message
    fb = ex.check_reproducible_loader(lambda: None)
    assert not fb.ok and "TypeError" in fb.message
