"""Milestone 1: finding faces with the Haar cascade, and cropping them."""
import shutil

import numpy as np
import pytest

from facerec.data import make_identities, make_scene
from facerec.detect import CASCADE, crop_face, detect_faces, find_cascade

RECALL_BAR = 0.85  # share of faces found (IoU >= 0.4 with the true box)


def _iou(a, b):
    ix = max(0, min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0]))
    iy = max(0, min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1]))
    inter = ix * iy
    return inter / (a[2] * a[3] + b[2] * b[3] - inter)


def test_find_cascade(tmp_path, monkeypatch):
    monkeypatch.delenv("FACEREC_CASCADES", raising=False)
    path = find_cascade()
    assert path.is_file() and path.name == CASCADE, f"find_cascade() returned {path}"
    shutil.copy(path, tmp_path / CASCADE)
    monkeypatch.setenv("FACEREC_CASCADES", str(tmp_path))
    assert find_cascade() == tmp_path / CASCADE, "the folder in FACEREC_CASCADES is searched first"
    with pytest.raises(FileNotFoundError) as error:
        find_cascade("no_such_cascade.xml")
    assert str(tmp_path) in str(error.value), "the error names the places searched"


def test_detects_faces_in_scenes():
    rng = np.random.default_rng(7)
    people = make_identities(50, seed=70)
    found = 0
    for person in people:
        scene, box = make_scene(rng, person)
        boxes = detect_faces(scene)
        assert isinstance(boxes, np.ndarray) and boxes.ndim == 2 and boxes.shape[1] == 4, (
            "detect_faces returns an array [N, 4] of x, y, w, h"
        )
        areas = boxes[:, 2] * boxes[:, 3]
        assert np.all(np.diff(areas) <= 0), "the largest face comes first"
        found += any(_iou(b, box) >= 0.4 for b in boxes)
    recall = found / len(people)
    assert recall >= RECALL_BAR, f"found {recall:.0%} of the faces, at least {RECALL_BAR:.0%} are needed"
    false = sum(len(detect_faces(make_scene(rng, None)[0])) for _ in range(30))
    assert false <= 2, f"{false} detections in 30 scenes without a face: raise min_neighbors"
    empty = detect_faces(np.full((80, 80), 128, np.uint8))
    assert empty.shape == (0, 4), "no face: an array of shape [0, 4]"


def test_crop_face_hand_case():
    gray = (np.arange(100, dtype=np.uint8).reshape(10, 10)) * 2
    crop = crop_face(gray, (2, 3, 4, 4), size=4)
    assert crop.shape == (4, 4) and crop.dtype == np.uint8
    assert np.array_equal(crop, gray[3:7, 2:6]), "a 4 x 4 box cropped to size 4 is just the pixels"
    half = crop_face(gray, (0, 0, 4, 4), size=2)
    assert half.shape == (2, 2) and half[0, 0] == round(gray[0:2, 0:2].mean()), "shrinking averages (INTER_AREA)"
    edge = crop_face(gray, (7, 7, 6, 6), size=6)
    assert edge.shape == (6, 6), "a box sticking out of the image still gives a full crop"
    assert np.array_equal(edge[:3, :3], gray[7:10, 7:10]), "the inside part is the image"
    assert np.all(edge[3:, 3:] == gray[9, 9]), "outside the image the border pixel is repeated"
