"""Write the Colab cell into every notebook and the Colab / Binder badges into README.md.

    .venv/bin/python tools/colab_cell.py            # write them
    .venv/bin/python tools/colab_cell.py --check    # only say what is out of date (exit 1 if any)

Every notebook gets, right after its title cell, one code cell that does nothing outside Google
Colab. In Colab it installs this repository's ``helpers`` package (with ``%pip``, from the
repository URL) and turns on Colab's custom widget manager, which the explorers (ipywidgets 8) need.
The cell is found again by its first line, so running the tool twice changes nothing; after a change
of URL it rewrites the cell and the badges. Both come from the one repository URL,
``[project.urls] Repository`` in ``pyproject.toml``. Re-execute the notebooks afterwards
(``python3 dev.py execute``): the new cell shifts the execution counts.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import nbformat
from project import NOTEBOOKS, ROOT  # tools/project.py

BRANCH = "main"  # the branch the Colab and Binder links open (the book's conf.py uses the same)
FIRST_LINE = "# Google Colab only: install this series' helpers and turn on the widget manager."
BADGES_START, BADGES_END = "<!-- badges: start -->", "<!-- badges: end -->"


def repository_url(root: Path = ROOT) -> str:
    """The repository URL: ``[project.urls] Repository`` in ``pyproject.toml``."""
    pyproject = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    return pyproject["project"]["urls"]["Repository"].rstrip("/")


def github_path(url: str) -> str:
    """``owner/name`` of a GitHub repository URL (Colab opens notebooks from GitHub only)."""
    prefix = "https://github.com/"
    parts = url.removeprefix(prefix).removesuffix(".git").split("/")
    if not url.startswith(prefix) or len(parts) != 2 or not all(parts):
        raise ValueError(f"the repository URL must be https://github.com/OWNER/NAME, got {url!r}")
    return "/".join(parts)


def colab_cell_source(url: str) -> str:
    """The source of the Colab cell for the repository at ``url``."""
    return "\n".join(
        [
            FIRST_LINE,
            "import sys",
            "",
            'if "google.colab" in sys.modules:  # elsewhere this cell does nothing',
            f'    %pip install -q "linreg-helpers @ git+{url}"',
            "    from google.colab import output",
            "",
            "    output.enable_custom_widget_manager()",
        ]
    )


def badges(url: str, notebook: str = "notebooks/00_start_here.ipynb") -> str:
    """README's badges: open the first notebook in Colab, launch the series on Binder."""
    repo = github_path(url)
    colab = f"https://colab.research.google.com/github/{repo}/blob/{BRANCH}/{notebook}"
    binder = f"https://mybinder.org/v2/gh/{repo}/{BRANCH}?urlpath=lab/tree/{notebook}"
    return (
        f"[![Open in Colab](https://colab.research.google.com/assets/colab-badge.svg)]({colab})\n"
        f"[![Launch on Binder](https://mybinder.org/badge_logo.svg)]({binder})"
    )


def with_colab_cell(nb, url: str) -> bool:
    """Put the Colab cell right after the title cell of ``nb`` (in place); True if it changed."""
    if not (
        nb.cells and nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")
    ):
        raise ValueError("a notebook's first cell must be its title (markdown, '# ...')")
    source = colab_cell_source(url)
    found = [c for c in nb.cells if c.cell_type == "code" and c.source.startswith(FIRST_LINE)]
    if len(found) == 1 and nb.cells[1] is found[0] and found[0].source == source:
        return False
    nb.cells = [c for c in nb.cells if not any(c is f for f in found)]
    cell = nbformat.v4.new_code_cell(source, id="colab-setup")  # nothing to show outside Colab
    nb.cells.insert(1, cell)
    return True


def with_badges(readme: str, url: str) -> str:
    """``readme`` with the text between the badge markers replaced by :func:`badges`."""
    if BADGES_START not in readme or BADGES_END not in readme:
        raise ValueError(f"README.md needs the markers {BADGES_START} and {BADGES_END}")
    head, rest = readme.split(BADGES_START, 1)
    _, tail = rest.split(BADGES_END, 1)
    return f"{head}{BADGES_START}\n{badges(url)}\n{BADGES_END}{tail}"


def main(argv: list[str]) -> int:
    check = argv == ["--check"]
    url = repository_url()
    stale = []
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        if with_colab_cell(nb, url):
            stale.append(path.relative_to(ROOT))
            if not check:
                nbformat.write(nb, path)
    readme_path = ROOT / "README.md"
    readme = readme_path.read_text(encoding="utf-8")
    if with_badges(readme, url) != readme:
        stale.append(readme_path.relative_to(ROOT))
        if not check:
            readme_path.write_text(with_badges(readme, url), encoding="utf-8")
    verb = "out of date" if check else "updated"
    for path in stale:
        print(f"{verb}: {path}")
    print(f"repository URL: {url}" + ("" if stale else " (everything up to date)"))
    return 1 if check and stale else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
