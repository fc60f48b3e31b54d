"""Data-parallel training (notebook 09): each process trains on its own shard of the data, an
all-reduce averages the gradients, and every process takes the same step (``torch.distributed``
with the gloo backend, on the CPU).

A spawned process finds its work function by module and name, so the worker lives here, not in a
notebook. From Python, :func:`train` and :func:`time_steps` start the processes and return what
they computed; from a shell the same training runs under torchrun (see :func:`main`)::

    torchrun --standalone --local-addr 127.0.0.1 --nproc-per-node 2 -m helpers.parallel

(``--standalone`` picks a free port, so many users of one machine do not clash; ``--local-addr``
makes the processes meet at 127.0.0.1 rather than at the machine's name, and :func:`main` tells
gloo to use the loopback interface: it runs with no network at all.)
"""

import datetime
import logging
import os
import pickle
import statistics
import sys
import tempfile
import threading
import time

import torch
import torch.distributed as dist
from torch import nn
from torch.nn.parallel import DistributedDataParallel

from ._validate import finite_float, integer, one_of, tensor

#: How long a process waits in an all-reduce for a peer that died (gloo's default is 30 minutes).
TIMEOUT = datetime.timedelta(seconds=30)
LOSSES = ("shard mean", "full mean")


def _train_shard(X, y, *, w0, lr, steps, loss="shard mean", fail_rank=None):
    """This process's part of training: ``nn.Linear(d, 1, bias=False)`` starting at ``w0``, wrapped
    in DistributedDataParallel, full-batch SGD on this rank's shard of X: (n, d), y: (n,)."""
    rank, world_size = dist.get_rank(), dist.get_world_size()
    X_shard, y_shard = X.tensor_split(world_size)[rank], y.tensor_split(world_size)[rank]
    model = nn.Linear(X.shape[1], 1, bias=False, dtype=X.dtype)
    with torch.no_grad():
        model.weight.copy_(w0.reshape(1, -1))  # the start (DDP also copies rank 0's to the others)
    model = DistributedDataParallel(model)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    for step in range(steps):
        if step == steps // 2 and rank == fail_rank:
            raise RuntimeError(f"process {rank} stopped at step {step}, as asked (fail_rank)")
        squared = (model(X_shard).squeeze(1) - y_shard) ** 2  # 1. forward
        if loss == "shard mean":  # 2. loss: this shard's mean; DDP averages over processes
            loss_value = squared.mean()
        else:  # this shard's share of the full mean, times world_size (DDP divides by it)
            loss_value = squared.sum() * world_size / len(X)
        loss_value.backward()  # 3. backward; DDP all-reduces (averages) the gradients
        optimizer.step()  # 4. update, then clear the gradients
        optimizer.zero_grad()
    return {"weight": model.module.weight.detach().reshape(-1)}


def _median_seconds(fn, steps):
    """The median time of ``steps`` calls of ``fn`` (after a warm-up), all processes at once."""
    fn()
    seconds = []
    for _ in range(steps):
        dist.barrier()  # start together: time the work, not the wait for a late partner
        start = time.perf_counter()
        fn()
        seconds.append(time.perf_counter() - start)
    return statistics.median(seconds)  # robust to a moment when the machine was busy


def _time_shard(ns, *, steps):
    """For each n: seconds per training step on n rows split over the processes, and per
    all-reduce of the model's 3 gradients, measured on rank 0 (random data: only sizes matter)."""
    rank, world_size = dist.get_rank(), dist.get_world_size()
    model = DistributedDataParallel(nn.Linear(3, 1, bias=False))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    results = {}
    for n in ns:
        rows = n // world_size + (rank < n % world_size)  # this shard, as tensor_split cuts it
        X = torch.randn(rows, 3, generator=torch.Generator().manual_seed(rank))
        y = X.sum(1)

        def step(X=X, y=y):
            ((model(X).squeeze(1) - y) ** 2).mean().backward()
            optimizer.step()
            optimizer.zero_grad()

        def all_reduce():
            dist.all_reduce(torch.zeros(3))

        results[n] = {"step": _median_seconds(step, steps)}
        results[n]["all_reduce"] = _median_seconds(all_reduce, steps)
    return results


def _join_on_loopback():
    """Let gloo talk over the loopback interface (else, where the host name does not resolve to a
    local address, it prints a warning or waits). A value already set is kept."""
    interface = {"linux": "lo", "darwin": "lo0"}.get(sys.platform)
    if interface:
        os.environ.setdefault("GLOO_SOCKET_IFNAME", interface)


def _end_with_parent(parent):
    """End this process within a second of its parent's end, even one that ended while this one
    was starting (a kernel that is killed cannot end its workers itself)."""

    def watch():
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _worker(rank, world_size, folder, job, kwargs, parent):
    """One spawned process: one thread, join the group through a file in ``folder``, run
    ``job(**kwargs)``; rank 0 saves what it returns (a dict of tensors or numbers)."""
    torch.set_num_threads(1)  # first: the processes share the cores
    _end_with_parent(parent)
    _join_on_loopback()
    init = f"file://{os.path.join(folder, 'rendezvous')}"
    dist.init_process_group(
        "gloo", init_method=init, rank=rank, world_size=world_size, timeout=TIMEOUT
    )
    try:
        result = job(**kwargs)
    except KeyboardInterrupt:  # an interrupt, or the parent ended: leave the group at once
        dist.destroy_process_group()
        raise
    # A job that raises keeps its connections until this process exits, after torch has written
    # its error: so the process that failed first also wrote its error first.
    if rank == 0:
        torch.save(result, os.path.join(folder, "result.pt"))
    dist.destroy_process_group()


