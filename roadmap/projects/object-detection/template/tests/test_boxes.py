"""Milestone 1: IoU and non-maximum suppression, against cases worked out by hand."""
import numpy as np

from detector.boxes import batched_nms, box_iou, nms


def test_box_iou_hand_cases():
    a = np.array([[0, 0, 10, 10], [5, 5, 15, 15], [20, 20, 30, 30]], dtype=float)
    b = np.array([[0, 0, 10, 10], [5, 0, 15, 10], [0, 0, 2, 2]], dtype=float)
    iou = box_iou(a, b)
    assert isinstance(iou, np.ndarray) and iou.shape == (3, 3), (
        f"box_iou of 3 and 3 boxes must be a [3, 3] array (one IoU per pair), got {getattr(iou, 'shape', iou)}"
    )
    expected = np.array([
        # [0,0,10,10]  [5,0,15,10]  [0,0,2,2]
        [1.0, 50 / 150, 4 / 100],  # a0 = [0,0,10,10]: identical; half overlap; a small box inside
        [25 / 175, 50 / 150, 0.0],  # a1 = [5,5,15,15]: a 5x5 corner; a 10x5 strip; apart
        [0.0, 0.0, 0.0],  # a2 = [20,20,30,30] touches nothing
    ])
    assert np.allclose(iou, expected, atol=1e-9), f"IoU matrix\n{np.round(iou, 4)}\nexpected\n{np.round(expected, 4)}"
    fractional = box_iou(np.array([[0.0, 0.0, 2.0, 2.0]]), np.array([[1.0, 1.0, 3.0, 3.0]]))
    assert np.isclose(fractional[0, 0], 1 / 7), "[0,0,2,2] and [1,1,3,3] overlap in one unit square of 7"
    touching = box_iou(np.array([[0.0, 0.0, 10.0, 10.0]]), np.array([[10.0, 0.0, 20.0, 10.0]]))
    assert touching[0, 0] == 0.0, "boxes that only share an edge do not overlap (IoU 0)"


def test_box_iou_edge_cases():
    empty = np.zeros((0, 4))
    two = np.array([[0, 0, 4, 4], [1, 1, 5, 5]], dtype=float)
    assert box_iou(empty, two).shape == (0, 2), "no boxes on one side gives a [0, M] matrix"
    assert box_iou(two, empty).shape == (2, 0), "no boxes on the other side gives an [N, 0] matrix"
    point = np.array([[3.0, 3.0, 3.0, 3.0]])  # a box with no area
    iou = box_iou(point, np.vstack([point, two]))
    assert np.all(np.isfinite(iou)) and np.allclose(iou, 0.0), (
        f"a zero-area box has IoU 0 with everything, even with itself (no division by zero), got {iou}"
    )
    assert np.allclose(box_iou(two, two), box_iou(two, two).T), "IoU is symmetric"


def test_nms_hand_cases():
    boxes = np.array([
        [0, 0, 10, 10],  # 0: score 0.9, kept
        [3, 0, 13, 10],  # 1: score 0.8, IoU 70/130 = 0.54 with box 0: suppressed
        [6, 0, 16, 10],  # 2: score 0.7, IoU 0.54 with box 1 but only 40/160 = 0.25 with box 0: kept
        [30, 30, 40, 40],  # 3: score 0.95, far from everything: kept, and first
    ], dtype=float)
    scores = np.array([0.9, 0.8, 0.7, 0.95])
    keep = nms(boxes, scores, iou_threshold=0.5)
    assert isinstance(keep, np.ndarray) and np.issubdtype(keep.dtype, np.integer), (
        "nms returns an integer array of indices"
    )
    assert keep.tolist() == [3, 0, 2], (
        f"kept {keep.tolist()}, expected [3, 0, 2]: a box is only suppressed by a box that was KEPT, "
        "and the result is ordered by score"
    )
    assert nms(boxes, scores, iou_threshold=0.6).tolist() == [3, 0, 1, 2], (
        "with threshold 0.6 no pair overlaps enough: keep all four, best first"
    )
    half = np.array([[0, 0, 10, 10], [0, 0, 10, 20]], dtype=float)  # IoU exactly 0.5
    assert nms(half, np.array([0.9, 0.8]), iou_threshold=0.5).tolist() == [0, 1], (
        "suppress only when IoU is GREATER than the threshold: IoU exactly 0.5 keeps both"
    )


def test_nms_ties_and_empty():
    boxes = np.array([[0, 0, 10, 10], [0, 0, 10, 10], [1, 1, 11, 11], [50, 50, 60, 60]], dtype=float)
    keep = nms(boxes, np.array([0.7, 0.7, 0.7, 0.7]), iou_threshold=0.5)
    assert keep.tolist() == [0, 3], (
        "with equal scores the lower index goes first (a stable sort), so box 0 suppresses 1 and 2; "
        f"got {keep.tolist()}"
    )
    keep = nms(boxes[:2], np.array([0.6, 0.8]), iou_threshold=0.5)
    assert keep.tolist() == [1], "two identical boxes: only the higher-scoring one stays"
    out = nms(np.zeros((0, 4)), np.zeros(0), iou_threshold=0.5)
    assert isinstance(out, np.ndarray) and out.shape == (0,) and np.issubdtype(out.dtype, np.integer), (
        "no boxes in, an empty integer array out"
    )


def test_batched_nms_keeps_other_classes():
    boxes = np.array([[0, 0, 10, 10], [1, 0, 11, 10], [1, 0, 11, 10], [40, 40, 50, 50]], dtype=float)
    scores = np.array([0.6, 0.9, 0.8, 0.3])
    labels = np.array([0, 0, 1, 1])
    keep = batched_nms(boxes, scores, labels, iou_threshold=0.5)
    assert keep.tolist() == [1, 2, 3], (
        f"got {keep.tolist()}: box 1 suppresses box 0 (same class), but box 2 is another class and "
        "stays; the result is sorted by score across classes"
    )
    assert batched_nms(np.zeros((0, 4)), np.zeros(0), np.zeros(0, dtype=int)).shape == (0,)
