"""The Colab cell (tools/colab_cell.py): in every notebook, up to date with the repository URL,
and it does nothing outside Colab; README's badges come from the same URL.

When this fails after a change of the repository URL (``[project.urls] Repository`` in
``pyproject.toml``) or of the cell: ``.venv/bin/python tools/colab_cell.py``, then re-execute.
"""

from __future__ import annotations

import importlib.util
import io
import sys
import types
from contextlib import redirect_stdout

import nbformat
import pytest
from IPython.core.inputtransformer2 import TransformerManager
from project import NOTEBOOKS, ROOT  # tools/project.py

_spec = importlib.util.spec_from_file_location("colab_cell", ROOT / "tools" / "colab_cell.py")
colab_cell = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(colab_cell)
URL = colab_cell.repository_url()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_first_code_cell_is_the_colab_cell(path):
    nb = nbformat.read(path, as_version=4)
    first_code = next(c for c in nb.cells if c.cell_type == "code")
    assert nb.cells[1] is first_code, f"{path.name}: the Colab cell belongs right after the title"
    assert first_code.source == colab_cell.colab_cell_source(URL), (
        f"{path.name}: the Colab cell is missing or out of date; run tools/colab_cell.py"
    )
    assert not first_code.outputs, f"{path.name}: the Colab cell prints nothing outside Colab"


def test_readme_badges_use_the_repository_url():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert colab_cell.with_badges(readme, URL) == readme, (
        "README badges out of date: run tools/colab_cell.py"
    )
    assert URL.removeprefix("https://github.com/") in readme


class _Shell:
    """Stands in for get_ipython(): records the magics the cell runs."""

    def __init__(self):
        self.magics = []

    def run_line_magic(self, name, line, _stack_depth=1):
        self.magics.append((name, line))


def _run(source: str, *, in_colab: bool) -> tuple[str, _Shell, list[str]]:
    """Run the cell as IPython would (its transformers turn ``%pip`` into a call, also inside an
    ``if`` block), with or without a stand-in ``google.colab`` module."""
    code = TransformerManager().transform_cell(source)
    shell, calls = _Shell(), []
    output = types.SimpleNamespace(enable_custom_widget_manager=lambda: calls.append("widgets on"))
    fake = {"google": types.ModuleType("google"), "google.colab": types.ModuleType("google.colab")}
    fake["google.colab"].output = output
    fake["google"].colab = fake["google.colab"]
    saved = {name: sys.modules.get(name) for name in fake}
    try:
        for name, module in fake.items():
            if in_colab:
                sys.modules[name] = module
            else:
                sys.modules.pop(name, None)
        printed = io.StringIO()
        with redirect_stdout(printed):
            exec(compile(code, "<colab cell>", "exec"), {"get_ipython": lambda: shell})
    finally:
        for name, module in saved.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module
    return printed.getvalue(), shell, calls


def test_the_cell_does_nothing_outside_colab():
    printed, shell, calls = _run(colab_cell.colab_cell_source(URL), in_colab=False)
    assert (printed, shell.magics, calls) == ("", [], [])


def test_in_colab_the_cell_installs_the_package_and_turns_on_the_widget_manager():
    printed, shell, calls = _run(colab_cell.colab_cell_source(URL), in_colab=True)
    assert shell.magics == [("pip", f'install -q "linreg-helpers @ git+{URL}"')]
    assert calls == ["widgets on"] and printed == ""


def test_the_tool_inserts_once_and_updates_in_place():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# 99 · Title"), nbformat.v4.new_code_cell("x = 1")]
    assert colab_cell.with_colab_cell(nb, URL) is True
    assert [c.source for c in nb.cells][1:] == [colab_cell.colab_cell_source(URL), "x = 1"]
    assert colab_cell.with_colab_cell(nb, URL) is False  # already up to date: unchanged
    other = "https://github.com/someone/fork"
    assert colab_cell.with_colab_cell(nb, other) is True
    assert [c.source for c in nb.cells][1:] == [colab_cell.colab_cell_source(other), "x = 1"]
    nbformat.validate(nb)
    with pytest.raises(ValueError, match="github.com/OWNER/NAME"):
        colab_cell.badges("https://gitlab.com/a/b")
