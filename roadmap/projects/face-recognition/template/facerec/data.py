"""Procedurally drawn faces: identities, poses, scenes, and short frame sequences.

This file is GIVEN: you do not need to change it.

No photograph of anybody is shipped or used. An *identity* is a handful of numbers (the
shape of the face, where the eyes sit and how far apart, the brows, the nose, the mouth,
skin and hair tones, the hairline). Every picture of that identity is drawn from those
numbers with a random *pose* (shift, tilt, scale, gaze, smile, blink) and random lighting
and sensor noise, so two pictures of one identity are never the same, yet the geometry that
makes the identity stays.

Images are greyscale ``uint8``. A face crop (``FACE_SIZE`` x ``FACE_SIZE``) is framed the way
OpenCV's frontal-face Haar cascade frames faces, from the forehead to the chin.
"""
from __future__ import annotations

import functools

import cv2
import numpy as np

FACE_SIZE = 32
_SCALE = 2  # faces are drawn this many times larger, then shrunk (smooth edges)


def random_identity(rng: np.random.Generator) -> dict:
    """The numbers that make one synthetic person."""
    return {
        "face_w": rng.uniform(0.82, 1.12), "face_h": rng.uniform(0.85, 1.12),
        "eye_y": rng.uniform(0.12, 0.32), "eye_dx": rng.uniform(0.30, 0.52), "eye_size": rng.uniform(0.75, 1.3),
        "iris": rng.uniform(0.055, 0.10), "brow_tilt": rng.uniform(-0.05, 0.05), "brow_gap": rng.uniform(0.10, 0.20),
        "brow_w": rng.uniform(1.0, 2.4), "nose_len": rng.uniform(0.08, 0.26), "nose_w": rng.uniform(0.08, 0.2),
        "mouth_y": rng.uniform(0.42, 0.62), "mouth_w": rng.uniform(0.22, 0.48), "lip": rng.uniform(1.0, 2.2),
        "skin": rng.uniform(115, 215), "hair": rng.uniform(15, 115), "hairline": rng.uniform(0.62, 0.9),
        "jaw": rng.uniform(-0.08, 0.08),
    }


def random_pose(rng: np.random.Generator) -> dict:
    """How one picture of an identity differs from the next."""
    return {
        "dx": rng.uniform(-0.04, 0.04), "dy": rng.uniform(-0.04, 0.04), "rot": rng.uniform(-9, 9),
        "scale": rng.uniform(0.92, 1.08), "gaze": rng.uniform(-1, 1), "smile": rng.uniform(0.0, 0.06),
        "eyes_open": 1.0 if rng.random() > 0.1 else rng.uniform(0.2, 0.6),
        "light": rng.uniform(0.0, 0.45), "light_dir": rng.uniform(0, 2 * np.pi),
        "brightness": rng.uniform(0.8, 1.2), "noise": rng.uniform(2, 7),
    }


@functools.lru_cache(maxsize=16)
def _grid(S: int):
    yy, xx = np.mgrid[0:S, 0:S].astype(np.float32)
    yy.setflags(write=False)
    xx.setflags(write=False)
    return yy, xx


