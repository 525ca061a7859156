"""The tests' own data, samplers, judge and scoring: the referee.

Your GANs are trained on data the referee hands them and graded on samples the referee
draws from your generators, with latent vectors the referee picks. The digit judge is a
classifier the referee trains itself on the training digits and checks on the held-out
digits. Your code may not import this module while the tests run.
"""
import gzip
import math
import struct
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

MODES, RADIUS, STD = 8, 2.0, 0.1


def mixture_centers():
    a = 2 * math.pi * np.arange(MODES) / MODES
    return np.stack([RADIUS * np.cos(a), RADIUS * np.sin(a)], axis=1)


class MixtureSampler:
    """The 8-Gaussian ring, with a counter of the points handed out."""

    def __init__(self, seed=0):
        self.rng = np.random.default_rng(seed)
        self.drawn = 0

    def sample(self, n):
        self.drawn += int(n)
        centers = mixture_centers()
        points = centers[self.rng.integers(MODES, size=n)] + self.rng.normal(0, STD, size=(n, 2))
        return torch.from_numpy(points.astype(np.float32))


def coverage(samples):
    """(modes with >= 1 % of the samples within 3 std, fraction of samples within 3 std)."""
    x = np.asarray(samples, dtype=float)
    d = np.linalg.norm(x[:, None] - mixture_centers()[None], axis=2)
    good = d.min(1) <= 3 * STD
    counts = np.bincount(d.argmin(1)[good], minlength=MODES)
    return int((counts >= 0.01 * len(x)).sum()), float(good.mean())


def read_digits(path):
    raw = Path(path).read_bytes()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    assert raw[:4] == b"MLRD", f"{path} is not an MLRD file"
    (n,) = struct.unpack("<I", raw[8:12])
    labels = np.frombuffer(raw, np.uint8, n, 12).astype(np.int64)
    images = np.frombuffer(raw, np.uint8, n * 784, 12 + n).reshape(n, 28, 28).copy()
    return images, labels


def as_float(images):
    return torch.from_numpy(np.asarray(images, np.float32) / np.float32(255.0)).reshape(-1, 1, 28, 28)


class Judge(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10))

    def forward(self, x):
        return self.net(x)


def train_judge(images, labels, epochs=6, seed=0):
    torch.manual_seed(seed)
    x, y = as_float(images), torch.as_tensor(labels)
    judge = Judge()
    opt = torch.optim.Adam(judge.parameters(), lr=1e-3)
    g = torch.Generator().manual_seed(seed)
    for _ in range(epochs):
        perm = torch.randperm(len(x), generator=g)
        for i in range(0, len(x), 128):
            b = perm[i:i + 128]
            loss = F.cross_entropy(judge(x[b]), y[b])
            opt.zero_grad()
            loss.backward()
            opt.step()
    return judge.eval()


@torch.no_grad()
def judged(judge, images):
    """(predicted labels, max softmax probability) of the judge on float images."""
    p = torch.softmax(judge(images.float()), dim=1)
    conf, pred = p.max(dim=1)
    return pred, conf


def within_class_spread(images, labels):
    """Mean pairwise L2 distance between images of the same class, averaged over classes."""
    flat = images.reshape(len(images), -1).float()
    return float(np.mean([torch.pdist(flat[labels == c]).mean().item() for c in torch.unique(labels)]))
