"""Reference solutions for notebook 01."""

import numpy as np

x_data, y_data = [1.0, 2.0, 3.0], [2.0, 4.0, 6.0]


# Exercise 1
def squared_error(x, y, w):
    return (w * x - y) ** 2


# Exercise 2: the MSE at w = 1.25 (no bias)
mse_at_1_25 = sum(squared_error(x, y, 1.25) for x, y in zip(x_data, y_data)) / len(x_data)


# Exercise 3: with b held at 1, search a grid of w in steps of 0.01 for the smallest MSE
def mse_wb(w, b):
    return sum((w * x + b - y) ** 2 for x, y in zip(x_data, y_data)) / len(x_data)


best_w_with_b1 = min((float(w) for w in np.arange(0.0, 4.001, 0.01)), key=lambda w: mse_wb(w, 1.0))
