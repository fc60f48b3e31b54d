"""Build the book: a static HTML site of the stored notebooks, without executing them, in two
languages: English in OUT, Korean in OUT/ko/ (the notebooks of notebooks/ko/, the pages
``index.ko.md`` and ``teachers.ko.md`` in place of ``index.md`` and ``teachers.md``, Sphinx run with
``-D language=ko``). Each page links to the same page in the other language.

    python3 dev.py book                      # into build/book/ (open build/book/index.html)
    .venv/bin/python book/build.py [OUT]     # the same, into OUT

The sources are copied into a temporary folder laid out like the repository (``book/`` with the
notebooks and the glossary inside it, ``README.md`` and ``pyproject.toml`` beside it), because
Sphinx only reads pages inside its source folder and the notebooks stay in ``notebooks/``. Sphinx
warnings are errors: a broken link or a missing file fails the build (the site is still written).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
from project import NOTEBOOKS, ROOT  # noqa: E402 (tools/project.py)

OUT = ROOT / "build" / "book"
LANGUAGES = {"en": "", "ko": "ko"}  # each site's folder inside OUT
PAGES = ("index", "teachers")  # pages with a Korean source of their own, NAME.ko.md


def stage(dest: Path, lang: str = "en") -> Path:
    """Copy the sources of this checkout for the ``lang`` site into ``dest``; return Sphinx's source
    folder."""
    src = dest / "book"
    skip = ["__pycache__", "build.py", "*.ko.md"] + [f"{p}.md" for p in PAGES if lang != "en"]
    shutil.copytree(ROOT / "book", src, ignore=shutil.ignore_patterns(*skip))
    if lang != "en":
        for page in PAGES:
            shutil.copy2(ROOT / "book" / f"{page}.{lang}.md", src / f"{page}.md")
    (src / "notebooks").mkdir()
    for notebook in NOTEBOOKS:
        edition = notebook if lang == "en" else notebook.parent / lang / notebook.name
        shutil.copy2(edition, src / "notebooks" / notebook.name)
    shutil.copy2(ROOT / "GLOSSARY.md", src / "GLOSSARY.md")
    for name in ("README.md", "README.ko.md", "pyproject.toml"):
        shutil.copy2(ROOT / name, dest / name)
    return src


def build(out: Path = OUT) -> subprocess.CompletedProcess:
    """Build both sites, English into ``out`` (emptied first) and Korean into ``out/ko``; return
    Sphinx's completed process (the first that failed, else the last)."""
    out = Path(out).resolve()
    if out.exists():
        shutil.rmtree(out)
    done = None
    for lang, folder in LANGUAGES.items():
        done = build_site(out / folder if folder else out, lang)
        if done.returncode:
            return done
    return done


def build_site(out: Path, lang: str) -> subprocess.CompletedProcess:
    """Build the ``lang`` site into ``out``; return Sphinx's completed process."""
    with tempfile.TemporaryDirectory(prefix="linreg-book-") as tmp:
        src = stage(Path(tmp), lang)
        # Built inside the temporary folder (myst-nb writes its figures into a folder beside the
        # site's), then moved to ``out``: only the site lands there.
        site = Path(tmp) / "html" / "site"
        cmd = [
            sys.executable,
            "-m",
            "sphinx",
            "-b",
            "html",
            "-q",
            "-W",
            "--keep-going",
            "-E",
        ]
        cmd += [
            "-d",
            str(Path(tmp) / "doctrees"),
            "-D",
            f"linreg_repository_root={ROOT}",
            "-D",
            f"language={lang}",
        ]
        done = subprocess.run([*cmd, str(src), str(site)], capture_output=True, text=True)
        if site.is_dir():
            out.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(site, out)
        return done


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else OUT
    done = build(out)
    sys.stdout.write(done.stdout)
    sys.stderr.write(done.stderr)
    if done.returncode == 0:
        print(f"\nThe book is in {out}/ : open {out / 'index.html'} (Korean: {out / 'ko'}/)")
    return done.returncode


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
