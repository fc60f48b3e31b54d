"""What every explorer refuses: a value its controls could never show, in the constructor, in
``set()`` and on the control alike (one field declaration each). A refused ``set()`` changes
nothing, and every message names the field, the value and what is allowed."""

import math

import pytest

from helpers.data import scaled_normal_data
from helpers.widgets.gd_explorer import GradientDescentExplorer
from helpers.widgets.line_explorer import LineExplorer
from helpers.widgets.training_explorer import TrainingExplorer

X3, Y3 = [1.0, 2.0, 3.0], [2.0, 4.0, 6.0]
X6, Y6 = scaled_normal_data(100, seed=27)
EXPLORERS = {
    "01": lambda **values: LineExplorer(X3, Y3, **values),
    "02": lambda **values: GradientDescentExplorer(X3, Y3, **values),
    "06": lambda **values: TrainingExplorer(X6, Y6, **values),
}
REFUSED = [
    ("01", {"w": math.inf}, ValueError, r"w must be a finite number in \[-1, 5\], got inf"),
    ("01", {"w": 50}, ValueError, r"w must be a finite number in \[-1, 5\], got 50"),
    ("01", {"b": "1"}, TypeError, r"b must be a finite number in \[-4, 4\], got '1' of type str"),
    ("02", {"steps": -1}, ValueError, r"steps must be an int in \[1, 300\], got -1"),
    ("02", {"steps": 2.5}, TypeError, r"steps must be an int in \[1, 300\], got 2.5 of type float"),
    ("02", {"steps": True}, TypeError, "steps must be an int in"),
    ("02", {"lr": "0.1"}, TypeError, r"lr must be a finite number in \[0.001, 1\], got '0.1'"),
    ("02", {"lr": 0.0}, ValueError, r"lr must be a finite number in \[0.001, 1\], got 0.0"),
    ("06", {"optimizer": "Adam"}, ValueError, "optimizer must be one of 'SGD', 'SGD \\+ momentum'"),
    ("06", {"epochs": 10_000}, ValueError, r"epochs must be an int in \[0, 500\], got 10000"),
    ("06", {"lr": 50}, ValueError, r"lr must be a finite number in \[0.0001, 0.1\], got 50"),
    ("06", {"lr": math.nan}, ValueError, r"lr must be a finite number in \[0.0001, 0.1\], got nan"),
]
UNKNOWN = {"01": "w, b", "02": "lr, steps", "06": "lr, epochs, optimizer"}


@pytest.mark.parametrize("explorer, values, error, message", REFUSED)
def test_the_constructor_refuses(explorer, values, error, message):
    with pytest.raises(error, match=message):
        EXPLORERS[explorer](**values)


@pytest.mark.parametrize("explorer, values, error, message", REFUSED)
def test_a_refused_set_changes_nothing(explorer, values, error, message):
    e = EXPLORERS[explorer]()
    before = {name: getattr(e, name) for name in e.fields}
    picture = e.png()
    first = next(iter(e.fields))
    other = {first: e.fields[first].lo} if first not in values else {}  # valid, set alongside
    with pytest.raises(error, match=message):
        e.set(**other, **values)
    assert {name: getattr(e, name) for name in e.fields} == before
    assert e.png() == picture


@pytest.mark.parametrize("explorer", EXPLORERS)
def test_unknown_names_are_refused_with_the_known_ones(explorer):
    e = EXPLORERS[explorer]()
    with pytest.raises(TypeError, match=f"has no value 'stpes'; its values: {UNKNOWN[explorer]}"):
        e.set(stpes=5)
    assert "stpes" not in vars(e)


@pytest.mark.parametrize("explorer", EXPLORERS)
def test_each_control_allows_what_its_field_allows(explorer):
    e = EXPLORERS[explorer]()
    _ = e.widget  # builds the controls
    for name, field in e.fields.items():
        control = e.controls[name]
        if field.choices:
            assert tuple(control.options) == field.choices
            continue
        lo, hi = (10**control.min, 10**control.max) if field.log else (control.min, control.max)
        assert (lo, hi) == pytest.approx((field.lo, field.hi))
        assert control.value == pytest.approx(getattr(e, name))
        assert field.check(lo, name) == pytest.approx(lo)  # its ends are allowed values
        assert field.check(hi, name) == pytest.approx(hi)
