"""A single-shot grid detector in the spirit of YOLO: backbone, grid head, targets, loss, decoding.

Milestone 3.

The network maps an image ``[B, 3, H, W]`` (floats in [0, 1]) to a grid ``[B, 5 + C, H/8, W/8]``:
every cell of the 8 x 8 grid (for 64 x 64 images) predicts, along the channel axis,

====== ==========================================================================
index  meaning (raw numbers, before any activation)
====== ==========================================================================
0      objectness logit: is the centre of an object inside this cell?
1, 2   ``tx, ty``: where in the cell the centre is; ``sigmoid`` gives 0..1
3, 4   ``tw, th``: the box size as ``ANCHOR * exp(t)`` pixels
5..    one logit per class
====== ==========================================================================
"""
from __future__ import annotations

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from .boxes import batched_nms
from .data import CLASSES

STRIDE = 8  # pixels per grid cell
ANCHOR = 18.0  # the box size (pixels) that tw = th = 0 stands for
NUM_CLASSES = len(CLASSES)


def preprocess(images: np.ndarray, device="cpu") -> torch.Tensor:
    """uint8 RGB images ``[B, H, W, 3]`` (or one ``[H, W, 3]``) to floats ``[B, 3, H, W]`` in [0, 1]."""
    images = np.asarray(images)
    if images.ndim == 3:
        images = images[None]
    x = torch.from_numpy(np.ascontiguousarray(images)).to(device)
    return x.permute(0, 3, 1, 2).float().div_(255.0)


class ConvBlock(nn.Module):
    """3x3 convolution (no bias), batch norm, leaky ReLU (slope 0.1)."""

    def __init__(self, in_channels: int, out_channels: int, stride: int = 1):
        super().__init__()
        self.conv = nn.Conv2d(in_channels, out_channels, 3, stride=stride, padding=1, bias=False)
        self.bn = nn.BatchNorm2d(out_channels)
        self.act = nn.LeakyReLU(0.1)

    def forward(self, x):
        return self.act(self.bn(self.conv(x)))


class TinyYolo(nn.Module):
    """Backbone of ConvBlocks that divides the resolution by 8, then a 1x1 convolution head."""

    def __init__(self, num_classes: int = NUM_CLASSES, width: int = 16):
        super().__init__()
        self.num_classes = num_classes
        self.backbone = nn.Sequential(
            ConvBlock(3, width, stride=2),
            ConvBlock(width, 2 * width, stride=2),
            ConvBlock(2 * width, 4 * width, stride=2),
            ConvBlock(4 * width, 4 * width, stride=1),
        )
        self.head = nn.Conv2d(4 * width, 5 + num_classes, kernel_size=1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.backbone(x - 0.5))


