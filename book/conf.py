"""Sphinx configuration of the book: the stored notebooks as a static website, not re-executed.

Built by ``python3 dev.py book`` (see ``book/build.py``, which copies the sources into a staging
folder laid out like the repository and runs Sphinx there). Everything the pages load comes from
the site itself: the theme's CSS, JavaScript and fonts, and MathJax 3 (from the pinned PyPI package
``django-static-mathjax``, copied into ``_static/mathjax/``). No CDN, no web fonts from elsewhere.

The repository URL is not set here: it is ``[project.urls] Repository`` in ``pyproject.toml``, the
one place that the launch links (Colab, Binder), the notebooks' Colab cell and the README read.
"""

from __future__ import annotations

import shutil
import tomllib
from importlib.resources import files
from pathlib import Path, PurePosixPath

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

HERE = Path(__file__).resolve().parent
PYPROJECT = tomllib.loads((HERE.parent / "pyproject.toml").read_text(encoding="utf-8"))
REPOSITORY_URL = PYPROJECT["project"]["urls"]["Repository"].rstrip("/")
BRANCH = "main"  # the branch the launch links open (tools/colab_cell.py uses the same)

project = "Linear regression in PyTorch"
author = "the linreg-pytorch authors"
copyright = "the linreg-pytorch authors; the code is MIT-licensed"
language = "en"

extensions = ["myst_nb"]
root_doc = "index"
exclude_patterns = ["_build", "**.ipynb_checkpoints"]

# The stored outputs are the book's content: nothing is executed while building.
nb_execution_mode = "off"
# Stored notebooks keep no widget state, so there is nothing for the ipywidgets JavaScript (from a
# CDN) to render: the explorers' static figures stored below them are what the book shows.
nb_ipywidgets_js = {}
myst_enable_extensions = ["dollarmath", "amsmath"]
myst_heading_anchors = 3

# MathJax 3 served by the site itself (see copy_mathjax below); the path is relative to _static/.
mathjax_path = "mathjax/tex-chtml.js"

html_theme = "sphinx_book_theme"
html_title = project
html_favicon = "_static/favicon.svg"  # a browser asks for one; without it, a 404 in the console
html_show_sourcelink = False
html_copy_source = True  # _sources/ holds each page's .ipynb: the download button offers it
# The theme's default colour mode (its script logs an error when none is set). Light: the figures
# are drawn on white.
html_context = {"default_mode": "light"}
html_theme_options = {
    "repository_url": REPOSITORY_URL,
    "repository_branch": BRANCH,
    "path_to_docs": "",  # a page notebooks/NN_x is the file notebooks/NN_x.ipynb of the repository
    "use_download_button": True,
    "use_fullscreen_button": False,
    "use_repository_button": True,
    "home_page_in_toc": True,
    "show_navbar_depth": 1,
    "launch_buttons": {
        "colab_url": "https://colab.research.google.com",
        "binderhub_url": "https://mybinder.org",
        "notebook_interface": "jupyterlab",
    },
}

# The few MathJax files that pages load: the TeX-to-HTML bundle, its TeX extensions and fonts, the
# menu with its accessibility parts (loaded on demand).
MATHJAX_PARTS = ["tex-chtml.js", "input/tex", "output/chtml", "ui", "a11y", "sre"]


def copy_mathjax(app, exception) -> None:
    """Copy MathJax 3 from the installed package ``django-static-mathjax`` into _static/mathjax/."""
    if exception is not None or app.builder.format != "html":
        return
    es5 = Path(str(files("mathjax") / "static" / "mathjax" / "es5"))
    target = Path(app.outdir) / "_static" / "mathjax"
    for part in MATHJAX_PARTS:
        source = es5 / part
        if source.is_dir():
            shutil.copytree(source, target / part, dirs_exist_ok=True)
        else:
            target.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / part)


def repository_link(docname: str, target: str, root: str) -> str | None:
    """The repository URL of a notebook's relative link ``target`` to a file that is not a page of
    the book (``../helpers/datasets/README.md``), or None if no such file exists in the checkout."""
    if not root or "://" in target or target.startswith("#"):
        return None
    parts: list[str] = []
    for part in (PurePosixPath(docname).parent / target.split("#")[0]).parts:
        if part == "..":
            if not parts:
                return None
            parts.pop()
        elif part != ".":
            parts.append(part)
    path = "/".join(parts)
    if not path or not (Path(root) / path).exists():
        return None
    return f"{REPOSITORY_URL}/blob/{BRANCH}/{path}"


class RepositoryLinks(SphinxPostTransform):
    """Turn links to repository files outside the book into links to the repository (runs just
    before MyST's own resolver, which would report them missing). Other missing links still warn."""

    default_priority = 8

    def run(self, **kwargs) -> None:
        root = self.config.linreg_repository_root
        for node in list(self.document.findall(addnodes.pending_xref)):
            if node.get("reftype") != "myst" or node.get("refdomain") == "doc":
                continue
            url = repository_link(self.env.docname, node["reftarget"], root)
            if url is not None:
                link = nodes.reference("", "", internal=False, refuri=url)
                link += node.children
                node.replace_self(link)


def setup(app):
    # The checkout the staged sources came from (book/build.py passes it); links are checked there.
    app.add_config_value("linreg_repository_root", "", "env")
    app.add_post_transform(RepositoryLinks)
    app.connect("build-finished", copy_mathjax)
