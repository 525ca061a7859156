"""Generated detection scenes, a labelled-folder format and a generated video clip.

This file is GIVEN: you do not need to change it. It draws small RGB scenes (64 x 64 by
default) with one to three objects of four classes on textured backgrounds, and knows the
exact box of every object, so the whole project runs offline and every number is
reproducible from a seed.

Boxes are ``[x1, y1, x2, y2]`` in pixels, with pixel ``i`` covering ``[i, i + 1)``: a box
around pixels 3..7 of a row is ``x1 = 3, x2 = 8``. Labels are class indices into
``CLASSES``.

The labelled-folder format (the same as the widely used "YOLO txt" format) is how you train
on your own photos: ``images/<name>.png`` next to ``labels/<name>.txt``, one object per line,
``class cx cy w h`` with the box centre and size divided by the image width and height.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np

CLASSES = ("circle", "square", "triangle", "cross")
IMAGE_SIZE = 64


# ----------------------------------------------------------------------------- backgrounds
def _smooth_noise(rng: np.random.Generator, h: int, w: int, cells: int) -> np.ndarray:
    """Low-frequency noise in [0, 1]: a coarse random grid, bilinearly upsampled."""
    coarse = rng.random((cells + 1, cells + 1))
    ys = np.linspace(0, cells, h)
    xs = np.linspace(0, cells, w)
    y0 = np.minimum(ys.astype(int), cells - 1)
    x0 = np.minimum(xs.astype(int), cells - 1)
    fy = (ys - y0)[:, None]
    fx = (xs - x0)[None, :]
    a = coarse[y0][:, x0]
    b = coarse[y0][:, x0 + 1]
    c = coarse[y0 + 1][:, x0]
    d = coarse[y0 + 1][:, x0 + 1]
    return a * (1 - fy) * (1 - fx) + b * (1 - fy) * fx + c * fy * (1 - fx) + d * fy * fx


def textured_background(rng: np.random.Generator, h: int, w: int) -> np.ndarray:
    """A float RGB background in [0, 1]: blotches, stripes or a checkerboard, plus grain."""
    base = rng.uniform(0.15, 0.85, size=3)
    other = np.clip(base + rng.uniform(-0.35, 0.35, size=3), 0, 1)
    kind = rng.integers(0, 3)
    yy, xx = np.mgrid[0:h, 0:w].astype(float)
    if kind == 0:
        t = _smooth_noise(rng, h, w, cells=int(rng.integers(2, 6)))
    elif kind == 1:
        angle = rng.uniform(0, np.pi)
        period = rng.uniform(5, 16)
        t = 0.5 + 0.5 * np.sin((xx * np.cos(angle) + yy * np.sin(angle)) * 2 * np.pi / period)
    else:
        step = int(rng.integers(6, 14))
        t = (((yy // step) + (xx // step)) % 2) * 0.8 + 0.1
    img = base[None, None, :] * (1 - t[..., None]) + other[None, None, :] * t[..., None]
    img += rng.normal(0, 0.03, size=img.shape)
    return img


# ----------------------------------------------------------------------------- objects
def shape_mask(cls: int, cx: float, cy: float, w: float, h: float, height: int, width: int) -> np.ndarray:
    """Boolean mask of one object of class ``cls`` centred at (cx, cy) with size about w x h."""
    yy, xx = np.mgrid[0:height, 0:width].astype(float)
    x = xx + 0.5 - cx  # pixel centres relative to the object's centre
    y = yy + 0.5 - cy
    if CLASSES[cls] == "circle":
        return (x / (w / 2)) ** 2 + (y / (h / 2)) ** 2 <= 1.0
    if CLASSES[cls] == "square":
        return (np.abs(x) <= w / 2) & (np.abs(y) <= h / 2)
    if CLASSES[cls] == "triangle":  # apex at the top
        depth = (y + h / 2) / h  # 0 at the apex, 1 at the base
        return (depth >= 0) & (depth <= 1) & (np.abs(x) <= (w / 2) * depth)
    if CLASSES[cls] == "cross":
        t = max(2.0, min(w, h) / 3)
        return ((np.abs(x) <= w / 2) & (np.abs(y) <= t / 2)) | ((np.abs(x) <= t / 2) & (np.abs(y) <= h / 2))
    raise ValueError(f"unknown class {cls}")


def mask_box(mask: np.ndarray) -> np.ndarray:
    """The tight box ``[x1, y1, x2, y2]`` around the True pixels of a mask."""
    ys, xs = np.nonzero(mask)
    return np.array([xs.min(), ys.min(), xs.max() + 1, ys.max() + 1], dtype=np.float32)


def _box_iou(a: np.ndarray, b: np.ndarray) -> float:
    ix = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def make_scene(rng: np.random.Generator, size: int = IMAGE_SIZE, max_objects: int = 3,
               min_side: float = 11, max_side: float = 26, empty_rate: float = 0.08):
    """One scene: ``(image uint8 [size, size, 3] RGB, boxes float32 [N, 4], labels int64 [N])``.

    Objects barely overlap (IoU <= 0.1 between any two), keep their centres at least 10 px
    apart, and a few scenes (``empty_rate``) contain nothing at all.
    """
    img = textured_background(rng, size, size)
    n = 0 if rng.random() < empty_rate else int(rng.integers(1, max_objects + 1))
    boxes, labels = [], []
    for _ in range(n):
        for _attempt in range(30):
            cls = int(rng.integers(0, len(CLASSES)))
            side = rng.uniform(min_side, max_side)
            aspect = rng.uniform(0.7, 1.4)
            w, h = side * np.sqrt(aspect), side / np.sqrt(aspect)
            cx = rng.uniform(w / 2 + 1, size - w / 2 - 1)
            cy = rng.uniform(h / 2 + 1, size - h / 2 - 1)
            mask = shape_mask(cls, cx, cy, w, h, size, size)
            if mask.sum() < 12:
                continue
            box = mask_box(mask)
            centre = np.array([(box[0] + box[2]) / 2, (box[1] + box[3]) / 2])
            if any(_box_iou(box, b) > 0.1 for b in boxes):
                continue
            if any(np.hypot(*(centre - [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2])) < 10 for b in boxes):
                continue
            # A colour that stands out from the background under the object.
            under = img[mask].mean(axis=0)
            colour = rng.uniform(0, 1, size=3)
            while np.abs(colour - under).sum() < 0.9:
                colour = rng.uniform(0, 1, size=3)
            shade = 1 + 0.15 * (np.mgrid[0:size, 0:size][0] - cy)[mask][:, None] / max(h, 1)
            img[mask] = np.clip(colour[None, :] * shade, 0, 1)
            boxes.append(box)
            labels.append(cls)
            break
    img = np.clip(img + rng.normal(0, 0.02, size=img.shape), 0, 1)
    image = (img * 255).round().astype(np.uint8)
    boxes_arr = np.array(boxes, dtype=np.float32).reshape(-1, 4)
    return image, boxes_arr, np.array(labels, dtype=np.int64)


def make_scenes(n: int, seed: int, size: int = IMAGE_SIZE, **kwargs):
    """``n`` scenes from one seed: ``(images uint8 [n, size, size, 3], [boxes], [labels])``."""
    rng = np.random.default_rng(seed)
    images = np.zeros((n, size, size, 3), dtype=np.uint8)
    all_boxes, all_labels = [], []
    for i in range(n):
        images[i], boxes, labels = make_scene(rng, size=size, **kwargs)
        all_boxes.append(boxes)
        all_labels.append(labels)
    return images, all_boxes, all_labels


# ----------------------------------------------------------------------------- labelled folders
def write_labelled_folder(folder, images, boxes, labels) -> Path:
    """Write scenes as ``images/*.png`` + ``labels/*.txt`` (``class cx cy w h``, normalised)."""
    from PIL import Image

    folder = Path(folder)
    (folder / "images").mkdir(parents=True, exist_ok=True)
    (folder / "labels").mkdir(parents=True, exist_ok=True)
    for i, (image, b, l) in enumerate(zip(images, boxes, labels)):
        name = f"scene_{i:05d}"
        Image.fromarray(image).save(folder / "images" / f"{name}.png")
        h, w = image.shape[:2]
        lines = []
        for (x1, y1, x2, y2), c in zip(np.asarray(b, dtype=float), l):
            lines.append(f"{int(c)} {(x1 + x2) / 2 / w:.6f} {(y1 + y2) / 2 / h:.6f} "
                         f"{(x2 - x1) / w:.6f} {(y2 - y1) / h:.6f}")
        (folder / "labels" / f"{name}.txt").write_text("".join(line + "\n" for line in lines))
    (folder / "classes.txt").write_text("".join(c + "\n" for c in CLASSES))
    return folder


def read_labelled_folder(folder, size: int = IMAGE_SIZE):
    """Read a labelled folder (your own photos, or one written above) for training.

    Every image is resized to ``size x size`` RGB and its boxes are scaled with it. Returns
    ``(images uint8 [n, size, size, 3], [boxes xyxy in pixels], [labels])``.
    """
    from PIL import Image

    folder = Path(folder)
    paths = sorted(p for p in (folder / "images").iterdir() if p.suffix.lower() in {".png", ".jpg", ".jpeg"})
    images = np.zeros((len(paths), size, size, 3), dtype=np.uint8)
    all_boxes, all_labels = [], []
    for i, path in enumerate(paths):
        images[i] = np.asarray(Image.open(path).convert("RGB").resize((size, size), Image.BILINEAR))
        label_path = folder / "labels" / f"{path.stem}.txt"
        rows = []
        if label_path.exists():
            rows = [line.split() for line in label_path.read_text().splitlines() if line.strip()]
        cls = np.array([int(r[0]) for r in rows], dtype=np.int64)
        norm = np.array([[float(v) for v in r[1:5]] for r in rows], dtype=np.float32).reshape(-1, 4)
        cx, cy, w, h = (norm * size).T
        all_boxes.append(np.stack([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2], axis=1).astype(np.float32))
        all_labels.append(cls)
    return images, all_boxes, all_labels


# ----------------------------------------------------------------------------- a video clip
def make_clip(path, seed: int = 0, n_frames: int = 30, width: int = 128, height: int = 96, fps: float = 15.0):
    """Write a short video of objects gliding over a textured background, for the video pipeline.

    The clip is an MJPG ``.avi`` (OpenCV can always read and write it). The true boxes of
    every frame are returned and saved next to it as ``<name>.truth.json``, for your own
    tracking experiments. Returns ``(path, truth)`` where ``truth[i]`` is a list of
    ``{"box": [x1, y1, x2, y2], "label": c}``.
    """
    import cv2

    rng = np.random.default_rng(seed)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    background = textured_background(rng, height, width)
    objects = []
    for _ in range(int(rng.integers(2, 4))):
        side = rng.uniform(0.25, 0.36) * width  # about 11 to 26 px once resized to 64 x 64
        objects.append({
            "cls": int(rng.integers(0, len(CLASSES))),
            "w": side * rng.uniform(0.85, 1.2), "h": side * rng.uniform(0.85, 1.2) * height / width,
            "x": rng.uniform(20, width - 20), "y": rng.uniform(20, height - 20),
            "vx": rng.uniform(-2.5, 2.5), "vy": rng.uniform(-1.5, 1.5),
            "colour": rng.uniform(0, 1, size=3),
        })
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), fps, (width, height))
    if not writer.isOpened():
        raise RuntimeError(f"OpenCV cannot write {path}")
    truth = []
    for _ in range(n_frames):
        frame = background.copy()
        frame_truth = []
        for ob in objects:
            for axis, speed, limit, half in (("x", "vx", width, ob["w"] / 2), ("y", "vy", height, ob["h"] / 2)):
                ob[axis] += ob[speed]
                if ob[axis] - half < 1 or ob[axis] + half > limit - 1:
                    ob[speed] = -ob[speed]
                    ob[axis] = float(np.clip(ob[axis], half + 1, limit - half - 1))
            mask = shape_mask(ob["cls"], ob["x"], ob["y"], ob["w"], ob["h"], height, width)
            frame[mask] = ob["colour"]
            frame_truth.append({"box": mask_box(mask).tolist(), "label": ob["cls"]})
        frame = np.clip(frame + rng.normal(0, 0.02, size=frame.shape), 0, 1)
        bgr = (frame[..., ::-1] * 255).round().astype(np.uint8)
        writer.write(np.ascontiguousarray(bgr))
        truth.append(frame_truth)
    writer.release()
    path.with_suffix(".truth.json").write_text(json.dumps(truth))
    return path, truth
