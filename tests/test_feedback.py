"""Unit tests for helpers.exercises.feedback."""

import pytest
import torch

from helpers.exercises import feedback


def test_feedback_text_and_truth():
    ok = feedback.Feedback(True, "fine")
    no = feedback.Feedback(False, "wrong", "try again")
    assert bool(ok) and not bool(no)
    assert str(ok).startswith("✅ Right") and "Hint: try again" in repr(no)


@pytest.mark.parametrize("placeholder", [None, ...])
def test_compare_unfilled(placeholder):
    fb = feedback.compare(placeholder, 1.0, name="a")
    assert not fb.ok and "still empty" in fb.message
    assert feedback.is_unfilled(placeholder)
    assert not feedback.is_unfilled(0)


def test_compare_values_types_and_shapes():
    assert feedback.compare(1 / 3, 1 / 3, name="a").ok
    assert feedback.compare(torch.tensor([1.0, 2.0]), [1.0, 2.0], name="a").ok
    fb = feedback.compare(0.5, 1 / 3, name="a", hint="divide by 3")
    assert not fb.ok and fb.hint == "divide by 3"
    assert "should be a number" in feedback.compare("abc", 1.0, name="a").message
    fb = feedback.compare(torch.zeros(2, 1), torch.zeros(2), name="a")
    assert not fb.ok and "reshape" in fb.hint
    assert "NaN or inf" in feedback.compare(float("nan"), 1.0, name="a").message


def test_check_callable_cases():
    cases = [((2.0,), 4.0), ((3.0,), 9.0)]
    assert feedback.check_callable(lambda v: v * v, name="sq", cases=cases).ok
    assert "still empty" in feedback.check_callable(..., name="sq", cases=cases).message
    assert "still empty" in feedback.check_callable(lambda v: ..., name="sq", cases=cases).message

    def todo(v):
        raise NotImplementedError

    assert "still empty" in feedback.check_callable(todo, name="sq", cases=cases).message
    fb = feedback.check_callable(lambda v: 1 / 0, name="sq", cases=cases, hint="h")
    assert "ZeroDivisionError" in fb.message and fb.hint == "h"
    fb = feedback.check_callable(lambda v: 2 * v, name="sq", cases=cases)
    assert not fb.ok and "sq(3.0)" in fb.message
    assert "should be a function" in feedback.check_callable(3, name="sq", cases=cases).message


@pytest.mark.parametrize("answer", [..., None, "two", [1, 2, 3], {"w": 2}, object(), float("nan")])
def test_compare_never_raises_on_learner_input(answer):
    assert not feedback.compare(answer, 2.0, name="w", hint="h").ok


@pytest.mark.parametrize(
    "answer",
    [
        2.5,
        __import__("numpy").float64(2.5),
        __import__("numpy").float32(2.5),
        torch.tensor(2.5),
        torch.tensor(2.5, dtype=torch.float64),
        torch.tensor([2.5]),
        torch.tensor([[2.5]]),
        2.500001,  # typed from a print with 6 significant digits
    ],
)
def test_compare_accepts_every_form_of_a_scalar(answer):
    assert feedback.compare(answer, 2.5000012345, name="a").ok


def test_compare_names_a_known_mistake_and_shows_enough_digits():
    mistakes = [
        feedback.Mistake(7.5, "you summed instead of averaging"),
        feedback.Mistake(lambda t: bool(t < 0), "the sign is flipped"),
    ]
    fb = feedback.compare(7.5, 2.5, name="a", mistakes=mistakes, hint="generic")
    assert not fb.ok and fb.hint == "you summed instead of averaging"
    assert (
        feedback.compare(-1.0, 2.5, name="a", mistakes=mistakes, hint="generic").hint
        == "the sign is flipped"
    )
    assert feedback.compare(1.0, 2.5, name="a", mistakes=mistakes, hint="generic").hint == "generic"
    fb = feedback.compare(1.26104, 1.26095, name="w")  # both print as 1.261 with 4 digits
    assert "1.2610" in fb.message and not fb.ok


def test_check_callable_names_a_wrong_version_of_the_function():
    cases = [((2.0,), 4.0), ((3.0,), 9.0)]
    mistakes = [feedback.Mistake(lambda v: 2 * v, "you doubled instead of squaring")]
    fb = feedback.check_callable(
        lambda v: v + v, name="sq", cases=cases, mistakes=mistakes, hint="square it"
    )
    assert not fb.ok and fb.hint == "you doubled instead of squaring"
    assert (
        feedback.check_callable(
            lambda v: v + 1, name="sq", cases=cases, mistakes=mistakes, hint="square it"
        ).hint
        == "square it"
    )


def test_call_safely_reports_instead_of_raising():
    assert feedback.call_safely(lambda a, b: a + b, 1, 2, name="f") == (3, None)
    result, fb = feedback.call_safely(lambda: 1 / 0, name="f")
    assert result is None and "ZeroDivisionError" in fb.message
    assert "still empty" in feedback.call_safely(None, name="f")[1].message
    assert "should be a function" in feedback.call_safely(3, name="f")[1].message


def test_graded_checks_raise_and_stay_quiet_only_while_nbgrader_grades(monkeypatch, capfd):
    import warnings

    from helpers.exercises.feedback import NotYet, graded

    @graded
    def check_half(answer):
        warnings.warn("a warning on the way", UserWarning, stacklevel=1)
        return feedback.compare(answer, 0.5, name="half", hint="divide by 2.")

    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    with pytest.warns(UserWarning):
        assert not check_half(0.4).ok  # a learner's run: feedback, never an error
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    assert check_half(0.5) is None  # no value: nbgrader would read it as partial credit
    assert capfd.readouterr() == ("✅ Right: half = 0.5.\n", "")  # the warning did not reach stderr
    with pytest.raises(NotYet, match=r"^half = 0.4 is not it yet.\n   Hint: divide by 2.$"):
        check_half(0.4)
    assert check_half.__name__ == "check_half"
