"""Milestone 4: logs to CSV always, and to TensorBoard when it is installed (a stand-in here)."""
import csv
import sys
import types

import pytest

from imageclf.runlog import RunLogger


def _rows(path):
    with open(path, newline="") as f:
        reader = csv.DictReader(f)
        return reader.fieldnames, list(reader)


def test_metrics_csv_has_one_row_per_epoch(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "torch.utils.tensorboard", None)  # as if TensorBoard were missing
    logger = RunLogger(tmp_path)
    for epoch in (1, 2, 3):
        logger.log(epoch, {"train_loss": 1.0 / epoch, "val_loss": 2.0 / epoch, "val_acc": 0.3 * epoch})
    logger.close()
    fields, rows = _rows(tmp_path / "metrics.csv")
    assert fields == ["epoch", "train_loss", "val_loss", "val_acc"], f"columns: epoch, then the metrics in order; got {fields}"
    assert [int(r["epoch"]) for r in rows] == [1, 2, 3]
    assert float(rows[1]["val_loss"]) == pytest.approx(1.0)
    # An interrupted run resumed after epoch 2 logs epoch 3 again: the file must not repeat it.
    resumed = RunLogger(tmp_path, resume_epoch=2)
    resumed.log(3, {"train_loss": 0.25, "val_loss": 0.5, "val_acc": 0.95})
    resumed.close()
    _, rows = _rows(tmp_path / "metrics.csv")
    assert [int(r["epoch"]) for r in rows] == [1, 2, 3], "resume_epoch=2 keeps epochs 1-2 and drops the old 3"
    assert float(rows[2]["val_acc"]) == pytest.approx(0.95)
    fresh = RunLogger(tmp_path)
    fresh.close()
    assert not _rows(tmp_path / "metrics.csv")[1], "resume_epoch=0 starts a new file"


class _FakeWriter:
    instances = []

    def __init__(self, log_dir=None, **kwargs):
        self.log_dir, self.scalars, self.closed = log_dir, [], False
        _FakeWriter.instances.append(self)

    def add_scalar(self, tag, scalar_value, global_step=None, *args, **kwargs):
        self.scalars.append((tag, float(scalar_value), global_step))

    def flush(self):
        pass

    def close(self):
        self.closed = True


def test_tensorboard_gets_every_metric(tmp_path, monkeypatch):
    fake = types.ModuleType("torch.utils.tensorboard")
    fake.SummaryWriter = _FakeWriter
    monkeypatch.setitem(sys.modules, "torch.utils.tensorboard", fake)
    _FakeWriter.instances.clear()
    logger = RunLogger(tmp_path)
    logger.log(1, {"train_loss": 0.5, "val_acc": 0.75})
    logger.log(2, {"train_loss": 0.25, "val_acc": 0.875})
    logger.close()
    assert len(_FakeWriter.instances) == 1, "when TensorBoard imports, RunLogger creates one SummaryWriter"
    writer = _FakeWriter.instances[0]
    assert sorted(writer.scalars) == sorted([("train_loss", 0.5, 1), ("val_acc", 0.75, 1),
                                             ("train_loss", 0.25, 2), ("val_acc", 0.875, 2)]), (
        f"add_scalar(name, value, epoch) for every metric of every epoch; got {writer.scalars}"
    )
    assert writer.closed, "close() closes the writer"
    assert (tmp_path / "metrics.csv").exists(), "the CSV log is written as well"
