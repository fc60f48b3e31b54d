#!/usr/bin/env python3
"""One entry point for the project: set up the environment, open the notebooks, run the tests.

    python3 dev.py lab        # set up .venv (first time only) and open JupyterLab on notebook 00
    python3 dev.py lab --lang ko     # the same, on the Korean edition (notebooks/ko/00_...)
    python3 dev.py test       # set up .venv (first time only) and run the whole test suite
    python3 dev.py execute    # re-execute every stored notebook as the tests do, then run the tests
    python3 dev.py bench      # print the benchmark ratios (import cost, notebook times, ...)
    python3 dev.py bench explorers   # key press to new figure, per explorer, in Chromium
    python3 dev.py book       # the book (the stored notebooks as HTML): build/book/, build/book/ko/
    python3 dev.py assignment [--lang ko] [NN ...]   # teachers: an nbgrader course of the exercises
    python3 dev.py grade [NN ...]        # teachers: autograde build/course/submitted/ (grades.csv)
    python3 dev.py translate [NN ...]    # translators: update translations/ from the English

Needs only Python 3.11+ with pip and venv. The virtual environment lives in
``.venv/`` inside the repository; it is (re)installed only when
``requirements.txt``, ``constraints.txt`` or ``pyproject.toml`` changed since the last install.
Extra arguments after the command go to the tool (pytest, jupyter lab, ...).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "tools"))
from project import EDITIONS, ROOT, pytest_command  # noqa: E402 (standard library only)

VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".installed-from"
INPUTS = ("requirements.txt", "constraints.txt", "pyproject.toml")


# JupyterLab settings for the project's server (defaults: a user may still change them):
# never ask about (nor fetch) the Jupyter news, which `--LabApp.news_url=None` alone does not stop.
LAB_OVERRIDES = {
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False}
}


def _served(folder: Path) -> str:
    """``folder`` as JupyterLab sees it: relative to notebooks/, the server's root ("" or "ko/")."""
    relative = folder.relative_to(ROOT / "notebooks").as_posix()
    return "" if relative == "." else relative + "/"


def lab_command(settings: Path, python: Path | str = PY, lang: str = "en") -> list[str]:
    """The `jupyter lab` command of `dev.py lab` (the browser test starts its server with it).

    It opens on notebook 00 of the edition ``lang`` (the server shows all of notebooks/), fetches
    nothing at run time (no extension manager, no update check, no news) and reads its settings
    from the folder ``settings``, written here."""
    if lang not in EDITIONS:
        raise ValueError(f"lang must be one of {', '.join(EDITIONS)}, got {lang!r}")
    settings.mkdir(parents=True, exist_ok=True)
    (settings / "overrides.json").write_text(json.dumps(LAB_OVERRIDES))
    # No build check on page load (it concerns rebuilding extensions and costs seconds of CPU).
    (settings / "page_config.json").write_text(
        json.dumps({"buildCheck": False, "buildAvailable": False})
    )
    cmd = [
        str(python),
        "-m",
        "jupyterlab",
        f"--LabApp.app_settings_dir={settings}",
        f"--LabApp.default_url=/lab/tree/{_served(EDITIONS[lang])}00_start_here.ipynb",
        "--LabApp.extension_manager=readonly",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.news_url=None",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")  # containers and CI machines often run as root
    return cmd


def _fingerprint() -> str:
    digest = hashlib.sha256()
    for name in INPUTS:
        digest.update((ROOT / name).read_bytes())
    return digest.hexdigest()


def _run(cmd: list[str], **kwargs) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, cwd=kwargs.pop("cwd", ROOT), **kwargs)


NBGRADER_SERVER_EXTENSIONS = [
    f"nbgrader.server_extensions.{name}"
    for name in ("formgrader", "validate_assignment", "assignment_list", "course_list")
]


def ensure_env() -> None:
    """Create .venv and install the pinned requirements, unless already done for these pins."""
    if sys.version_info < (3, 11):  # noqa: UP036 (dev.py may be started by an older python3)
        sys.exit(f"Python 3.11+ is needed, this is {sys.version.split()[0]}")
    fingerprint = _fingerprint()
    if PY.exists() and STAMP.exists() and STAMP.read_text().strip() == fingerprint:
        return
    if not PY.exists():
        print(f"creating virtual environment in {VENV.relative_to(ROOT)}/")
        venv.EnvBuilder(with_pip=True).create(VENV)
    pip = [PY, "-m", "pip", "install", "--disable-pip-version-check"]
    # torch first, at its exact pin, so nothing that depends on torch pulls another build.
    torch_pin = re.search(r"^torch==\S+", (ROOT / "requirements.txt").read_text(), re.M).group(0)
    _run(pip + [torch_pin])
    # constraints.txt pins every indirect dependency too (the environment the outputs come from).
    _run(pip + ["-r", ROOT / "requirements.txt", "-c", ROOT / "constraints.txt"])
    _run(pip + ["--no-deps", "-e", ROOT])
    # nbgrader (for teachers, who use it from the command line) enables Jupyter server and lab
    # extensions where it is installed; switched off here, the learners' JupyterLab stays as it was.
    jupyter = [BIN / "jupyter"]
    for extension in NBGRADER_SERVER_EXTENSIONS:
        _run(jupyter + ["server", "extension", "disable", "--sys-prefix", extension])
    _run(jupyter + ["labextension", "disable", "--level=sys_prefix", "@jupyter/nbgrader"])
    STAMP.write_text(fingerprint + "\n")


# Commands that run a script of tools/ (and its fixed arguments) with what follows on the line.
TOOLS = {
    "assignment": ["assignment.py"],  # an nbgrader course of the exercises in build/course/
    "grade": ["assignment.py", "--grade"],  # autograde build/course/submitted/ into grades.csv
    "translate": ["translate.py"],  # the gettext catalogs of the notebooks' prose, by cell id
    "bench": ["bench.py"],
}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"lab", "test", "execute", "book", "setup", *TOOLS}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    ensure_env()
    env = dict(os.environ)
    env.pop("MPLBACKEND", None)
    if command == "setup":
        return 0
    if command == "lab":
        lang = "en"
        if rest[:1] == ["--lang"] and len(rest) > 1:  # python3 dev.py lab --lang ko
            lang, rest = rest[1], rest[2:]
        if lang not in EDITIONS:
            print(f"--lang must be one of {', '.join(EDITIONS)}, got {lang!r}", file=sys.stderr)
            return 2
        with tempfile.TemporaryDirectory(prefix="linreg-lab-") as settings:
            return subprocess.call(
                [*lab_command(Path(settings), lang=lang), *rest], cwd=ROOT / "notebooks", env=env
            )
    if command == "test":
        return subprocess.call(pytest_command(*rest, python=PY), cwd=ROOT, env=env)
    if command == "execute":
        code = subprocess.call(
            [str(PY), str(ROOT / "tools" / "execute_notebooks.py"), *rest], cwd=ROOT, env=env
        )
        if code:
            return code
        return subprocess.call(pytest_command(python=PY), cwd=ROOT, env=env)
    if command == "book":  # the stored notebooks as a website; nothing is executed
        return subprocess.call([str(PY), str(ROOT / "book" / "build.py"), *rest], cwd=ROOT, env=env)
    if command in TOOLS:  # a script of tools/, run in .venv
        script, *fixed = TOOLS[command]
        return subprocess.call(
            [str(PY), str(ROOT / "tools" / script), *fixed, *rest], cwd=ROOT, env=env
        )
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
