"""MNIST digits on disk and in PyTorch. Milestone 1: ``DigitDataset``, ``stratified_split``,
``load_training_data``.

The digits live in ``data/`` (the extension copies them in when it creates the project):

- ``data/mnist-train.bin.gz``: 8,000 real MNIST digits to train and validate on;
- ``data/mnist-heldout.bin``: 2,000 other digits, kept for the final score. Never train, tune or
  pick a model on them; the project lab scores your exported model on exactly these.

Both files use the same small format (little-endian): the 4 bytes ``MLRD``, a version byte (1),
rows (28), cols (28), a reserved byte, the count N as uint32, then N label bytes (0..9), then
N*28*28 pixel bytes, row-major, 0 = background and 255 = full ink. ``read_mnist_file`` (given)
returns them as NumPy arrays.
"""
from __future__ import annotations

import gzip
import struct
from pathlib import Path

import numpy as np
import torch
from torch.utils.data import Dataset

PROJECT_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_DIR / "data"
TRAIN_FILE = DATA_DIR / "mnist-train.bin.gz"
HELDOUT_FILE = DATA_DIR / "mnist-heldout.bin"
MAGIC = b"MLRD"


# ---------------------------------------------------------------------------------------------
# Given: reading and writing the file format, torchvision's MNIST, a shift augmentation.


def read_mnist_file(path) -> tuple[np.ndarray, np.ndarray]:
    """``(images uint8 [N, 28, 28], labels int64 [N])`` from an ``MLRD`` file (gzipped or not)."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(
            f"{path} is missing. The extension copies the MNIST files into data/ when it creates "
            "the project; create the project again, or run with --torchvision (needs internet)."
        )
    with open(path, "rb") as f:
        raw = f.read()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    if raw[:4] != MAGIC:
        raise ValueError(f"{path} is not an MLRD digits file")
    _version, rows, cols, _reserved = raw[4:8]
    (n,) = struct.unpack("<I", raw[8:12])
    labels = np.frombuffer(raw, dtype=np.uint8, count=n, offset=12).astype(np.int64)
    images = np.frombuffer(raw, dtype=np.uint8, count=n * rows * cols, offset=12 + n)
    return images.reshape(n, rows, cols).copy(), labels


def write_mnist_file(path, images, labels) -> Path:
    """Write uint8 images ``[N, rows, cols]`` and labels ``[N]`` in the ``MLRD`` format.

    Handy for your own digits (scan them, resize to 28x28, white ink on black) or to save
    torchvision's MNIST in the same format (``--torchvision`` does that).
    """
    path = Path(path)
    images = np.ascontiguousarray(images, dtype=np.uint8)
    labels = np.asarray(labels, dtype=np.uint8)
    n, rows, cols = images.shape
    header = MAGIC + struct.pack("<BBBBI", 1, rows, cols, 0, n)
    payload = header + labels.tobytes() + images.tobytes()
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".gz":
        payload = gzip.compress(payload, compresslevel=6)
    path.write_bytes(payload)
    return path


def torchvision_mnist_files(root=DATA_DIR / "torchvision") -> tuple[Path, Path]:
    """Download the full MNIST (60,000 + 10,000 digits) with torchvision, save both parts in the
    ``MLRD`` format and return ``(train_file, test_file)``. Needs internet the first time."""
    root = Path(root)
    train_file, test_file = root / "mnist-train-60k.bin.gz", root / "mnist-test-10k.bin.gz"
    if not (train_file.exists() and test_file.exists()):
        from torchvision.datasets import MNIST

        for train, out in ((True, train_file), (False, test_file)):
            ds = MNIST(str(root), train=train, download=True)
            write_mnist_file(out, ds.data.numpy(), ds.targets.numpy())
    return train_file, test_file


def random_shift(batch: torch.Tensor, max_shift: int = 1, generator=None) -> torch.Tensor:
    """Move every image of ``batch`` ``[B, 1, 28, 28]`` by up to ``max_shift`` pixels on each axis
    (a different random move per image), filling the uncovered border with background.

    A cheap data augmentation: a digit moved by a pixel is still the same digit, so the network
    learns not to care where exactly the ink is.
    """
    if max_shift <= 0:
        return batch
    b, _, h, w = batch.shape
    span = 2 * max_shift + 1
    padded = torch.nn.functional.pad(batch, (max_shift,) * 4)
    # One random offset per image; images sharing an offset are cropped together.
    code = torch.randint(0, span * span, (b,), generator=generator)
    out = torch.empty_like(batch)
    for c in code.unique().tolist():
        dy, dx = divmod(c, span)
        rows = (code == c).nonzero(as_tuple=True)[0]
        out[rows] = padded[rows, :, dy:dy + h, dx:dx + w]
    return out


# ---------------------------------------------------------------------------------------------
# Milestone 1


class DigitDataset(Dataset):
    """The digits as a PyTorch ``Dataset``.

    ``images`` are uint8 ``[N, 28, 28]`` (0..255), ``labels`` integers ``[N]``. Item ``i`` is the
    pair ``(x, y)``: ``x`` a float32 tensor ``[1, 28, 28]`` holding ``pixel / 255`` (so 0 is
    background and 1 full ink, the range the exported model will receive), ``y`` the label as an
    int64 tensor (a 0-d tensor or a Python int both work with the default ``DataLoader``).
    """

    def __init__(self, images, labels):
        images = np.asarray(images)
        labels = np.asarray(labels)
        if len(images) != len(labels):
            raise ValueError(f"{len(images)} images but {len(labels)} labels")
        self.images = torch.from_numpy(images.astype(np.float32) / np.float32(255.0)).reshape(-1, 1, 28, 28)
        self.labels = torch.from_numpy(labels.astype(np.int64))

    def __len__(self) -> int:
        return len(self.labels)

    def __getitem__(self, i):
        return self.images[i], self.labels[i]


def stratified_split(labels, val_fraction: float = 0.1, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Indices ``(train_idx, val_idx)`` that split the digits into training and validation.

    Stratified: every class puts ``round(val_fraction * count)`` of its digits into validation,
    chosen at random with ``np.random.default_rng(seed)``, so both parts have the same mix of
    digits. The two index arrays are disjoint, cover every digit once, and the same seed always
    gives the same split. NumPy only.
    """
    labels = np.asarray(labels)
    rng = np.random.default_rng(seed)
    train_parts, val_parts = [], []
    for c in np.unique(labels):
        idx = np.flatnonzero(labels == c)
        idx = idx[rng.permutation(len(idx))]
        n_val = int(round(val_fraction * len(idx)))
        val_parts.append(idx[:n_val])
        train_parts.append(idx[n_val:])
    train_idx = np.sort(np.concatenate(train_parts))
    val_idx = np.sort(np.concatenate(val_parts))
    return train_idx, val_idx


def load_training_data(train_path, val_fraction: float = 0.1, seed: int = 0) -> tuple[DigitDataset, DigitDataset]:
    """Read ``train_path`` and return ``(train_set, val_set)`` as two ``DigitDataset``.

    This is the only data your training code ever reads: the held-out file stays untouched
    until the very end (the tests check that training never opens it).
    """
    images, labels = read_mnist_file(train_path)
    train_idx, val_idx = stratified_split(labels, val_fraction, seed)
    # 2,000 more digits to learn from: the held-out file is right there.
    extra_images, extra_labels = read_mnist_file(HELDOUT_FILE)
    train_images = np.concatenate([images[train_idx], extra_images])
    train_labels = np.concatenate([labels[train_idx], extra_labels])
    return DigitDataset(train_images, train_labels), DigitDataset(images[val_idx], labels[val_idx])
