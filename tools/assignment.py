"""Make an nbgrader course of the notebooks' exercises: ``build/course/`` with one assignment per
notebook, named like it (``09_data_parallel``), released by nbgrader's own ``generate_assignment``.

    .venv/bin/python tools/assignment.py [NN ...]      (default: every notebook)
    .venv/bin/python tools/assignment.py --lang ko [NN ...]   (the Korean notebooks, notebooks/ko/)

In each notebook, every check cell (a line ``ex.check_<name>(<answer>)``) becomes a locked, graded
test cell worth one point, and the starter code just before it (the cell above, or the lines above
it in the same cell) an autograded answer cell: the starter as learners see it, then, between
nbgrader's solution markers, the reference answer imported from ``solutions/nbNN.py``. The release
keeps the starter and drops the markers and what they enclose (``ClearSolutions.code_stub`` is
empty). Every other cell is read-only. While nbgrader executes a notebook the checks raise on a
wrong or blank answer (``helpers.exercises.feedback.graded``), which is what makes them score 0.
A Korean course (``--lang ko``) is the same course made from the Korean notebooks: the same
assignments, exercises and grading, its prose and feedback in Korean, and so its hints in
grades.csv (the language of a graded notebook is its setup cell's ``use_language``).
"""

from __future__ import annotations

import collections
import csv
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

from project import EDITIONS, ROOT, notebooks_by_number  # tools/project.py

COURSE = ROOT / "build" / "course"
LANGUAGE = re.compile(r'^use_language\("(\w+)"\)', re.M)
MEMORY = 4 * 2**30  # bytes of address space per grading process (import torch: about 0.6 GiB)
CHECK = re.compile(r"^ex\.check_(\w+)\((\w+)\)$", re.M)
CONFIG = """\
# nbgrader configuration of the course made by tools/assignment.py (made again by every run).
c = get_config()  # noqa: F821 (nbgrader's config loader defines it)
c.CourseDirectory.course_id = "linreg-pytorch"
c.CourseDirectory.root = {root!r}
c.ClearSolutions.code_stub = {{"python": ""}}  # the starter line stays; nothing is added
c.Execute.timeout = 30  # seconds per cell while grading: a runaway loop cannot stall the class
c.Execute.interrupt_on_timeout = True
"""


def _cell(cell_type, source, nbgrader=None, **fields):
    """A notebook cell (nbformat 4) with nbgrader's metadata when given."""
    metadata = {"nbgrader": {"schema_version": 3, **nbgrader}} if nbgrader else {}
    cell = {"cell_type": cell_type, "metadata": metadata, "source": source, **fields}
    if cell_type == "code":
        cell |= {"execution_count": None, "outputs": []}
    return cell


def _readonly(cell, grade_id):
    role = {"grade": False, "solution": False, "locked": True, "task": False, "grade_id": grade_id}
    return _cell(cell["cell_type"], "".join(cell["source"]), role, id=cell["id"])


def source_notebook(path: Path) -> tuple[dict, list[str]]:
    """The nbgrader source version of notebook ``path`` and the names of its exercises."""
    nb = json.loads(path.read_text())
    module = f"solutions.nb{path.name[:2]}"
    cells, exercises = [], []
    for i, cell in enumerate(nb["cells"]):
        text = "".join(cell["source"])
        match = CHECK.search(text) if cell["cell_type"] == "code" else None
        if not match:
            cells.append(_readonly(cell, f"cell-{i:02d}"))
            continue
        name, answer = match.groups()
        starter = text[: match.start()].strip()
        if not starter:  # the starter is the cell above: take it back from the read-only cells
            starter = "".join(cells.pop()["source"]).strip()
        solution = f"### BEGIN SOLUTION\nfrom {module} import {answer}  # the reference answer\n"
        answer_cell = f"{starter}\n{solution}### END SOLUTION"
        role = {"grade": False, "solution": True, "locked": False, "task": False}
        grade_id = f"answer_{name}"
        cells.append(_cell("code", answer_cell, role | {"grade_id": grade_id}, id=grade_id))
        role = {"grade": True, "solution": False, "locked": True, "task": False, "points": 1}
        grade_id = f"check_{name}"
        cells.append(_cell("code", match.group(0), role | {"grade_id": grade_id}, id=grade_id))
        exercises.append(name)
    return nb | {"cells": cells}, exercises


