"""Keep the translations in step with the English, in gettext catalogs (any PO editor: Poedit,
Weblate), one per notebook and language, ``translations/<lang>/NN_name.po``:

* one entry per markdown cell: ``msgctxt`` the cell's id, ``msgid`` the English cell, ``msgstr``
  the translation;
* one entry per figure text of a code cell (a string passed as ``title``, ``xlabel``, ``ylabel``,
  ``label``, as a value of ``labels``/``edge_labels``, a key of ``lines``, an item of ``names``,
  or to ``set_title``/``set_xlabel``/``set_ylabel``/``suptitle``; a value of a dict assigned to
  ``labels`` or ``titles``; the template of ``"...".format(...)`` in those places), marked
  ``#. figure text``: ``msgctxt`` the code cell's id, ``msgid`` the string;

and one for the helpers' own messages (the exercise feedback, the widgets' text: every ``_("...")``
in helpers/), ``helpers/locale/<lang>.po``, which helpers.language reads at run time.

    .venv/bin/python tools/translate.py [NN ...]      (python3 dev.py translate; default: all)

updates the catalogs from the English, reports per catalog how many entries are untranslated or
fuzzy, and for every notebook catalog with neither writes the translated notebook,
``notebooks/<lang>/NN_name.ipynb``: the English code cells with two kinds of change only, the
figure texts from the catalog and ``use_language("en")`` made ``use_language("<lang>")``; the
markdown from the catalog. Then it executes it with tools/execute_notebooks.py as the English ones
are.

The merge goes by cell id, not by polib's ``merge`` (which matches on msgctxt and msgid together
and drops the translation of a changed cell): a new cell or string gets an empty entry; a changed
one keeps its translation, marked fuzzy, with the previous English as ``#| msgid`` so the
translator sees what changed; the entry of a removed one goes.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import polib
from project import ROOT, notebooks_by_number  # tools/project.py

TRANSLATIONS = ROOT / "translations"
LANGUAGES = {"ko": "Korean"}
FIGURE_TEXT = "figure text"  # the extracted comment (#.) of a code cell's entry
FIGURE_KEYWORDS = {"title", "xlabel", "ylabel", "label"}
FIGURE_DICTS = {"labels", "edge_labels"}  # keywords whose dict values are figure text
FIGURE_METHODS = {"set_title", "set_xlabel", "set_ylabel", "suptitle"}
FIGURE_DICT_KEYS = {"lines"}  # scatter_fit(..., lines={label: (b, w)})
FIGURE_SEQUENCES = {"names"}  # loss_contour(..., names=("w", "b")): the axis labels
FIGURE_VARIABLES = {"labels", "titles"}  # a dict assigned to these names holds figure texts
METADATA = {
    "Project-Id-Version": "linreg-pytorch",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
}


def _nodes(source: str) -> list[ast.AST]:
    """Every node of a code cell's syntax tree; none when the cell is not plain Python (an IPython
    magic)."""
    try:
        return list(ast.walk(ast.parse(source)))
    except SyntaxError:
        return []


def _strings(source: str) -> list[ast.Constant]:
    """The figure texts of a code cell (see the module's docstring), in order."""
    values = []
    for node in _nodes(source):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict):
            if any(getattr(t, "id", None) in FIGURE_VARIABLES for t in node.targets):
                values += node.value.values  # labels = {100: "full batch (100)", ...}
        if not isinstance(node, ast.Call):
            continue
        values += [kw.value for kw in node.keywords if kw.arg in FIGURE_KEYWORDS]
        for kw in node.keywords:
            if kw.arg in FIGURE_DICTS and isinstance(kw.value, ast.Dict):
                values += kw.value.values
            elif kw.arg in FIGURE_DICT_KEYS and isinstance(kw.value, ast.Dict):
                values += kw.value.keys
            elif kw.arg in FIGURE_SEQUENCES and isinstance(kw.value, (ast.Tuple, ast.List)):
                values += kw.value.elts
        if isinstance(node.func, ast.Attribute) and node.func.attr in FIGURE_METHODS:
            values += node.args[:1]
    found = []
    for value in values:
        if _is_format_call(value):  # "MSE ({:.4f})".format(x): the template is the text
            value = value.func.value
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            found.append(value)
    return sorted(found, key=lambda node: (node.lineno, node.col_offset))


def _is_format_call(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "format"
        and isinstance(node.func.value, ast.Constant)
        and isinstance(node.func.value.value, str)
    )


def _language_switches(source: str) -> list[ast.Constant]:
    """The "en" of every ``use_language("en")`` in a code cell."""
    return [
        node.args[0]
        for node in _nodes(source)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", getattr(node.func, "attr", None)) == "use_language"
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and node.args[0].value == "en"
    ]


