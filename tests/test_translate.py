"""tools/translate.py: the catalogs follow the English notebooks by cell id, a changed cell keeps
its translation marked fuzzy with the previous English, and the committed catalogs are in step."""

import json

import polib
import pytest
from project import NOTEBOOKS  # tools/project.py
from translate import LANGUAGES, catalog_path, out_of_step, status, update_catalog


def _notebook(path, cells):
    nb = {"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    for cell_id, kind, source in cells:
        cell = {"cell_type": kind, "id": cell_id, "metadata": {}, "source": source}
        if kind == "code":
            cell |= {"execution_count": None, "outputs": []}
        nb["cells"].append(cell)
    path.write_text(json.dumps(nb))
    return path


def test_a_changed_cell_keeps_its_translation_marked_fuzzy(tmp_path):
    path = tmp_path / "00_x.ipynb"
    _notebook(path, [("a", "markdown", "# One"), ("k", "code", "x = 1"), ("b", "markdown", "Two"),
                     ("c", "markdown", "Three")])  # fmt: skip
    po = update_catalog(path, polib.POFile(), "ko")
    assert [(e.msgctxt, e.msgid, e.msgstr) for e in po] == [
        ("a", "# One", ""), ("b", "Two", ""), ("c", "Three", "")]  # fmt: skip
    po[0].msgstr, po[1].msgstr, po[2].msgstr = "# 하나", "둘", "셋"
    _notebook(path, [("a", "markdown", "# One"), ("b", "markdown", "Two, changed"),
                     ("d", "markdown", "Four")])  # fmt: skip
    assert out_of_step(path, po) == [
        "00_x.ipynb, cell b: the English changed from\nTwo\nto\nTwo, changed",
        "00_x.ipynb, cell c: in the catalog, no longer in the notebook",
        "00_x.ipynb, cell d: not in the catalog",
    ]
    updated = update_catalog(path, po, "ko")
    assert [(e.msgctxt, e.msgid, e.msgstr, e.flags) for e in updated] == [
        ("a", "# One", "# 하나", []),
        ("b", "Two, changed", "둘", ["fuzzy"]),
        ("d", "Four", "", []),
    ]
    assert updated[1].previous_msgid == "Two"
    assert out_of_step(path, updated) == [
        "00_x.ipynb, cell b: fuzzy, check the translation against the new English"
    ]
    assert status(updated) == (3, 1, 1)
    saved = tmp_path / "x.po"
    updated.save(str(saved))
    text = saved.read_text()
    assert '#, fuzzy\n#| msgid "Two"\nmsgctxt "b"' in text
    again = update_catalog(path, polib.pofile(str(saved), wrapwidth=0), "ko")
    assert str(again) == str(updated)  # a second update changes nothing


def test_polib_merge_would_drop_the_translation_of_a_changed_cell(tmp_path):
    """Why update_catalog merges by cell id: polib's merge matches msgctxt and msgid together."""
    old = polib.POFile()
    old.append(polib.POEntry(msgctxt="b", msgid="Two", msgstr="둘"))
    ref = polib.POFile()
    ref.append(polib.POEntry(msgctxt="b", msgid="Two, changed", msgstr=""))
    old.merge(ref)
    assert [(e.msgid, e.msgstr) for e in old if not e.obsolete] == [("Two, changed", "")]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_the_committed_catalogs_are_in_step_with_the_english(notebook, lang):
    path = catalog_path(notebook, lang)
    assert path.exists(), f"no catalog {path.name}: run python3 dev.py translate"
    problems = out_of_step(notebook, polib.pofile(str(path), wrapwidth=0))
    assert not problems, "run python3 dev.py translate, then update the translation:\n" + "\n".join(
        problems
    )
