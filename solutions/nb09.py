"""Reference solutions for notebook 09."""

import torch
from torch.utils.data import DistributedSampler

# Exercise 1: tensor_split(3) of 1001 rows gives 334, 334, 333; each shard weighs n_k / n
sizes = [len(shard) for shard in torch.arange(1001).tensor_split(3)]
shard_weights = [size / 1001 for size in sizes]

# Exercise 2: the sum of 4 shard gradients is 4 times their average
summed_lr = 0.1 / 4

# Exercise 3: every process gets ceil(10 / 4) = 3 indices; 12 - 10 = 2 are repeats
per_process = [list(DistributedSampler(range(10), num_replicas=4, rank=r)) for r in range(4)]
sampler_counts = (len(per_process[0]), sum(map(len, per_process)) - 10)
