"""helpers.timing: timing calls, the scaling table of notebook 07 and its plot."""

import math

import matplotlib.pyplot as plt
import pytest
import torch

from helpers import plots, timing

pytestmark = pytest.mark.usefixtures("plot_guard")  # tests/conftest.py


def test_time_call_counts_warmup_and_repeats():
    calls = []
    t = timing.time_call(lambda: calls.append(1), repeats=4, warmup=2)
    assert len(calls) == 6
    assert isinstance(t, timing.Timing) and len(t.times) == 4
    assert 0 <= t.best <= t.median <= max(t.times)
    assert t.best == min(t.times)
    t = timing.time_call(lambda: None, repeats=1, warmup=0, sync_device="cpu")
    assert len(t.times) == 1


def test_time_call_measures_sleep():
    import time

    t = timing.time_call(lambda: time.sleep(0.01), repeats=2, warmup=0)
    assert t.best >= 0.009


def test_time_call_synchronises_the_device_before_each_clock_read(monkeypatch):
    synced = []
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setattr(torch.cuda, "synchronize", lambda device: synced.append(str(device)))
    monkeypatch.setattr(torch.mps, "synchronize", lambda: synced.append("mps"))
    timing.time_call(lambda: None, repeats=3, warmup=2, sync_device="cuda")
    assert synced == ["cuda"] * 4  # once after the warm-up, then once per timed call
    timing.synchronize(torch.device("mps"))
    timing.synchronize(torch.device("cpu"))  # nothing to wait for
    assert synced[-1] == "mps" and len(synced) == 5


@pytest.mark.parametrize(
    "kwargs, exc, fragment",
    [
        (dict(fn=3), TypeError, "fn must be callable"),
        (dict(repeats=0), ValueError, "repeats must be an int >= 1, got 0"),
        (dict(warmup=-1), ValueError, "warmup must be an int >= 0, got -1"),
        (dict(sync_device="gpu"), ValueError, "device must be"),
    ],
)
def test_time_call_bad_inputs(kwargs, exc, fragment):
    fn = kwargs.pop("fn", lambda: None)
    with pytest.raises(exc, match=fragment):
        timing.time_call(fn, **kwargs)


def test_epoch_trains_and_floor_sums_without_touching_global_rng():
    torch.manual_seed(0)
    state = torch.get_rng_state()
    epoch, floor = timing.epoch_and_floor(500, seed=3)
    losses = [float(epoch()) for _ in range(20)]
    assert losses[-1] < losses[0]  # the SGD steps do train
    assert floor().shape == ()
    assert torch.equal(state, torch.get_rng_state())
    epoch2, _ = timing.epoch_and_floor(500, seed=3)
    assert float(epoch2()) == losses[0]  # same seed, same data and start


def test_scaling_table_threads_are_restored():
    before = torch.get_num_threads()
    rows = timing.scaling_table([100], threads=1, repeats=1)
    assert len(rows) == 1 and torch.get_num_threads() == before


def test_scaling_table_rows():
    rows = timing.scaling_table([200, 2000], device="cpu", seed=1, repeats=2)
    assert [r.n for r in rows] == [200, 2000]
    for r in rows:
        assert isinstance(r, timing.ScalingRow)
        assert r.epoch_s > 0 and r.floor_s > 0
        assert r.ratio == pytest.approx(r.epoch_s / r.floor_s)
        assert r.epoch_s > r.floor_s  # an epoch does much more than one pass over X


@pytest.mark.parametrize(
    "ns, kwargs, exc, fragment",
    [
        ([], {}, ValueError, "ns must be a non-empty list"),
        (100, {}, ValueError, "ns must be a non-empty list"),
        ([10, -3], {}, ValueError, "each n in ns must be an int >= 1, got -3"),
        ([10], {"seed": -1}, ValueError, "seed"),
        ([10], {"device": "gpu"}, ValueError, "device"),
        ([10], {"threads": 0}, ValueError, "threads"),
    ],
)
def test_scaling_table_bad_inputs(ns, kwargs, exc, fragment):
    before = torch.get_num_threads()
    with pytest.raises(exc, match=fragment):
        timing.scaling_table(ns, **kwargs)
    assert torch.get_num_threads() == before


ROWS = [
    timing.ScalingRow(1000, 2e-4, 2e-6, 100.0),
    timing.ScalingRow(10_000, 3e-4, 5e-6, 60.0),
    timing.ScalingRow(100_000, 2e-3, 2e-5, 100.0),
]


def test_format_table_and_growth():
    text = timing.format_table(ROWS)
    lines = text.splitlines()
    assert len(lines) == 4 and "epoch/floor" in lines[0] and "epoch/epoch0" in lines[0]
    assert lines[3].split()[0] == "100,000" and lines[3].split()[-1] == "10.0"
    assert timing.growth(ROWS) == pytest.approx((2e-3 / 3e-4) / 10)
    assert timing.growth(ROWS[::-1]) == pytest.approx(timing.growth(ROWS))  # order does not matter


def test_growth_needs_two_sizes():
    with pytest.raises(ValueError, match="at least 2"):
        timing.growth(ROWS[:1])


def test_plot_scaling_draws_on_given_axes():
    fig, ax = plt.subplots()
    out = plots.plot_scaling(ROWS, ax=ax, label="cpu")
    assert out is ax
    lines = ax.get_lines()
    assert len(lines) == 3
    assert list(lines[0].get_xdata()) == [1000, 10_000, 100_000]
    assert list(lines[0].get_ydata()) == [2e-4, 3e-4, 2e-3]
    assert list(lines[1].get_ydata()) == [2e-6, 5e-6, 2e-5]
    assert ax.get_xscale() == "log" and ax.get_yscale() == "log"
    assert "cpu" in lines[0].get_label() and ax.get_legend() is not None
    assert ax.get_title() == "Cost of one epoch vs n"
    # the guide has slope 1 through the last point
    gx, gy = lines[2].get_xdata(), lines[2].get_ydata()
    assert math.isclose(gy[1] / gy[0], gx[1] / gx[0])


def test_plot_scaling_new_figure_and_no_title():
    ax = plots.plot_scaling(ROWS[::-1], title="")
    assert ax.get_title() == ""
    assert list(ax.get_lines()[0].get_xdata()) == [1000, 10_000, 100_000]  # sorted by n
