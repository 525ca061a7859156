"""Training the detector, a flip augmentation, saving/loading and evaluation.

Milestone 4.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import torch

from .data import CLASSES
from .metrics import mean_average_precision
from .model import TinyYolo, detect, encode_targets, preprocess, yolo_loss


def flip_horizontal(images: np.ndarray, boxes_list: list):
    """Mirror uint8 images ``[B, H, W, 3]`` left-right and their boxes with them.

    Returns ``(flipped images, flipped boxes)``; the inputs are not modified.
    """
    width = images.shape[2]
    flipped = np.ascontiguousarray(images[:, :, ::-1])
    new_boxes = []
    for boxes in boxes_list:
        boxes = np.asarray(boxes, dtype=np.float32).reshape(-1, 4)
        new_boxes.append(np.stack([width - boxes[:, 2], boxes[:, 1], width - boxes[:, 0], boxes[:, 3]], axis=1))
    return flipped, new_boxes


def train_detector(images: np.ndarray, boxes_list: list, labels_list: list, epochs: int = 8,
                   batch_size: int = 16, lr: float = 1e-2, seed: int = 0, device=None,
                   num_classes: int = len(CLASSES), log=print):
    """Train a ``TinyYolo`` on uint8 scenes with their boxes and labels.

    Returns ``(model, history)``: the trained model in eval mode and the mean training loss of
    every epoch (one number per epoch). Uses ``cuda`` when it is available.
    """
    device = device or ("cuda" if torch.cuda.is_available() else "cpu")
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    model = TinyYolo(num_classes=num_classes).to(device)
    grid = images.shape[1] // 8
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=1e-4)
    steps = epochs * int(np.ceil(len(images) / batch_size))
    scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=lr, total_steps=max(steps, 1))
    history = []
    for epoch in range(epochs):
        model.train()
        order = rng.permutation(len(images))
        losses = []
        for start in range(0, len(order), batch_size):
            idx = order[start:start + batch_size]
            batch = images[idx]
            boxes = [boxes_list[i] for i in idx]
            labels = [labels_list[i] for i in idx]
            flip = rng.random() < 0.5
            if flip:
                batch, boxes = flip_horizontal(batch, boxes)
            x = preprocess(batch, device)
            target = encode_targets(boxes, labels, grid).to(device)
            loss = yolo_loss(model(x), target)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            scheduler.step()
            losses.append(loss.item())
        history.append(float(np.mean(losses)))
        if log:
            log(f"epoch {epoch + 1}/{epochs}: loss {history[-1]:.3f}")
    model.eval()
    return model, history


def evaluate(model, images, boxes_list, labels_list, iou_threshold: float = 0.5) -> dict:
    """mAP@``iou_threshold`` of ``model`` on labelled scenes (your ``mean_average_precision``)."""
    predictions = detect(model, images, conf_threshold=0.01)
    truths = [{"boxes": b, "labels": l} for b, l in zip(boxes_list, labels_list)]
    return mean_average_precision(predictions, truths, num_classes=model.num_classes, iou_threshold=iou_threshold)


def save_detector(model, path) -> Path:
    """Save the weights and what is needed to rebuild the model."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    torch.save({"num_classes": model.num_classes, "state_dict": model.state_dict()}, path)
    return path


def load_detector(path, device="cpu") -> TinyYolo:
    """Rebuild the model saved by ``save_detector``, in eval mode."""
    saved = torch.load(path, map_location=device)
    model = TinyYolo(num_classes=saved["num_classes"])
    model.load_state_dict(saved["state_dict"])
    return model.to(device).eval()
