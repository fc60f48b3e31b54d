"""Reference solutions for notebook 02."""

x_data, y_data = [1.0, 2.0, 3.0], [2.0, 4.0, 6.0]


# Exercise 1: MSE(w, b) = (1/N) sum (w x + b - y)^2, so d MSE / d b = (1/N) sum 2 (w x + b - y)
def mse_gradient_b(w, b):
    return sum(2 * (w * x + b - y) for x, y in zip(x_data, y_data)) / len(x_data)


# Exercise 2: one epoch of per-sample gradient descent from w = 1.0 with lr = 0.01
w_after_one_epoch = 1.0
for x, y in zip(x_data, y_data):
    w_after_one_epoch = w_after_one_epoch - 0.01 * 2 * x * (x * w_after_one_epoch - y)

# Exercise 3: w - 2 is multiplied by (1 - lr * c) per step, c = (2/N) sum x^2 = 28/3;
# |1 - lr * c| < 1  <=>  0 < lr < 2 / c = 3/14
lr_limit = 2 / (2 * sum(x * x for x in x_data) / len(x_data))
