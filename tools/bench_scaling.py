"""Notebook 07's scaling table outside the notebook, and further: how one epoch grows with n.

    python3 dev.py bench scaling                 # CPU (and the GPU if any), n = 10^3 .. 10^6
    python3 dev.py bench scaling --max-exp 7     # up to n = 10^7 (about 0.3 GB of data)
    python3 dev.py bench scaling --device cuda --repeats 20
    .venv/bin/python tools/bench_scaling.py --threads 4  # CPU threads (default: as set; dev.py: 1)

One epoch = forward, MSE loss, backward and SGD step of ``nn.Linear(3, 1)`` on
X: (n, 3), y: (n, 1); the floor is ``X.sum()``, one pass over the same tensor
(see ``helpers.timing``). For each device it prints the times, and the ratios
that do not depend on how fast the machine is: epoch / floor, and epoch(n) /
epoch(smallest n) next to n / smallest n (equal when the cost is linear). The
last line gives the growth between the two largest n, divided by their size
ratio (``helpers.timing.growth``): about 1 for linear cost, much
less than 1 while a fixed per-step overhead (Python, dispatch, kernel
launches) dominates, which on a GPU lasts to large n.

``dev.py bench`` runs this with the tests' environment (OMP_NUM_THREADS=1,
LINREG_DEVICE=cpu); the accelerator, if any, is still timed: this script drops
LINREG_DEVICE before ``helpers.device.pick_device`` looks for one.
"""

from __future__ import annotations

import argparse
import os
import sys


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="bench_scaling", description=__doc__.split("\n\n")[0])
    p.add_argument("--min-exp", type=int, default=3, help="smallest n is 10**MIN_EXP (default 3)")
    p.add_argument(
        "--max-exp",
        type=int,
        default=6,
        help="largest n is 10**MAX_EXP (default 6; 7 or 8 go further)",
    )
    p.add_argument(
        "--half-decades", action="store_true", help="also time 3 * 10**k between the decades"
    )
    p.add_argument(
        "--device",
        action="append",
        help="device to time (repeatable); default: cpu and the accelerator if any",
    )
    p.add_argument(
        "--repeats",
        type=int,
        default=7,
        help="timed calls per size; the best one counts (default 7)",
    )
    p.add_argument("--seed", type=int, default=0, help="seed of the data (default 0)")
    p.add_argument(
        "--threads",
        type=int,
        default=None,
        help="torch CPU threads (default: leave as the environment set it)",
    )
    args = p.parse_args(argv)
    if not 1 <= args.min_exp <= args.max_exp <= 9:
        p.error(f"need 1 <= --min-exp <= --max-exp <= 9, got {args.min_exp} and {args.max_exp}")
    if args.repeats < 1:
        p.error(f"--repeats must be >= 1, got {args.repeats}")
    if args.threads is not None and args.threads < 1:
        p.error(f"--threads must be >= 1, got {args.threads}")
    return args


def sizes(min_exp: int, max_exp: int, half_decades: bool) -> list[int]:
    ns = []
    for k in range(min_exp, max_exp + 1):
        ns.append(10**k)
        if half_decades and k < max_exp:
            ns.append(3 * 10**k)
    return ns


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    import torch

    from helpers import timing
    from helpers.device import DEVICE_ENV_VAR, pick_device

    if args.threads is not None:
        torch.set_num_threads(args.threads)
    os.environ.pop(DEVICE_ENV_VAR, None)  # dev.py bench sets it for the notebooks, not for here
    best = pick_device()  # CUDA, then MPS, then the CPU
    devices = args.device or ["cpu"] + ([best.type] if best.type != "cpu" else [])
    ns = sizes(args.min_exp, args.max_exp, args.half_decades)
    print(
        f"scaling of one full-batch epoch (nn.Linear(3, 1) on X: (n, 3)) vs the floor X.sum();"
        f" torch {torch.__version__}, {torch.get_num_threads()} CPU thread(s),"
        f" best of {args.repeats}"
    )
    for name in devices:
        dev = pick_device(name)  # refuses a device this machine does not have
        rows = timing.scaling_table(ns, device=dev, seed=args.seed, repeats=args.repeats)
        print(f"\ndevice {dev}:")
        print(timing.format_table(rows))
        print(
            f"growth between the two largest n (1 = linear): {timing.growth(rows):.2f};"
            f" epoch / floor at n = {rows[-1].n:,}: {rows[-1].ratio:.1f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
