"""Milestone 2: the MLP, the evaluation, the training loop, and an MLP that beats a linear model."""
import math

import numpy as np
import pytest
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from conftest import RELABEL, accuracy, heldout_opens, load_saved_model
from digits.data import DigitDataset
from digits.models import MLP
from digits.train import evaluate, fit

MLP_BAR = 0.93  # a linear model (softmax regression) reaches about 0.91 on these digits


def test_mlp_maps_images_to_10_logits():
    torch.manual_seed(0)
    model = MLP()
    for n in (1, 7):
        out = model(torch.rand(n, 1, 28, 28))
        assert tuple(out.shape) == (n, 10), f"MLP output for {n} images: expected [{n}, 10], got {tuple(out.shape)}"
    layers = list(model.modules())
    linears = [m for m in layers if isinstance(m, nn.Linear)]
    assert len(linears) >= 2, "an MLP has at least one hidden layer: two or more nn.Linear"
    assert not any(isinstance(m, nn.Conv2d) for m in layers), "the MLP must not use convolutions"
    assert linears[0].in_features == 784 and linears[-1].out_features == 10
    assert not torch.allclose(out.sum(dim=1), torch.ones(7), atol=1e-3), (
        "return logits, not probabilities: no softmax at the end (the loss applies it)"
    )


class _LookupModel(nn.Module):
    """Returns a fixed row of logits per example, chosen by the example's first pixel."""

    def __init__(self, table):
        super().__init__()
        self.table = torch.tensor(table, dtype=torch.float32)
        self.dummy = nn.Parameter(torch.zeros(1))

    def forward(self, x):
        return self.table[x[:, 0, 0, 0].round().long()] + 0 * self.dummy


def test_evaluate_matches_a_hand_computation():
    table = [[2.0, 0.0, 0.0], [0.0, 3.0, 0.0], [0.0, 0.0, 1.0], [1.0, 1.0, 0.0], [0.0, 0.0, 5.0]]
    x = torch.zeros(5, 1, 28, 28)
    x[:, 0, 0, 0] = torch.arange(5, dtype=torch.float32)
    y = torch.tensor([0, 1, 0, 1, 2])
    # Batches of 2, 2 and 1: the mean of the three batch means would be wrong.
    result = evaluate(_LookupModel(table), DataLoader(TensorDataset(x, y), batch_size=2), device="cpu")
    logits = np.array(table)
    log_probs = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
    expected_loss = -np.mean(log_probs[np.arange(5), y.numpy()])
    assert result["loss"] == pytest.approx(expected_loss, rel=1e-5), (
        "loss must be the mean cross-entropy per example, over all examples"
    )
    # argmax per row: 0, 1, 2, 0 (tie -> first), 2; labels 0, 1, 0, 1, 2 -> 3 of 5 right.
    assert result["accuracy"] == pytest.approx(0.6)


def _small_sets(mnist, n_train=600, n_val=200):
    images, labels = mnist("train")
    return DigitDataset(images[:n_train], labels[:n_train]), DigitDataset(images[-n_val:], labels[-n_val:])


def test_fit_records_the_history_and_is_reproducible(mnist):
    train_set, val_set = _small_sets(mnist)
    runs = []
    for _ in range(2):
        torch.manual_seed(0)
        model = MLP()
        history = fit(model, train_set, val_set, epochs=3, batch_size=32, lr=2e-3, seed=0, device="cpu")
        runs.append((model, history))
    model, history = runs[0]
    for key in ("train_loss", "val_loss", "val_acc", "lr"):
        assert len(history[key]) == 3, f"history[{key!r}] must have one value per epoch (3)"
        assert all(math.isfinite(v) for v in history[key])
    assert history["train_loss"][-1] < 0.7 * history["train_loss"][0], "the training loss should fall clearly"
    assert history["val_acc"][-1] > 0.75, (
        f"600 digits and 3 epochs should reach 75 % validation accuracy, got {history['val_acc'][-1]:.3f}"
    )
    images, labels = mnist("train")
    assert history["val_acc"][-1] == pytest.approx(accuracy(model, images[-200:], labels[-200:]), abs=1e-9), (
        "history['val_acc'] must be the accuracy of the trained model on the validation set"
    )
    assert runs[1][1]["train_loss"] == pytest.approx(history["train_loss"], rel=1e-6), (
        "two runs with the same seed must give the same history: shuffle with a torch.Generator seeded with `seed`"
    )


