"""Milestone 4: augmentation, training, and mAP@0.5 of YOUR trained detector on held-out scenes.

The detector is trained by your ``train_detector`` on scenes the test generates, then graded
on other scenes (``held_out``) with this file's own mAP, so the number cannot come from
anywhere but the trained weights.
"""
import copy

import numpy as np
import torch

from detector.model import ConvBlock, TinyYolo, detect
from detector.train import flip_horizontal, load_detector, save_detector

MAP_BAR = 0.5  # an untrained net scores ~0.00, a linear one ~0.02, one hidden layer ~0.2


def _iou(box, boxes):
    ix = np.clip(np.minimum(box[2], boxes[:, 2]) - np.maximum(box[0], boxes[:, 0]), 0, None)
    iy = np.clip(np.minimum(box[3], boxes[:, 3]) - np.maximum(box[1], boxes[:, 1]), 0, None)
    inter = ix * iy
    union = (box[2] - box[0]) * (box[3] - box[1]) + (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1]) - inter
    return inter / np.maximum(union, 1e-12)


def _map50(predictions, boxes_list, labels_list, num_classes=4):
    aps = []
    for c in range(num_classes):
        dets = [(float(s), i, np.asarray(b, float)) for i, p in enumerate(predictions)
                for b, s, l in zip(p["boxes"], p["scores"], p["labels"]) if int(l) == c]
        dets.sort(key=lambda d: -d[0])
        gts = [np.asarray(b, float).reshape(-1, 4)[np.asarray(l) == c] for b, l in zip(boxes_list, labels_list)]
        used = [np.zeros(len(g), bool) for g in gts]
        n_gt = sum(len(g) for g in gts)
        if n_gt == 0:
            continue
        tp = []
        for _, i, box in dets:
            hit = False
            if len(gts[i]):
                ious = _iou(box, gts[i])
                j = int(np.argmax(ious))
                if ious[j] >= 0.5 and not used[i][j]:
                    used[i][j] = hit = True
            tp.append(hit)
        tp = np.array(tp, bool)
        recall = np.cumsum(tp) / n_gt
        precision = np.cumsum(tp) / np.arange(1, len(tp) + 1)
        envelope = np.maximum.accumulate(np.concatenate([precision, [0.0]])[::-1])[::-1][:-1]
        aps.append(float(np.sum(np.diff(np.concatenate([[0.0], recall])) * envelope)))
    return float(np.mean(aps))


def _score(model, held_out):
    images, boxes, labels = held_out
    return _map50(detect(model, images, conf_threshold=0.01), boxes, labels)


def test_flip_moves_boxes():
    images = np.zeros((1, 4, 6, 3), dtype=np.uint8)
    images[0, 1, 0] = 255  # a white pixel at x = 0, y = 1
    boxes = [np.array([[0, 1, 2, 3], [1, 0, 6, 4]], dtype=np.float32)]
    before = images.copy()
    flipped, new_boxes = flip_horizontal(images, boxes)
    assert flipped[0, 1, 5].tolist() == [255, 255, 255], "the pixel at x = 0 moves to x = width - 1 = 5"
    assert np.array_equal(images, before), "the input images must not change"
    assert np.allclose(new_boxes[0], [[4, 1, 6, 3], [0, 0, 5, 4]]), (
        f"flipped boxes {new_boxes[0].tolist()}, expected [[4, 1, 6, 3], [0, 0, 5, 4]] (x -> width - x)"
    )


def test_detector_map_on_held_out_scenes(trained, held_out):
    data = trained()
    model, history = data["model"], data["history"]
    assert isinstance(model, TinyYolo), "train_detector must return your TinyYolo"
    assert sum(isinstance(m, ConvBlock) for m in model.modules()) >= 3, "the trained model is built of your ConvBlocks"
    assert len(history) >= 2 and history[-1] < 0.5 * history[0], (
        f"the training loss should fall clearly: first epoch {history[0]:.3f}, last {history[-1]:.3f}"
    )
    assert len(data["generator_calls"]) == 0, (
        f"train_detector called the scene generator ({data['generator_calls'][:3]}): it must learn from the "
        "scenes it is given, never draw its own (they could be the held-out ones)"
    )
    score = _score(model, held_out())
    assert score >= MAP_BAR, f"held-out mAP@0.5 is {score:.3f}; it must be at least {MAP_BAR}"
    # The detections must come from the trained weights: fresh weights score (almost) nothing.
    fresh = copy.deepcopy(model)
    torch.manual_seed(1)
    for m in fresh.modules():
        if hasattr(m, "reset_parameters"):
            m.reset_parameters()
    assert _score(fresh, held_out()) < 0.1, "with its weights re-initialised the model should find nothing"


def test_saved_detector_reloads(trained, tmp_path):
    model = trained()["model"]
    path = save_detector(model, tmp_path / "detector.pt")
    assert path is not None and (tmp_path / "detector.pt").exists(), "save_detector writes the file it is given"
    loaded = load_detector(tmp_path / "detector.pt")
    assert isinstance(loaded, TinyYolo) and not loaded.training, "load_detector returns a TinyYolo in eval mode"
    x = torch.rand(3, 3, 64, 64)
    model.eval()
    with torch.no_grad():
        assert torch.allclose(model(x), loaded(x), atol=1e-5), "the reloaded model must give the same outputs"
