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
import torch.nn.functional as F  # noqa: F401

from .boxes import batched_nms  # noqa: F401
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
    """3x3 convolution (no bias), batch norm, leaky ReLU (slope 0.1).

    ``stride=2`` halves the height and width; padding 1 keeps them otherwise.
    """

    def __init__(self, in_channels: int, out_channels: int, stride: int = 1):
        super().__init__()
        # TODO: create the three layers as attributes (nn.Conv2d, nn.BatchNorm2d, nn.LeakyReLU).
        raise NotImplementedError("TODO: ConvBlock.__init__")

    def forward(self, x):
        # TODO: apply them in order.
        raise NotImplementedError("TODO: ConvBlock.forward")


class TinyYolo(nn.Module):
    """Backbone of ConvBlocks that divides the resolution by 8, then a 1x1 convolution head.

    ``width`` is the number of channels of the first block; later blocks may widen. Keep
    ``self.num_classes``: saving, loading and evaluation use it. Aim for tens of thousands
    of parameters: it has to train in seconds on a CPU.
    """

    def __init__(self, num_classes: int = NUM_CLASSES, width: int = 16):
        super().__init__()
        self.num_classes = num_classes
        # TODO: self.backbone (an nn.Sequential of ConvBlocks) and self.head.
        raise NotImplementedError("TODO: TinyYolo.__init__")

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """``x`` is ``[B, 3, H, W]`` in [0, 1]; returns the raw grid ``[B, 5 + C, H / 8, W / 8]``."""
        # TODO: centre the input (x - 0.5 is enough), run the backbone, then the head.
        raise NotImplementedError("TODO: TinyYolo.forward")


def encode_targets(boxes_list, labels_list, grid_size: int, num_classes: int = NUM_CLASSES,
                   stride: int = STRIDE, anchor: float = ANCHOR) -> torch.Tensor:
    """Training targets ``[B, 6, S, S]``: objectness, tx, ty, tw, th, class index.

    Each object belongs to the cell that holds its centre. There, the target is objectness 1,
    ``tx, ty`` the centre's position inside the cell (0..1), ``tw, th`` the log of the box
    size over ``anchor``, and the class index. Every other cell is all zeros. When two
    objects share a cell, the larger one (by area) wins.
    """
    # TODO: start from zeros; for every object find the cell (row i, column j) of its centre
    #       and fill target[b, :, i, j]. Handle the shared-cell rule by visiting the objects
    #       in a suitable order.
    raise NotImplementedError("TODO: encode_targets")


def yolo_loss(pred: torch.Tensor, target: torch.Tensor, lambda_box: float = 5.0,
              lambda_noobj: float = 0.5) -> torch.Tensor:
    """The detection loss, summed over cells and averaged over the batch.

    - objectness: binary cross-entropy with logits in every cell, the cells without an
      object weighted by ``lambda_noobj``;
    - box: squared error of ``sigmoid(tx), sigmoid(ty), tw, th`` against the targets, in
      object cells only, weighted by ``lambda_box``;
    - class: cross-entropy of the class logits, in object cells only.
    """
    # TODO: a mask of the object cells from target[:, 0]; the objectness term over every
    #       cell; the box and class terms over the object cells only (mind a batch without
    #       any object); sum, then divide by the batch size.
    raise NotImplementedError("TODO: yolo_loss")


def decode(pred: torch.Tensor, conf_threshold: float = 0.05, iou_threshold: float = 0.5,
           stride: int = STRIDE, anchor: float = ANCHOR, image_size=None) -> list:
    """Turn raw grid outputs ``[B, 5 + C, S, S]`` into boxes, one dict per image.

    A cell's score is ``sigmoid(objectness) * softmax(class logits).max()`` and its label the
    best class. Keep the cells scoring at least ``conf_threshold``, convert them to
    ``x1, y1, x2, y2`` pixel boxes (clipped to the image, ``image_size = (H, W)``, by default
    the grid size times the stride), and run class-wise NMS. Each dict holds NumPy arrays
    ``boxes [K, 4]`` (float32), ``scores [K]`` (float32) and ``labels [K]`` (int64), best first.
    """
    # TODO: compute score, label and box for every cell at once with tensor operations
    #       (torch.arange gives the cell indices), then per image: threshold, convert to
    #       NumPy and call batched_nms from boxes.py.
    raise NotImplementedError("TODO: decode")


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
