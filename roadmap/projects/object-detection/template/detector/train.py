"""Training the detector, a flip augmentation, saving/loading and evaluation.

Milestone 4.
"""
from __future__ import annotations

import time  # noqa: F401
from pathlib import Path

import numpy as np
import torch  # noqa: F401

from .data import CLASSES
from .metrics import mean_average_precision
from .model import TinyYolo, detect, encode_targets, preprocess, yolo_loss  # noqa: F401


def flip_horizontal(images: np.ndarray, boxes_list: list):
    """Mirror uint8 images ``[B, H, W, 3]`` left-right and their boxes with them.

    Returns ``(flipped images, flipped boxes)``; the inputs are not modified.
    """
    # TODO: reverse the width axis of the images; mirror each box's x coordinates (and keep
    #       x1 <= x2).
    raise NotImplementedError("TODO: flip_horizontal")


def train_detector(images: np.ndarray, boxes_list: list, labels_list: list, epochs: int = 8,
                   batch_size: int = 16, lr: float = 1e-2, seed: int = 0, device=None,
                   num_classes: int = len(CLASSES), log=print):
    """Train a ``TinyYolo`` on uint8 scenes with their boxes and labels.

    Returns ``(model, history)``: the trained model in eval mode and the mean training loss of
    every epoch (one number per epoch). Uses ``cuda`` when it is available. Seed everything
    random from ``seed``. ``log`` (when not None) is called with one line per epoch.

    The checks train on 800 scenes with the defaults: keep that to about ten seconds of CPU.
    """
    # TODO: pick the device, seed torch and a NumPy generator, build the model and an
    #       optimizer (a learning-rate schedule helps a lot with few epochs), then for each
    #       epoch: shuffle, cut mini-batches, flip about half of them, encode the targets,
    #       compute the loss, step. Record each epoch's mean loss. Return the model in eval mode.
    raise NotImplementedError("TODO: train_detector")


def evaluate(model, images, boxes_list, labels_list, iou_threshold: float = 0.5) -> dict:
    """mAP@``iou_threshold`` of ``model`` on labelled scenes (your ``mean_average_precision``). (Given.)"""
    predictions = detect(model, images, conf_threshold=0.01)
    truths = [{"boxes": b, "labels": l} for b, l in zip(boxes_list, labels_list)]
    return mean_average_precision(predictions, truths, num_classes=model.num_classes, iou_threshold=iou_threshold)


def save_detector(model, path) -> Path:
    """Save the weights and what is needed to rebuild the model; returns the path."""
    # TODO: torch.save a dict with the number of classes and the state_dict.
    raise NotImplementedError("TODO: save_detector")


def load_detector(path, device="cpu") -> TinyYolo:
    """Rebuild the model saved by ``save_detector``, on ``device``, in eval mode."""
    # TODO: torch.load, rebuild a TinyYolo, load_state_dict.
    raise NotImplementedError("TODO: load_detector")
