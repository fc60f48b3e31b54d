"""helpers.parallel: training in two processes gives the parameters of one process doing full-batch
gradient descent on all the data (and, with uneven shards, only with the "full mean" loss); bad
arguments fail before anything is spawned; a failing or interrupted run leaves no process behind;
the torchrun command of the module's docstring runs offline. Every test has a hard time limit."""

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest
import torch
from project import ROOT  # tools/project.py

from helpers import parallel
from helpers.data import linear_data

pytestmark = pytest.mark.timeout(120)


def one_process(X, y, *, w0, lr, steps):
    """Full-batch gradient descent on the mean squared error, in this process."""
    model = torch.nn.Linear(X.shape[1], 1, bias=False, dtype=X.dtype)
    with torch.no_grad():
        model.weight.copy_(w0.reshape(1, -1))
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    for _ in range(steps):
        ((model(X).squeeze(1) - y) ** 2).mean().backward()
        optimizer.step()
        optimizer.zero_grad()
    return model.weight.detach().reshape(-1)


def alive(pid):
    """Whether ``pid`` is a running process (not gone, not a zombie)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def session(sid):
    """The running processes of session ``sid`` (Linux: read from /proc)."""
    members = []
    for entry in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError):
            continue
        if fields[0] != "Z" and int(fields[3]) == sid:
            members.append(int(entry))
    return members


@pytest.fixture
def spawned(monkeypatch):
    """The process ids that helpers.parallel starts during the test (Linux: read from /proc)."""
    if not sys.platform.startswith("linux"):
        pytest.skip("reads /proc")
    pids, start = [], torch.multiprocessing.start_processes

    def recording(*args, **kwargs):
        context = start(*args, **kwargs)
        pids.extend(context.pids())
        return context

    monkeypatch.setattr(torch.multiprocessing, "start_processes", recording)
    return pids


W0 = torch.tensor([-5.0, 10.0])


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_two_processes_equal_one_process_on_even_shards(spawned, monkeypatch, dtype):
    monkeypatch.delenv("GLOO_SOCKET_IFNAME", raising=False)
    d = linear_data()  # 100 rows: two shards of 50
    X, y = d.X.to(dtype), d.y.to(dtype)
    got = parallel.train(X, y, w0=W0, lr=0.1, steps=30)
    assert got.dtype == dtype
    torch.testing.assert_close(got, one_process(X, y, w0=W0.to(dtype), lr=0.1, steps=30))
    assert len(spawned) == 2 and not any(map(alive, spawned))
    assert "GLOO_SOCKET_IFNAME" not in os.environ  # set in the workers, not in the caller


def test_uneven_shards_need_the_full_mean():
    d = linear_data(201)  # shards of 101 and 100, as in notebook 09
    want = one_process(d.X, d.y, w0=W0, lr=0.1, steps=100)
    shard_mean = parallel.train(d.X, d.y, w0=W0, lr=0.1, steps=100)
    full_mean = parallel.train(d.X, d.y, w0=W0, lr=0.1, steps=100, loss="full mean")
    assert (shard_mean - want).abs().max() / want.abs().max() > 1e-5  # well above float32 rounding
    torch.testing.assert_close(full_mean, want)


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        ({"world_size": 0}, ValueError, r"world_size must be an int in \[1, "),
        ({"world_size": 2.0}, TypeError, "world_size must be an int"),
        ({"world_size": 5}, ValueError, r"world_size must be an int in \[1, [1-4]\], got 5"),
        ({"steps": -1}, ValueError, "steps must be an int >= 0, got -1"),
        ({"lr": float("nan")}, ValueError, "lr must be a finite number >= 0"),
        ({"loss": "sum"}, ValueError, "loss must be one of 'shard mean', 'full mean'; got 'sum'"),
        ({"fail_rank": 2}, ValueError, r"fail_rank must be an int in \[0, 1\], got 2"),
        ({"y": torch.zeros(3)}, ValueError, r"must agree, got \(4, 2\), \(3,\) and \(2,\)"),
        ({"y": torch.zeros(4, 1)}, ValueError, r"y must have 1 dimension\(s\), got shape \(4, 1\)"),
        ({"w0": torch.zeros(3)}, ValueError, r"must agree, got \(4, 2\), \(4,\) and \(3,\)"),
        (
            {"X": torch.zeros(4, 2, dtype=torch.int64)},
            ValueError,
            "X must be a float tensor on the",
        ),
    ],
)
def test_bad_arguments_fail_before_any_process_starts(spawned, kwargs, error, message):
    args = {"X": torch.zeros(4, 2), "y": torch.zeros(4), "w0": torch.zeros(2)} | kwargs
    args = {"lr": 0.1, "steps": 3, "world_size": min(2, os.cpu_count())} | args
    with pytest.raises(error, match=message):
        parallel.train(args.pop("X"), args.pop("y"), **args)
    assert spawned == []


def test_time_steps_measures_a_step_and_an_all_reduce_for_each_n():
    times = parallel.time_steps([101, 1000], world_size=2, steps=5)
    assert list(times) == [101, 1000]
    for n in times:
        assert set(times[n]) == {"step", "all_reduce"}
        assert all(0 < t < 1 for t in times[n].values()), times
    with pytest.raises(ValueError, match="each n of ns must be an int >= 1, got 0"):
        parallel.time_steps([10, 0], world_size=1)
    with pytest.raises(ValueError, match="ns must hold at least one number of rows, got none"):
        parallel.time_steps([], world_size=1)


def test_a_failing_process_ends_every_process_within_seconds(spawned, monkeypatch):
    parallel_error_files = []
    start_processes = torch.multiprocessing.start_processes  # the recording one (spawned)

    def recording(*args, **kwargs):
        context = start_processes(*args, **kwargs)
        parallel_error_files.extend(context.error_files)
        return context

    monkeypatch.setattr(torch.multiprocessing, "start_processes", recording)
    d = linear_data()
    start = time.perf_counter()
    with pytest.raises(RuntimeError) as error:
        parallel.train(d.X, d.y, w0=W0, lr=0.1, steps=1000, fail_rank=1)
    assert str(error.value) == (
        "process 1 failed: RuntimeError: process 1 stopped at step 500, as asked (fail_rank)"
    )
    assert time.perf_counter() - start < 20  # not the 30 s of the all-reduce timeout
    assert len(spawned) == 2 and not any(map(alive, spawned))
    assert not any(map(os.path.exists, parallel_error_files))  # torch's error files removed


INTERRUPTED = """
import torch
from helpers import parallel
start = torch.multiprocessing.start_processes
def recording(*args, **kwargs):
    context = start(*args, **kwargs)
    print(*context.pids(), flush=True)
    return context
