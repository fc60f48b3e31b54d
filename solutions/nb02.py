"""Reference solutions for notebook 02."""

x_data, y_data = [1.0, 2.0, 3.0], [2.0, 4.0, 6.0]


# Exercise 1: MSE(w, b) = (1/N) sum (w x + b - y)^2, so d MSE / d b = (1/N) sum 2 (w x + b - y)
def mse_gradient_b(w, b):
    return sum(2 * (w * x + b - y) for x, y in zip(x_data, y_data)) / len(x_data)


# Exercise 2: one epoch of per-sample gradient descent from w = 3.0 with lr = 0.01
w_after_one_epoch = 3.0
for x, y in zip(x_data, y_data):
    w_after_one_epoch = w_after_one_epoch - 0.01 * 2 * x * (x * w_after_one_epoch - y)


# Exercise 3: try learning rates in steps of 0.01 and keep the largest at which batch descent
# from w = 1.0 ends closer to 2 than it started
def mse_gradient(w):
    return sum(2 * x * (x * w - y) for x, y in zip(x_data, y_data)) / len(x_data)


def run_batch_gd(lr, num_steps, w=1.0):
    path = [w]
    for _ in range(num_steps):
        w = w - lr * mse_gradient(w)
        path.append(w)
    return path


def converges(lr):
    path = run_batch_gd(lr, 500)
    return abs(path[-1] - 2.0) < abs(path[0] - 2.0)


lr_limit = max(rate / 100 for rate in range(1, 51) if converges(rate / 100))
