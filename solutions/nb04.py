"""Reference solutions for notebook 04."""

import torch

from helpers.data import linear_data

X, y = linear_data(seed=202150754)[1:]


# Exercise 1: d/dW sum((y - X W)^2) = -2 X^T (y - X W), by hand (no autograd)
def sum_loss_grad(X, y, What):
    return -2 * X.T @ (y - X @ What)


# Exercise 2: the normal equations (X^T X) W = X^T y
what_closed = torch.linalg.solve(X.T @ X, X.T @ y)

# Exercise 3: two epochs of the four steps without zeroing the gradient
What = torch.tensor([-5.0, 10.0], requires_grad=True)
for epoch in range(2):
    yhat = X @ What
    loss = torch.sum((y - yhat) ** 2)
    loss.backward()
    with torch.no_grad():
        What -= 0.001 * What.grad
    # (no What.grad.zero_() here: that is the mistake the exercise is about)
grad_without_zero_grad = What.grad.clone()
