"""Milestone 2: average precision and mAP@0.5, against cases worked out by hand."""
import math

import numpy as np

from detector.metrics import average_precision, mean_average_precision


def _pred(boxes, scores, labels):
    return {"boxes": np.array(boxes, dtype=float).reshape(-1, 4), "scores": np.array(scores, dtype=float),
            "labels": np.array(labels, dtype=int)}


def _gt(boxes, labels):
    return {"boxes": np.array(boxes, dtype=float).reshape(-1, 4), "labels": np.array(labels, dtype=int)}


def test_average_precision_of_a_curve():
    # Points in rank order. The interpolated precision at each point is the best precision
    # at that recall or beyond: 1.0, 2/3, 2/3. Area: 0.5 * 1 + 0 * 2/3 + 0.5 * 2/3.
    ap = average_precision(np.array([0.5, 0.5, 1.0]), np.array([1.0, 0.5, 2 / 3]))
    assert math.isclose(ap, 0.5 + 0.5 * 2 / 3, abs_tol=1e-9), f"AP {ap:.4f}, expected {0.5 + 0.5 * 2 / 3:.4f}"
    assert math.isclose(average_precision(np.array([1.0]), np.array([1.0])), 1.0)
    assert average_precision(np.array([]), np.array([])) == 0.0, "no detections: AP 0"


def test_map_hand_case():
    # One class. Image 0 has two objects, image 1 has one.
    truths = [_gt([[0, 0, 10, 10], [20, 20, 30, 30]], [0, 0]), _gt([[0, 0, 10, 10]], [0])]
    preds = [
        _pred([[0, 0, 10, 10], [21, 21, 31, 31], [50, 50, 60, 60]], [0.9, 0.6, 0.7], [0, 0, 0]),
        _pred([[30, 30, 40, 40]], [0.8], [0]),
    ]
    # By score: 0.9 TP, 0.8 FP, 0.7 FP, 0.6 TP (IoU 81/119 with its object); one object is missed.
    # precision 1, 1/2, 1/3, 1/2 at recall 1/3, 1/3, 1/3, 2/3 -> AP = 1/3 * 1 + 1/3 * 1/2 = 0.5
    result = mean_average_precision(preds, truths, num_classes=1)
    assert isinstance(result, dict) and "map" in result and "ap" in result, "return {'map': ..., 'ap': [...]}"
    assert math.isclose(result["map"], 0.5, abs_tol=1e-9), f"mAP {result['map']:.4f}, expected 0.5"
    assert len(result["ap"]) == 1 and math.isclose(result["ap"][0], 0.5, abs_tol=1e-9)
    # A stricter IoU threshold turns the 0.6 detection into a false positive: AP = 1/3.
    strict = mean_average_precision(preds, truths, num_classes=1, iou_threshold=0.75)
    assert math.isclose(strict["map"], 1 / 3, abs_tol=1e-9), f"mAP@0.75 {strict['map']:.4f}, expected 1/3"


def test_map_duplicates_and_wrong_class():
    truths = [_gt([[0, 0, 10, 10], [20, 0, 30, 10]], [0, 1])]
    preds = [_pred([[0, 0, 10, 10], [0, 0, 10, 10], [20, 0, 30, 10], [0, 0, 10, 10]],
                   [0.9, 0.8, 0.7, 0.6], [0, 0, 2, 1])]
    # Class 0: 0.9 TP, 0.8 duplicate of the same object -> FP: AP 1.
    # Class 1: only the 0.6 box, on the class-0 object (IoU 0 with the class-1 object) -> FP: AP 0.
    # Class 2: no ground truth at all -> AP nan, left out of the mean.  mAP = (1 + 0) / 2.
    result = mean_average_precision(preds, truths, num_classes=3)
    ap = result["ap"]
    assert len(ap) == 3, "one AP per class"
    assert math.isclose(ap[0], 1.0) and math.isclose(ap[1], 0.0), f"per-class AP {ap}, expected [1, 0, nan]"
    assert math.isnan(ap[2]), "a class with no ground-truth boxes has AP nan"
    assert math.isclose(result["map"], 0.5), f"mAP {result['map']}, expected 0.5 (classes 0 and 1 only)"
    half = [_gt([[0, 0, 10, 20]], [0])]  # IoU with [0,0,10,10] is exactly 0.5: that counts
    assert math.isclose(mean_average_precision([_pred([[0, 0, 10, 10]], [0.5], [0])], half, 1)["map"], 1.0), (
        "IoU exactly equal to the threshold is a match (IoU >= 0.5)"
    )


def test_map_ties_and_empty_images():
    truths = [_gt([], []), _gt([[0, 0, 10, 10]], [0]), _gt([], [])]
    preds = [_pred([[0, 0, 10, 10]], [0.5], [0]), _pred([[0, 0, 10, 10]], [0.5], [0]), _pred([], [], [])]
    # Equal scores keep the order of the input (image 0 first): FP then TP.
    # precision 0, 1/2 at recall 0, 1 -> AP = 1 * 1/2.
    result = mean_average_precision(preds, truths, num_classes=1)
    assert math.isclose(result["map"], 0.5, abs_tol=1e-9), (
        f"mAP {result['map']:.4f}, expected 0.5: a detection in an image without objects is a false "
        "positive, and equal scores are taken in input order (a stable sort)"
    )
    swapped = mean_average_precision(preds[::-1], truths[::-1], num_classes=1)
    assert math.isclose(swapped["map"], 1.0, abs_tol=1e-9), "the same tie with the TP first gives AP 1"


def test_map_perfect_and_no_predictions():
    truths = [_gt([[0, 0, 10, 10], [20, 20, 40, 30]], [0, 1]), _gt([[5, 5, 25, 25]], [1])]
    perfect = [_pred(t["boxes"], np.linspace(0.9, 0.5, len(t["labels"])), t["labels"]) for t in truths]
    assert math.isclose(mean_average_precision(perfect, truths, num_classes=2)["map"], 1.0)
    nothing = [_pred([], [], []) for _ in truths]
    result = mean_average_precision(nothing, truths, num_classes=2)
    assert result["map"] == 0.0 and result["ap"] == [0.0, 0.0], f"no detections: every AP is 0, got {result}"
