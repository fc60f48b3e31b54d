"""tools/translate.py: the catalogs follow the English notebooks by cell id, a changed cell keeps
its translation marked fuzzy with the previous English, and the committed catalogs are in step;
a translated notebook is the English one with its prose, figure texts and language translated."""

import ast
import io
import json
import re
import shutil
import tokenize

import polib
import pytest
from project import NOTEBOOKS, ROOT  # tools/project.py
from translate import (
    LANGUAGES,
    catalog_path,
    notebook_path,
    out_of_step,
    status,
    texts,
    translated_code,
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
    problems = out_of_step(notebook, po, complete=notebook_path(notebook, lang).exists())
    assert not problems, "run python3 dev.py translate, then update the translation:\n" + "\n".join(
        problems
    )


def test_the_stale_translation_test_fails_on_a_changed_cell_of_a_real_notebook(tmp_path):
    """What a translator meets: a copy of notebook 01 whose English changed in one markdown cell,
    and a copy of its catalog with one Korean cell removed."""
    english = ROOT / "notebooks" / "01_linear_model_and_loss.ipynb"
    po = polib.pofile(str(catalog_path(english, "ko")), wrapwidth=0)
    assert out_of_step(english, po, complete=True) == []
    copy = shutil.copy(english, tmp_path / english.name)
    nb = json.loads(copy.read_text())
    cell = next(c for c in nb["cells"] if c["cell_type"] == "markdown" and c["id"] != "colab-link")
    old = "".join(cell["source"])
    cell["source"] = [old + " A sentence added in English."]
    copy.write_text(json.dumps(nb))
    assert out_of_step(copy, po) == [
        f"{english.name}, cell {cell['id']}: the English changed from\n{old}\nto\n"
        f"{old} A sentence added in English."
    ]
    entry = next(e for e in po if e.msgctxt == cell["id"])
    entry.msgid, entry.msgstr = old + " A sentence added in English.", ""
    assert out_of_step(copy, po) == []  # in step, but the Korean edition needs every cell
    assert out_of_step(copy, po, complete=True) == [
        f"{english.name}, cell {cell['id']}: {entry.msgid[:60]!r} not translated"
    ]


def test_figure_texts_get_entries_and_only_they_change_in_the_code(tmp_path):
    code = 'use_language("en")\nax.set(title="Loss", xlabel="w")\n'
    code += 'ax.plot(w, label=name)\nprint("Loss")'
    path = _notebook(tmp_path / "00_x.ipynb", [("k", "code", code), ("m", "markdown", "Text")])
    assert texts(path) == [("k", "Loss", True), ("k", "w", True), ("m", "Text", False)]
    po = update_catalog(path, polib.POFile(), "ko")
    assert [(e.msgctxt, e.msgid, e.comment) for e in po] == [
        ("k", "Loss", "figure text"), ("k", "w", "figure text"), ("m", "Text", "")]  # fmt: skip
    po[0].msgstr, po[1].msgstr, po[2].msgstr = "손실", "w", "글"
    cell = translated_notebook(path, po, "ko")["cells"][0]
    assert "".join(cell["source"]) == (
        'use_language("ko")\nax.set(title="손실", xlabel="w")\nax.plot(w, label=name)\n'
        'print("Loss")'
    )
    _notebook(path, [("k", "code", code.replace('title="Loss"', 'title="MSE"')),
                     ("m", "markdown", "Text")])  # fmt: skip
    assert out_of_step(path, po) == [
        "00_x.ipynb, cell k: figure text 'Loss' no longer in the cell",
        "00_x.ipynb, cell k: figure text 'MSE' not in the catalog",
    ]
    updated = update_catalog(path, po, "ko")
    assert [(e.msgid, e.msgstr, e.flags, e.previous_msgid) for e in updated][:2] == [
        ("MSE", "손실", ["fuzzy"], "Loss"), ("w", "w", [], None)]  # fmt: skip
    assert translated_code('t = "a\\"b"\nax.set_title("x")', {"x": 'y "z"\n'}, "ko") == (
        't = "a\\"b"\nax.set_title("y \\"z\\"\\n")'
    )


def _rendered(text):
    """How many bold, italic, code, link and image spans CommonMark finds in ``text`` (a bold
    term closed right before a Hangul letter, ``**용어(term)**는``, is not bold)."""
    from markdown_it import MarkdownIt

    kinds = ("strong_open", "em_open", "code_inline", "link_open", "image")
    found = [t.type for b in MarkdownIt("commonmark").parse(text) for t in b.children or []]
    return {kind: found.count(kind) for kind in kinds}


def _markup(text):
    """What must survive a translation: math, code, links, images, headings, table cells, and
    what a markdown renderer makes of them."""
    return {
        "rendered": _rendered(text),
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


def test_the_korean_edition_has_every_notebook():
    assert [p.name for p in TRANSLATED if p.parent.name == "ko"] == [p.name for p in NOTEBOOKS]


HANGUL = re.compile("[\uac00-\ud7a3]")
NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e[-+]?\d+)?")


def _texts(cell):
    """A code cell's outputs: (kind, text lines) each, an image by its kind only."""
    kept = []
    for output in cell.get("outputs", []):
        data = output.get("data", {})
        text = output.get("text") or "".join(data.get("text/plain", ""))
        images = sorted(k for k in data if k.startswith("image/"))
        kept.append((output["output_type"], output.get("name"), images, "".join(text).splitlines()))
    return kept


def _tokens(source):
    """The tokens of a code cell (IPython magics kept as they are)."""
    return [(t.type, t.string) for t in tokenize.generate_tokens(io.StringIO(source).readline)]


@pytest.mark.parametrize("path", TRANSLATED, ids=[f"{p.parent.name}/{p.stem}" for p in TRANSLATED])
def test_a_translated_notebook_is_the_english_code_with_the_catalogs_prose(path):
    """The differences by design, and only they: the markdown (the catalog's); in a code cell the
    figure texts (the catalog's) and use_language's argument; in the outputs the figures and the
    lines of feedback or widget text, which are Korean and keep every number of the English (in
    the order Korean puts them)."""
    lang = path.parent.name
    english_path = ROOT / "notebooks" / path.name
    english, translated = json.loads(english_path.read_text()), json.loads(path.read_text())
    po = polib.pofile(str(catalog_path(english_path, lang)), wrapwidth=0)
    figure_texts = {(e.msgctxt, e.msgid): e.msgstr for e in po if e.comment == "figure text"}
    expected = translated_notebook(english_path, po, lang)
    assert [c["id"] for c in translated["cells"]] == [c["id"] for c in english["cells"]]
    for mine, theirs, regenerated in zip(translated["cells"], english["cells"], expected["cells"]):
        assert mine["cell_type"] == theirs["cell_type"]
        assert "".join(mine["source"]) == "".join(regenerated["source"]), mine["id"]
        if mine["cell_type"] != "code":
            continue
        ours, english_tokens = _tokens("".join(mine["source"])), _tokens("".join(theirs["source"]))
        assert len(ours) == len(english_tokens), mine["id"]
        for (kind, text), (english_kind, english_text) in zip(ours, english_tokens):
            if text != english_text:
                assert kind == english_kind == tokenize.STRING, (mine["id"], english_text, text)
                allowed = {figure_texts.get((mine["id"], ast.literal_eval(english_text))), lang}
                assert ast.literal_eval(text) in allowed, (mine["id"], english_text, text)
        if "# NBVAL_IGNORE_OUTPUT" in "".join(mine["source"]):  # timings, versions, ...
            continue
        assert len(_texts(mine)) == len(_texts(theirs)), mine["id"]
        for (*kind, lines), (*english_kind, english_lines) in zip(_texts(mine), _texts(theirs)):
            assert kind == english_kind and len(lines) == len(english_lines), mine["id"]
            for line, english_line in zip(lines, english_lines):
                if line != english_line:
                    assert HANGUL.search(line), (mine["id"], english_line, line)
                    numbers = sorted(NUMBER.findall(line)), sorted(NUMBER.findall(english_line))
                    assert numbers[0] == numbers[1], (mine["id"], english_line, line)


@pytest.mark.parametrize("path", TRANSLATED, ids=[f"{p.parent.name}/{p.stem}" for p in TRANSLATED])
def test_the_exercises_of_a_translated_notebook_answer_in_its_language(path):
    checks = [
        c
        for c in json.loads(path.read_text())["cells"]
        if c["cell_type"] == "code" and re.search(r"^ex\.check_", "".join(c["source"]), re.M)
    ]
    assert checks
    for cell in checks:
        shown = "".join(line for _, _, _, lines in _texts(cell) for line in lines)
        assert HANGUL.search(shown) and "Not yet" not in shown, (cell["id"], shown)
