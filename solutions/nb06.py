"""Reference solutions for notebook 06."""

import math

import torch
from torch import nn


# Exercise 1
class TwoFeatureModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.linear = nn.Linear(2, 1)

    def forward(self, x):
        return self.linear(x)


# Exercise 2
def train(model, X, y, lr, num_epochs):
    loss_fn = nn.MSELoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    losses = []
    for _ in range(num_epochs):
        y_hat = model(X)  # 1. forward
        loss = loss_fn(y_hat, y)  # 2. loss
        losses.append(loss.item())  # a float: no graph kept alive
        loss.backward()  # 3. backward
        optimizer.step()  # 4. update, then clear the gradients
        optimizer.zero_grad()
    return losses


# Exercise 3: each L1 step moves b by at most lr (|mean(sign(residual))| <= 1)
l1_min_steps = math.ceil((3.0 - (-0.4414)) / 0.01)  # 344.14 -> 345