def texts(notebook: Path) -> list[tuple[str, str, bool]]:
    """(cell id, English, is figure text) of every entry ``notebook`` needs, in order: each
    markdown cell, each distinct figure text of each code cell."""
    found = []
    for cell in json.loads(notebook.read_text())["cells"]:
        source = "".join(cell["source"])
        if cell["cell_type"] == "markdown":
            found.append((cell["id"], source, False))
        elif cell["cell_type"] == "code":
            strings = dict.fromkeys(node.value for node in _strings(source))
            found += [(cell["id"], text, True) for text in strings]
    return found


def catalog_path(notebook: Path, lang: str) -> Path:
    return TRANSLATIONS / lang / f"{notebook.stem}.po"


def _is_figure_text(entry: polib.POEntry) -> bool:
    return entry.comment == FIGURE_TEXT


def _carry(entry: polib.POEntry, english: str) -> polib.POEntry:
    """``entry`` for new English: its translation stays, marked fuzzy, with the old English."""
    if entry.msgid != english:
        if entry.msgstr and "fuzzy" not in entry.flags:
            entry.previous_msgid = entry.msgid
            entry.flags.append("fuzzy")
        entry.msgid = english
    return entry


def _new_catalog(po: polib.POFile, lang: str, header: str) -> polib.POFile:
    new = polib.POFile(wrapwidth=0)  # no re-wrapping: the cells' lines stay as they are
    new.header = header
    new.metadata = po.metadata or {**METADATA, "Language": lang}
    return new


def update_catalog(notebook: Path, po: polib.POFile, lang: str) -> polib.POFile:
    """A catalog for ``notebook``'s markdown cells and figure texts in their order, keeping what
    ``po`` has: a markdown cell's entry is found by its cell id; a figure text by its cell id and
    string, else (a changed string) by its place among the cell's strings that have no entry."""
    live = [entry for entry in po if not entry.obsolete]
    markdown = {e.msgctxt: e for e in live if not _is_figure_text(e)}
    figures = {(e.msgctxt, e.msgid): e for e in live if _is_figure_text(e)}
    needed = texts(notebook)
    wanted = {(cell_id, text) for cell_id, text, figure in needed if figure}
    leftover = {}  # cell id -> its figure-text entries whose string is gone, in order
    for (cell_id, text), entry in figures.items():
        if (cell_id, text) not in wanted:
            leftover.setdefault(cell_id, []).append(entry)
    new = _new_catalog(
        po,
        lang,
        f"{LANGUAGES[lang]} text of notebooks/{notebook.name}: one entry per markdown cell\n"
        "and per figure text of a code cell (#. figure text), msgctxt = the cell's id.\n"
        "Updated by python3 dev.py translate (tools/translate.py).",
    )
    for cell_id, english, figure in needed:
        if figure:
            entry = figures.get((cell_id, english)) or (leftover.get(cell_id) or [None]).pop(0)
        else:
            entry = markdown.get(cell_id)
        if entry is None:
            entry = polib.POEntry(msgctxt=cell_id, msgid=english, msgstr="")
        entry = _carry(entry, english)
        entry.comment = FIGURE_TEXT if figure else ""
        entry.occurrences = [(f"notebooks/{notebook.name}", "")]
        new.append(entry)
    return new


def out_of_step(notebook: Path, po: polib.POFile, *, complete: bool = False) -> list[str]:
    """What keeps catalog ``po`` from matching ``notebook``'s English now: a changed cell (with
    the old and the new English), a cell or figure text missing or left over, a translation
    marked fuzzy; with ``complete`` (the notebook has a translated edition) an untranslated
    entry too."""
    needed = texts(notebook)
    english = {cell_id: text for cell_id, text, figure in needed if not figure}
    wanted = {(cell_id, text) for cell_id, text, figure in needed if figure}
    problems, known = [], set()
    for entry in (e for e in po if not e.obsolete):
        where = f"{notebook.name}, cell {entry.msgctxt}"
        if _is_figure_text(entry):
            known.add((entry.msgctxt, entry.msgid))
            if (entry.msgctxt, entry.msgid) not in wanted:
                problems.append(f"{where}: figure text {entry.msgid!r} no longer in the cell")
            elif "fuzzy" in entry.flags:
                problems.append(f"{where}: figure text {entry.msgid!r} fuzzy, check it")
            continue
        known.add(entry.msgctxt)
        if entry.msgctxt not in english:
            problems.append(f"{where}: in the catalog, no longer in the notebook")
        elif entry.msgid != english[entry.msgctxt]:
            problems.append(f"{where}: the English changed from\n{entry.msgid}\nto\n"
                            f"{english[entry.msgctxt]}")  # fmt: skip
        elif "fuzzy" in entry.flags:
            problems.append(f"{where}: fuzzy, check the translation against the new English")
    for cell_id, text, figure in needed:
        if figure and (cell_id, text) not in known:
            problems.append(
                f"{notebook.name}, cell {cell_id}: figure text {text!r} not in the catalog"
            )
        elif not figure and cell_id not in known:
            problems.append(f"{notebook.name}, cell {cell_id}: not in the catalog")
    if complete:
        problems += [
            f"{notebook.name}, cell {e.msgctxt}: {e.msgid[:60]!r} not translated"
            for e in po
            if not e.obsolete and not e.msgstr
        ]
    return problems


