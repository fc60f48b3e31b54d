"""Build the book: a static HTML site of the stored notebooks, without executing them.

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


def stage(dest: Path) -> Path:
    """Copy the sources of this checkout into ``dest``; return Sphinx's source folder."""
    src = dest / "book"
    shutil.copytree(ROOT / "book", src, ignore=shutil.ignore_patterns("__pycache__", "build.py"))
    (src / "notebooks").mkdir()
    for notebook in NOTEBOOKS:
        shutil.copy2(notebook, src / "notebooks" / notebook.name)
    shutil.copy2(ROOT / "GLOSSARY.md", src / "GLOSSARY.md")
    for name in ("README.md", "pyproject.toml"):
        shutil.copy2(ROOT / name, dest / name)
    return src


def build(out: Path = OUT) -> subprocess.CompletedProcess:
    """Build the site into ``out`` (emptied first); return Sphinx's completed process."""
    out = Path(out).resolve()
    if out.exists():
        shutil.rmtree(out)
    with tempfile.TemporaryDirectory(prefix="linreg-book-") as tmp:
        src = stage(Path(tmp))
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
        print(f"\nThe book is in {out}/ : open {out / 'index.html'}")
    return done.returncode


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
