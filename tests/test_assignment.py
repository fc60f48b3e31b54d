"""tools/assignment.py: every exercise of every notebook becomes an nbgrader answer cell (the
starter as learners see it, then the reference answer between nbgrader's solution markers) and a
locked test cell worth one point; every other cell is read-only; with the markers and what they
enclose removed (what nbgrader's release does with an empty code stub) only the starter is left.
(Releasing and grading with nbgrader itself: not in this test, nbgrader is not pinned yet.)"""

import importlib
import inspect
import json
import re

import pytest
from assignment import source_notebook  # tools/assignment.py
from project import NOTEBOOKS  # tools/project.py

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
