"""Static promises over every source the series ships: helpers, solutions, tools and notebook cells.

* every ``torch.load`` passes ``weights_only=True`` (a checkpoint is a pickle);
* nothing fetches from the network at run time (no HTTP clients, no dataset downloads).

The dynamic side is tested elsewhere: tests/test_io.py loads a crafted pickle, and CI
runs the whole suite with the network cut (tools/offline.sh, tests/test_offline.py).
"""

import json
import re

import pytest
from project import ROOT  # tools/project.py


def _sources():
    for folder in ("helpers", "solutions", "tools"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            yield path.relative_to(ROOT).as_posix(), path.read_text()
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        nb = json.loads(path.read_text())
        code = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
        yield path.relative_to(ROOT).as_posix(), code


SOURCES = list(_sources())
# The one torch.load without weights_only=True: the curriculum's "torch.load of an untrusted
# file", shown on purpose (its payload only prints a line) right before the safe load refuses
# the same file.
ON_PURPOSE = ("notebooks/06_nn_module_training_loop.ipynb", "# the mistake, shown on purpose")
TORCH_LOAD = re.compile(r"torch\.load\((?P<args>[^()]*(?:\([^()]*\)[^()]*)*)\)")
# Sources that talk HTTP on purpose, to a server they started on the loopback address only.
LOOPBACK = {"tools/hub.py": "a throwaway JupyterHub for the tests, on 127.0.0.1"}
NETWORK = re.compile(
    r"\b(?:import\s+requests|from\s+requests|urllib\.request|urlopen|http\.client|import\s+socket"
    r"|download=True|torch\.hub|hf_hub_download|wget|curl\s)"
)


def test_sources_were_found():
    names = [name for name, _ in SOURCES]
    assert "helpers/io.py" in names and any(n.endswith(".ipynb") for n in names)


@pytest.mark.parametrize("name, text", SOURCES, ids=[n for n, _ in SOURCES])
def test_torch_load_always_uses_weights_only_and_nothing_is_fetched(name, text):
    for m in TORCH_LOAD.finditer(text):
        line = text[text.rfind("\n", 0, m.start()) + 1 : text.find("\n", m.end())]
        if name == ON_PURPOSE[0] and ON_PURPOSE[1] in line:
            continue  # notebook 06 shows the mistake once, with a harmless payload, then the fix
        assert "weights_only=True" in m.group("args"), (
            f"{name}: torch.load without weights_only=True: {m.group(0)!r}"
        )
    if name in LOOPBACK:
        hosts = set(re.findall(r"(?:https?|wss?)://([^/\"':{]+)", text))
        assert hosts == {"127.0.0.1"}, f"{name}: {LOOPBACK[name]}, yet it names {hosts}"
        return
    hit = NETWORK.search(text)
    assert hit is None, f"{name}: looks like a network fetch at run time: {hit.group(0)!r}"


def test_the_one_unsafe_load_is_the_marked_demonstration():
    text = dict(SOURCES)[ON_PURPOSE[0]]
    unsafe = [m for m in TORCH_LOAD.finditer(text) if "weights_only=True" not in m.group("args")]
    assert len(unsafe) == 1 and "Payload()" in text and "load_state_dict(untrusted)" in text


def test_the_scanner_sees_a_bad_load():
    assert not all(
        "weights_only=True" in m.group("args")
        for m in TORCH_LOAD.finditer("torch.load(path, map_location=dev)")
    )
    assert NETWORK.search("from urllib.request import urlopen")
