"""The book: built from the stored notebooks, served from 127.0.0.1, read in headless Chromium.

``book/build.py`` builds the site into a temporary folder (Sphinx warnings are errors), a
``http.server`` in a thread serves it on 127.0.0.1, and Playwright opens every page in the system's
Chromium. For each notebook there is a page; it shows every stored figure (as many loaded
``<img>`` in its outputs as the ``.ipynb`` has ``image/png`` outputs), its math is typeset by the
MathJax the site serves (MathJax containers, no TeX error, no raw ``$...$`` or ``\\(`` left in the
text), it logs no console error, requests nothing from another host, and its launch links (download,
Colab, Binder) are built from the repository URL in ``pyproject.toml``. A crawl from the front page
follows every link inside the site: each target file exists, and so does each ``#fragment``.

Chromium is found and launched with ``tests/test_browser.py``'s helpers: where it (or playwright)
is missing the browser tests skip, saying why, and ``LINREG_REQUIRE_BROWSER=1`` (set by
``.ci/run``) makes that a failure. The build and the crawl need no browser. Screenshots of the
front page and of notebook 02 go to ``artifacts/book/`` (git-ignored).

The Korean site (``ko/``) is checked the same way, page for page: its notebooks are those of
``notebooks/ko/``, their launch links open them; every page of each site links to the same page of
the other (the switch, both ways, also clicked in Chromium over ``file://``); its interface speaks
Korean; and its search finds a word with a particle attached ("직선을" finds what "직선" finds).
"""

from __future__ import annotations

import functools
import http.server
import importlib.util
import json
import re
import threading
import tomllib
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest
from project import NOTEBOOKS, ROOT  # tools/project.py
from test_browser import CHROMIUM_ARGS, _require_browser  # one way to find and drive Chromium

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]  # builds first (fixtures count)

REPOSITORY_URL = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["urls"][
    "Repository"
]
ARTIFACTS = ROOT / "artifacts" / "book"


