"""Saving and loading state_dicts; a crafted pickle must not run code."""

import os
import pickle

import pytest
import torch

from helpers import io


def test_round_trip(tmp_path):
    model = torch.nn.Linear(2, 1)
    path = io.save_state_dict(model, tmp_path / "m.pt")
    state = io.load_state_dict(path)
    other = torch.nn.Linear(2, 1)
    other.load_state_dict(state)
    torch.testing.assert_close(other.weight, model.weight)


class _Exploit:
    def __reduce__(self):
        return (os.system, ("touch pwned_marker",))


def test_crafted_pickle_is_refused_and_runs_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "evil.pt"
    torch.save({"weight": _Exploit()}, path)
    with pytest.raises(pickle.UnpicklingError, match="Weights only load failed"):
        io.load_state_dict(path)
    assert not (tmp_path / "pwned_marker").exists()


def test_bad_input(tmp_path):
    with pytest.raises(TypeError, match="model must be a torch.nn.Module"):
        io.save_state_dict({"w": 1}, tmp_path / "x.pt")
    with pytest.raises(ValueError, match="path must be in an existing folder"):
        io.save_state_dict(torch.nn.Linear(1, 1), tmp_path / "missing" / "x.pt")
    with pytest.raises(ValueError, match="path must be an existing file"):
        io.load_state_dict(tmp_path / "nope.pt")
