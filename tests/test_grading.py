"""nbgrader itself, offline, on every notebook of the Korean course (slow; a module of its own, so
that the other test worker can take tests/test_assignment.py meanwhile): reference answers score 1,
unfilled starters and typical wrong answers 0, with their hints in Korean. The English course's
grading: tests/test_assignment.py."""

import collections
import json
import re

import pytest
from project import EDITIONS, NOTEBOOKS  # tools/project.py
from test_assignment import _checks, _submit

# One typical wrong answer per exercise, taken from tests/test_exercises_nbNN.py, as a learner would
# type it in place of the starter, and a fragment of the hint its check gives.
WRONG = {
    "warmup_mse": ("warmup_mse = 1.0", "divides their sum"),
    "squared_error": ("def squared_error(x, y, w):\n    return abs(w * x - y)", "absolute error"),
    "mse_at_1_25": ("mse_at_1_25 = 7.875", "divide by 3"),
    "best_w_with_b1": ("best_w_with_b1 = 2.0", "best when b = 0"),
    "mse_gradient_b": (
        "def mse_gradient_b(w, b):\n"
        "    return sum((w * x + b - y) for x, y in zip(x_data, y_data)) / 3",
        "factor 2 is missing",
    ),
    "w_after_one_epoch": ("w_after_one_epoch = 2.72", "gradients at w = 3.0 for all three"),
    "lr_limit": ("lr_limit = 0.25", "limit lies below it"),
    "x_grad": ("x_grad = [3.0, 12.0]", "the gradient is its derivative, 6·x"),
    "accumulated_grad": ("accumulated_grad = -8.0", "one backward call"),
    "train": (None, None),  # two notebooks: see WRONG_TRAIN
    "sum_loss_grad": (
        "def sum_loss_grad(X, y, What):\n    return 2 * X.T @ (y - X @ What)",
        "sign is flipped",
    ),
    "what_half": ("what_half = torch.tensor([2.5, 4.0])", "true W"),
    "grad_without_zero_grad": ("grad_without_zero_grad = torch.zeros(2)", "after zeroing"),
    "lr_for_sum": ("lr_for_sum = 2.0", "multiplies by n"),
    "mse": ("def mse(yhat, y):\n    return torch.mean((y - yhat) ** 2)", "broadcasts to (n, n)"),
    "mse_true": ("mse_true = 0.25", "noise variance"),
    "two_feature_model": (
        "class TwoFeatureModel(nn.Module):\n"
        "    def __init__(self):\n"
        "        super().__init__()\n"
        "        self.linear = nn.Linear(2, 1, bias=False)\n\n"
        "    def forward(self, x):\n"
        "        return self.linear(x)",
        "keep an nn.Linear(2, 1)",
    ),
    "l1_min_steps": ("l1_min_steps = 344", "short of 3"),
    "updates_per_epoch": (
        "def updates_per_epoch(n, batch_size):\n    return n // batch_size",
        "drops the last, smaller batch",
    ),
    "to_original_units": (
        "def to_original_units(w_std, b_std, mean, std):\n    return w_std / std, b_std",
        "b is not b_std",
    ),
    "make_loader": (
        "def make_loader(dataset):\n    return DataLoader(dataset, batch_size=10, shuffle=True)",
        "seeded",
    ),
    "reverse_slope": ("reverse_slope = 1 / 10.7296", "not the inverse"),
    "r2_all": ("r2_all = 0.9008", "correlation r itself"),
    "r2_long": ("r2_long = 0.81146", "longer than 3 minutes"),
    "shard_weights": ("shard_weights = [1 / 3] * 3", "equal weights are what DDP's average gives"),
    "summed_lr": ("summed_lr = 0.4", "divide"),
    "sampler_counts": ("sampler_counts = (2, 0)", "drop_last=True"),
}
WRONG_TRAIN = {
    "03": (  # forgets to zero the gradient
        "def train(lr, num_epochs):\n"
        "    w = torch.tensor([1.0], requires_grad=True)\n"
        "    for _ in range(num_epochs):\n"
        "        for x, y in zip(x_data, y_data):\n"
        "            ((x * w - y) ** 2).backward()\n"
        "            with torch.no_grad():\n"
        "                w -= lr * w.grad\n"
        "    return w.item()",
        "w.grad.zero_()",
    ),
    "06": (  # keeps the loss tensors
        "def train(model, X, y, lr, num_epochs):\n"
        "    optimizer = torch.optim.SGD(model.parameters(), lr=lr)\n"
        "    losses = []\n"
        "    for _ in range(num_epochs):\n"
        "        loss = nn.MSELoss()(model(X), y)\n"
        "        loss.backward()\n"
        "        optimizer.step()\n"
        "        optimizer.zero_grad()\n"
        "        losses.append(loss)\n"
        "    return losses",
        "loss.item()",
    ),
}


