"""Reference solutions for notebook 08."""

import torch

from helpers.data import old_faithful
from helpers.fitting import least_squares

eruptions, waiting = (t.double() for t in old_faithful())


def fit(x, y):
    """Closed-form line y = b + w x; returns (b, w) and R² = 1 - SS_res / SS_tot."""
    A = torch.stack([torch.ones_like(x), x], dim=1)
    b, w = least_squares(A, y).tolist()
    y_hat = b + w * x
    r2 = 1 - ((y - y_hat) ** 2).sum() / ((y - y.mean()) ** 2).sum()
    return (b, w), r2.item()


# Exercise 1: eruptions on waiting; not the reciprocal of the other slope
# (the product of the two slopes is r², not 1)
(_, reverse_slope), _ = fit(waiting, eruptions)

# Exercise 2: R² of the line on all 272 rows (= r², the squared correlation)
_, r2_all = fit(eruptions, waiting)

# Exercise 3: the same within the long eruptions only
long = eruptions > 3
_, r2_long = fit(eruptions[long], waiting[long])