def _draw(identity: dict, pose: dict, px: int):
    """Face drawn at ``px * _SCALE`` pixels: (grey float image, alpha mask), face centred.

    The face (cheek to cheek) is about half the drawing wide.
    """
    S = px * _SCALE
    c = S / 2 * (1 + pose["dx"]), S / 2 * (1 + pose["dy"])
    k = pose["scale"] * S / 100.0  # drawing units: the drawing is 100 wide
    fw, fh = 25 * identity["face_w"] * k, 32 * identity["face_h"] * k
    a = np.deg2rad(pose["rot"])
    yy, xx = _grid(S)
    u = ((xx - c[0]) * np.cos(a) + (yy - c[1]) * np.sin(a)) / fw  # face coordinates, x right
    v = (-(xx - c[0]) * np.sin(a) + (yy - c[1]) * np.cos(a)) / fh  # y down
    jaw = 1.0 + identity["jaw"] * np.clip(v, 0, 1)  # a wider or narrower jaw
    head = (u / jaw) ** 2 + v ** 2 <= 1.0
    hair_region = ((u / 1.1) ** 2 + ((v + 0.08) / 1.06) ** 2 <= 1.0) & (v < -0.15)
    fringe = head & (v < -identity["hairline"])
    hair, skin = identity["hair"], identity["skin"]
    img = np.zeros((S, S), np.float32)
    img[hair_region] = hair
    img[head] = skin
    img[fringe] = hair
    alpha = (head | hair_region).astype(np.float32)

    def pt(x, y):  # face coordinates -> pixel
        X, Y = x * fw, y * fh
        return (int(round(c[0] + X * np.cos(a) - Y * np.sin(a))), int(round(c[1] + X * np.sin(a) + Y * np.cos(a))))

    def ax(w, h):
        return (max(1, int(round(w * fw))), max(1, int(round(h * fh))))

    rot = pose["rot"]
    line = max(1, int(round(k * 1.2)))
    ey = -identity["eye_y"]
    for side in (-1, 1):
        ex = side * identity["eye_dx"]
        size = identity["eye_size"]
        open_ = pose["eyes_open"]
        cv2.ellipse(img, pt(ex, ey - 0.02), ax(0.25 * size, 0.14 * size), rot, 0, 360, skin * 0.72, -1, cv2.LINE_AA)
        cv2.ellipse(img, pt(ex, ey), ax(0.17 * size, 0.08 * size * open_), rot, 0, 360, min(255.0, skin + 30), -1,
                    cv2.LINE_AA)
        if open_ > 0.5:
            cv2.circle(img, pt(ex + 0.04 * pose["gaze"], ey), max(1, int(identity["iris"] * size * fw)), 25, -1,
                       cv2.LINE_AA)
        else:
            cv2.line(img, pt(ex - 0.15 * size, ey), pt(ex + 0.15 * size, ey), 40, line, cv2.LINE_AA)
        by = ey - identity["brow_gap"]
        tilt = identity["brow_tilt"] * side
        cv2.line(img, pt(ex - 0.2, by + tilt), pt(ex + 0.2, by - tilt), max(0.0, min(hair - 15, skin - 70)),
                 max(1, int(round(k * identity["brow_w"]))), cv2.LINE_AA)
    ny = identity["nose_len"] + 0.05
    cv2.line(img, pt(0.0, ey + 0.08), pt(-0.05, ny), skin - 45, line, cv2.LINE_AA)
    cv2.ellipse(img, pt(0, ny), ax(identity["nose_w"], 0.04), rot, 0, 180, skin - 65, line, cv2.LINE_AA)
    cv2.ellipse(img, pt(0, identity["mouth_y"]), ax(identity["mouth_w"], 0.05 + pose["smile"]), rot, 0, 180, 55,
                max(1, int(round(k * identity["lip"]))), cv2.LINE_AA)
    direction = pose["light_dir"]
    light = 1 + pose["light"] * ((xx / S - 0.5) * np.cos(direction) + (yy / S - 0.5) * np.sin(direction))
    img = img * light * pose["brightness"]
    return img, alpha


def _background(rng: np.random.Generator, h: int, w: int) -> np.ndarray:
    base = rng.uniform(30, 225)
    coarse = rng.normal(0, 1, (4, 4)).astype(np.float32)
    smooth = cv2.resize(coarse, (w, h), interpolation=cv2.INTER_CUBIC)
    return base + rng.uniform(5, 35) * smooth


def render_face(identity: dict, pose: dict, rng: np.random.Generator, size: int = FACE_SIZE) -> np.ndarray:
    """One face crop ``[size, size]`` uint8, framed like a Haar-cascade detection."""
    # The crop shows the central 62 % of the drawing, which is how the cascade frames it.
    px = int(round(size / 0.62))
    img, alpha = _draw(identity, pose, px)
    img = cv2.resize(img, (px, px), interpolation=cv2.INTER_AREA)
    alpha = cv2.resize(alpha, (px, px), interpolation=cv2.INTER_AREA)
    back = _background(rng, px, px)
    out = img * alpha + back * (1 - alpha)
    m = (px - size) // 2
    out = out[m:m + size, m:m + size] + rng.normal(0, pose["noise"], (size, size))
    return np.clip(out, 0, 255).astype(np.uint8)


def make_identities(n: int, seed: int) -> list:
    """``n`` synthetic identities from one seed."""
    rng = np.random.default_rng(seed)
    return [random_identity(rng) for _ in range(n)]