def _watched_fit(monkeypatch, train_set, val_set, **settings):
    """Runs ``fit`` on an MLP and records, at every optimiser step, the optimiser's class, learning
    rate and weight decay, and every batch the model sees in training mode."""
    steps, batches = [], []
    for cls in (torch.optim.Adam, torch.optim.AdamW):
        def step(self, *args, _original=cls.step, **kwargs):
            group = self.param_groups[0]
            steps.append((type(self).__name__, group["lr"], group["weight_decay"]))
            return _original(self, *args, **kwargs)
        monkeypatch.setattr(cls, "step", step)
    torch.manual_seed(0)
    model = MLP()
    model.register_forward_pre_hook(lambda m, inputs: batches.append(inputs[0].detach().clone()) if m.training else None)
    history = fit(model, train_set, val_set, epochs=3, batch_size=100, seed=0, device="cpu", **settings)
    monkeypatch.undo()
    return steps, batches, history


def test_fit_follows_the_schedule_weight_decay_and_augmentation(mnist, monkeypatch):
    train_set, val_set = _small_sets(mnist)  # 600 training digits: 6 batches of 100 per epoch, 18 steps
    n_steps = 18
    # One-cycle: the learning rate of every step is the one torch's OneCycleLR gives.
    steps, batches, history = _watched_fit(monkeypatch, train_set, val_set, lr=2e-3, schedule="onecycle")
    assert len(steps) == n_steps, f"3 epochs of 6 batches are 18 optimiser steps, got {len(steps)}"
    reference = torch.optim.Adam([nn.Parameter(torch.zeros(1))], lr=2e-3)
    cycle = torch.optim.lr_scheduler.OneCycleLR(reference, max_lr=2e-3, total_steps=n_steps)
    expected = []
    for _ in range(n_steps):
        expected.append(reference.param_groups[0]["lr"])
        reference.step()
        cycle.step()
    used = [lr for _, lr, _ in steps]
    assert used == pytest.approx(expected, rel=1e-6), 'schedule="onecycle": the learning rate must follow OneCycleLR'
    assert {name for name, _, _ in steps} == {"Adam"}, "without weight decay the optimiser is Adam"
    seen = {train_set[i][0].numpy().tobytes() for i in range(len(train_set))}
    assert all(x.numpy().tobytes() in seen for batch in batches for x in batch), (
        "augment=0: the model must be trained on the images themselves"
    )
    # Cosine: from lr down to (about) 0 over all the steps.
    steps, _, _ = _watched_fit(monkeypatch, train_set, val_set, lr=2e-3, schedule="cosine")
    used = np.array([lr for _, lr, _ in steps])
    assert len(used) == n_steps and used[0] == pytest.approx(2e-3), 'schedule="cosine" starts at lr'
    assert np.all(np.diff(used) <= 1e-12) and used[-1] < 0.1 * 2e-3, (
        f'schedule="cosine" must decay the learning rate towards 0 over the training, got {used.round(6).tolist()}'
    )
    assert 0.4 * 2e-3 <= used.mean() <= 0.6 * 2e-3, "a cosine decay spends about half its steps above lr / 2"
    # Weight decay: AdamW; augmentation: the model sees shifted copies of the digits.
    steps, batches, _ = _watched_fit(monkeypatch, train_set, val_set, lr=2e-3, schedule="none",
                                     weight_decay=0.01, augment=1)
    assert {(name, lr, wd) for name, lr, wd in steps} == {("AdamW", 2e-3, 0.01)}, (
        "weight_decay > 0: AdamW with that weight decay, and a constant lr with schedule='none'"
    )
    inputs = [x.numpy().tobytes() for batch in batches for x in batch]
    shifted = np.mean([x not in seen for x in inputs])
    assert len(inputs) == 3 * 600 and shifted > 0.6, (
        f"augment=1: most training images should be shifted by random_shift, but {shifted:.0%} were"
    )


def test_mlp_beats_the_linear_baseline_on_heldout_digits(graded, mnist):
    run = graded("mlp")
    assert not heldout_opens(), f"training code opened the held-out digits: {heldout_opens()}"
    model = load_saved_model(run["checkpoint"])
    assert isinstance(model, MLP), "the saved mlp.pt must rebuild into digits.models.MLP"
    images, labels = mnist("heldout")
    acc = accuracy(model, images, RELABEL[labels])
    assert acc >= MLP_BAR, (
        f"the saved MLP scores {acc:.4f} on the 2,000 held-out digits; it needs {MLP_BAR} "
        "(tune MLP_CONFIG in digits/config.py)"
    )
