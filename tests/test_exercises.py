"""Every exercise check, found by name (a new notebook's checks are covered without editing a list).

Each ``check_<name>`` of each ``helpers/exercises/nbNN.py`` meets the unfilled starter (``...``,
``None``) and the shared junk answers (``tests/conftest.py``) with "Not yet", never an error, and
accepts its reference solution, ``solutions.nbNN.<name>`` (a class ``TwoFeatureModel`` answers
``check_two_feature_model``): a value in every form a learner may give it (``answer_forms``), a
function or class as it is. Each notebook's typical mistakes: ``test_exercises_nbNN.py``.
"""

import importlib
import inspect
import pkgutil
import re

import pytest

import helpers.exercises
from helpers.exercises.feedback import Feedback, NotYet


def _snake_case(name):
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


def _checks():
    for module_info in pkgutil.iter_modules(helpers.exercises.__path__):
        notebook = module_info.name
        if not re.fullmatch(r"nb\d\d", notebook):
            continue
        module = importlib.import_module(f"helpers.exercises.{notebook}")
        for name, check in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("check_") and check.__module__ == module.__name__:
                yield pytest.param(notebook, name, check, id=f"{notebook}.{name}")


CHECKS = list(_checks())


def test_every_notebook_has_checks():
    assert {notebook for notebook, *_ in (p.values for p in CHECKS)} >= {
        f"nb0{i}" for i in range(10)
    }


def _reference(notebook, name):
    """``solutions.<notebook>.<name without check_>`` (or its CamelCase spelling)."""
    solutions = importlib.import_module(f"solutions.{notebook}")
    references = {_snake_case(n): value for n, value in vars(solutions).items()}
    wanted = name.removeprefix("check_")
    assert wanted in references, f"solutions/{notebook}.py has no {wanted} for {name}"
    return references[wanted]


@pytest.mark.parametrize("notebook, name, check", CHECKS)
def test_unfilled_and_junk_answers_get_not_yet(notebook, name, check, junk_answers):
    def starter(*args): ...  # a function whose body is still the starter's `...`

    unfilled = [..., None]
    if inspect.isfunction(_reference(notebook, name)):
        unfilled.append(starter)
    for answer in unfilled:
        fb = check(answer)
        assert not fb.ok and "still empty" in fb.message, fb
    for answer in junk_answers:
        fb = check(answer)
        assert isinstance(fb, Feedback) and not fb.ok, (answer, fb)


@pytest.mark.parametrize("notebook, name, check", CHECKS)
def test_reference_solution_is_right(notebook, name, check, answer_forms):
    reference = _reference(notebook, name)
    if callable(reference):
        fb = check(reference)
        assert fb.ok and str(fb).startswith("✅ Right"), fb
        return
    for form, answer in answer_forms(reference).items():
        fb = check(answer)
        assert fb.ok and str(fb).startswith("✅ Right"), (form, fb)


@pytest.mark.parametrize("notebook, name, check", CHECKS)
def test_in_nbgrader_a_right_answer_passes_quietly(notebook, name, check, monkeypatch, capfd):
    """nbgrader scores a test cell 0 if it writes to stderr, and reads its value as partial credit:
    a right answer prints its feedback and has no value."""
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    assert check(_reference(notebook, name)) is None
    out, err = capfd.readouterr()
    assert out.startswith("✅ Right: ") and err == ""


@pytest.mark.parametrize("notebook, name, check", CHECKS)
def test_in_nbgrader_a_blank_or_wrong_answer_raises_its_feedback(
    notebook, name, check, monkeypatch, junk_answers
):
    """nbgrader scores a test cell 0 only if it shows an error: so, while it grades, the check
    raises NotYet with what the learner would have read."""
    for answer in [..., None, *junk_answers]:
        monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
        feedback = check(answer)
        monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
        with pytest.raises(NotYet) as error:
            check(answer)
        assert str(error.value) == str(feedback).removeprefix("⏳ Not yet: ")
