"""Device choice, tested by faking CUDA / MPS availability."""

import pytest
import torch

from helpers import device as dev


@pytest.fixture
def fake(monkeypatch):
    monkeypatch.delenv(dev.DEVICE_ENV_VAR, raising=False)

    def set_available(*, cuda: bool, mps: bool):
        monkeypatch.setattr(torch.cuda, "is_available", lambda: cuda)
        monkeypatch.setattr(torch.backends.mps, "is_available", lambda: mps)

    return set_available


@pytest.mark.parametrize("cuda, mps, expected", [(True, True, "cuda"), (True, False, "cuda"), (False, True, "mps"), (False, False, "cpu")])
def test_pick_device_order(fake, cuda, mps, expected):
    fake(cuda=cuda, mps=mps)
    assert dev.pick_device().type == expected


def test_override_by_argument_and_environment(fake, monkeypatch):
    fake(cuda=True, mps=True)
    assert dev.pick_device("cpu") == torch.device("cpu")
    assert dev.pick_device(torch.device("cpu")).type == "cpu"
    assert dev.pick_device(" CUDA ").type == "cuda"
    monkeypatch.setenv(dev.DEVICE_ENV_VAR, "cpu")
    assert dev.pick_device().type == "cpu"


@pytest.mark.parametrize("prefer, exc, words", [
    ("tpu", ValueError, "prefer must be one of"),
    ("", ValueError, "prefer must be one of"),
    (3, TypeError, "prefer must be a str"),
    ("meta", ValueError, "prefer must be one of"),
])
def test_bad_names(fake, prefer, exc, words):
    fake(cuda=False, mps=False)
    with pytest.raises(exc, match=words):
        dev.pick_device(prefer)


def test_unavailable_devices_are_refused(fake):
    fake(cuda=False, mps=False)
    with pytest.raises(ValueError, match="CUDA is not available"):
        dev.pick_device("cuda")
    with pytest.raises(ValueError, match="MPS is not available"):
        dev.pick_device("mps")


def test_resolve_device():
    assert dev.resolve_device(None) == torch.device("cpu")
    assert dev.resolve_device("cuda:1") == torch.device("cuda", 1)
    with pytest.raises(ValueError, match="device must be"):
        dev.resolve_device("gpu")
    with pytest.raises(TypeError, match="device must be a str"):
        dev.resolve_device(1.0)


def test_seed_everything_seeds_global_and_returns_generator():
    g = dev.seed_everything(7)
    a = torch.randn(3)
    assert torch.equal(torch.randn(3, generator=g), a)
    assert torch.initial_seed() == 7
    with pytest.raises(ValueError, match="seed"):
        dev.seed_everything(-1)


def test_environment_report_and_print(fake, capsys):
    fake(cuda=False, mps=False)
    report = dev.environment_report()
    assert report["torch"] == torch.__version__
    assert report["device picked"] == "cpu"
    assert {"python", "matplotlib", "ipywidgets"} <= set(report)
    dev.print_environment()
    out = capsys.readouterr().out
    assert "torch" in out and "device picked  : cpu" in out
