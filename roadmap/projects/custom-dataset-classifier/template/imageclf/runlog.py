"""Logging every epoch. Milestone 4: ``RunLogger``.

Always to ``metrics.csv`` (one row per epoch: open it in a spreadsheet, or plot it with pandas),
and to TensorBoard when it is installed (``pip install tensorboard``, then
``tensorboard --logdir artifacts/tensorboard`` and open http://localhost:6006).
"""
from __future__ import annotations

import csv  # noqa: F401
from pathlib import Path


def tensorboard_writer(log_dir):
    """A ``torch.utils.tensorboard.SummaryWriter`` for ``log_dir``, or None when TensorBoard is
    not installed (given). Imported here, at call time, so that having it is optional."""
    try:
        from torch.utils.tensorboard import SummaryWriter
    except ImportError:
        return None
    return SummaryWriter(log_dir=str(log_dir))


class RunLogger:
    """Writes the metrics of every epoch to ``<out_dir>/metrics.csv`` and, when
    ``tensorboard_writer`` gives a writer, to TensorBoard (``<out_dir>/tensorboard``).

    - ``log(epoch, metrics)``: append one CSV row; the columns are ``epoch`` and then the keys of
      the first ``metrics`` dict, in its order (write the header before the first row). Every
      value also goes to TensorBoard as ``writer.add_scalar(key, value, epoch)``.
    - ``resume_epoch``: 0 starts a new ``metrics.csv``. A resumed run passes the last finished
      epoch: keep the rows up to that epoch and drop any later ones (an interrupted run may have
      logged an epoch that its checkpoint does not have), so the file never repeats an epoch.
    - ``close()``: flush and close the writer.
    """

    def __init__(self, out_dir, resume_epoch: int = 0):
        self.path = Path(out_dir) / "metrics.csv"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # TODO: keep or drop the existing rows as described, then set up self.writer with
        #       tensorboard_writer(Path(out_dir) / "tensorboard").
        raise NotImplementedError("TODO: RunLogger.__init__")

    def log(self, epoch: int, metrics: dict) -> None:
        # TODO: one CSV row, and one add_scalar per metric when there is a writer.
        raise NotImplementedError("TODO: RunLogger.log")

    def close(self) -> None:
        # TODO
        raise NotImplementedError("TODO: RunLogger.close")
