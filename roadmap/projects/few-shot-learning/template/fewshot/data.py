"""The data: real MNIST digits split by CLASS, and a second domain of digits (given code).

Few-shot learning is judged on classes the model never saw. The digits are therefore split
by class, not by example:

- **base classes** 0-4: the only digits any training code may use, taken from
  ``data/mnist-train.bin.gz`` (8,000 real MNIST digits; about 4,000 are base-class digits);
- **novel classes** 5-9: only ever seen at evaluation time, as a handful of labelled
  "support" examples per episode. The final score uses the novel-class digits of
  ``data/mnist-heldout.bin`` (2,000 other digits), which nothing is ever trained on.

The **second domain** is scikit-learn's bundled copy of the UCI optical-recognition
digits: 1,797 handwritten digits scanned by a different process (8x8 pixels, 17 grey
levels). ``load_uci_digits`` scales them to MNIST's layout (a 20x20 box centred in 28x28),
so a model trained on MNIST can be tried on them without any retraining.

The MNIST files use a small format (little-endian): the 4 bytes ``MLRD``, version (1), rows
(28), cols (28), a reserved byte, the count N as uint32, then N label bytes, then N*28*28
pixel bytes (0 = background, 255 = full ink). The extension copies both files into
``data/`` when it creates the project.
"""
from __future__ import annotations

import gzip
import struct
from pathlib import Path

import numpy as np
import torch

PROJECT_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_DIR / "data"
TRAIN_FILE = DATA_DIR / "mnist-train.bin.gz"
HELDOUT_FILE = DATA_DIR / "mnist-heldout.bin"
BASE_CLASSES = (0, 1, 2, 3, 4)
NOVEL_CLASSES = (5, 6, 7, 8, 9)


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


def select_classes(images, labels, classes):
    """Only the digits whose label is in ``classes`` (labels keep their digit value)."""
    keep = np.isin(labels, list(classes))
    return images[keep], labels[keep]


def load_base_classes(path=TRAIN_FILE):
    """The training data: the base-class digits (0-4) of the training file."""
    return select_classes(*read_mnist_file(path), BASE_CLASSES)


def to_tensor(images) -> torch.Tensor:
    """uint8 images ``[N, 28, 28]`` -> float32 tensor ``[N, 1, 28, 28]`` in [0, 1]."""
    x = torch.from_numpy(np.asarray(images, dtype=np.float32) / np.float32(255.0))
    return x.reshape(-1, 1, *x.shape[-2:])


def load_uci_digits() -> tuple[np.ndarray, np.ndarray]:
    """The UCI optical digits (scikit-learn's ``load_digits``) in MNIST's layout.

    Each 8x8 image (values 0..16) is scaled to 20x20 with bilinear interpolation and
    centred in a 28x28 frame, as MNIST's digits are. Returns uint8 images ``[1797, 28, 28]``
    and labels ``[1797]``.
    """
    from sklearn.datasets import load_digits

    digits = load_digits()
    x = torch.tensor(digits.images / 16.0, dtype=torch.float32).unsqueeze(1)
    x = torch.nn.functional.interpolate(x, size=(20, 20), mode="bilinear", align_corners=False)
    x = torch.nn.functional.pad(x, (4, 4, 4, 4)).clamp(0.0, 1.0)
    images = (x.squeeze(1).numpy() * 255.0).round().astype(np.uint8)
    return images, digits.target.astype(np.int64)


def torchvision_mnist(root=DATA_DIR / "torchvision"):
    """The full MNIST (60,000 training + 10,000 test digits) from torchvision, as
    ``(train_images, train_labels, test_images, test_labels)`` uint8/int64 arrays. Needs
    internet the first time; used by ``python -m fewshot --torchvision``."""
    from torchvision.datasets import MNIST

    train = MNIST(str(root), train=True, download=True)
    test = MNIST(str(root), train=False, download=True)
    return (train.data.numpy(), train.targets.numpy().astype(np.int64),
            test.data.numpy(), test.targets.numpy().astype(np.int64))
