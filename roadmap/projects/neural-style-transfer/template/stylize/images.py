"""Images in and out, and the generated content and style images (given code).

Tensors are ``[1, 3, H, W]`` float32 RGB in [0, 1]. The generated images need no download and
are the same on every machine: one content image (a small landscape) and several "artworks"
whose styles differ in the way style transfer can see, by their colours and their textures.
Use your own with ``--content path.jpg --style path.jpg``.
"""
from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import torch
from PIL import Image, ImageDraw, ImageFilter


def load_image(path, size: int | None = None) -> torch.Tensor:
    """A file as ``[1, 3, H, W]`` in [0, 1]; with ``size``, the shorter side becomes ``size``."""
    with Image.open(path) as img:
        img = img.convert("RGB")
        if size is not None:
            scale = size / min(img.size)
            img = img.resize((max(1, round(img.width * scale)), max(1, round(img.height * scale))), Image.LANCZOS)
        return pil_to_tensor(img)


def pil_to_tensor(img: Image.Image) -> torch.Tensor:
    x = np.asarray(img.convert("RGB"), dtype=np.float32) / 255.0
    return torch.from_numpy(x).permute(2, 0, 1).unsqueeze(0).contiguous()


def tensor_to_pil(x: torch.Tensor) -> Image.Image:
    """``[1, 3, H, W]`` (or ``[3, H, W]``) in [0, 1] as a PIL image (values are clamped, rounded)."""
    x = x.detach().cpu().float()
    if x.dim() == 4:
        x = x[0]
    array = (x.clamp(0, 1).permute(1, 2, 0).numpy() * 255.0).round().astype(np.uint8)
    return Image.fromarray(array)


