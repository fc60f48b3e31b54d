"""Reference solutions for notebook 03."""

import torch

x_data, y_data = [1.0, 2.0, 3.0], [2.0, 4.0, 6.0]

# Exercise 1: loss = sum(3 x^2 + 1): d loss/d z = 1, d z/d x = 6 x  =>  x.grad = 6 x at x = [1, -2]
x = torch.tensor([1.0, -2.0], requires_grad=True)
(3 * x**2 + 1).sum().backward()
x_grad = x.grad

# Exercise 2: each backward adds d/dw (2 w - 4)^2 = 2 * 2 * (2 w - 4) = -8 to w.grad; three calls
w = torch.tensor([1.0], requires_grad=True)
for _ in range(3):
    ((2.0 * w - 4.0) ** 2).backward()
accumulated_grad = w.grad  # shape (1,), the form the notebook's w has


# Exercise 3
def train(lr, num_epochs):
    w = torch.tensor([1.0], requires_grad=True)
    for _ in range(num_epochs):
        for x_val, y_val in zip(x_data, y_data):
            loss = (x_val * w - y_val) ** 2  # 1. forward and 2. loss
            loss.backward()  # 3. backward
            with torch.no_grad():  # 4. update, then clear the gradient
                w -= lr * w.grad
            w.grad.zero_()
    return w.item()
