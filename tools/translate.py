"""Keep the translations of the notebooks' prose in step with the English, one gettext catalog per
notebook and language: ``translations/<lang>/NN_name.po``, one entry per markdown cell, ``msgctxt``
the cell's id, ``msgid`` the English, ``msgstr`` the translation (any PO editor: Poedit, Weblate).

    .venv/bin/python tools/translate.py [NN ...]      (python3 dev.py translate; default: all)

updates the catalogs from the English notebooks, reports, per notebook, how many cells are
untranslated or fuzzy, and for every catalog with neither writes the translated notebook,
``notebooks/<lang>/NN_name.ipynb`` (the code cells as in the English, the markdown from the
catalog), then executes it with tools/execute_notebooks.py as the English ones are.

The merge goes by cell id, not by polib's ``merge`` (which matches on
msgctxt and msgid together and drops the translation of a changed cell): a new cell gets an empty
entry; a changed cell keeps its translation, marked fuzzy, with the previous English as
``#| msgid`` so the translator sees what changed; the entry of a removed cell goes.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import polib
from project import ROOT, notebooks_by_number  # tools/project.py

TRANSLATIONS = ROOT / "translations"
LANGUAGES = {"ko": "Korean"}


def markdown_cells(notebook: Path) -> list[tuple[str, str]]:
    """(cell id, source) of every markdown cell of ``notebook``, in order."""
    cells = json.loads(notebook.read_text())["cells"]
    return [(c["id"], "".join(c["source"])) for c in cells if c["cell_type"] == "markdown"]


def catalog_path(notebook: Path, lang: str) -> Path:
    return TRANSLATIONS / lang / f"{notebook.stem}.po"


def update_catalog(notebook: Path, po: polib.POFile, lang: str) -> polib.POFile:
    """A catalog for ``notebook``'s markdown cells in their order, keeping what ``po`` has."""
    old = {entry.msgctxt: entry for entry in po if not entry.obsolete}
    new = polib.POFile(wrapwidth=0)  # no re-wrapping: the cells' lines stay as they are
    new.header = (
        f"{LANGUAGES[lang]} prose of notebooks/{notebook.name}: one entry per markdown cell,\n"
        "msgctxt = the cell's id. Updated by python3 dev.py translate (tools/translate.py)."
    )
    new.metadata = po.metadata or {
        "Project-Id-Version": "linreg-pytorch",
        "Language": lang,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    for cell_id, english in markdown_cells(notebook):
        entry = old.get(cell_id) or polib.POEntry(msgctxt=cell_id, msgid=english, msgstr="")
        if entry.msgid != english:
            if entry.msgstr:  # the translation stays, to be checked against the new English
                if "fuzzy" not in entry.flags:
                    entry.previous_msgid = entry.msgid
                    entry.flags.append("fuzzy")
            entry.msgid = english
        entry.occurrences = [(f"notebooks/{notebook.name}", "")]
        new.append(entry)
    return new


def out_of_step(notebook: Path, po: polib.POFile) -> list[str]:
    """What keeps catalog ``po`` from matching ``notebook``'s English now: a changed cell (with
    the old and the new English), a cell missing or left over, a translation marked fuzzy."""
    english = dict(markdown_cells(notebook))
    problems = []
    for entry in po:
        if entry.obsolete:
            continue
        where = f"{notebook.name}, cell {entry.msgctxt}"
        if entry.msgctxt not in english:
            problems.append(f"{where}: in the catalog, no longer in the notebook")
        elif entry.msgid != english[entry.msgctxt]:
            problems.append(f"{where}: the English changed from\n{entry.msgid}\nto\n"
                            f"{english[entry.msgctxt]}")  # fmt: skip
        elif "fuzzy" in entry.flags:
            problems.append(f"{where}: fuzzy, check the translation against the new English")
    known = {entry.msgctxt for entry in po}
    problems += [
        f"{notebook.name}, cell {c}: not in the catalog" for c in english if c not in known
    ]
    return problems


def translated_notebook(notebook: Path, po: polib.POFile) -> dict:
    """``notebook`` with its markdown cells from the catalog ``po`` (complete, none fuzzy); the
    code cells, ids and metadata unchanged."""
    nb = json.loads(notebook.read_text())
    entries = {entry.msgctxt: entry for entry in po if not entry.obsolete}
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            cell["source"] = entries[cell["id"]].msgstr.splitlines(keepends=True)
    return nb


def notebook_path(notebook: Path, lang: str) -> Path:
    return notebook.parent / lang / notebook.name


def status(po: polib.POFile) -> tuple[int, int, int]:
    """(cells, untranslated, fuzzy) of a catalog."""
    entries = [e for e in po if not e.obsolete]
    untranslated = sum(not e.msgstr for e in entries)
    fuzzy = sum("fuzzy" in e.flags for e in entries)
    return len(entries), untranslated, fuzzy


def main(argv: list[str]) -> int:
    try:
        chosen = notebooks_by_number(argv)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2
    for lang, language in LANGUAGES.items():
        for notebook in chosen:
            path = catalog_path(notebook, lang)
            po = polib.pofile(str(path), wrapwidth=0) if path.exists() else polib.POFile()
            updated = update_catalog(notebook, po, lang)
            path.parent.mkdir(parents=True, exist_ok=True)
            updated.save(str(path))
            cells, untranslated, fuzzy = status(updated)
            print(f"{language} {path.relative_to(ROOT)}: {cells} cells, "
                  f"{untranslated} untranslated, {fuzzy} fuzzy")  # fmt: skip
            if untranslated or fuzzy:
                continue
            target = notebook_path(notebook, lang)
            target.parent.mkdir(exist_ok=True)
            nb = translated_notebook(notebook, updated)
            target.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n")
            runner = [sys.executable, str(ROOT / "tools" / "execute_notebooks.py"), str(target)]
            subprocess.run(runner, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
