"""Sphinx configuration of the book: the stored notebooks as a static website, not re-executed.

Built by ``python3 dev.py book`` (see ``book/build.py``, which copies the sources into a staging
folder laid out like the repository and runs Sphinx there). Everything the pages load comes from
the site itself: the theme's CSS, JavaScript and fonts, and MathJax 3 (from the pinned PyPI package
``django-static-mathjax``, copied into ``_static/mathjax/``). No CDN, no web fonts from elsewhere.

The repository URL is not set here: it is ``[project.urls] Repository`` in ``pyproject.toml``, the
one place that the launch links (Colab, Binder), the notebooks' Colab cell and the README read.

Two languages: ``book/build.py`` builds the English site and, with ``-D language=ko``, the Korean
one (the Korean notebooks, ``index.ko.md`` and ``teachers.ko.md`` staged as the same pages). Every
page links to the same page in the other language (``_templates/language-switch.html``). The
Korean site's interface strings: Sphinx's and the themes' own catalogs, with corrections and the
missing ones in ``locale/ko/LC_MESSAGES/`` (``sphinx.po`` for Sphinx and pydata-sphinx-theme,
``booktheme.po`` for sphinx-book-theme). Its search strips Korean particles (``SearchKorean``).
"""

from __future__ import annotations

import re
import shutil
import tomllib
from importlib.resources import files
from pathlib import Path, PurePosixPath

from docutils import nodes
from sphinx import addnodes
from sphinx.search import languages as search_languages
from sphinx.search.en import SearchEnglish
from sphinx.transforms.post_transforms import SphinxPostTransform

HERE = Path(__file__).resolve().parent
PYPROJECT = tomllib.loads((HERE.parent / "pyproject.toml").read_text(encoding="utf-8"))
REPOSITORY_URL = PYPROJECT["project"]["urls"]["Repository"].rstrip("/")
BRANCH = "main"  # the branch the launch links open (tools/colab_cell.py uses the same)

project = "Linear regression in PyTorch"
author = "the linreg-pytorch authors"
copyright = "the linreg-pytorch authors; the code is MIT-licensed"
language = "en"

TITLES = {"en": project, "ko": "PyTorch로 배우는 선형 회귀"}

extensions = ["myst_nb"]
templates_path = ["_templates"]
locale_dirs = ["locale"]  # Korean corrections of Sphinx's and the themes' strings
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
html_static_path = ["_static"]
html_css_files = ["language-switch.css"]  # the switch on the line of the theme's buttons
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
    # the same page in the other language, then the theme's buttons
    "article_header_end": ["language-switch.html", "article-header-buttons.html"],
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


# Korean search: Sphinx has no Korean word splitter, so "직선을" would be one word and a search for
# "직선" would miss it. A Hangul word loses a trailing particle, in the index and in the query alike
# (the same list in Python and in JavaScript); other words get the English stemmer.
PARTICLES = sorted(
    "은 는 이 가 을 를 의 에 와 과 도 만 로 으로 에서 에게 까지 부터 처럼 보다 마다 이나 이며 이고 "
    "에서는 으로는 에는 와는 과는 이다 입니다".split(),
    key=len,
    reverse=True,
)
HANGUL_END = re.compile("[\uac00-\ud7a3]$")


def strip_particle(word: str) -> str:
    """``word`` without a trailing Korean particle (at least one letter stays)."""
    for particle in PARTICLES:
        if word.endswith(particle) and len(word) > len(particle):
            return word[: -len(particle)]
    return word


class SearchKorean(SearchEnglish):
    lang = "ko"
    js_splitter_code = f"""
const EnglishStemmerForKorean = window.Stemmer;
const KOREAN_PARTICLES = {PARTICLES!r};
window.Stemmer = function () {{
  const english = new EnglishStemmerForKorean();
  this.stemWord = (word) => {{
    if (!/[\\uac00-\\ud7a3]$/.test(word)) return english.stemWord(word);
    const particle = KOREAN_PARTICLES.find((p) => word.endsWith(p) && word.length > p.length);
    return particle ? word.slice(0, -particle.length) : word;
  }};
}};
var splitQuery = (query) =>
  query.split(/[^\\p{{Letter}}\\p{{Number}}_\\p{{Emoji_Presentation}}]+/gu).filter((term) => term);
"""

    def stem(self, word: str) -> str:
        return strip_particle(word) if HANGUL_END.search(word) else super().stem(word)


search_languages["ko"] = SearchKorean


def korean_settings(app, config) -> None:
    """The Korean site's title, and its sphinx-book-theme strings: our corrected catalog,
    compiled here, is registered before the theme's own (the first catalog found wins)."""
    config.html_title = TITLES.get(config.language, project)
    if config.language != "ko":
        return
    import polib

    folder = HERE / "locale" / "ko" / "LC_MESSAGES"
    polib.pofile(str(folder / "booktheme.po")).save_as_mofile(str(folder / "booktheme.mo"))
    app.add_message_catalog("booktheme", str(HERE / "locale"))


def korean_launch_links(app, pagename, templatename, context, doctree) -> None:
    """On the Korean site, the Colab, Binder and repository links of a notebook open the Korean
    notebook (notebooks/ko/NN_x.ipynb), not the English one of the same page name."""
    if app.config.language != "ko":
        return

    def fix(buttons):
        for button in buttons:
            if isinstance(button.get("url"), str) and "://" in button["url"]:
                button["url"] = re.sub(r"notebooks/(?=\d\d_)", "notebooks/ko/", button["url"])
            fix(button.get("buttons", []))

    fix(context.get("header_buttons", []))


def setup(app):
    # The checkout the staged sources came from (book/build.py passes it); links are checked there.
    app.add_config_value("linreg_repository_root", "", "env")
    app.add_post_transform(RepositoryLinks)
    app.connect("build-finished", copy_mathjax)
    app.connect("config-inited", korean_settings)
    app.connect("html-page-context", korean_launch_links, priority=900)  # after the theme's
