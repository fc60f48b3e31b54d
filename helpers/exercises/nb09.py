"""Checks for the exercises of notebook 09 (data parallel training)."""

import torch

from ..language import _
from .feedback import Mistake, compare, graded

# 4 significant digits: 0.3337 for 334 / 1001 = 0.333666... is within 2.5e-4 of it, relatively
FOUR_DIGITS = 2.5e-4


@graded
def check_shard_weights(answer):
    """Exercise 1: the weight of each of 3 shards (1001 rows, tensor_split) in the full mean."""
    sizes = [334, 334, 333]
    want = [s / 1001 for s in sizes]
    mistakes = [
        Mistake(
            [1 / 3] * 3,
            _(
                "equal weights are what DDP's average gives, and it is exact only for equal "
                "shards; "
                "weigh each shard by its share of the rows."
            ),
        ),
        Mistake(sizes, _("those are the shard sizes; divide each by n = 1001.")),
        Mistake(
            [s / 1001 for s in [333, 334, 334]],
            _("tensor_split gives the extra rows to the first shards, not the last."),
        ),
        Mistake(
            [3 * s / 1001 for s in sizes],
            _(
                "that is the factor of the 'full mean' loss, which DDP then divides by 3; the "
                "weights "
                "themselves add up to 1."
            ),
        ),
        Mistake(
            lambda got: (
                got.numel() == 3
                and torch.allclose(got, torch.tensor(want, dtype=got.dtype), rtol=3e-3)
            ),
            _("right idea; give at least 4 significant digits (or compute them, e.g. 334 / 1001)."),
        ),
    ]
    hint = _(
        "shard k holds n_k of the 1001 rows; the full mean is Σ_k (n_k / n) · (mean of shard k)."
    )
    return compare(
        answer, want, name="shard_weights", mistakes=mistakes, hint=hint, rtol=FOUR_DIGITS
    )


@graded
def check_summed_lr(answer):
    """Exercise 2: the learning rate that makes 4 summed shard gradients take our steps (lr 0.1)."""
    mistakes = [
        Mistake(
            0.4, _("the sum is 4 times the average, so the step is already 4 times larger: divide.")
        ),
        Mistake(0.1, _("with the same lr, the sum of 4 gradients makes each step 4 times larger.")),
        Mistake(0.05, _("there are 4 processes, not 2.")),
    ]
    hint = _(
        "the sum of 4 shard gradients is 4 times their average; lr · sum must equal 0.1 · average."
    )
    return compare(
        answer, 0.1 / 4, name="summed_lr", mistakes=mistakes, hint=hint, rtol=FOUR_DIGITS
    )


@graded
def check_sampler_counts(answer):
    """Exercise 3: DistributedSampler, 10 samples, 4 processes: (indices per process, repeats)."""
    mistakes = [
        Mistake(
            [2, 0],
            _("that is drop_last=True (and then 2 samples are never seen); the default pads."),
        ),
        Mistake([2.5, 0], _("each process gets a whole number of indices: 10 / 4 rounded up.")),
        Mistake([3, 0], _("3 per process makes 12 indices for 10 samples: how many are repeats?")),
        Mistake(
            [3, 12],
            _("12 indices are handed out, but only those beyond the 10 samples are repeats."),
        ),
    ]
    hint = _(
        "each process gets ⌈n / processes⌉ indices; the sampler repeats samples to fill them up."
    )
    return compare(answer, [3, 2], name="sampler_counts", mistakes=mistakes, hint=hint)
