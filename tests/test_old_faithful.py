"""helpers.data.old_faithful: the shipped file is found from anywhere, matches R's `faithful`,
and bad files are refused."""

import hashlib
import os
import subprocess
import sys

import pytest
import torch
from project import ROOT  # tools/project.py

from helpers import data


def test_shipped_file_matches_r_faithful_summary():
    d = data.old_faithful()
    assert isinstance(d, data.OldFaithful)
    assert d.eruptions.shape == d.waiting.shape == (272,)
    assert d.eruptions.dtype == d.waiting.dtype == torch.float32
    e, w = d.eruptions.double(), d.waiting.double()
    assert float(e.mean()) == pytest.approx(3.4877830882352936, abs=1e-6)
    assert float(w.mean()) == pytest.approx(70.8970588235294, abs=1e-5)
    assert float(e.std()) == pytest.approx(1.141371251105208, abs=1e-6)
    assert float(w.std()) == pytest.approx(13.594973789999397, abs=1e-5)
    assert (float(e.min()), float(e.max()), float(w.min()), float(w.max())) == pytest.approx(
        (1.6, 5.1, 43.0, 96.0)
    )
    # first and last rows of R's faithful
    assert (float(d.eruptions[0]), float(d.waiting[0])) == pytest.approx((3.6, 79.0))
    assert (float(d.eruptions[-1]), float(d.waiting[-1])) == pytest.approx((4.467, 74.0))
    # the correlation every textbook quotes (r ~ 0.9008)
    r = torch.corrcoef(torch.stack([e, w]))[0, 1]
    assert float(r) == pytest.approx(0.900811, abs=1e-5)


def test_file_checksum_is_the_one_data_readme_gives():
    path = data.old_faithful_path()
    assert path == ROOT / "helpers" / "datasets" / "old_faithful.csv"
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert digest in (path.parent / "README.md").read_text()


def test_found_from_another_folder(tmp_path):
    probe = "import helpers.data as d; t = d.old_faithful(); print(len(t.eruptions))"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    out = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == "272"


def test_path_argument_and_device(tmp_path):
    f = tmp_path / "mini.csv"
    f.write_text('"eruptions","waiting"\n1.5,50\n4.25,80\n\n')
    d = data.old_faithful(path=f)
    assert d.eruptions.tolist() == [1.5, 4.25] and d.waiting.tolist() == [50.0, 80.0]
    d2 = data.old_faithful(path=str(f))
    assert torch.equal(d.waiting, d2.waiting)


@pytest.mark.parametrize(
    "content, fragment",
    [
        ("", "must start with the header 'eruptions,waiting'"),
        ("eruptions,waiting\n", "then data lines"),
        ("duration,wait\n1,2\n", "header"),
        ("eruptions,waiting\n3.6,79\n1.8\n", "line 3 must be two finite numbers > 0, got '1.8'"),
        ("eruptions,waiting\n\n3.6,79,1\n", "line 3 must be two"),  # blank lines still count
        ("eruptions,waiting\n3.6,seventy\n", "line 2 must be two"),
        ("eruptions,waiting\n3.6,nan\n", "line 2 must be two finite"),
        ("eruptions,waiting\n-1.0,79\n", "> 0, got '-1.0,79'"),
    ],
)
def test_malformed_file_names_the_path_and_line(tmp_path, content, fragment):
    f = tmp_path / "bad.csv"
    f.write_text(content)
    with pytest.raises(ValueError) as err:
        data.old_faithful(path=f)
    assert str(f) in str(err.value) and fragment in str(err.value)


def test_missing_file_folder_and_bad_arguments(tmp_path):
    missing = tmp_path / "nowhere" / "faithful.csv"
    with pytest.raises(ValueError, match="no such file") as err:
        data.old_faithful(path=missing)
    assert str(missing) in str(err.value)
    with pytest.raises(ValueError, match="is a folder; expected an existing CSV file"):
        data.old_faithful(path=tmp_path)
    with pytest.raises(TypeError, match="path must be a str, os.PathLike or None, got int"):
        data.old_faithful(path=3)
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(ValueError, match="UTF-8") as err:
        data.old_faithful(path=binary)
    assert str(binary) in str(err.value)
