"""tools/translate.py: the catalogs follow the English notebooks by cell id, a changed cell keeps
its translation marked fuzzy with the previous English, and the committed catalogs are in step."""

import json
import re

import polib
import pytest
from project import NOTEBOOKS, ROOT  # tools/project.py
from translate import (
    LANGUAGES,
    catalog_path,
    notebook_path,
    out_of_step,
    status,
    translated_notebook,
    update_catalog,
)


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
    po = polib.pofile(str(path), wrapwidth=0)
    problems = out_of_step(notebook, po)
    if notebook_path(notebook, lang).exists():  # a translated notebook: every cell translated
        problems += [
            f"{notebook.name}, cell {e.msgctxt}: not translated" for e in po if not e.msgstr
        ]
    assert not problems, "run python3 dev.py translate, then update the translation:\n" + "\n".join(
        problems
    )


def _markup(text):
    """What must survive a translation: math, code, links, images, headings, table cells."""
    return {
        "math $": text.count("$"),
        "code `": text.count("`"),
        "links": len(re.findall(r"\]\(", text)),
        "images": text.count("!["),
        "headings": re.findall(r"^#+ ", text, re.M),
        "table |": text.count("|"),
    }


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_a_translation_keeps_the_markup_of_its_cell(notebook, lang):
    po = polib.pofile(str(catalog_path(notebook, lang)), wrapwidth=0)
    for entry in (e for e in po if e.msgstr):
        assert _markup(entry.msgstr) == _markup(entry.msgid), (notebook.name, entry.msgctxt)


TRANSLATED = sorted(
    path for lang in LANGUAGES for path in (ROOT / "notebooks" / lang).glob("[0-9][0-9]_*.ipynb")
)


def test_the_korean_edition_has_notebooks_00_to_03():
    assert [p.name[:2] for p in TRANSLATED if p.parent.name == "ko"] == ["00", "01", "02", "03"]


def _outputs(cell):
    """A code cell's outputs, each image by its kind only (nbval compares the rest)."""
    kept = []
    for output in cell.get("outputs", []):
        data = output.get("data", {})
        text = {k: v for k, v in data.items() if not k.startswith("image/")}
        kept.append((output.get("text"), text, sorted(k for k in data if k.startswith("image/"))))
    return kept


@pytest.mark.parametrize("path", TRANSLATED, ids=[f"{p.parent.name}/{p.stem}" for p in TRANSLATED])
def test_a_translated_notebook_is_the_english_code_with_the_catalogs_prose(path):
    english_path = ROOT / "notebooks" / path.name
    english, translated = json.loads(english_path.read_text()), json.loads(path.read_text())
    po = polib.pofile(str(catalog_path(english_path, path.parent.name)), wrapwidth=0)
    expected = translated_notebook(english_path, po)
    assert [c["id"] for c in translated["cells"]] == [c["id"] for c in english["cells"]]
    for mine, theirs, regenerated in zip(translated["cells"], english["cells"], expected["cells"]):
        assert mine["cell_type"] == theirs["cell_type"]
        if mine["cell_type"] == "code":
            assert mine["source"] == theirs["source"], mine["id"]  # the English code, unchanged
            if "# NBVAL_IGNORE_OUTPUT" not in "".join(mine["source"]):  # timings, versions, ...
                assert _outputs(mine) == _outputs(theirs), mine["id"]  # so far none differs
        else:
            assert "".join(mine["source"]) == "".join(regenerated["source"]), mine["id"]
