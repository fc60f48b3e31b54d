"""Notebook 09's exercise checks: typical mistakes get their own hint (the reference solutions
and the unfilled starters: tests/test_exercises.py)."""

import pytest
import torch

from helpers.exercises import nb09 as ex
from solutions import nb09 as sol


def test_reference_values():
    assert sol.sizes == [334, 334, 333]
    assert sol.shard_weights == pytest.approx([0.333666, 0.333666, 0.332667], abs=1e-6)
    assert sol.summed_lr == pytest.approx(0.025)
    assert sol.sampler_counts == (3, 2)


def test_shard_weights_to_four_digits_and_as_fractions():
    assert ex.check_shard_weights([0.3337, 0.3337, 0.3327]).ok
    assert ex.check_shard_weights(torch.tensor([334, 334, 333]) / 1001).ok
    assert not ex.check_shard_weights([0.334, 0.334, 0.333]).ok  # 3 digits
    assert not ex.check_shard_weights([0.3337, 0.3337]).ok


@pytest.mark.parametrize(
    ("check", "answer", "hint"),
    [
        (ex.check_shard_weights, [1 / 3] * 3, "equal weights are what DDP's average gives"),
        (ex.check_shard_weights, [334, 334, 333], "divide each by n = 1001"),
        (ex.check_shard_weights, [0.3327, 0.3337, 0.3337], "not the last"),
        (ex.check_shard_weights, [1.001, 1.001, 0.998], "add up to 1"),
        (ex.check_shard_weights, [0.334, 0.334, 0.333], "at least 4 significant digits"),
        (ex.check_summed_lr, 0.4, "divide"),
        (ex.check_summed_lr, 0.1, "4 times larger"),
        (ex.check_summed_lr, 0.05, "4 processes, not 2"),
        (ex.check_sampler_counts, (2, 0), "drop_last=True"),
        (ex.check_sampler_counts, [2.5, 0], "rounded up"),
        (ex.check_sampler_counts, torch.tensor([3, 0]), "how many are repeats"),
        (ex.check_sampler_counts, (3, 12), "beyond the 10 samples"),
        (ex.check_sampler_counts, (3, 3), "⌈n / processes⌉"),
    ],
)
def test_typical_mistakes_get_their_hint(check, answer, hint):
    fb = check(answer)
    assert not fb.ok and hint in fb.hint, fb
