"""Reference solution for notebook 00."""

# Exercise 1: mean of the squared errors (2-2)**2, (4-4)**2, (7-6)**2.
warmup_mse = ((2 - 2) ** 2 + (4 - 4) ** 2 + (7 - 6) ** 2) / 3
