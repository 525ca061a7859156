"""Grad-CAM: where does the classifier look?

Milestone 4. Selvaraju et al., "Grad-CAM: Visual Explanations from Deep Networks via
Gradient-based Localization" (ICCV 2017).
"""
from __future__ import annotations

import numpy as np
import torch
import torch.nn.functional as F


def grad_cam(model, x: torch.Tensor, target_layer) -> np.ndarray:
    """Grad-CAM maps of the model's logit for a batch ``x [B, C, H, W]``: ``[B, H, W]`` in [0, 1].

    The weight of each channel of ``target_layer``'s output is the spatial mean of the
    gradient of the logit with respect to that channel; the map is the ReLU of the weighted
    sum of the channels, upsampled bilinearly to the input's size and divided by its maximum
    (an all-zero map stays zero). The model runs in eval mode; the hooks are removed
    afterwards.
    """
    saved = {}

    def forward_hook(module, inputs, output):
        saved["activations"] = output
        output.register_hook(lambda grad: saved.__setitem__("gradients", grad))

    handle = target_layer.register_forward_hook(forward_hook)
    was_training = model.training
    model.eval()
    try:
        x = x.detach().clone().requires_grad_(True)
        logits = model(x).reshape(x.shape[0], -1)[:, 0]
        model.zero_grad()
        logits.sum().backward()
    finally:
        handle.remove()
        model.train(was_training)
    activations = saved["activations"].detach()
    gradients = saved["gradients"].detach()
    cam = F.relu((gradients * activations).sum(dim=1, keepdim=True))  # no need to average the gradient
    cam = F.interpolate(cam, size=x.shape[2:], mode="bilinear", align_corners=False).squeeze(1)
    peak = cam.flatten(1).max(dim=1).values.view(-1, 1, 1)
    cam = torch.where(peak > 0, cam / peak.clamp(min=1e-12), torch.zeros_like(cam))
    return cam.numpy()


def cam_peak(cam: np.ndarray):
    """``(row, column)`` of the largest value of one map."""
    return np.unravel_index(int(np.argmax(cam)), cam.shape)
