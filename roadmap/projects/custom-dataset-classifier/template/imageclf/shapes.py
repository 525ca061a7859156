"""The generated image set: coloured shapes on noisy backgrounds (given code).

``python -m imageclf make-data`` writes ``data/shapes/<class>/<class>_0000.png`` and so on:
five classes (circle, cross, ring, square, triangle), 32x32 RGB. Each image gets a random
position, size, rotation, colours (the shape is always brighter than its background), a soft
lighting gradient and pixel noise. The colours and positions mean nothing, which is what makes
the set too hard for a linear model on pixels and easy for a small CNN.

The tests use their own copy of this generator (``tests/shapes.py``), so the images they grade
on are theirs.
"""
from __future__ import annotations

import math
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

SHAPES = ("circle", "cross", "ring", "square", "triangle")


def _luminance(rgb) -> float:
    return 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2]


def _colours(rng):
    while True:
        bg, fg = rng.uniform(0, 1, 3), rng.uniform(0, 1, 3)
        if _luminance(fg) - _luminance(bg) > 0.25:
            return tuple(int(255 * v) for v in bg), tuple(int(255 * v) for v in fg)


def _polygon(cx, cy, r, angle, n):
    return [(cx + r * math.cos(angle + 2 * math.pi * k / n), cy + r * math.sin(angle + 2 * math.pi * k / n))
            for k in range(n)]


def draw_shape(kind: str, rng: np.random.Generator, size: int = 32) -> np.ndarray:
    """One image of ``kind`` as uint8 ``[size, size, 3]`` (drawn 4x larger, then downsampled)."""
    s = 4 * size
    bg, fg = _colours(rng)
    img = Image.new("RGB", (s, s), bg)
    draw = ImageDraw.Draw(img)
    cx, cy = rng.uniform(0.35, 0.65, 2) * s
    r = rng.uniform(0.17, 0.3) * s
    angle = rng.uniform(0, 2 * math.pi)
    if kind == "circle":
        draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=fg)
    elif kind == "ring":
        draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=fg)
        q = r * rng.uniform(0.45, 0.65)
        draw.ellipse([cx - q, cy - q, cx + q, cy + q], fill=bg)
    elif kind == "square":
        draw.polygon(_polygon(cx, cy, r * 1.1, angle, 4), fill=fg)
    elif kind == "triangle":
        draw.polygon(_polygon(cx, cy, r * 1.25, angle, 3), fill=fg)
    elif kind == "cross":
        w = r * rng.uniform(0.28, 0.4)
        for t in (angle, angle + math.pi / 2):
            ux, uy, vx, vy = math.cos(t), math.sin(t), -math.sin(t), math.cos(t)
            draw.polygon([(cx + r * ux + w * vx, cy + r * uy + w * vy), (cx + r * ux - w * vx, cy + r * uy - w * vy),
                          (cx - r * ux - w * vx, cy - r * uy - w * vy), (cx - r * ux + w * vx, cy - r * uy + w * vy)],
                         fill=fg)
    else:
        raise ValueError(f"unknown shape {kind!r}")
    x = np.asarray(img.resize((size, size), Image.LANCZOS), dtype=np.float32) / 255
    tilt = rng.uniform(-0.15, 0.15, 2)
    yy, xx = np.mgrid[0:size, 0:size] / size - 0.5
    x = x + (tilt[0] * xx + tilt[1] * yy)[..., None] + rng.normal(0, 0.05, x.shape)
    return np.clip(np.rint(x * 255), 0, 255).astype(np.uint8)


def make_shapes_dataset(root, per_class: int = 160, seed: int = 0, size: int = 32, classes=SHAPES) -> Path:
    """Write ``per_class`` PNG images of every class to ``root/<class>/``; returns ``root``."""
    root = Path(root)
    rng = np.random.default_rng(seed)
    for kind in classes:
        (root / kind).mkdir(parents=True, exist_ok=True)
    for i in range(per_class):
        for kind in classes:
            Image.fromarray(draw_shape(kind, rng, size)).save(root / kind / f"{kind}_{i:04d}.png")
    return root