def _wrong(notebook, exercise):
    """The wrong answer cell and the hint fragment for ``exercise`` of notebook ``NN``."""
    return WRONG_TRAIN[notebook] if exercise == "train" else WRONG[exercise]


def test_every_exercise_has_a_typical_wrong_answer():
    assert set(WRONG) == set().union(*(_checks(notebook) for notebook in NOTEBOOKS))


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_every_notebook_grades_right_wrong_and_blank_answers_with_korean_hints(tmp_path):
    """nbgrader itself, offline, on every notebook of the Korean course (the English course's
    grading of right, blank and mixed answers: tests/test_assignment.py, on notebook 01). One
    student hands in each release with its exercises in turn answered wrong (a typical wrong answer
    from WRONG), left blank and answered right (the reference answer): one grading run per
    notebook, to keep the suite within its time; every check's wrong answers, blank and right
    answer are unit-tested in tests/test_exercises*.py, in grading mode too. The release has no
    solution; grades.csv has 1 for each right answer and 0 for the others, with the Korean of the
    hint each check gave."""
    from assignment import grade, make_course

    from helpers.language import message_table

    korean = message_table("ko")
    course = tmp_path / "course-ko"
    made = make_course([EDITIONS["ko"] / p.name for p in NOTEBOOKS], course=course)
    assert sorted(made) == [p.stem for p in NOTEBOOKS]
    kinds = {}
    for name in made:
        source = json.loads((course / "source" / name / f"{name}.ipynb").read_text())
        solutions = {
            c["metadata"]["nbgrader"]["grade_id"]: c["source"]
            for c in source["cells"]
            if c["metadata"]["nbgrader"]["solution"]
        }
        released = (course / "release" / name / f"{name}.ipynb").read_text()
        assert "BEGIN SOLUTION" not in released and "from solutions" not in released
        assert 'use_language(\\"ko\\")' in released
        nb = json.loads(released)
        answers = [
            c for c in nb["cells"] if c["metadata"]["nbgrader"]["grade_id"].startswith("answer_")
        ]
        for j, cell in enumerate(answers):
            grade_id = cell["metadata"]["nbgrader"]["grade_id"]
            exercise = grade_id.removeprefix("answer_")
            kinds[name, exercise] = ("wrong", "blank", "right")[j % 3]
            if kinds[name, exercise] == "wrong":
                cell["source"] = _wrong(name[:2], exercise)[0]
            elif kinds[name, exercise] == "right":
                cell["source"] = solutions[grade_id]
        _submit(course, "learner", name, nb)
    assert sorted(collections.Counter(kinds.values()).items()) == [
        ("blank", 9), ("right", 9), ("wrong", 10)]  # fmt: skip
    rows, problems = grade(course)
    assert problems == []
    assert [(r["assignment"], r["exercise"]) for r in rows] == list(kinds)
    empty = "replace the `...` (or None) in the starter cell for {name}, then run this check again."
    for r in rows:
        kind = kinds[r["assignment"], r["exercise"]]
        assert r["score"] == (1.0 if kind == "right" else 0.0), r
        if kind == "right":
            assert r["hint"] == "", r
        elif kind == "blank":
            assert r["hint"] == korean[empty].format(name=r["exercise"]), r
        else:  # the Korean of the English hint that WRONG names
            fragment = _wrong(r["assignment"][:2], r["exercise"])[1]
            assert any(_fits(r["hint"], korean[k]) for k in korean if fragment in k), r


def _fits(text, template):
    """Whether ``text`` is ``template`` with its ``{fields}`` filled in."""
    pattern = re.sub(r"\\\{\w*\\\}", ".+", re.escape(template))
    return re.fullmatch(pattern, text, re.S) is not None
