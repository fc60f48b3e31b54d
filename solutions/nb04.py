"""Reference solutions for notebook 04."""

import torch

from helpers.data import linear_data

X, y = linear_data(seed=202150754)[1:]


# Exercise 1: d/dW sum((y - X W)^2) = -2 X^T (y - X W), by hand (no autograd)
def sum_loss_grad(X, y, What):
    return -2 * X.T @ (y - X @ What)


# Exercise 2: the normal equations (X^T X) W = X^T y, for the first 50 samples
X50, y50 = X[:50], y[:50]
what_half = torch.linalg.solve(X50.T @ X50, X50.T @ y50)

# Exercise 3: two epochs of the four steps without zeroing the gradient
What = torch.tensor([-5.0, 10.0], requires_grad=True)
for _epoch in range(2):
    yhat = X @ What  # 1. forward
    loss = torch.sum((y - yhat) ** 2)  # 2. loss
    loss.backward()  # 3. backward
    with torch.no_grad():  # 4. update (and, on purpose, no What.grad.zero_())
        What -= 0.001 * What.grad
grad_without_zero_grad = What.grad.clone()