def _literal(text: str) -> str:
    """``text`` as a double-quoted Python string literal."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def translated_code(source: str, translations: dict[str, str], lang: str) -> str:
    """A code cell's ``source`` with its figure texts translated and ``use_language("en")`` made
    ``use_language("<lang>")``; everything else byte for byte."""
    lines = source.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(lineno, col):  # ast's columns count UTF-8 bytes
        return starts[lineno - 1] + len(lines[lineno - 1].encode()[:col].decode())

    changes = [(node, translations[node.value]) for node in _strings(source)]
    changes += [(node, lang) for node in _language_switches(source)]
    for node, text in sorted(changes, key=lambda c: (c[0].lineno, c[0].col_offset), reverse=True):
        start, end = (
            offset(node.lineno, node.col_offset),
            offset(node.end_lineno, node.end_col_offset),
        )
        source = source[:start] + _literal(text) + source[end:]
    return source


def translated_notebook(notebook: Path, po: polib.POFile, lang: str) -> dict:
    """``notebook`` with its markdown cells and figure texts from the catalog ``po`` (complete,
    none fuzzy) and its language switched; ids, metadata and everything else unchanged."""
    nb = json.loads(notebook.read_text())
    live = [entry for entry in po if not entry.obsolete]
    markdown = {e.msgctxt: e.msgstr for e in live if not _is_figure_text(e)}
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            cell["source"] = markdown[cell["id"]].splitlines(keepends=True)
        elif cell["cell_type"] == "code":
            mine = {
                e.msgid: e.msgstr for e in live if _is_figure_text(e) and e.msgctxt == cell["id"]
            }
            source = translated_code("".join(cell["source"]), mine, lang)
            cell["source"] = source.splitlines(keepends=True)
    return nb


def notebook_path(notebook: Path, lang: str) -> Path:
    return notebook.parent / lang / notebook.name


def status(po: polib.POFile) -> tuple[int, int, int]:
    """(entries, untranslated, fuzzy) of a catalog."""
    entries = [e for e in po if not e.obsolete]
    untranslated = sum(not e.msgstr for e in entries)
    fuzzy = sum("fuzzy" in e.flags for e in entries)
    return len(entries), untranslated, fuzzy


def helper_messages() -> dict[str, list[tuple[str, str]]]:
    """Every ``_("...")`` and ``N_("...")`` message in helpers/: {English: [(file, line), ...]},
    in file order."""
    found = {}
    for path in sorted((ROOT / "helpers").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", None) in ("_", "N_")
                and len(node.args) == 1
                and isinstance(node.args[0], ast.Constant)
            ):
                where = (str(path.relative_to(ROOT)), str(node.lineno))
                found.setdefault(node.args[0].value, []).append(where)
    return found


def messages_path(lang: str) -> Path:
    return ROOT / "helpers" / "locale" / f"{lang}.po"


def update_messages(po: polib.POFile, lang: str) -> polib.POFile:
    """The helpers' message catalog for the messages in helpers/ now, keeping what ``po`` has;
    a message whose English changed comes back empty (the old entry goes)."""
    old = {entry.msgid: entry for entry in po if not entry.obsolete}
    new = _new_catalog(
        po,
        lang,
        f"{LANGUAGES[lang]} messages of the helpers package (exercise feedback, widgets): every\n"
        '_("...") in helpers/. Updated by python3 dev.py translate (tools/translate.py).',
    )
    for english, places in helper_messages().items():
        entry = old.get(english) or polib.POEntry(msgid=english, msgstr="")
        entry.occurrences = places
        entry.flags = sorted(
            set(entry.flags) | ({"python-brace-format"} if "{" in english else set())
        )
        new.append(entry)
    return new


def _save(po: polib.POFile, path: Path, name: str) -> polib.POFile:
    path.parent.mkdir(parents=True, exist_ok=True)
    po.save(str(path))
    entries, untranslated, fuzzy = status(po)
    print(f"{name} {path.relative_to(ROOT)}: {entries} entries, "
          f"{untranslated} untranslated, {fuzzy} fuzzy")  # fmt: skip
    return po


def _load(path: Path) -> polib.POFile:
    return polib.pofile(str(path), wrapwidth=0) if path.exists() else polib.POFile()


def main(argv: list[str]) -> int:
    try:
        chosen = notebooks_by_number(argv)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2
    for lang, language in LANGUAGES.items():
        path = messages_path(lang)
        _save(update_messages(_load(path), lang), path, language)
        for notebook in chosen:
            path = catalog_path(notebook, lang)
            updated = _save(update_catalog(notebook, _load(path), lang), path, language)
            if status(updated)[1:] != (0, 0):
                continue
            target = notebook_path(notebook, lang)
            target.parent.mkdir(exist_ok=True)
            nb = translated_notebook(notebook, updated, lang)
            target.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n")
            runner = [sys.executable, str(ROOT / "tools" / "execute_notebooks.py"), str(target)]
            subprocess.run(runner, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
