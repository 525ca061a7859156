"""Milestone 5: Grad-CAM, on a model whose answer is known, then on your classifier."""
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from medimg.gradcam import cam_peak, grad_cam
from medimg.train import preprocess

PEAK_BAR = 0.7  # share of held-out lesions where the map's peak falls inside (2 px margin)


class KnownModel(nn.Module):
    """Two input channels u, v; features = 2x2 average pooling of them; logit = mean(u') - 2 mean(v')."""

    def __init__(self):
        super().__init__()
        self.pool = nn.AvgPool2d(2)
        self.classifier = nn.Linear(2, 1, bias=False)
        with torch.no_grad():
            self.classifier.weight.copy_(torch.tensor([[1.0, -2.0]]))

    def forward(self, x):
        return self.classifier(self.pool(x).mean(dim=(2, 3))).squeeze(1)


class LeftHeavyModel(KnownModel):
    """As KnownModel, but the pooled cells of the left half count four times as much: the gradient
    now changes over space, and Grad-CAM averages it per channel before weighting."""

    def forward(self, x):
        pooled = self.pool(x)
        emphasis = torch.ones(pooled.shape[-2:])
        emphasis[:, : pooled.shape[-1] // 2] = 4.0
        return self.classifier((pooled * emphasis).mean(dim=(2, 3))).squeeze(1)


def test_gradcam_hand_case():
    torch.manual_seed(0)
    model = KnownModel()
    x = torch.rand(2, 2, 8, 8)
    cams = grad_cam(model, x, model.pool)
    assert isinstance(cams, np.ndarray) and cams.shape == (2, 8, 8), "one map per input, at the input's size"
    # The gradient of the logit w.r.t. each pooled channel is its weight over the 16 cells: the
    # channel weights are 1/16 and -2/16; the map is ReLU of the weighted sum, upsampled, max 1.
    pooled = F.avg_pool2d(x, 2)
    raw = F.relu(pooled[:, 0] / 16 - 2 * pooled[:, 1] / 16).unsqueeze(1)
    up = F.interpolate(raw, size=(8, 8), mode="bilinear", align_corners=False).squeeze(1)
    expected = (up / up.flatten(1).max(dim=1).values.view(-1, 1, 1)).numpy()
    assert np.allclose(cams, expected, atol=1e-5), "Grad-CAM of the known model differs from the formula"
    assert not model.pool._forward_hooks and not model.pool._backward_hooks, "remove your hooks afterwards"
    # The channel weights of LeftHeavyModel are KnownModel's times 2.5 (the mean emphasis), so once
    # normalised its maps are the same; weighting each cell by its own gradient would make the left
    # half four times as bright as the right.
    left_heavy = LeftHeavyModel()
    assert np.allclose(grad_cam(left_heavy, x, left_heavy.pool), expected, atol=1e-5), (
        "Grad-CAM weights each channel by the gradient averaged over the whole map, then sums the channels: "
        "a map of gradient x activation cell by cell is a different method"
    )
    zero = grad_cam(model, torch.cat([torch.zeros(1, 1, 8, 8), torch.ones(1, 1, 8, 8)], dim=1), model.pool)
    assert np.all(zero == 0), "a map that is all zero after the ReLU stays zero (no division by zero)"


def _dilate(mask, steps=2):
    out = mask.copy()
    for _ in range(steps):
        p = np.pad(out, 1)
        out = (out | p[:-2, 1:-1] | p[2:, 1:-1] | p[1:-1, :-2] | p[1:-1, 2:]
               | p[:-2, :-2] | p[:-2, 2:] | p[2:, :-2] | p[2:, 2:])
    return out


def test_gradcam_peak_inside_lesion(classifier, scans):
    model = classifier()["model"]
    hu, masks, labels = scans()["test"]
    positives = np.nonzero(labels)[0]
    cams = grad_cam(model, preprocess(hu[positives]), model.features[-1])
    assert cams.shape == (len(positives), 64, 64)
    hits = [bool(_dilate(masks[i])[cam_peak(cam)]) for i, cam in zip(positives, cams)]
    assert np.mean(hits) >= PEAK_BAR, (
        f"the Grad-CAM peak falls on the lesion in {np.mean(hits):.0%} of held-out positives; at least "
        f"{PEAK_BAR:.0%} should"
    )