def _notebook_facts(path: Path) -> dict:
    """What a notebook's page must show: its image/png outputs and whether its prose has math."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    pngs = sum(
        "image/png" in out.get("data", {})
        for cell in nb["cells"]
        for out in cell.get("outputs", [])
    )
    prose = "".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    return {"pngs": pngs, "math": "$" in prose}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The book built from the stored notebooks into a temporary folder."""
    spec = importlib.util.spec_from_file_location("book_build", ROOT / "book" / "build.py")
    book_build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(book_build)
    out = tmp_path_factory.mktemp("book") / "site"
    done = book_build.build(out)
    assert done.returncode == 0, (
        f"the book did not build cleanly:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    )
    return out


@pytest.fixture(scope="module")
def server(site):
    """``site`` served over HTTP on 127.0.0.1 (a free port) from a thread; yields the base URL."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=site)
    )
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="module")
def browser():
    chromium = _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


SITES = {"en": "", "ko": "ko/"}  # each language's folder in the built book


@pytest.mark.parametrize("lang", SITES)
def test_every_notebook_has_a_page_and_the_front_page_is_the_readme(site, lang):
    folder = site / SITES[lang]
    for nb in NOTEBOOKS:
        page = folder / "notebooks" / f"{nb.stem}.html"
        assert page.is_file(), f"no page for {nb.name}"
        assert '<meta charset="utf-8"' in page.read_text(encoding="utf-8")
        source = folder / "_sources" / "notebooks" / nb.name
        assert source.is_file(), f"{nb.name} cannot be downloaded"
        edition = nb if lang == "en" else nb.parent / lang / nb.name
        assert source.read_bytes() == edition.read_bytes(), f"{source} is not {edition}"
    if lang == "ko":
        front = (folder / "index.html").read_text(encoding="utf-8")
        assert "PyTorch로 배우는 선형 회귀" in front and 'lang="ko"' in front
        return
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    title = readme.splitlines()[0].lstrip("# ").strip()
    front = (site / "index.html").read_text(encoding="utf-8")
    assert title in front and "선형 회귀" in front  # the README's introduction, its Korean intact
    assert (site / "GLOSSARY.html").is_file() and (site / "search.html").is_file()
    assert (site / "searchindex.js").is_file() and (
        site / "_static" / "mathjax" / "tex-chtml.js"
    ).is_file()


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_internal_links_resolve(site):
    """Crawl from the front page along every link inside the site: each target exists (its
    #fragment too), and every notebook page of both languages is reached."""
    base = "http://site/"
    todo, seen, broken = ["index.html"], set(), []
    parsed: dict[str, _Links] = {}
    fragments: list[tuple[str, str, str]] = []
    while todo:
        rel = todo.pop()
        if rel in seen:
            continue
        seen.add(rel)
        parsed[rel] = _parse(site / rel)
        for href in parsed[rel].hrefs:
            url = urljoin(base + rel, href)
            if not url.startswith(base):
                continue  # another host (the repository, Colab, Binder): a link, never loaded
            target = unquote(urlparse(url).path[len("/") :]) or "index.html"
            if target.endswith("/"):
                target += "index.html"
            if not (site / target).is_file():
                broken.append(f"{rel}: {href}")
                continue
            if urlparse(url).fragment:
                fragments.append((rel, href, target))
            if target.endswith(".html"):
                todo.append(target)
    for rel, href, target in fragments:
        fragment = unquote(urlparse(urljoin(base + rel, href)).fragment)
        if fragment not in parsed.get(target, _parse(site / target)).ids:
            broken.append(f"{rel}: {href} (no id {fragment!r})")
    assert not broken, "broken links:\n" + "\n".join(broken)
    assert {
        f"{folder}notebooks/{nb.stem}.html" for nb in NOTEBOOKS for folder in SITES.values()
    } <= seen


PAGES = ["index.html", "GLOSSARY.html", "search.html?q=gradient"] + [
    f"notebooks/{nb.stem}.html" for nb in NOTEBOOKS
]
PAGES += ["ko/index.html", "ko/teachers.html", "ko/search.html?q=직선을"] + [
    f"ko/notebooks/{nb.stem}.html" for nb in NOTEBOOKS
]
SWITCH = "a.linreg-language-switch"


def _switch(page: Path) -> str:
    """The href of the language switch of a built page."""
    found = re.findall(r'<a class="linreg-language-switch[^"]*" href="([^"]+)"', page.read_text())
    assert len(found) == 1, f"{page}: {len(found)} language switches"
    return found[0]


def test_every_page_links_to_the_same_page_in_the_other_language(site):
    pages = sorted(p.relative_to(site) for p in site.rglob("*.html"))
    english = [p for p in pages if p.parts[0] not in ("ko", "_static", "_sources", "_images")]
    assert len(english) >= len(NOTEBOOKS) + 4
    for rel in english:
        there = (site / rel).parent / _switch(site / rel)
        assert there.resolve() == (site / "ko" / rel).resolve(), rel
        back = there.parent / _switch(there)
        assert back.resolve() == (site / rel).resolve(), rel


@pytest.mark.browser
@pytest.mark.parametrize("page_path", PAGES, ids=[p.split(".")[0] for p in PAGES])
def test_page_in_chromium(server, browser, page_path):
    foreign, errors = [], []
    page = browser.new_page()
    try:
        page.on(
            "request",
            lambda req: None if req.url.startswith(server) else foreign.append(req.url),
        )
        page.on(
            "console",
            lambda msg: (
                errors.append(f"{msg.text} ({msg.location.get('url')})")
                if msg.type == "error"
                else None
            ),
        )
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("requestfailed", lambda req: errors.append(f"request failed: {req.url}"))
        page.on(
            "response",
            lambda r: errors.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None,
        )
        page.goto(server + page_path, wait_until="load")
        has_math = page.evaluate("() => document.querySelectorAll('.math').length") > 0
        if has_math:
            page.wait_for_function(
                "() => window.MathJax && MathJax.startup && MathJax.startup.promise",
                timeout=30_000,
            )
            page.evaluate("() => MathJax.startup.promise")
        if "search.html" in page_path:
            page.wait_for_selector("#search-results li", timeout=30_000)
        images = page.evaluate(
            """() => [...document.querySelectorAll('img')].map(img => ({
                src: img.getAttribute('src'), ok: img.complete && img.naturalWidth > 0,
                output: !!img.closest('.cell_output')}))"""
        )
        text = page.evaluate(
            """() => { const a = document.querySelector('article') || document.body;
                const c = a.cloneNode(true);
                const hidden = 'pre, code, script, style, mjx-container';
                c.querySelectorAll(hidden).forEach(e => e.remove());
                return c.innerText; }"""
        )
        math = page.evaluate(
            "() => ['.math', 'mjx-container', 'mjx-merror']"
            ".map(s => document.querySelectorAll(s).length)"
        )
        if page_path in ("index.html", "notebooks/02_gradient_descent_by_hand.html"):
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / (Path(page_path).stem + ".png")), full_page=False)
        links = page.evaluate(
            "() => [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))"
        )
    finally:
        page.close()

    assert not foreign, f"requests to another host: {foreign}"
    assert not errors, f"console errors: {errors}"
    assert all(img["ok"] for img in images), (
        f"images that did not load: {[i['src'] for i in images if not i['ok']]}"
    )
    assert not re.search(r"\\\(|\\\[|\$\$|\$[^$\s][^$]*\$", text), "raw TeX left in the text"
    n_math, n_typeset, n_errors = math
    assert n_typeset >= n_math and n_errors == 0, (
        f"math: {n_math} spans, {n_typeset} typeset, {n_errors} TeX errors"
    )

    korean = page_path.startswith("ko/")
    if korean:  # the interface speaks Korean: the theme's strings, corrected where they were wrong
        assert re.search("[\uac00-\ud7a3]", text), page_path
    if "notebooks/" in page_path:
        edition = ROOT / "notebooks" / ("ko" if korean else "")
        nb = edition / (Path(page_path).stem + ".ipynb")
        facts = _notebook_facts(nb)
        shown = sum(img["output"] and img["ok"] for img in images)
        assert shown == facts["pngs"], f"{nb.name}: {facts['pngs']} stored figures, {shown} shown"
        assert (n_math > 0) == facts["math"], (
            f"{nb.name}: math in the prose but none on the page, or the reverse"
        )
        repo = REPOSITORY_URL.removeprefix("https://github.com/")
        expected = {
            f"../_sources/notebooks/{nb.name}",
            f"https://colab.research.google.com/github/{repo}/blob/main/{nb.relative_to(ROOT)}",
            f"https://mybinder.org/v2/gh/{repo}/main?urlpath=lab/tree/{nb.relative_to(ROOT)}",
        }
        assert expected <= set(links), f"launch links missing: {expected - set(links)}"
    if page_path == "GLOSSARY.html":
        assert "경사하강법" in text  # Korean survives the build


