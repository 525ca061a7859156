"""The data (given code): a 2-D mixture of Gaussians and real MNIST digits.

**The mixture** is the standard sanity check for GANs: 8 Gaussians on a circle of radius 2,
each with standard deviation 0.1. A GAN that has collapsed onto a few modes shows it at once,
and the samples can be graded exactly because the true modes are known.

**The digits**: ``data/mnist-train.bin.gz`` holds 8,000 real MNIST digits (train on these)
and ``data/mnist-heldout.bin`` 2,000 others that nothing trains on. The extension copies both
into ``data/`` when it creates the project. The format is little-endian: the 4 bytes ``MLRD``,
version (1), rows (28), cols (28), a reserved byte, the count N as uint32, then N label bytes,
then N*28*28 pixel bytes (0 = background, 255 = full ink).
"""
from __future__ import annotations

import gzip
import math
import struct
from pathlib import Path

import numpy as np
import torch

PROJECT_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_DIR / "data"
TRAIN_FILE = DATA_DIR / "mnist-train.bin.gz"
HELDOUT_FILE = DATA_DIR / "mnist-heldout.bin"


class GaussianMixture:
    """``n_modes`` Gaussians with standard deviation ``std``, evenly spaced on a circle."""

    def __init__(self, n_modes=8, radius=2.0, std=0.1, seed=0):
        self.n_modes, self.radius, self.std = n_modes, radius, std
        angles = 2 * math.pi * np.arange(n_modes) / n_modes
        self.centers = np.stack([radius * np.cos(angles), radius * np.sin(angles)], axis=1)
        self.rng = np.random.default_rng(seed)

    def sample(self, n) -> torch.Tensor:
        """``n`` points, float32 ``[n, 2]``."""
        modes = self.rng.integers(self.n_modes, size=n)
        points = self.centers[modes] + self.rng.normal(0.0, self.std, size=(n, 2))
        return torch.from_numpy(points.astype(np.float32))


def read_mnist_file(path) -> tuple[np.ndarray, np.ndarray]:
    """``(images uint8 [N, 28, 28], labels int64 [N])`` from an ``MLRD`` file (gzipped or not)."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(
            f"{path} is missing. The extension copies the MNIST files into data/ when it creates "
            "the project; create the project again, or run with --torchvision (needs internet)."
        )
    raw = path.read_bytes()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    if raw[:4] != b"MLRD":
        raise ValueError(f"{path} is not an MLRD digits file")
    _version, rows, cols, _reserved = raw[4:8]
    (n,) = struct.unpack("<I", raw[8:12])
    labels = np.frombuffer(raw, dtype=np.uint8, count=n, offset=12).astype(np.int64)
    images = np.frombuffer(raw, dtype=np.uint8, count=n * rows * cols, offset=12 + n)
    return images.reshape(n, rows, cols).copy(), labels


def to_tensor(images) -> torch.Tensor:
    """uint8 images ``[N, 28, 28]`` -> float32 ``[N, 1, 28, 28]`` in [0, 1] (1 = ink)."""
    x = torch.from_numpy(np.asarray(images, dtype=np.float32) / np.float32(255.0))
    return x.reshape(-1, 1, *x.shape[-2:])


def load_training_digits(torchvision=False):
    """The digits to train on: the 8,000 of ``data/mnist-train.bin.gz``, or with
    ``torchvision=True`` the full 60,000 MNIST training digits (needs internet once)."""
    if torchvision:
        from torchvision.datasets import MNIST

        ds = MNIST(str(DATA_DIR / "torchvision"), train=True, download=True)
        return ds.data.numpy(), ds.targets.numpy().astype(np.int64)
    return read_mnist_file(TRAIN_FILE)
