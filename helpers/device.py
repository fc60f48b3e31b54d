"""Device choice (CUDA, then Apple MPS, then CPU), seeding and an environment report."""

from __future__ import annotations

import os
import platform
import sys

import torch

#: Environment variable that overrides the automatic choice (e.g. ``cpu``).
DEVICE_ENV_VAR = "LINREG_DEVICE"
_KNOWN = ("cpu", "cuda", "mps")


def _mps_available() -> bool:
    mps = getattr(torch.backends, "mps", None)
    return bool(mps is not None and mps.is_available())


def pick_device(prefer: str | torch.device | None = None) -> torch.device:
    """Return the device to compute on: CUDA, then Apple MPS, then CPU.

    ``prefer`` (or the ``LINREG_DEVICE`` environment variable) overrides the
    automatic choice; asking for a device that is not available is an error
    rather than a silent fall-back.
    """
    if prefer is None:
        prefer = os.environ.get(DEVICE_ENV_VAR) or None
    if prefer is None:
        if torch.cuda.is_available():
            return torch.device("cuda")
        if _mps_available():
            return torch.device("mps")
        return torch.device("cpu")
    if isinstance(prefer, torch.device):
        dev = prefer
    elif isinstance(prefer, str):
        try:
            dev = torch.device(prefer.strip().lower())
        except RuntimeError:
            dev = None
        if dev is None or dev.type not in _KNOWN:
            raise ValueError(f"prefer must be one of {_KNOWN} (optionally 'cuda:N'), got {prefer!r}")
    else:
        raise TypeError(f"prefer must be a str, torch.device or None, got {type(prefer).__name__}")
    if dev.type not in _KNOWN:
        raise ValueError(f"prefer must be one of {_KNOWN}, got {str(dev)!r}")
    if dev.type == "cuda" and not torch.cuda.is_available():
        raise ValueError(f"prefer={str(dev)!r} but CUDA is not available on this machine; expected one of: 'cpu'")
    if dev.type == "mps" and not _mps_available():
        raise ValueError(f"prefer={str(dev)!r} but Apple MPS is not available on this machine; expected 'cpu'")
    return dev


def resolve_device(device: str | torch.device | None) -> torch.device:
    """Turn ``device`` (None means CPU) into a ``torch.device``, with a clear error."""
    if device is None:
        return torch.device("cpu")
    if isinstance(device, torch.device):
        return device
    if isinstance(device, str):
        try:
            dev = torch.device(device)
        except RuntimeError:
            raise ValueError(f"device must be 'cpu', 'cuda', 'cuda:N' or 'mps', got {device!r}") from None
        if dev.type not in _KNOWN:
            raise ValueError(f"device must be 'cpu', 'cuda', 'cuda:N' or 'mps', got {device!r}")
        return dev
    raise TypeError(f"device must be a str, torch.device or None, got {type(device).__name__}")


def seed_everything(seed: int) -> torch.Generator:
    """Seed torch's global generators (CPU, every CUDA device, MPS); return a fresh CPU generator.

    ``torch.manual_seed`` already seeds CUDA and MPS as well; the returned
    generator, seeded with the same value, is what you pass explicitly to
    data helpers and ``DataLoader``.
    """
    from ._validate import seed_value

    seed = seed_value(seed)
    torch.manual_seed(seed)
    return torch.Generator().manual_seed(seed)


def environment_report(*, device: torch.device | None = None) -> dict[str, str]:
    """Return the versions and device the notebooks run with (for notebook 00)."""
    import matplotlib

    try:
        import ipywidgets

        widgets_version = ipywidgets.__version__
    except ImportError:  # pragma: no cover - ipywidgets is pinned in requirements
        widgets_version = "not installed"
    dev = pick_device() if device is None else resolve_device(device)
    return {
        "python": platform.python_version(),
        "platform": f"{platform.system()} {platform.machine()}",
        "torch": torch.__version__,
        "matplotlib": matplotlib.__version__,
        "ipywidgets": widgets_version,
        "cuda available": str(torch.cuda.is_available()),
        "mps available": str(_mps_available()),
        "device picked": str(dev),
        "torch threads": str(torch.get_num_threads()),
    }


def print_environment(*, device: torch.device | None = None, file=None) -> None:
    """Print :func:`environment_report` as an aligned table."""
    report = environment_report(device=device)
    width = max(len(k) for k in report)
    for key, value in report.items():
        print(f"{key:<{width}} : {value}", file=file or sys.stdout)