@pytest.mark.browser
def test_the_switch_works_over_file_and_korean_search_strips_particles(site, browser):
    """Over file://, as a learner opens build/book/index.html: the switch goes to the Korean page
    and back; on the Korean site a search for "직선을" lists the pages that "직선" lists, and the
    theme's buttons read 실행 (not the theme's own 시작하다) and no 으로 stands for "By"."""
    page = browser.new_page()
    try:
        start = (site / "notebooks" / "01_linear_model_and_loss.html").as_uri()
        page.goto(start)
        page.click(SWITCH)
        page.wait_for_url("**/ko/notebooks/01_linear_model_and_loss.html")
        assert page.evaluate("() => document.documentElement.lang") == "ko"
        html = page.content()
        assert "다음에서 실행" in html and "시작하다" not in html  # "Launch", corrected
        assert "작성: the linreg-pytorch authors" in html  # "By", which the theme made "으로"
        page.click(SWITCH)
        page.wait_for_url(start)
        found = {}
        for query in ("직선", "직선을"):
            page.goto((site / "ko" / "search.html").as_uri() + "?q=" + query)
            page.wait_for_selector("#search-results li", timeout=30_000)
            hrefs = "links => links.map(a => a.getAttribute('href'))"
            found[query] = sorted(page.eval_on_selector_all("#search-results li a", hrefs))
    finally:
        page.close()
    assert found["직선"] and found["직선을"] == found["직선"], found