torch.multiprocessing.start_processes = recording
X = torch.randn(2000, 2)
parallel.train(X, X.sum(1), w0=torch.zeros(2), lr=0.01, steps=10**7)
"""


@pytest.mark.parametrize(
    "signal_number, to_group, after",
    [
        (signal.SIGINT, False, 2),
        (signal.SIGINT, True, 2),
        (signal.SIGKILL, False, 2),
        (signal.SIGKILL, False, 0),
    ],
    ids=[
        "SIGINT to the caller",
        "SIGINT to its process group (JupyterLab's interrupt button)",
        "SIGKILL to the caller (a kernel that dies)",
        "SIGKILL to the caller while its workers start",
    ],
)
def test_an_interrupt_or_a_dead_caller_ends_every_process(signal_number, to_group, after, tmp_path):
    if not sys.platform.startswith("linux"):
        pytest.skip("reads /proc")
    script = [sys.executable, "-c", textwrap.dedent(INTERRUPTED)]

    def default_sigint():  # a shell may start pytest with SIGINT ignored; a kernel never is
        signal.signal(signal.SIGINT, signal.SIG_DFL)

    stderr = open(tmp_path / "stderr", "wb")  # a file: no pipe that a leftover process holds open
    # its own session: the group signalled below, and every process it starts, are this test's
    options = {"cwd": ROOT, "preexec_fn": default_sigint, "start_new_session": True}
    run = subprocess.Popen(script, stdout=subprocess.PIPE, stderr=stderr, **options)
    try:
        pids = [int(p) for p in run.stdout.readline().split()]  # the workers, once started
        assert len(pids) == 2 and all(map(alive, pids))
        assert set(pids) < set(session(run.pid))
        time.sleep(after)  # training (or still importing torch)
        if to_group:
            os.killpg(run.pid, signal_number)  # the caller and the workers
        else:
            run.send_signal(signal_number)
        run.wait(timeout=30)
        if signal_number == signal.SIGINT:  # parallel.train's finally ends the workers
            err = (tmp_path / "stderr").read_text()
            assert "KeyboardInterrupt" in err, err[-2000:]
        deadline = time.monotonic() + 5  # SIGKILL: each worker ends itself (_end_with_parent)
        while session(run.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert session(run.pid) == []  # the workers, multiprocessing's resource tracker: all gone
    finally:
        run.kill()
        run.wait()
        stderr.close()
        for pid in session(run.pid):
            os.kill(pid, signal.SIGKILL)


def test_the_documented_torchrun_command_runs_offline():
    lines = [line.strip() for line in parallel.__doc__.splitlines()]
    command = next(line for line in lines if line.startswith("torchrun ")).split()
    command[0] = os.path.join(os.path.dirname(sys.executable), "torchrun")
    if os.environ.get("LINREG_OFFLINE") != "1" and sys.platform.startswith("linux"):
        command = [str(ROOT / "tools" / "offline.sh"), *command]  # no network, as in CI
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=90)
    assert done.returncode == 0, done.stderr[-3000:]
    d = linear_data()
    w = one_process(d.X, d.y, w0=W0, lr=0.1, steps=100)
    assert done.stdout.splitlines()[-1] == (f"2 processes, 100 steps: w = {w[0]:.4f}, {w[1]:.4f}")
    assert time.perf_counter() - start < 30
