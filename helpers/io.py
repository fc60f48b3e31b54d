"""Saving and loading model parameters safely."""

from pathlib import Path

import torch


def save_state_dict(model, path):
    """Save ``model.state_dict()`` to ``path`` (its folder must exist); return the path."""
    if not isinstance(model, torch.nn.Module):
        raise TypeError(f"model must be a torch.nn.Module, got {type(model).__name__}")
    path = Path(path)
    if not path.parent.is_dir():
        raise ValueError(f"path must be in an existing folder, got {str(path)!r}")
    torch.save(model.state_dict(), path)
    return path


def load_state_dict(path, *, map_location="cpu"):
    """Load a state_dict with ``weights_only=True``.

    A checkpoint is a pickle, and unpickling can run arbitrary code; with
    ``weights_only=True`` torch only rebuilds tensors and plain containers and
    refuses anything else, raising ``pickle.UnpicklingError``.
    """
    path = Path(path)
    if not path.is_file():
        raise ValueError(f"path must be an existing file, got {str(path)!r}")
    return torch.load(path, map_location=map_location, weights_only=True)
