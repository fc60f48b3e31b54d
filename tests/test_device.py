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


@pytest.mark.parametrize(
    "cuda, mps, expected",
    [(True, True, "cuda"), (True, False, "cuda"), (False, True, "mps"), (False, False, "cpu")],
)
def test_pick_device_order(fake, cuda, mps, expected):
    fake(cuda=cuda, mps=mps)
    assert dev.pick_device().type == expected


def test_override_by_argument_and_environment(fake, monkeypatch):
    fake(cuda=True, mps=True)
    assert dev.pick_device("cpu") == torch.device("cpu")
    assert dev.pick_device(torch.device("mps")) == torch.device("mps")
    assert dev.pick_device(" CUDA ") == torch.device("cuda")
    assert dev.pick_device("cuda:1") == torch.device("cuda", 1)
    monkeypatch.setenv(dev.DEVICE_ENV_VAR, "cpu")
    assert dev.pick_device() == torch.device("cpu")


@pytest.mark.parametrize(
    "device, exc, words",
    [
        ("tpu", ValueError, "device must be 'cpu', 'cuda', 'cuda:N' or 'mps', got 'tpu'"),
        ("", ValueError, "device must be 'cpu'"),
        ("meta", ValueError, "device must be 'cpu'"),
        (3, TypeError, "device must be a str, torch.device or None, got int"),
    ],
)
def test_bad_names(fake, device, exc, words):
    fake(cuda=False, mps=False)
    with pytest.raises(exc, match=words):
        dev.pick_device(device)


def test_unavailable_devices_are_refused(fake, monkeypatch):
    fake(cuda=False, mps=False)
    with pytest.raises(ValueError, match="CUDA is not available"):
        dev.pick_device("cuda")
    with pytest.raises(ValueError, match="MPS is not available"):
        dev.pick_device("mps")
    monkeypatch.setenv(dev.DEVICE_ENV_VAR, "cuda")  # the environment is checked the same way
    with pytest.raises(ValueError, match="CUDA is not available"):
        dev.pick_device()


def test_print_environment(fake, capsys):
    fake(cuda=False, mps=True)
    dev.print_environment()
    out = capsys.readouterr().out
    assert f"torch          : {torch.__version__}\n" in out
    assert "mps available  : True\n" in out and "device picked  : mps\n" in out
    dev.print_environment(device="cpu")
    assert "device picked  : cpu\n" in capsys.readouterr().out