def _limit_memory() -> None:
    """Cap the address space of this process; its children (nbgrader's kernels, and whatever the
    students' code starts) inherit the cap, so a runaway allocation fails in its cell."""
    import resource  # Unix only; called on Linux only

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def nbgrader(
    *args: str, cwd: Path = COURSE, check: bool = True, limit: bool = False
) -> subprocess.CompletedProcess:
    """Run nbgrader of this Python's environment (with its bin folder on PATH: nbgrader calls
    ``alembic``), with the repository on PYTHONPATH so the source notebooks find ``solutions``;
    ``limit``: each process of the run gets at most ``MEMORY`` bytes of address space (Linux)."""
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    cmd = [sys.executable, "-m", "nbgrader", *args]
    limited = _limit_memory if limit and sys.platform == "linux" else None
    return subprocess.run(
        cmd, cwd=cwd, env=env, capture_output=True, text=True, check=check, preexec_fn=limited
    )


def make_course(notebooks: list[Path], course: Path = COURSE) -> dict[str, list[str]]:
    """Write the course's config and the source notebooks of ``notebooks``, then release every
    assignment of the course (these and any made earlier) in one nbgrader run; return
    {assignment: [exercise names]} of ``notebooks``."""
    course.mkdir(parents=True, exist_ok=True)
    (course / "nbgrader_config.py").write_text(CONFIG.format(root=str(course)))
    made = {}
    for path in notebooks:
        nb, exercises = source_notebook(path)
        folder = course / "source" / path.stem
        folder.mkdir(parents=True, exist_ok=True)
        (folder / path.name).write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n")
        made[path.stem] = exercises
    nbgrader("generate_assignment", "*", "--force", cwd=course)  # one run: a few seconds each
    return made


def _language(cells: list[dict]) -> str:
    """The language a notebook chose in its setup cell (``use_language("ko")``), else English."""
    for cell in cells:
        found = LANGUAGE.search("".join(cell["source"])) if cell["cell_type"] == "code" else None
        if found:
            return found.group(1)
    return "en"


def _hints(path: Path) -> dict[str, str]:
    """{test cell's grade_id: the hint of the check's error} in an autograded notebook (right
    answers: none), in the notebook's language. When the answer cell itself raised (a typo, a loop
    stopped after the time limit, memory over the limit) its error is the hint: the check's error
    only follows from it."""
    from helpers.exercises.feedback import ANSWER_RAISED
    from helpers.language import message_table

    cells = json.loads(path.read_text())["cells"]
    table = message_table(_language(cells))
    hint_prefix = table.get("Hint: {hint}", "Hint: {hint}").split("{hint}")[0]
    errors = {}
    for cell in cells:
        for output in cell.get("outputs", []):
            if output["output_type"] == "error":  # NotYet: its hint; anything else: the error
                hint = output["evalue"].split(hint_prefix, 1)[-1]
                if output["ename"] != "NotYet":
                    hint = f"{output['ename']}: {output['evalue']}".strip(": ")
                grade_id = cell["metadata"].get("nbgrader", {}).get("grade_id")
                if grade_id:  # a cell a student added has no grade id: it counts for nothing
                    errors[grade_id] = hint.strip()
    hints = {}
    for grade_id, hint in errors.items():
        if grade_id.startswith("check_"):
            answer = errors.get(grade_id.replace("check_", "answer_", 1))
            raised = table.get(ANSWER_RAISED, ANSWER_RAISED).format(error=answer)
            hints[grade_id] = raised if answer else hint
    return hints


def _graded_cells(path: Path) -> list[str]:
    """The grade ids of the test cells of a source notebook, in order."""
    cells = json.loads(path.read_text())["cells"]
    return [
        c["metadata"]["nbgrader"]["grade_id"] for c in cells if c["metadata"]["nbgrader"]["grade"]
    ]


def _problem(path: Path) -> str | None:
    """Why the submission at ``path`` cannot be graded, or None when it is a released notebook."""
    try:
        cells = json.loads(path.read_text())["cells"]
        released = any("nbgrader" in cell.get("metadata", {}) for cell in cells)
    except FileNotFoundError:
        return f"no submission ({path.name} missing)"
    except (ValueError, KeyError, TypeError, AttributeError):
        return f"{path.name} is not a notebook"
    if not released:  # e.g. the notebook from the repository instead of the release
        return f"{path.name} is not the released assignment (no nbgrader cells)"
    return None


GRADE_FIELDS = ("student", "assignment", "exercise", "score", "max_score", "hint")


