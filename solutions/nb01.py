"""Reference solutions for notebook 01."""

x_data, y_data = [1.0, 2.0, 3.0], [2.0, 4.0, 6.0]


# Exercise 1
def squared_error(x, y, w):
    return (w * x - y) ** 2


# Exercise 2
mse_at_3 = sum(squared_error(x, y, 3.0) for x, y in zip(x_data, y_data)) / len(x_data)

# Exercise 3: d/dw sum (w x + 1 - y)^2 = 0  =>  w = sum x (y - 1) / sum x^2
best_w_with_b1 = sum(x * (y - 1.0) for x, y in zip(x_data, y_data)) / sum(x * x for x in x_data)
