"""Milestone 2: one epoch of training, the evaluation, the learning-rate schedule."""
import math

import numpy as np
import pytest
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from imageclf.model import SmallCNN
from imageclf.schedule import warmup_cosine
from imageclf.train import evaluate, train_one_epoch


class _LookupModel(nn.Module):
    """A fixed row of logits per example, chosen by the example's first pixel."""

    def __init__(self, table):
        super().__init__()
        self.table = torch.tensor(table, dtype=torch.float32)
        self.dummy = nn.Parameter(torch.zeros(1))

    def forward(self, x):
        return self.table[x[:, 0, 0, 0].round().long()] + 0 * self.dummy


def test_evaluate_matches_a_hand_computation():
    table = [[2.0, 0.0, 0.0], [0.0, 3.0, 0.0], [0.0, 0.0, 1.0], [1.0, 1.0, 0.0], [0.0, 0.0, 5.0]]
    x = torch.zeros(5, 3, 8, 8)
    x[:, 0, 0, 0] = torch.arange(5, dtype=torch.float32)
    y = torch.tensor([0, 1, 0, 1, 2])
    result = evaluate(_LookupModel(table), DataLoader(TensorDataset(x, y), batch_size=2), device="cpu")
    logits = np.array(table)
    log_probs = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
    assert result["loss"] == pytest.approx(-np.mean(log_probs[np.arange(5), y.numpy()]), rel=1e-5), (
        "the mean cross-entropy per example (the last batch is smaller: not the mean of batch means)"
    )
    assert result["accuracy"] == pytest.approx(0.6)


def test_train_one_epoch_learns_and_steps_the_scheduler():
    # An easy problem: the class is the colour channel that is bright.
    g = torch.Generator().manual_seed(0)
    y = torch.arange(60) % 3
    x = 0.3 * torch.rand(60, 3, 16, 16, generator=g)
    x[torch.arange(60), y] += 0.6
    loader = DataLoader(TensorDataset(x, y), batch_size=16, shuffle=True, generator=torch.Generator().manual_seed(0))
    torch.manual_seed(0)
    model = SmallCNN(3, channels=(8, 16))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda step: 1.0)
    results = [train_one_epoch(model, loader, optimizer, scheduler, device="cpu") for _ in range(5)]
    assert scheduler.last_epoch == 5 * len(loader), (
        f"step the scheduler after every batch: {5 * len(loader)} steps expected, got {scheduler.last_epoch}"
    )
    assert all(math.isfinite(r["loss"]) and 0 <= r["accuracy"] <= 1 for r in results)
    assert results[-1]["loss"] < 0.5 * results[0]["loss"], (
        f"the training loss should fall over 5 epochs: {results[0]['loss']:.3f} -> {results[-1]['loss']:.3f}"
    )
    assert results[-1]["accuracy"] >= results[0]["accuracy"], "and the training accuracy rise"
    assert model.training, "train_one_epoch trains in model.train() mode"


def test_warmup_cosine_by_hand():
    factors = [warmup_cosine(s, total_steps=10, warmup_steps=2) for s in range(12)]
    expected = [0.5, 1.0] + [(1 + math.cos(math.pi * (s - 2) / 7)) / 2 for s in range(2, 10)] + [0.0, 0.0]
    assert factors == pytest.approx(expected, abs=1e-9), f"got {np.round(factors, 4).tolist()}"
    assert warmup_cosine(9, 10, 2, min_factor=0.1) == pytest.approx(0.1)
    assert warmup_cosine(5, 10, 2, min_factor=0.1) == pytest.approx(0.1 + 0.9 * (1 + math.cos(math.pi * 3 / 7)) / 2)
    assert warmup_cosine(0, 10, 0) == pytest.approx(1.0), "no warm-up: start at the full rate"
