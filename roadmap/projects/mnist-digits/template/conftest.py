"""Shared test setup (part of the checks: do not edit).

Being at the project root, this file also puts the project folder on ``sys.path`` so the tests
can ``import digits``.

How the checks grade your models, so that only real training can pass:

- The test reads the digits itself (its own reader below, not yours).
- It hands your ``train_model`` a copy of the training digits whose labels were renamed by a
  fixed shuffle of 0..9 (``RELABEL``): digit 0 is called 7, digit 1 is called 3, and so on. A
  network trained on that file learns the renamed labels as easily as the real ones, but a
  model trained on anything else (earlier runs, the held-out file, a download) cannot score.
- It then loads the checkpoint file your code saved and measures its accuracy on the 2,000
  held-out digits itself.
- Your code must never open the held-out file while the tests run: an audit hook below
  notices every ``open`` of it that does not come from the test's own reader.
"""
import copy
import gzip
import os
import struct
import sys
import time
from pathlib import Path

import numpy as np
import pytest
import torch

torch.set_num_threads(1)
os.environ.setdefault("MPLBACKEND", "Agg")

PROJECT = Path(__file__).resolve().parent
TRAIN_FILE = PROJECT / "data" / "mnist-train.bin.gz"
HELDOUT_FILE = PROJECT / "data" / "mnist-heldout.bin"
RELABEL = np.array([7, 3, 8, 0, 9, 6, 1, 4, 2, 5])

# --- the held-out guard ------------------------------------------------------------------------
_HELDOUT_OPENS: list = []
_GRADER_READING = [False]


def _audit(event, args):
    if event != "open" or _GRADER_READING[0] or not args:
        return
    target = args[0]
    if isinstance(target, int):
        return
    try:
        name = os.fsdecode(target)
    except TypeError:
        return
    if "mnist-heldout" in os.path.basename(name):
        _HELDOUT_OPENS.append(name)


sys.addaudithook(_audit)


def heldout_opens() -> list:
    """Every path of the held-out file that something other than the test's reader opened."""
    return list(_HELDOUT_OPENS)


# --- the test's own reader and writer of the MLRD format -----------------------------------------
def read_digits(path):
    raw = Path(path).read_bytes()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    assert raw[:4] == b"MLRD", f"{path} is not an MLRD file"
    (n,) = struct.unpack("<I", raw[8:12])
    labels = np.frombuffer(raw, np.uint8, n, 12).astype(np.int64)
    images = np.frombuffer(raw, np.uint8, n * 784, 12 + n).reshape(n, 28, 28)
    return images, labels


def write_digits(path, images, labels):
    header = b"MLRD" + struct.pack("<BBBBI", 1, 28, 28, 0, len(labels))
    Path(path).write_bytes(header + np.asarray(labels, np.uint8).tobytes() + np.ascontiguousarray(images, np.uint8).tobytes())
    return Path(path)


def as_float(images):
    """uint8 [N, 28, 28] -> float32 tensor [N, 1, 28, 28] in [0, 1]."""
    return torch.from_numpy(np.asarray(images, np.float32) / np.float32(255.0)).reshape(-1, 1, 28, 28)


def accuracy(model, images, labels) -> float:
    """The test's own accuracy: argmax of the model's outputs against ``labels``."""
    model.eval()
    x = as_float(images)
    with torch.no_grad():
        pred = torch.cat([model(x[i:i + 500]).argmax(1) for i in range(0, len(x), 500)]).numpy()
    return float(np.mean(pred == np.asarray(labels)))


def load_saved_model(checkpoint):
    """The test's own loading of a checkpoint written by ``train.save_checkpoint``."""
    from digits.models import build_model

    ckpt = torch.load(checkpoint, map_location="cpu")
    assert isinstance(ckpt, dict) and {"config", "state_dict"} <= set(ckpt), (
        "the checkpoint must be a dict with 'config' and 'state_dict' (use save_checkpoint)"
    )
    model = build_model(ckpt["config"])
    model.load_state_dict(ckpt["state_dict"])
    return model.eval()


@pytest.fixture(scope="session")
def mnist():
    """``mnist("train")`` / ``mnist("heldout")``: (uint8 images, labels), read on first use."""
    cache = {}

    def get(which):
        if which not in cache:
            path = {"train": TRAIN_FILE, "heldout": HELDOUT_FILE}[which]
            if not path.exists():
                pytest.fail(
                    f"{path.relative_to(PROJECT)} is missing. The extension copies it into data/ when "
                    "it creates the project: create the project again (your own files are kept)."
                )
            _GRADER_READING[0] = True
            try:
                cache[which] = read_digits(path)
            finally:
                _GRADER_READING[0] = False
        return cache[which]

    return get


@pytest.fixture(scope="session")
def graded(mnist, tmp_path_factory):
    """``graded("mlp")`` / ``graded("cnn")``: trains your config ONCE through ``train_model`` on the
    relabelled training file, inside the first test that asks (so an unfinished TODO fails that
    test instead of breaking the session), and returns what it produced."""
    cache = {}

    def get(kind):
        if kind not in cache:
            from digits import config
            from digits.train import train_model

            cfg = copy.deepcopy({"mlp": config.MLP_CONFIG, "cnn": config.CNN_CONFIG}[kind])
            images, labels = mnist("train")
            work = tmp_path_factory.mktemp(f"graded-{kind}")
            train_file = write_digits(work / "train.bin", images, RELABEL[labels])
            start = time.process_time()
            model, history, checkpoint = train_model(cfg, train_file, work / "out", seed=0)
            cache[kind] = {
                "model": model,
                "history": history,
                "checkpoint": Path(checkpoint),
                "config": cfg,
                "cpu_seconds": time.process_time() - start,
            }
        return cache[kind]

    return get
