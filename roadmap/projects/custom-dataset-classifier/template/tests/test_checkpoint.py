"""Milestone 4: early stopping, and checkpoints that resume a run exactly."""
import copy
import csv

import pytest
import torch

from imageclf import train as train_module
from imageclf.data import load_datasets
from imageclf.early_stopping import EarlyStopping
from imageclf.train import fit

TINY_CONFIG = {
    "image_size": 32, "val_fraction": 0.25, "seed": 11,
    "model": {"channels": (8, 16), "dropout": 0.2},
    "augment": {"crop_scale": 0.8, "hflip": True, "vflip": True, "rotate": 0, "jitter": 0.1},
    "epochs": 4, "batch_size": 16, "lr": 3e-3, "weight_decay": 1e-3,
    "schedule": "warmup_cosine", "warmup_epochs": 1, "patience": 10, "min_delta": 0.0,
}


def test_early_stopping_by_hand():
    stopper = EarlyStopping(patience=2)
    decisions = [stopper.step(v) for v in [1.0, 0.8, 0.85, 0.79, 0.9, 0.95]]
    assert decisions == [False, False, False, False, False, True], (
        "patience 2: stop at the second epoch in a row without a new best"
    )
    assert stopper.best == pytest.approx(0.79)
    strict = EarlyStopping(patience=2, min_delta=0.05)
    assert [strict.step(v) for v in [1.0, 0.97, 0.96]] == [False, False, True], (
        "with min_delta 0.05, going from 1.0 to 0.97 is not an improvement"
    )
    saved = EarlyStopping(patience=3)
    for v in [1.0, 0.9, 0.95]:
        saved.step(v)
    copy_ = EarlyStopping(patience=3)
    copy_.load_state_dict(copy.deepcopy(saved.state_dict()))
    assert [copy_.step(v) for v in [0.96, 0.97]] == [saved.step(v) for v in [0.96, 0.97]] == [False, True]


def _counting(monkeypatch, name):
    calls = []
    original = getattr(train_module, name)

    def wrapper(*args, **kwargs):
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(train_module, name, wrapper)
    return calls


def _scripted_evaluate(monkeypatch, losses):
    """``evaluate`` replaced by one that returns the validation losses of ``losses`` in turn."""
    scripted = iter(losses)

    def stalling_evaluate(model, loader, device="cpu"):
        return {"loss": next(scripted), "accuracy": 0.5}

    monkeypatch.setattr(train_module, "evaluate", stalling_evaluate)


def _counting_examples(monkeypatch):
    """``train_one_epoch`` wrapped to count, per call, the examples its loader hands out."""
    seen = []
    original = train_module.train_one_epoch

    class Counted:
        def __init__(self, loader):
            self.loader = loader

        def __iter__(self):
            for x, y in self.loader:
                seen[-1] += len(y)
                yield x, y

        def __len__(self):
            return len(self.loader)

    def wrapper(model, loader, *args, **kwargs):
        seen.append(0)
        return original(model, Counted(loader), *args, **kwargs)

    monkeypatch.setattr(train_module, "train_one_epoch", wrapper)
    return seen


def test_training_stops_when_validation_stalls(shapes, tmp_path, monkeypatch):
    config = dict(copy.deepcopy(TINY_CONFIG), epochs=12, patience=2)
    train_set, val_set, classes = load_datasets(shapes("tiny"), config)
    _scripted_evaluate(monkeypatch, [1.0, 0.9, 0.95, 0.93, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05, 0.04, 0.03])
    epochs = _counting_examples(monkeypatch)
    result = fit(config, train_set, val_set, tmp_path, classes=classes)
    assert len(epochs) == 4, (
        f"the validation loss is best at epoch 2, then stalls: with patience 2 training stops after "
        f"epoch 4, but it ran {len(epochs)} epochs"
    )
    for seen in epochs:
        assert len(train_set) - config["batch_size"] < seen <= len(train_set), (
            f"an epoch trained on {seen} examples, but the training part has {len(train_set)}: train on "
            "the training part only (the validation images must stay unseen)"
        )
    assert result["stopped_early"] is True and len(result["history"]) == 4
    best = torch.load(result["best_path"], map_location="cpu", weights_only=False)
    assert best["epoch"] == 2 and best["val_loss"] == pytest.approx(0.9), "best.pt must hold the best epoch (2)"
    with open(tmp_path / "metrics.csv", newline="") as f:
        assert [int(r["epoch"]) for r in csv.DictReader(f)] == [1, 2, 3, 4]


def test_resume_keeps_the_early_stopping_state(shapes, tmp_path, monkeypatch):
    # Best at epoch 2, then worse: with patience 2 the run stops after epoch 4. Interrupted after
    # epoch 3, the resumed run must still count epoch 3 as a bad one, stop after epoch 4, and keep
    # epoch 2 in best.pt.
    config = dict(copy.deepcopy(TINY_CONFIG), epochs=8, patience=2)
    train_set, val_set, classes = load_datasets(shapes("tiny"), config)
    _scripted_evaluate(monkeypatch, [1.0, 0.9, 0.95])
    fit(config, train_set, val_set, tmp_path, classes=classes, stop_after_epoch=3)
    _scripted_evaluate(monkeypatch, [0.97, 0.96, 0.5, 0.4, 0.3])
    epochs = _counting(monkeypatch, "train_one_epoch")
    resumed = fit(config, train_set, val_set, tmp_path, classes=classes, resume=True)
    assert len(epochs) == 1 and resumed["stopped_early"] is True, (
        f"after the resume, epoch 4 is the second epoch in a row without a new best: training should stop "
        f"after it, but the resumed run trained {len(epochs)} epochs. Save and restore the early stopping"
    )
    best = torch.load(resumed["best_path"], map_location="cpu", weights_only=False)
    assert best["epoch"] == 2 and best["val_loss"] == pytest.approx(0.9), (
        f"best.pt must still hold epoch 2 (val loss 0.9), it holds epoch {best['epoch']}"
    )


def test_resume_gives_the_same_weights(shapes, tmp_path, monkeypatch):
    config = copy.deepcopy(TINY_CONFIG)
    train_set, val_set, classes = load_datasets(shapes("tiny"), config)
    whole = fit(config, train_set, val_set, tmp_path / "whole", classes=classes)
    fit(config, train_set, val_set, tmp_path / "split", classes=classes, stop_after_epoch=2)
    epochs = _counting(monkeypatch, "train_one_epoch")
    resumed = fit(config, train_set, val_set, tmp_path / "split", classes=classes, resume=True)
    assert len(epochs) == 2, f"a resumed run trains only the remaining epochs (3 and 4), it trained {len(epochs)}"
    a, b = whole["model"].state_dict(), resumed["model"].state_dict()
    different = [name for name in a if not torch.equal(a[name], b[name])]
    assert not different, (
        f"after the resume, {len(different)} of {len(a)} tensors differ from the uninterrupted run "
        f"(first: {different[0] if different else ''}): save and restore the optimiser, the scheduler, "
        "the early stopping and every random number generator"
    )
    assert [r["epoch"] for r in resumed["history"]] == [1, 2, 3, 4]
    for r1, r2 in zip(whole["history"], resumed["history"]):
        assert r1 == pytest.approx(r2, rel=1e-6), "the resumed history must equal the uninterrupted one"
    with open(tmp_path / "split" / "metrics.csv", newline="") as f:
        assert [int(r["epoch"]) for r in csv.DictReader(f)] == [1, 2, 3, 4], "metrics.csv: every epoch once"
