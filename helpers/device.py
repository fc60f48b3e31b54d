"""The device to compute on (CUDA, then Apple MPS, then CPU) and a report of the environment."""

import os
import platform

import torch

#: Environment variable that overrides the automatic choice (the tests set ``LINREG_DEVICE=cpu``).
DEVICE_ENV_VAR = "LINREG_DEVICE"


def _available(kind):
    if kind == "cuda":
        return torch.cuda.is_available()
    if kind == "mps":
        return torch.backends.mps.is_available()
    return kind == "cpu"


def pick_device(device=None):
    """The device to compute on.

    ``device`` (``"cpu"``, ``"cuda"``, ``"cuda:1"``, ``"mps"`` or a ``torch.device``) when given;
    otherwise the ``LINREG_DEVICE`` environment variable when set; otherwise CUDA, then Apple MPS,
    then the CPU. Asking for a device this machine does not have is an error, not a silent
    fall-back to the CPU.
    """
    if device is None:
        device = os.environ.get(DEVICE_ENV_VAR) or next(
            kind for kind in ("cuda", "mps", "cpu") if _available(kind)
        )
    if not isinstance(device, (str, torch.device)):
        raise TypeError(f"device must be a str, torch.device or None, got {type(device).__name__}")
    try:
        dev = torch.device(device.strip().lower() if isinstance(device, str) else device)
    except RuntimeError:
        dev = torch.device("meta")  # not a device name: refused just below
    if dev.type not in ("cpu", "cuda", "mps"):
        raise ValueError(f"device must be 'cpu', 'cuda', 'cuda:N' or 'mps', got {str(device)!r}")
    if not _available(dev.type):
        what = "CUDA" if dev.type == "cuda" else "Apple MPS"
        raise ValueError(
            f"device={str(dev)!r} but {what} is not available on this machine; use 'cpu'"
        )
    return dev


def print_environment(*, device=None):
    """Print the versions and the device the notebooks run with (notebook 00)."""
    import ipywidgets
    import matplotlib

    report = {
        "python": platform.python_version(),
        "platform": f"{platform.system()} {platform.machine()}",
        "torch": torch.__version__,
        "matplotlib": matplotlib.__version__,
        "ipywidgets": ipywidgets.__version__,
        "cuda available": torch.cuda.is_available(),
        "mps available": torch.backends.mps.is_available(),
        "device picked": pick_device(device),
        "torch threads": torch.get_num_threads(),
    }
    for key, value in report.items():
        print(f"{key:<14} : {value}")
