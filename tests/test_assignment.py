"""tools/assignment.py: every exercise of every notebook becomes an nbgrader answer cell (the
starter as learners see it, then the reference answer between nbgrader's solution markers) and a
locked test cell worth one point; every other cell is read-only; with the markers and what they
enclose removed (what nbgrader's release does with an empty code stub) only the starter is left.
And nbgrader itself (slow): validate, grades.csv, the time and memory limits (every notebook:
tests/test_grading.py)."""

import importlib
import inspect
import json
import re
import sys

import pytest
from assignment import source_notebook  # tools/assignment.py
from project import EDITIONS, NOTEBOOKS  # tools/project.py

MARKED = re.compile(r"\n### BEGIN SOLUTION\n.*?### END SOLUTION", re.S)


def _checks(notebook):
    module = importlib.import_module(f"helpers.exercises.nb{notebook.name[:2]}")
    return {
        name.removeprefix("check_")
        for name, fn in inspect.getmembers(module, inspect.isfunction)
        if name.startswith("check_") and fn.__module__ == module.__name__
    }


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_each_check_becomes_an_answer_and_a_graded_test_cell(notebook):
    nb, exercises = source_notebook(notebook)
    assert set(exercises) == _checks(notebook)
    roles = [cell["metadata"]["nbgrader"] for cell in nb["cells"]]
    ids = [role["grade_id"] for role in roles]
    assert len(ids) == len(set(ids))
    for cell, role in zip(nb["cells"], roles):
        if role["grade"]:
            assert role == role | {"locked": True, "solution": False, "points": 1}
            assert re.fullmatch(r"ex\.check_\w+\(\w+\)", cell["source"])
        elif role["solution"]:
            assert not role["locked"] and cell["cell_type"] == "code"
        else:
            assert role["locked"]
    graded = [i for i, role in enumerate(roles) if role["grade"]]
    assert len(graded) == len(exercises)
    assert all(roles[i - 1]["solution"] for i in graded)  # each test cell right after its answer


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_the_release_keeps_the_starter_and_no_solution(notebook):
    cells = json.loads(notebook.read_text())["cells"]
    original = "\n".join("".join(cell["source"]) for cell in cells)
    nb, _ = source_notebook(notebook)
    for cell in nb["cells"]:
        if cell["metadata"]["nbgrader"]["solution"]:
            assert len(MARKED.findall(cell["source"])) == 1
            released = MARKED.sub("", cell["source"])
            assert "solutions" not in released and "BEGIN SOLUTION" not in released
            assert released.strip() in original  # the starter, as the stored notebook has it
            assert "..." in released


def _submit(course, student, name, nb):
    folder = course / "submitted" / student / name
    folder.mkdir(parents=True)
    (folder / f"{name}.ipynb").write_text(json.dumps(nb))