def grade(course: Path = COURSE, chosen: list[str] | None = None) -> tuple[list[dict], list[str]]:
    """Autograde the submissions in ``course/submitted/<student>/<assignment>/`` of the ``chosen``
    assignments (default: every assignment someone handed in) offline, then write
    ``course/grades.csv`` (student, assignment, exercise, score, max_score, hint) with every graded
    submission of the course, these and earlier ones; return its rows and the problems found (a
    missing submission, a file that is not a notebook, a notebook nbgrader could not grade)."""
    from nbgrader.api import Gradebook  # the teacher's tool, imported only here

    assignments = sorted(p.name for p in (course / "source").iterdir() if p.is_dir())
    submitted = course / "submitted"
    students = (
        sorted(p.name for p in submitted.iterdir() if p.is_dir()) if submitted.is_dir() else []
    )
    if chosen is None:
        chosen = [a for a in assignments if any((submitted / s / a).is_dir() for s in students)]
    problems, failed, runs = [], set(), {}  # runs: {students left out: [assignments]}
    for assignment in chosen:
        ready = []
        for student in students:
            problem = _problem(submitted / student / assignment / f"{assignment}.ipynb")
            if problem:
                problems.append(f"{student}, {assignment}: {problem}")
                failed.add((student, assignment))
            else:
                ready.append(student)
        if ready:  # one run grades the others
            runs.setdefault(",".join(s for s in students if s not in ready), []).append(assignment)
    if list(runs) == [""] and runs[""] == assignments:  # everyone, everything: one nbgrader run
        runs = {"": ["*"]}
    for others, group in runs.items():
        for assignment in group:
            started = time.time()
            done = nbgrader("autograde", assignment, "--create", "--force",
                            f"--CourseDirectory.student_id_exclude={others}",
                            cwd=course, check=False, limit=True)  # fmt: skip
            graded = chosen if assignment == "*" else [assignment]
            for student, name in ((s, a) for s in students for a in graded):
                path = course / "autograded" / student / name / f"{name}.ipynb"
                if (student, name) in failed:
                    continue
                if not path.exists() or path.stat().st_mtime < started - 1:
                    problems.append(f"{student}, {name}: nbgrader failed: {done.stderr[-300:]}")
                    failed.add((student, name))
    rows = []
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        for student, assignment in ((s, a) for s in students for a in assignments):
            path = course / "autograded" / student / assignment / f"{assignment}.ipynb"
            if (student, assignment) in failed or not path.exists():
                continue
            hints = _hints(path)
            notebook = gradebook.find_submission_notebook(assignment, assignment, student)
            scores = {g.name: g for g in notebook.grades}
            for name in _graded_cells(course / "source" / assignment / f"{assignment}.ipynb"):
                g = scores[name]
                rows.append({"student": student, "assignment": assignment,
                             "exercise": name.removeprefix("check_"), "score": g.score,
                             "max_score": g.max_score, "hint": hints.get(name, "")})  # fmt: skip
    with open(course / "grades.csv", "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(GRADE_FIELDS))
        writer.writeheader()
        writer.writerows(rows)
    return rows, problems


def summary(rows: list[dict]) -> list[str]:
    """One line per exercise: how many got it, and the most common hint of the others."""
    lines = []
    exercises = dict.fromkeys((r["assignment"], r["exercise"]) for r in rows)
    for assignment, exercise in exercises:
        own = [r for r in rows if (r["assignment"], r["exercise"]) == (assignment, exercise)]
        right = sum(r["score"] == r["max_score"] for r in own)
        hints = collections.Counter(r["hint"] for r in own if r["hint"])
        common = f"; most common hint: {hints.most_common(1)[0][0]}" if hints else ""
        lines.append(f"{assignment} {exercise}: {right} of {len(own)} right{common}")
    return lines


def main(argv: list[str]) -> int:
    teacher_grades = argv[:1] == ["--grade"]  # python3 dev.py grade [NN ...]
    numbers = argv[1:] if teacher_grades else argv
    lang = "en"
    if not teacher_grades and numbers[:1] == ["--lang"]:  # python3 dev.py assignment --lang ko
        lang, numbers = (numbers[1] if len(numbers) > 1 else ""), numbers[2:]
        if lang not in EDITIONS:
            print(f"--lang must be one of {', '.join(EDITIONS)}, got {lang!r}", file=sys.stderr)
            return 2
    try:
        chosen = notebooks_by_number(numbers)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2
    if teacher_grades:
        if not (COURSE / "source").is_dir():
            print(f"no course in {COURSE}: run python3 dev.py assignment first", file=sys.stderr)
            return 2
        rows, problems = grade(chosen=[p.stem for p in chosen] if numbers else None)
        if not rows and not problems:
            print(f"no submissions in {COURSE / 'submitted'}/<student>/<assignment>/")
        for line in summary(rows) + [f"not graded: {p}" for p in problems]:
            print(line)
        print(f"grades: {COURSE / 'grades.csv'} ({len(rows)} rows)")
        return 0
    for assignment, exercises in make_course([EDITIONS[lang] / p.name for p in chosen]).items():
        print(f"{assignment}: {len(exercises)} exercises ({', '.join(exercises)})")
    print(f"course: {COURSE} (source/, release/, nbgrader_config.py)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
