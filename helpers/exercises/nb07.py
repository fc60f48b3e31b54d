"""Checks for the exercises of notebook 07 (mini-batches, scaling, reproducibility)."""

from __future__ import annotations

import math

import torch

from ..checks import Feedback, check_callable, compare, is_unfilled, not_filled


def check_updates_per_epoch(fn) -> Feedback:
    """Exercise 1: updates_per_epoch(n, batch_size) = ceil(n / batch_size) (DataLoader's default drop_last=False)."""
    cases = [((100, 10), 10), ((100, 32), 4), ((272, 64), 5), ((5, 10), 1), ((100, 1), 100), ((100, 100), 1)]
    hint = "a DataLoader with drop_last=False also yields the last, smaller batch: round n / batch_size up (math.ceil)."
    result = check_callable(fn, name="updates_per_epoch", cases=cases, hint=hint, rtol=0, atol=0)
    if not result.ok and callable(fn):
        try:
            if fn(100, 32) == 3:
                hint = "100 // 32 = 3 drops the last batch of 4 samples; " + hint
                return Feedback(False, result.message, hint)
        except Exception:  # learner code: never raise
            pass
    return result


def _reference_to_original(w_std, b_std, mean, std):
    w = w_std / std
    return w, b_std - (w * mean).sum()


_CASES = [
    (torch.tensor([3.9, -1.8]), torch.tensor(1.6), torch.tensor([-18.7, 0.064]), torch.tensor([98.9, 0.98])),
    (torch.tensor([2.0]), torch.tensor(70.0), torch.tensor([3.5]), torch.tensor([1.1])),
    (torch.tensor([1.0, 1.0, 1.0]), torch.tensor(0.0), torch.tensor([1.0, 2.0, 3.0]), torch.tensor([2.0, 4.0, 8.0])),
]


def check_to_original_units(fn) -> Feedback:
    """Exercise 2: map (w_std, b_std) learned on standardised features back to the original units.

    y = b_std + sum_j w_std[j] * (x[j] - mean[j]) / std[j]  =>  w = w_std / std,  b = b_std - sum_j w[j] * mean[j].
    """
    name = "to_original_units"
    if is_unfilled(fn):
        return not_filled(name)
    if not callable(fn):
        return Feedback(False, f"{name} should be a function, got {type(fn).__name__}.")
    hint = "expand b_std + Σ w_std·(x − mean)/std: the weight on x is w_std / std, and the constant is b_std − Σ (w_std / std)·mean."
    for w_std, b_std, mean, std in _CASES:
        args = f"(w_std={w_std.tolist()}, b_std={float(b_std):g}, ...)"
        try:
            got = fn(w_std.clone(), b_std.clone(), mean.clone(), std.clone())
        except NotImplementedError:
            return not_filled(name)
        except Exception as exc:  # learner code: report, never raise
            return Feedback(False, f"{name}{args} raised {type(exc).__name__}: {exc}", hint)
        if is_unfilled(got):
            return not_filled(name)
        if not isinstance(got, (tuple, list)) or len(got) != 2:
            return Feedback(False, f"{name} should return a pair (w, b), got {type(got).__name__}.", "end with `return w, b`.")
        w_want, b_want = _reference_to_original(w_std, b_std, mean, std)
        w_fb = compare(got[0], w_want, name=f"w of {name}{args}", hint=hint)
        if not w_fb.ok:
            try:
                if torch.allclose(torch.as_tensor(got[0], dtype=torch.float64), (w_std * std).double(), rtol=1e-4):
                    return Feedback(False, w_fb.message, "you multiplied by std: the model divides (x − mean) by std, so the weight must be divided too. " + hint)
            except (TypeError, ValueError, RuntimeError):
                pass
            return w_fb
        b_fb = compare(got[1], b_want, name=f"b of {name}{args}", hint=hint)
        if not b_fb.ok:
            try:
                if math.isclose(float(torch.as_tensor(got[1]).reshape(())), float(b_std), rel_tol=1e-6):
                    return Feedback(False, b_fb.message, "b is not b_std: subtracting the mean shifts the constant by −Σ w·mean. " + hint)
            except (TypeError, ValueError, RuntimeError):
                pass
            return b_fb
    return Feedback(True, f"{name} maps standardised parameters back to the original units on all {len(_CASES)} test cases.")


def _batches(loader) -> list[list[int]]:
    return [batch[0].reshape(-1).tolist() if isinstance(batch, (list, tuple)) else batch.reshape(-1).tolist() for batch in loader]


def check_reproducible_loader(make_loader) -> Feedback:
    """Exercise 3: make_loader(dataset) -> a shuffled DataLoader (batch size 10) that gives the same
    batches every time it is built, through its own generator (not the global seed)."""
    name = "make_loader"
    if is_unfilled(make_loader):
        return not_filled(name)
    if not callable(make_loader):
        return Feedback(False, f"{name} should be a function, got {type(make_loader).__name__}.")
    from torch.utils.data import DataLoader, TensorDataset

    dataset = TensorDataset(torch.arange(100))
    hint = "return DataLoader(dataset, batch_size=10, shuffle=True, generator=torch.Generator().manual_seed(0))."
    state = torch.get_rng_state()
    try:
        first = make_loader(dataset)
        if is_unfilled(first):
            return not_filled(name)
        if not isinstance(first, DataLoader):
            return Feedback(False, f"{name} should return a DataLoader, got {type(first).__name__}.", hint)
        a = _batches(first)
        b = _batches(make_loader(dataset))
        changed_global = not torch.equal(state, torch.get_rng_state())
    except NotImplementedError:
        return not_filled(name)
    except Exception as exc:  # learner code: report, never raise
        return Feedback(False, f"{name}(dataset) raised {type(exc).__name__}: {exc}", hint)
    finally:
        torch.set_rng_state(state)  # leave the learner's global random state as it was
    if sorted(i for batch in a for i in batch) != list(range(100)):
        return Feedback(False, "one epoch of the loader does not visit each of the 100 samples exactly once.", hint)
    if [len(batch) for batch in a] != [10] * 10:
        return Feedback(False, f"the batches have sizes {[len(batch) for batch in a]}, expected ten batches of 10.", "use batch_size=10. " + hint)
    if a[0] == list(range(10)):
        return Feedback(False, "the first batch is samples 0..9: the loader does not shuffle.", "pass shuffle=True. " + hint)
    if a != b:
        return Feedback(False, "two loaders built by make_loader give different batches: the shuffle is not seeded.", "pass a seeded generator: " + hint)
    if changed_global:
        return Feedback(
            False,
            "the batches repeat, but make_loader changed the global random state (torch.manual_seed?).",
            "seeding the global generator also changes every other random draw of the program; give the loader its own generator: " + hint,
        )
    return Feedback(True, "make_loader gives shuffled batches of 10, the same every time, from its own generator.")