@pytest.mark.slow
@pytest.mark.timeout(300)
@pytest.mark.skipif(sys.platform != "linux", reason="the memory limit is set on Linux")
def test_a_runaway_loop_and_a_memory_hog_score_0_and_grading_goes_on(tmp_path):
    """An answer that never ends is stopped at the per-cell time limit (5 s here), one that takes
    8 GiB fails at the memory limit (4 GiB): both score 0 with the answer cell's error as the hint,
    and the next student is graded as usual."""
    from assignment import COURSE, grade, make_course

    course = tmp_path / "course"
    name = "00_start_here"
    make_course([p for p in NOTEBOOKS if p.stem == name], course=course)
    config = course / "nbgrader_config.py"
    config.write_text(config.read_text().replace("timeout = 30", "timeout = 5"))
    source = json.loads((course / "source" / name / f"{name}.ipynb").read_text())
    for student, answer in [
        ("hog", "warmup_mse = bytearray(8 * 2**30)"),
        ("loop", "while True:\n    pass"),
        ("right", None),
    ]:
        nb = json.loads(json.dumps(source))
        for cell in nb["cells"]:
            if answer and cell["metadata"]["nbgrader"]["grade_id"] == "answer_warmup_mse":
                cell["source"] = answer
        _submit(course, student, name, nb)
    rows, problems = grade(course)
    assert problems == [] and COURSE != course
    assert [(r["student"], r["score"]) for r in rows] == [("hog", 0), ("loop", 0), ("right", 1)]
    assert rows[0]["hint"] == "the answer cell raised MemoryError"
    assert rows[1]["hint"].startswith("the answer cell raised CellTimeoutError"), rows[1]


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_grades_csv_has_a_row_per_student_and_exercise(tmp_path):
    """nbgrader validates the source of 01. Three students (all right, all blank, one exercise
    blank and a cell of their own that raises) and three submissions that cannot be graded (none,
    not a notebook, the repository's notebook instead of the release): grades.csv holds what each
    scored and the hint the check gave; the others are reported."""
    import csv

    from assignment import grade, make_course, nbgrader, summary

    course = tmp_path / "course"
    name = "01_linear_model_and_loss"
    make_course([p for p in NOTEBOOKS if p.stem == name], course=course)
    validated = nbgrader("validate", str(course / "source" / name / f"{name}.ipynb"), cwd=course)
    assert "Success! Your notebook passes all the tests." in validated.stdout
    source = json.loads((course / "source" / name / f"{name}.ipynb").read_text())
    mixed = json.loads(json.dumps(source))
    for cell in mixed["cells"]:
        if cell["metadata"]["nbgrader"]["grade_id"] == "answer_mse_at_1_25":
            cell["source"] = "mse_at_1_25 = ...  # your answer here"
    scratch = {"cell_type": "code", "id": "scratch", "metadata": {}, "source": "1 / 0"}
    mixed["cells"].insert(3, scratch | {"execution_count": None, "outputs": []})  # counts nothing
    for student, text in [
        ("right", json.dumps(source)),
        ("blank", (course / "release" / name / f"{name}.ipynb").read_text()),
        ("mixed", json.dumps(mixed)),
        ("broken", "this is not a notebook"),
        ("clone", next(p for p in NOTEBOOKS if p.stem == name).read_text()),
    ]:
        (course / "submitted" / student / name).mkdir(parents=True)
        (course / "submitted" / student / name / f"{name}.ipynb").write_text(text)
    (course / "submitted" / "absent").mkdir()
    rows, problems = grade(course)
    assert problems == [
        f"absent, {name}: no submission ({name}.ipynb missing)",
        f"broken, {name}: {name}.ipynb is not a notebook",
        f"clone, {name}: {name}.ipynb is not the released assignment (no nbgrader cells)",
    ]
    with open(course / "grades.csv", newline="") as f:
        table = list(csv.DictReader(f))
    assert [(r["student"], r["exercise"], float(r["score"])) for r in table] == [
        (student, exercise, score)
        for student, scores in [("blank", (0, 0, 0)), ("mixed", (1, 0, 1)), ("right", (1, 1, 1))]
        for exercise, score in zip(["squared_error", "mse_at_1_25", "best_w_with_b1"], scores)
    ]
    assert all(r["max_score"] == "1.0" for r in table)
    mixed_hint = next(r["hint"] for r in table if r["student"] == "mixed" and not float(r["score"]))
    assert "replace the `...`" in mixed_hint
    assert all(r["hint"] == "" for r in table if float(r["score"]))
    assert summary(rows)[1].startswith(f"{name} mse_at_1_25: 1 of 3 right; most common hint: ")
    make_course([p for p in NOTEBOOKS if p.stem == name], course=course)  # made again
    assert grade(course, chosen=[]) == (rows, [])  # graded earlier: still in grades.csv


def test_an_unknown_notebook_number_is_refused(capsys):
    from assignment import main

    assert main(["--grade", "42"]) == 2 and main(["7"]) == 2
    assert "unknown notebook number 7; known: 00, 01" in capsys.readouterr().err


KOREAN = [EDITIONS["ko"] / p.name for p in NOTEBOOKS]


@pytest.mark.parametrize("notebook", KOREAN, ids=[p.stem for p in KOREAN])
def test_a_korean_assignment_is_graded_as_the_english_one(notebook):
    """The same exercises, answer and test cells (grade ids, points, code) as the English; only
    the prose, the figure texts and the setup cell's language differ."""
    korean, exercises = source_notebook(notebook)
    english, english_exercises = source_notebook(notebook.parents[1] / notebook.name)
    assert exercises == english_exercises
    pairs = list(zip(korean["cells"], english["cells"], strict=True))
    for mine, theirs in pairs:
        assert mine["metadata"] == theirs["metadata"]
        if mine["metadata"]["nbgrader"]["solution"] or mine["metadata"]["nbgrader"]["grade"]:
            assert mine["source"] == theirs["source"]
    assert any(m["source"] != t["source"] for m, t in pairs if m["cell_type"] == "markdown")


def test_an_unknown_language_is_refused(capsys):
    from assignment import main

    assert main(["--lang", "kr", "01"]) == 2
    assert "--lang must be one of en, ko, got 'kr'" in capsys.readouterr().err