def encode_targets(boxes_list, labels_list, grid_size: int, num_classes: int = NUM_CLASSES,
                   stride: int = STRIDE, anchor: float = ANCHOR) -> torch.Tensor:
    """Training targets ``[B, 6, S, S]``: objectness, tx, ty, tw, th, class index.

    Each object belongs to the cell that holds its centre. There, the target is objectness 1,
    ``tx, ty`` the centre's position inside the cell (0..1), ``tw, th`` the log of the box
    size over ``anchor``, and the class index. Every other cell is all zeros. When two
    objects share a cell, the larger one (by area) wins.
    """
    B = len(boxes_list)
    target = torch.zeros(B, 6, grid_size, grid_size)
    for b, (boxes, labels) in enumerate(zip(boxes_list, labels_list)):
        boxes = np.asarray(boxes, dtype=np.float64).reshape(-1, 4)
        labels = np.asarray(labels).reshape(-1)
        areas = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])
        for k in np.argsort(areas, kind="stable"):  # small first, so the larger one overwrites
            x1, y1, x2, y2 = boxes[k]
            cx, cy, w, h = (x1 + x2) / 2, (y1 + y2) / 2, x2 - x1, y2 - y1
            j = min(int(cx // stride), grid_size - 1)
            i = min(int(cy // stride), grid_size - 1)
            target[b, :, i, j] = torch.tensor(
                [1.0, cx / stride - j, cy / stride - i, np.log(w / anchor), np.log(h / anchor), float(labels[k])]
            )
    return target


def yolo_loss(pred: torch.Tensor, target: torch.Tensor, lambda_box: float = 5.0,
              lambda_noobj: float = 0.5) -> torch.Tensor:
    """The detection loss, summed over cells and averaged over the batch.

    - objectness: binary cross-entropy with logits in every cell, the cells without an
      object weighted by ``lambda_noobj``;
    - box: squared error of ``sigmoid(tx), sigmoid(ty), tw, th`` against the targets, in
      object cells only, weighted by ``lambda_box``;
    - class: cross-entropy of the class logits, in object cells only.
    """
    B = pred.shape[0]
    obj_t = target[:, 0]
    pos = obj_t > 0.5
    weight = torch.where(pos, torch.ones_like(obj_t), torch.full_like(obj_t, lambda_noobj))
    obj_loss = (F.binary_cross_entropy_with_logits(pred[:, 0], obj_t, reduction="none") * weight).sum()
    p = pred.permute(0, 2, 3, 1)[pos]  # [P, 5 + C]
    t = target.permute(0, 2, 3, 1)[pos]  # [P, 6]
    if p.shape[0] == 0:
        return obj_loss / B
    xy_loss = ((torch.sigmoid(p[:, 1:3]) - t[:, 1:3]) ** 2).sum()
    wh_loss = ((p[:, 3:5] - t[:, 3:5]) ** 2).sum()
    cls_loss = F.cross_entropy(p[:, 5:], t[:, 5].long(), reduction="sum")
    return (obj_loss + lambda_box * (xy_loss + wh_loss) + cls_loss) / B


def decode(pred: torch.Tensor, conf_threshold: float = 0.05, iou_threshold: float = 0.5,
           stride: int = STRIDE, anchor: float = ANCHOR, image_size=None) -> list:
    """Turn raw grid outputs ``[B, 5 + C, S, S]`` into boxes, one dict per image.

    A cell's score is ``sigmoid(objectness) * softmax(class logits).max()`` and its label the
    best class. Keep the cells scoring at least ``conf_threshold``, convert them to
    ``x1, y1, x2, y2`` pixel boxes (clipped to the image, ``image_size = (H, W)``, by default
    the grid size times the stride), and run class-wise NMS. Each dict holds NumPy arrays
    ``boxes [K, 4]`` (float32), ``scores [K]`` (float32) and ``labels [K]`` (int64), best first.
    """
    pred = pred.detach().float().cpu()
    B, _, S_h, S_w = pred.shape
    H, W = image_size if image_size is not None else (S_h * stride, S_w * stride)
    obj = torch.sigmoid(pred[:, 0])
    cls_prob = torch.softmax(pred[:, 5:], dim=1)
    best_prob, label = cls_prob.max(dim=1)
    score = obj * best_prob
    jj = torch.arange(S_w).view(1, 1, S_w).float()
    ii = torch.arange(S_h).view(1, S_h, 1).float()
    cx = (jj + torch.sigmoid(pred[:, 1])) * stride
    cy = (ii + torch.sigmoid(pred[:, 2])) * stride
    w = anchor * torch.exp(pred[:, 3].clamp(max=10))
    h = anchor * torch.exp(pred[:, 4].clamp(max=10))
    boxes = torch.stack([
        (cx - w / 2).clamp(0, W), (cy - h / 2).clamp(0, H), (cx + w / 2).clamp(0, W), (cy + h / 2).clamp(0, H)
    ], dim=-1)
    results = []
    for b in range(B):
        keep = score[b] >= conf_threshold
        bx = boxes[b][keep].numpy().astype(np.float32)
        sc = score[b][keep].numpy().astype(np.float32)
        lb = label[b][keep].numpy().astype(np.int64)
        order = batched_nms(bx, sc, lb, iou_threshold)
        results.append({"boxes": bx[order].reshape(-1, 4), "scores": sc[order], "labels": lb[order]})
    return results


@torch.no_grad()
def detect(model: nn.Module, images: np.ndarray, conf_threshold: float = 0.05,
           iou_threshold: float = 0.5, batch_size: int = 256) -> list:
    """Run the model on uint8 RGB images ``[B, H, W, 3]`` and decode: one dict per image."""
    model.eval()
    device = next(model.parameters()).device
    out = []
    for start in range(0, len(images), batch_size):
        raw = model(preprocess(images[start:start + batch_size], device))
        out.extend(decode(raw, conf_threshold, iou_threshold, image_size=np.asarray(images).shape[1:3]))
    return out
