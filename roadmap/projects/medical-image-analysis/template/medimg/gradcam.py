"""Grad-CAM: where does the classifier look?

Milestone 4. Selvaraju et al., "Grad-CAM: Visual Explanations from Deep Networks via
Gradient-based Localization" (ICCV 2017).
"""
from __future__ import annotations

import numpy as np
import torch  # noqa: F401
import torch.nn.functional as F  # noqa: F401


def grad_cam(model, x: torch.Tensor, target_layer) -> np.ndarray:
    """Grad-CAM maps of the model's logit for a batch ``x [B, C, H, W]``: ``[B, H, W]`` in [0, 1].

    The weight of each channel of ``target_layer``'s output is the spatial mean of the
    gradient of the logit with respect to that channel; the map is the ReLU of the weighted
    sum of the channels, upsampled bilinearly to the input's size and divided by its maximum
    (an all-zero map stays zero). The model runs in eval mode; the hooks are removed
    afterwards.
    """
    # TODO: register a forward hook on target_layer that keeps its output and (with
    #       output.register_hook) the gradient flowing back into it; run the model in eval
    #       mode, backpropagate the logits, remove the hook; then weight, sum, ReLU, upsample
    #       and normalise. Return a NumPy array.
    raise NotImplementedError("TODO: grad_cam")


def cam_peak(cam: np.ndarray):
    """``(row, column)`` of the largest value of one map. (Given.)"""
    return np.unravel_index(int(np.argmax(cam)), cam.shape)
