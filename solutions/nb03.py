"""Reference solutions for notebook 03."""

import torch

x_data, y_data = [1.0, 2.0, 3.0], [2.0, 4.0, 6.0]

# Exercise 1: loss = sum(3 x^2 + 1): d loss/d z = 1, d z/d x = 6 x  =>  x.grad = 6 x at x = [1, -2]
x_grad = [6 * 1.0, 6 * -2.0]

# Exercise 2: each backward adds 2 x (x w - y) = 2 * 2 * (2 * 1 - 4) = -8 to w.grad; three calls
accumulated_grad = 3 * (2 * 2.0 * (2.0 * 1.0 - 4.0))


# Exercise 3
def train(lr, num_epochs):
    w = torch.tensor([1.0], requires_grad=True)
    for _ in range(num_epochs):
        for x_val, y_val in zip(x_data, y_data):
            loss = (x_val * w - y_val) ** 2
            loss.backward()
            with torch.no_grad():
                w -= lr * w.grad
            w.grad.zero_()
    return w.item()