def _first_error(context):
    """``process <rank> failed: <the last line of its traceback>`` for the process that failed
    first: the others (connection closed by peer) failed because of it."""
    written = [(os.stat(f).st_mtime_ns, rank, f) for rank, f in enumerate(context.error_files)
               if os.path.exists(f)]  # fmt: skip
    _, rank, path = min(written)
    with open(path, "rb") as f:
        message = pickle.load(f).strip().splitlines()[-1]
    return f"process {rank} failed: {message}"


def _spawn(job, world_size, **kwargs):
    """Run ``job`` in ``world_size`` new processes and return rank 0's result. A process that
    raises makes this raise with its message; no process is left running, whatever happens."""
    spawn_log = logging.getLogger("torch.multiprocessing.spawn")
    level = spawn_log.level
    spawn_log.setLevel(logging.ERROR)  # not its "Terminating process <pid>": we end them below
    with tempfile.TemporaryDirectory(prefix="linreg-ddp-") as folder:  # a fresh rendezvous file
        context = torch.multiprocessing.start_processes(
            _worker,
            (world_size, folder, job, kwargs, os.getpid()),
            world_size,
            join=False,
            start_method="spawn",
        )
        try:
            while not context.join():
                pass
        except torch.multiprocessing.ProcessRaisedException:
            raise RuntimeError(_first_error(context)) from None
        finally:  # a failure or an interrupt: end the processes we started, remove their errors
            spawn_log.setLevel(level)
            for process in context.processes:
                process.kill()
                process.join()
            for path in context.error_files:
                if os.path.exists(path):
                    os.remove(path)
        return torch.load(os.path.join(folder, "result.pt"), weights_only=True)


def _world_size(world_size, n):
    """At most one process per row, and per CPU core (2 allowed on a 1-core machine: slower)."""
    return integer(world_size, name="world_size", maximum=min(n, max(2, os.cpu_count() or 1)))


def train(X, y, *, w0, lr, steps, world_size=2, loss="shard mean", fail_rank=None):
    """Full-batch gradient descent on the MSE of ``X @ w`` against y, with ``world_size``
    processes, each holding a shard of about n / world_size rows; returns the trained w: (d,).

    X: (n, d) float, y: (n,), w0: (d,) the start. ``loss="shard mean"``: each process's loss is
    its shard's mean (exact when the shards are equal); ``"full mean"``: its share of the mean over
    all n rows (exact always). ``fail_rank``: that process raises halfway, to see a failure.
    """
    X, y = tensor(X, name="X", ndim=(2,)), tensor(y, name="y", ndim=(1,))
    w0 = tensor(w0, name="w0", ndim=(1,))
    if X.device.type != "cpu" or not X.is_floating_point():
        raise ValueError(f"X must be a float tensor on the CPU (gloo), got {X.dtype} on {X.device}")
    if len(y) != len(X) or len(w0) != X.shape[1]:
        raise ValueError(
            f"X: (n, d), y: (n,) and w0: (d,) must agree, got {tuple(X.shape)}, "
            f"{tuple(y.shape)} and {tuple(w0.shape)}"
        )
    world_size = _world_size(world_size, len(X))
    lr, steps = finite_float(lr, name="lr", minimum=0), integer(steps, name="steps", minimum=0)
    if fail_rank is not None:
        integer(fail_rank, name="fail_rank", minimum=0, maximum=world_size - 1)
    kwargs = {"w0": w0.to("cpu", X.dtype), "lr": lr, "steps": steps, "fail_rank": fail_rank}
    kwargs["loss"] = one_of(loss, LOSSES, name="loss")
    return _spawn(_train_shard, world_size, X=X, y=y.to("cpu", X.dtype), **kwargs)["weight"]


def time_steps(ns, *, world_size, steps=30):
    """For each n of ``ns``: seconds per full-batch step on n rows (3 features) with ``world_size``
    processes, and per all-reduce of the 3 gradients (medians of ``steps``), as
    ``{n: {"step": ..., "all_reduce": ...}}``."""
    ns = [integer(n, name="each n of ns") for n in ns]
    if not ns:
        raise ValueError("ns must hold at least one number of rows, got none")
    world_size, steps = _world_size(world_size, min(ns)), integer(steps, name="steps")
    return _spawn(_time_shard, world_size, ns=ns, steps=steps)


def main():
    """Under torchrun: notebook 04's data and start, 100 steps; rank 0 prints what every process
    ends with (each process builds the same data from the seed, then keeps its shard)."""
    from .data import linear_data

    torch.set_num_threads(1)
    _join_on_loopback()
    dist.init_process_group("gloo", timeout=TIMEOUT)  # torchrun says where and who
    try:
        d = linear_data()
        w0 = torch.tensor([-5.0, 10.0])
        w = _train_shard(d.X, d.y, w0=w0, lr=0.1, steps=100)["weight"]
        if dist.get_rank() == 0:
            print(f"{dist.get_world_size()} processes, 100 steps: w = {w[0]:.4f}, {w[1]:.4f}")
    finally:
        dist.destroy_process_group()


if __name__ == "__main__":
    main()