def save_image(x: torch.Tensor, path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tensor_to_pil(x).save(path)
    return path


# ---------------------------------------------------------------------------------------------
# Generated images


def content_scene(size: int = 128, seed: int = 0) -> torch.Tensor:
    """A landscape: sky, sun, two hills, a house with a roof, a tree; ``[1, 3, size, size]``."""
    rng = np.random.default_rng(seed)
    s = 4 * size
    img = Image.new("RGB", (s, s))
    draw = ImageDraw.Draw(img)
    for y in range(s):  # sky gradient
        t = y / s
        draw.line([(0, y), (s, y)], fill=(int(90 + 120 * t), int(150 + 80 * t), int(230 - 30 * t)))
    draw.ellipse([0.68 * s, 0.08 * s, 0.86 * s, 0.26 * s], fill=(255, 220, 90))
    draw.ellipse([-0.3 * s, 0.55 * s, 0.8 * s, 1.5 * s], fill=(70, 140, 60))
    draw.ellipse([0.35 * s, 0.62 * s, 1.4 * s, 1.6 * s], fill=(50, 115, 50))
    draw.rectangle([0.18 * s, 0.5 * s, 0.42 * s, 0.72 * s], fill=(200, 80, 60))
    draw.polygon([(0.14 * s, 0.5 * s), (0.30 * s, 0.36 * s), (0.46 * s, 0.5 * s)], fill=(120, 50, 40))
    draw.rectangle([0.27 * s, 0.6 * s, 0.33 * s, 0.72 * s], fill=(80, 50, 30))
    draw.rectangle([0.64 * s, 0.5 * s, 0.68 * s, 0.7 * s], fill=(90, 60, 30))
    draw.ellipse([0.56 * s, 0.36 * s, 0.76 * s, 0.56 * s], fill=(40, 100, 45))
    img = img.filter(ImageFilter.GaussianBlur(1.5)).resize((size, size), Image.LANCZOS)
    x = np.asarray(img, dtype=np.float32) / 255 + rng.normal(0, 0.01, (size, size, 3)).astype(np.float32)
    return torch.from_numpy(np.clip(x, 0, 1)).permute(2, 0, 1).unsqueeze(0).contiguous()


def _canvas(size, fn):
    yy, xx = np.mgrid[0:size, 0:size].astype(np.float32) / size
    return torch.from_numpy(np.clip(fn(xx, yy), 0, 1).astype(np.float32)).permute(2, 0, 1).unsqueeze(0).contiguous()


def _palette(colours, t):
    """Piecewise-linear colour map: ``t`` in [0, 1] -> RGB."""
    colours = np.asarray(colours, dtype=np.float32) / 255
    t = np.clip(t, 0, 1) * (len(colours) - 1)
    i = np.minimum(t.astype(int), len(colours) - 2)
    f = (t - i)[..., None]
    return colours[i] * (1 - f) + colours[i + 1] * f


def style_waves(size: int = 128, seed: int = 1) -> torch.Tensor:
    """Bold blue and orange waves, like a woodcut of the sea."""
    rng = np.random.default_rng(seed)
    phase = rng.uniform(0, 2 * math.pi, 3)

    def fn(x, y):
        t = np.sin(2 * math.pi * (6 * y + 0.8 * np.sin(2 * math.pi * 2 * x + phase[0])) + phase[1])
        t = 0.5 + 0.5 * np.sign(t) * np.abs(t) ** 0.3
        return _palette([(10, 30, 90), (40, 110, 200), (240, 240, 230), (250, 140, 40)], t)

    return _canvas(size, fn)


def style_stripes(size: int = 128, seed: int = 2) -> torch.Tensor:
    """Thin diagonal stripes in red, black and cream."""
    rng = np.random.default_rng(seed)
    jitter = rng.uniform(0.8, 1.2)

    def fn(x, y):
        t = (np.floor((x + y) * 14 * jitter) % 3) / 2
        return _palette([(190, 30, 40), (20, 20, 20), (240, 225, 190)], t)

    return _canvas(size, fn)


def style_mosaic(size: int = 128, seed: int = 3) -> torch.Tensor:
    """Stained glass: Voronoi cells in jewel colours with dark lead lines."""
    rng = np.random.default_rng(seed)
    points = rng.uniform(0, 1, (40, 2))
    colours = rng.choice(np.array([(170, 20, 60), (30, 90, 170), (230, 180, 30), (20, 140, 90), (120, 40, 150)]) / 255,
                         size=40)

    def fn(x, y):
        d = (x[..., None] - points[:, 0]) ** 2 + (y[..., None] - points[:, 1]) ** 2
        order = np.argsort(d, axis=-1)
        nearest = order[..., 0]
        first = np.sqrt(np.take_along_axis(d, order[..., 0:1], -1)[..., 0])
        second = np.sqrt(np.take_along_axis(d, order[..., 1:2], -1)[..., 0])
        gap = second - first
        lead = (gap < 0.012)[..., None]
        return np.where(lead, 0.08, colours[nearest])

    return _canvas(size, fn)


def style_dots(size: int = 128, seed: int = 4) -> torch.Tensor:
    """Pop-art dots: a grid of pink and yellow dots on deep purple."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(9, 12))

    def fn(x, y):
        gx, gy = (x * n) % 1 - 0.5, (y * n) % 1 - 0.5
        dot = (gx ** 2 + gy ** 2) < 0.09
        alt = ((np.floor(x * n) + np.floor(y * n)) % 2)[..., None]
        colour = alt * np.array([250, 90, 160]) / 255 + (1 - alt) * np.array([250, 220, 40]) / 255
        return np.where(dot[..., None], colour, np.array([60, 20, 90]) / 255)

    return _canvas(size, fn)


CONTENTS = {"scene": content_scene}
STYLES = {"waves": style_waves, "stripes": style_stripes, "mosaic": style_mosaic, "dots": style_dots}


def get_image(name_or_path: str, size: int, styles: bool) -> torch.Tensor:
    """A generated image by name (``STYLES`` or ``CONTENTS``), or a file."""
    table = STYLES if styles else CONTENTS
    if name_or_path in table:
        return table[name_or_path](size)
    return load_image(name_or_path, size)
