"""Milestones 3 and 4: screening metrics and segmentation overlap, by hand."""
import math

import numpy as np

from medimg.metrics import choose_threshold, dice, iou, roc_auc, sensitivity_specificity


def test_sensitivity_specificity_hand_case():
    labels = np.array([1, 1, 1, 1, 0, 0, 0, 0, 0])
    scores = np.array([0.9, 0.8, 0.4, 0.3, 0.7, 0.2, 0.1, 0.5, 0.05])
    sens, spec = sensitivity_specificity(labels, scores, 0.5)
    # called positive: 0.9, 0.8 (TP), 0.7, 0.5 (FP; >= threshold counts)
    assert math.isclose(sens, 2 / 4) and math.isclose(spec, 3 / 5), f"got ({sens}, {spec}), expected (0.5, 0.6)"
    sens, spec = sensitivity_specificity(labels, scores, 0.3)
    assert math.isclose(sens, 1.0) and math.isclose(spec, 3 / 5)
    assert math.isnan(sensitivity_specificity(np.zeros(3), np.ones(3), 0.5)[0]), "no positives: sensitivity nan"


def test_roc_auc_hand_case():
    labels = np.array([1, 1, 0, 0, 1, 0])
    scores = np.array([0.9, 0.6, 0.6, 0.2, 0.4, 0.5])
    # 9 positive/negative pairs: 0.9 beats all 3; 0.6 beats 0.2 and 0.5, ties 0.6 (1/2);
    # 0.4 beats 0.2 only. (3 + 2.5 + 1) / 9
    assert math.isclose(roc_auc(labels, scores), 6.5 / 9), f"AUC {roc_auc(labels, scores):.4f}, expected {6.5 / 9:.4f}"
    assert math.isclose(roc_auc(labels, -scores), 1 - 6.5 / 9), "reversing the scores gives 1 - AUC"
    assert math.isclose(roc_auc(np.array([0, 1]), np.array([0.3, 0.3])), 0.5), "a tie counts one half"


def test_choose_threshold_for_sensitivity():
    labels = np.array([1, 1, 1, 1, 0, 0, 0, 0])
    scores = np.array([0.95, 0.7, 0.6, 0.2, 0.8, 0.5, 0.3, 0.1])
    # Thresholds from the top: 0.95 -> sens 1/4; 0.8 -> 1/4; 0.7 -> 2/4; 0.6 -> 3/4; 0.5 -> 3/4;
    # 0.3 -> 3/4; 0.2 -> 4/4. The highest threshold with sensitivity >= 0.75 is 0.6.
    assert math.isclose(choose_threshold(labels, scores, 0.75), 0.6), "highest threshold with sensitivity >= 0.75"
    assert math.isclose(choose_threshold(labels, scores, 1.0), 0.2), "every positive found: threshold 0.2"
    assert math.isclose(choose_threshold(labels, scores, 0.5), 0.7)


def test_dice_and_iou_hand_cases():
    pred = np.zeros((4, 5), dtype=bool)
    truth = np.zeros((4, 5), dtype=bool)
    pred[0, 0:4] = True  # 4 pixels
    truth[0, 1:4] = True
    truth[1, 1:4] = True  # 6 pixels, 3 shared
    assert math.isclose(dice(pred, truth), 2 * 3 / (4 + 6)), f"Dice {dice(pred, truth)}, expected 0.6"
    assert math.isclose(iou(pred, truth), 3 / 7), f"IoU {iou(pred, truth)}, expected 3/7"
    assert math.isclose(dice(pred, pred), 1.0) and math.isclose(iou(pred, pred), 1.0)
    empty = np.zeros((4, 5), dtype=bool)
    assert dice(empty, empty) == 1.0 and iou(empty, empty) == 1.0, "two empty masks agree perfectly: 1"
    assert dice(empty, truth) == 0.0 and iou(pred, empty) == 0.0, "nothing found where there is something: 0"
    d, j = dice(pred, truth), iou(pred, truth)
    assert math.isclose(j, d / (2 - d)), "IoU = Dice / (2 - Dice) for the same pair"
