"""Box geometry, the lazy way: torchvision.ops does the work."""
from __future__ import annotations

import numpy as np
import torch
from torchvision import ops


def box_area(boxes: np.ndarray) -> np.ndarray:
    boxes = np.asarray(boxes, dtype=np.float64).reshape(-1, 4)
    return np.clip(boxes[:, 2] - boxes[:, 0], 0, None) * np.clip(boxes[:, 3] - boxes[:, 1], 0, None)


def box_iou(a, b):
    a = torch.as_tensor(np.asarray(a, dtype=np.float64).reshape(-1, 4))
    b = torch.as_tensor(np.asarray(b, dtype=np.float64).reshape(-1, 4))
    return torch.nan_to_num(ops.box_iou(a, b)).numpy()


def nms(boxes, scores, iou_threshold=0.5):
    boxes = torch.as_tensor(np.asarray(boxes, dtype=np.float32).reshape(-1, 4))
    scores = torch.as_tensor(np.asarray(scores, dtype=np.float32).reshape(-1))
    return ops.nms(boxes, scores, iou_threshold).numpy().astype(np.int64)


def batched_nms(boxes, scores, labels, iou_threshold=0.5):
    boxes = torch.as_tensor(np.asarray(boxes, dtype=np.float32).reshape(-1, 4))
    scores = torch.as_tensor(np.asarray(scores, dtype=np.float32).reshape(-1))
    labels = torch.as_tensor(np.asarray(labels, dtype=np.int64).reshape(-1))
    return ops.batched_nms(boxes, scores, labels, iou_threshold).numpy().astype(np.int64)