def make_face_set(n_identities: int, per_identity: int, seed: int, size: int = FACE_SIZE):
    """Face crops of ``n_identities`` new identities: ``(images uint8 [N, size, size], labels int64 [N])``."""
    rng = np.random.default_rng(seed)
    identities = [random_identity(rng) for _ in range(n_identities)]
    images = np.zeros((n_identities * per_identity, size, size), np.uint8)
    labels = np.repeat(np.arange(n_identities), per_identity).astype(np.int64)
    for i, label in enumerate(labels):
        images[i] = render_face(identities[label], random_pose(rng), rng, size)
    return images, labels


def make_scene(rng: np.random.Generator, identity=None, size=(120, 160), face_px=None):
    """A greyscale scene ``[H, W]`` with one face (or none when ``identity`` is None).

    Returns ``(scene uint8, box)`` where ``box`` is ``[x, y, w, h]`` of the face in the
    framing of ``render_face`` (None when there is no face).
    """
    H, W = size
    scene = _background(rng, H, W)
    box = None
    if identity is not None:
        face_px = face_px or int(rng.integers(40, 70))
        draw_px = int(round(face_px / 0.62))
        pose = random_pose(rng)
        img, alpha = _draw(identity, pose, draw_px)
        img = cv2.resize(img, (draw_px, draw_px), interpolation=cv2.INTER_AREA)
        alpha = cv2.resize(alpha, (draw_px, draw_px), interpolation=cv2.INTER_AREA)
        m = (draw_px - face_px) // 2
        x0 = int(rng.integers(0, W - face_px)) - m
        y0 = int(rng.integers(0, H - face_px)) - m
        ys, xs = slice(max(y0, 0), min(y0 + draw_px, H)), slice(max(x0, 0), min(x0 + draw_px, W))
        sub_y = slice(ys.start - y0, ys.stop - y0)
        sub_x = slice(xs.start - x0, xs.stop - x0)
        a = alpha[sub_y, sub_x]
        scene[ys, xs] = img[sub_y, sub_x] * a + scene[ys, xs] * (1 - a)
        box = [x0 + m, y0 + m, face_px, face_px]
        noise = pose["noise"]
    else:
        noise = rng.uniform(2, 7)
    scene = scene + rng.normal(0, noise, scene.shape)
    return np.clip(scene, 0, 255).astype(np.uint8), box


def make_sequence(identity: dict, rng: np.random.Generator, kind: str = "live", n_frames: int = 8,
                  size: int = 64) -> np.ndarray:
    """A short greyscale clip ``[n_frames, size, size]`` of one face, as a camera sees it.

    - ``"live"``: a person in front of the camera: the head drifts a little, the gaze moves,
      the eyes blink, the mouth moves;
    - ``"replay"``: one still picture shown to the camera (a photo or a frozen video frame):
      only the sensor noise changes;
    - ``"photo_moved"``: a printed photo moved in front of the camera: the whole picture
      shifts rigidly, nothing moves inside the face.
    """
    base = random_pose(rng)
    base.update(rot=rng.uniform(-4, 4), dx=0.0, dy=0.0, light=rng.uniform(0, 0.3))
    background = _background(rng, size, size)
    frames = np.zeros((n_frames, size, size), np.uint8)
    draw_px = size
    still = None
    blink_at = int(rng.integers(1, n_frames - 1))
    for t in range(n_frames):
        pose = dict(base)
        if kind == "live":
            pose.update(dx=base["dx"] + rng.normal(0, 0.012), dy=base["dy"] + rng.normal(0, 0.012),
                        rot=base["rot"] + rng.normal(0, 1.2),
                        gaze=float(np.clip(base["gaze"] + rng.normal(0, 0.5), -1, 1)),
                        smile=float(np.clip(base["smile"] + rng.normal(0, 0.02), 0, 0.1)),
                        eyes_open=0.3 if t == blink_at else 1.0)
        if kind == "live" or still is None:
            img, alpha = _draw(identity, pose, draw_px)
            img = cv2.resize(img, (draw_px, draw_px), interpolation=cv2.INTER_AREA)
            alpha = cv2.resize(alpha, (draw_px, draw_px), interpolation=cv2.INTER_AREA)
            picture = img * alpha + background * (1 - alpha)
            still = picture
        picture = still
        if kind == "photo_moved":
            shift = np.float32([[1, 0, rng.integers(-2, 3)], [0, 1, rng.integers(-2, 3)]])  # whole pixels
            picture = cv2.warpAffine(still, shift, (size, size), borderMode=cv2.BORDER_REFLECT)
        frame = picture + rng.normal(0, base["noise"], (size, size))
        frames[t] = np.clip(frame, 0, 255).astype(np.uint8)
    return frames
