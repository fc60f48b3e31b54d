"""Notebook 04's exercise checks: reference solutions pass, typical mistakes get the right hint."""

import torch

from helpers.exercises import nb04 as ex
from solutions import nb04 as sol


def test_reference_solutions_are_accepted():
    assert ex.check_sum_loss_grad(sol.sum_loss_grad).ok
    assert ex.check_closed_form(sol.what_closed).ok
    assert ex.check_grad_without_zero_grad(sol.grad_without_zero_grad).ok
    # other correct spellings are accepted too
    assert ex.check_closed_form(torch.linalg.lstsq(sol.X, sol.y.reshape(-1, 1)).solution.reshape(-1)).ok
    assert ex.check_closed_form(sol.what_closed.tolist()).ok
    assert ex.check_sum_loss_grad(lambda X, y, W: 2 * X.T @ (X @ W - y)).ok


def test_unfilled_starters_say_not_yet_without_raising():
    def sum_loss_grad(X, y, What):
        ...

    for fb in (
        ex.check_sum_loss_grad(sum_loss_grad),
        ex.check_sum_loss_grad(...),
        ex.check_closed_form(...),
        ex.check_closed_form(None),
        ex.check_grad_without_zero_grad(...),
    ):
        assert not fb.ok and "still empty" in str(fb)


def test_gradient_mistakes_get_specific_hints():
    fb = ex.check_sum_loss_grad(lambda X, y, W: 2 * X.T @ (y - X @ W))  # sign flipped
    assert not fb.ok and "sign is flipped" in fb.hint
    fb = ex.check_sum_loss_grad(lambda X, y, W: -X.T @ (y - X @ W))  # factor 2 missing
    assert not fb.ok and "factor 2 is missing" in fb.hint
    fb = ex.check_sum_loss_grad(lambda X, y, W: -2 * X.T @ (y - X @ W) / len(y))  # gradient of the mean
    assert not fb.ok and "gradient of the mean" in fb.hint
    fb = ex.check_sum_loss_grad(lambda X, y, W: -2 * X @ W)  # wrong shape
    assert not fb.ok and "shape" in fb.message
    fb = ex.check_sum_loss_grad(lambda X, y, W: 1 / 0)
    assert not fb.ok and "ZeroDivisionError" in fb.message
    fb = ex.check_sum_loss_grad("not a function")
    assert not fb.ok and "should be a function" in fb.message


def test_closed_form_mistakes_get_specific_hints():
    fb = ex.check_closed_form(torch.tensor([2.5, 4.0]))  # the true W, not the fit
    assert not fb.ok and "true W" in fb.hint
    fb = ex.check_closed_form(torch.tensor([2.5187, 3.9915]))  # the 30-epoch What
    assert not fb.ok and "not fully converged" in fb.hint
    fb = ex.check_closed_form("2.52, 3.99")
    assert not fb.ok and "str" in fb.message
    fb = ex.check_closed_form(torch.tensor([[2.5245], [3.9932]]))
    assert not fb.ok and "reshape" in fb.hint


def test_zero_grad_mistakes_get_specific_hints():
    g0, g1 = ex._grads_without_zero_grad()
    torch.testing.assert_close(g0 + g1, sol.grad_without_zero_grad)
    fb = ex.check_grad_without_zero_grad(g1)  # what zero_grad would have left
    assert not fb.ok and "second gradient alone" in fb.hint
    fb = ex.check_grad_without_zero_grad(2 * g0)  # both gradients taken at the start
    assert not fb.ok and "updated What" in fb.hint
    fb = ex.check_grad_without_zero_grad(g0)
    assert not fb.ok and "g0 + g1" in fb.hint
    fb = ex.check_grad_without_zero_grad({"grad": 1})
    assert not fb.ok and "dict" in fb.message


def test_checks_never_raise_on_junk():
    junk = [None, ..., "x", 3, 2.5, [1, 2, 3], {"a": 1}, torch.zeros(3), torch.tensor(float("nan")), lambda *a: "x", lambda: 1]
    for answer in junk:
        for check in (ex.check_sum_loss_grad, ex.check_closed_form, ex.check_grad_without_zero_grad):
            fb = check(answer)
            assert not fb.ok and str(fb).startswith("⏳ Not yet")
