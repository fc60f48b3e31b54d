"""Checks for the exercises of notebook 07 (mini-batches, scaling, reproducibility)."""

import torch

from ..language import N_, _
from .feedback import Feedback, Mistake, call_safely, check_callable, compare, graded


@graded
def check_updates_per_epoch(fn):
    """Exercise 1: updates_per_epoch(n, batch_size) = ceil(n / batch_size), exactly."""
    cases = [((100, 10), 10), ((100, 32), 4), ((272, 64), 5), ((5, 10), 1), ((100, 1), 100)]
    mistakes = [
        Mistake(
            lambda n, b: n // b,
            _(
                "n // batch_size drops the last, smaller batch; "
                "a DataLoader with drop_last=False yields it too."
            ),
        ),
        Mistake(
            lambda n, b: n / b,
            _(
                "n / batch_size is not a whole number of updates: part of a batch is one more "
                "update."
            ),
        ),
    ]
    hint = _("count the batches: the full ones, plus one for the samples left over (math.ceil).")
    return check_callable(
        fn, name="updates_per_epoch", cases=cases, mistakes=mistakes, hint=hint, rtol=0, atol=0
    )


# (w_std, b_std, mean, std): Section 5's model with x1 in centimetres, one feature, three features
_CASES = [
    tuple(map(torch.tensor, case))
    for case in (
        ([3.9, -1.8], 1.6, [-18.7, 0.064], [98.9, 0.98]),
        ([2.0], 70.0, [3.5], [1.1]),
        ([1.0, 1.0, 1.0], 0.0, [1.0, 2.0, 3.0], [2.0, 4.0, 8.0]),
    )
]


@graded
def check_to_original_units(fn, *, rtol=1e-5):
    """Exercise 2: map (w_std, b_std), learned on (x - mean) / std, back to the original units.

    b_std + sum_j w_std[j] (x[j] - mean[j]) / std[j] = b + sum_j w[j] x[j]
    with w = w_std / std and b = b_std - sum_j w[j] mean[j]; compared with relative tolerance rtol.
    """
    name = "to_original_units"
    hint = _(
        "expand b_std + Σ w_std·(x − mean)/std; collect what multiplies x and what is left over."
    )
    for case in _CASES:
        w_std, b_std, mean, std = case
        got, problem = call_safely(fn, *(t.clone() for t in case), name=name, hint=hint)
        if problem is not None:
            return problem
        if not isinstance(got, (tuple, list)) or len(got) != 2:
            message = _("{name} should return a pair (w, b), got {kind}.")
            message = message.format(name=name, kind=type(got).__name__)
            return Feedback(False, message, _("end with `return w, b`."))
        args = f"(w_std={[round(v, 4) for v in w_std.tolist()]}, b_std={b_std.item():g}, ...)"
        w = (w_std / std).double()
        b = b_std.double() - (w * mean).sum()
        w_mistakes = [
            Mistake(
                w_std * std,
                _("the model divides (x − mean) by std: the weight on x is w_std / std."),
            ),
        ]
        b_mistakes = [
            Mistake(
                b_std, _("b is not b_std: subtracting the mean shifts the constant by −Σ w·mean.")
            ),
            Mistake(
                b_std - (w_std * mean).sum(),
                _("the shift uses the weights in the original units: −Σ (w_std / std)·mean."),
            ),
            Mistake(
                b_std + (w * mean).sum(),
                _("check the sign: w·(x − mean) = w·x − w·mean, so b = b_std − Σ w·mean."),
            ),
        ]
        for part, value, want, mistakes in (
            ("w", got[0], w, w_mistakes),
            ("b", got[1], b, b_mistakes),
        ):
            result = compare(
                value,
                want,
                name=_("{part} of {call}").format(part=part, call=name + args),
                mistakes=mistakes,
                hint=hint,
                rtol=rtol,
            )
            if not result.ok:
                return result
    message = _("{name} gives the right (w, b) in all {count} test cases.")
    return Feedback(True, message.format(name=name, count=len(_CASES)))


def _two_epochs(loader):
    """The sample numbers in each batch of two epochs of a loader over TensorDataset(arange(n))."""
    return [[batch[0].reshape(-1).tolist() for batch in loader] for _ in range(2)]


_SHUFFLE_HINT = N_(
    "a DataLoader takes shuffle= and generator= (Section 2's demo_loader uses both)."
)
_SEED_HINT = N_(
    "the order is drawn from a random generator: give the DataLoader a generator= "
    "that is seeded anew every time make_loader runs."
)
_GLOBAL_HINT = N_(
    "a DataLoader without generator= draws a seed from the global generator every epoch, "
    "even when it does not shuffle or its sampler has its own generator; "
    "torch.manual_seed resets the global generator for the whole program. "
    "Pass a seeded generator= to the DataLoader itself."
)


@graded
def check_make_loader(make_loader):
    """Exercise 3: make_loader(dataset) -> a DataLoader with batches of 10, shuffled every epoch,
    the same batches (two epochs compared) every time it is built, no global random draw.
    """
    from torch.utils.data import DataLoader, TensorDataset

    name, shuffle_hint = "make_loader", _(_SHUFFLE_HINT)
    dataset = TensorDataset(torch.arange(100))
    state = torch.get_rng_state()
    try:
        loader, problem = call_safely(make_loader, dataset, name=name, hint=shuffle_hint)
        if problem is None and not isinstance(loader, DataLoader):
            message = _("{name} should return a DataLoader, got {kind}.")
            problem = Feedback(
                False, message.format(name=name, kind=type(loader).__name__), shuffle_hint
            )
        if problem is not None:
            return problem
        torch.set_rng_state(state)
        runs, problem = call_safely(
            lambda ds: [_two_epochs(make_loader(ds)) for _ in range(2)],  # two loaders
            dataset,
            name=name,
            hint=shuffle_hint,
        )
        if problem is not None:
            return problem
        moved_global = not torch.equal(state, torch.get_rng_state())
    finally:
        torch.set_rng_state(state)  # leave the learner's global random state as it was
    first, second = runs[0]
    sizes = [len(batch) for batch in first]
    rules = [  # (wrong when, what was seen, hint), checked in this order
        (
            any(
                sorted(i for batch in epoch for i in batch) != list(range(100)) for epoch in runs[0]
            ),
            N_("an epoch does not visit each of the 100 samples exactly once."),
            N_("build the loader on the dataset it is given, with no sampler that skips samples."),
        ),
        (
            sizes != [10] * 10,
            _("the batches have sizes {sizes}, expected ten of 10.").format(sizes=sizes),
            N_("set the batch size to 10."),
        ),
        (
            [i for batch in first for i in batch] == list(range(100)),
            N_("the first epoch gives samples 0, 1, 2, ... in order: it does not shuffle."),
            _SHUFFLE_HINT,
        ),
        (
            first == second,
            N_("both epochs give the same order: it shuffles once, not every epoch."),
            _SHUFFLE_HINT,
        ),
        (
            runs[0] != runs[1],
            N_("two loaders built by make_loader give different batches."),
            _SEED_HINT,
        ),
        (
            moved_global,
            N_("the batches repeat, but the loaders used the global random generator."),
            _GLOBAL_HINT,
        ),
    ]
    for wrong, seen, hint in rules:
        if wrong:
            return Feedback(False, _(seen), _(hint))
    message = _("{name} gives the same shuffled batches of 10 every time, from its own generator.")
    return Feedback(True, message.format(name=name))
