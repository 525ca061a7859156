"""Training and using the classifier and the U-Net.

Milestones 2 (classifier) and 3 (segmenter).
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F  # noqa: F401

from .data import LUNG_WINDOW
from .dicom_io import apply_window
from .metrics import choose_threshold, roc_auc, sensitivity_specificity  # noqa: F401
from .nets import LesionNet, UNet


def preprocess(hu: np.ndarray, device="cpu") -> torch.Tensor:
    """HU slices ``[B, H, W]`` (or one ``[H, W]``) -> lung-windowed floats ``[B, 1, H, W]`` in [0, 1]. (Given.)"""
    hu = np.asarray(hu)
    if hu.ndim == 2:
        hu = hu[None]
    x = apply_window(hu, *LUNG_WINDOW)
    return torch.from_numpy(np.ascontiguousarray(x)).float().unsqueeze(1).to(device)


def _device(device):
    return device or ("cuda" if torch.cuda.is_available() else "cpu")


def train_classifier(hu: np.ndarray, labels: np.ndarray, epochs: int = 12, batch_size: int = 16,
                     lr: float = 5e-3, seed: int = 0, device=None, log=print):
    """Train a ``LesionNet`` on HU slices and 0/1 labels; returns ``(model in eval mode, loss per epoch)``."""
    # TODO: seed torch and a NumPy generator; window all slices once with preprocess; build
    #       a LesionNet and an optimizer (a one-cycle schedule works well with few epochs);
    #       each epoch: shuffle, mini-batches, a random left-right flip, binary cross-entropy
    #       on the logits, step. Record the mean loss of each epoch. Return the model in eval mode.
    raise NotImplementedError("TODO: train_classifier")


@torch.no_grad()
def predict_proba(model, hu: np.ndarray, batch_size: int = 32) -> np.ndarray:
    """Probability of a lesion for every slice, ``[B]`` floats. (Given.)"""
    model.eval()
    device = next(model.parameters()).device
    out = [torch.sigmoid(model(preprocess(hu[i:i + batch_size], device))).cpu() for i in range(0, len(hu), batch_size)]
    return torch.cat(out).numpy().astype(np.float64)


def evaluate_classifier(model, val, test, min_sensitivity: float = 0.95) -> dict:
    """Choose the operating point on ``val = (hu, labels)``, then measure it on ``test``.

    Returns ``{"threshold", "val_sensitivity", "sensitivity", "specificity", "accuracy",
    "auc"}``: the threshold is ``choose_threshold`` on the validation probabilities; the
    other numbers are on the test slices, accuracy at that same threshold.
    """
    # TODO: probabilities on val -> choose_threshold; probabilities on test -> the rest.
    raise NotImplementedError("TODO: evaluate_classifier")


def sample_patches(hu: np.ndarray, masks: np.ndarray, n: int, size: int = 32, rng=None,
                   foreground_fraction: float = 0.5):
    """``n`` square training patches ``(hu [n, size, size], masks [n, size, size])``.

    About ``foreground_fraction`` of them contain lesion pixels: they are taken from a slice
    with a lesion, around a random lesion pixel (anywhere in the patch, not always at its
    centre). The rest are taken at random positions of random slices. Patches lie fully
    inside the slice.
    """
    # TODO: find the slices with a lesion; for each patch, decide lesion or random; for a
    #       lesion patch pick one lesion pixel and a random position of it inside the patch;
    #       clip the corner so the patch stays inside the slice; copy the crops.
    raise NotImplementedError("TODO: sample_patches")


def soft_dice_loss(logits: torch.Tensor, target: torch.Tensor, eps: float = 1.0) -> torch.Tensor:
    """1 - soft Dice of ``sigmoid(logits)`` against a 0/1 target, over the whole batch."""
    # TODO: probabilities from the logits, a smoothed Dice over the whole batch, 1 - it.
    raise NotImplementedError("TODO: soft_dice_loss")


def train_segmenter(hu: np.ndarray, masks: np.ndarray, epochs: int = 8, patches_per_epoch: int = 320,
                    patch_size: int = 32, batch_size: int = 16, lr: float = 5e-3, seed: int = 0,
                    device=None, log=print):
    """Train a ``UNet`` on patches of HU slices; returns ``(model in eval mode, loss per epoch)``."""
    # TODO: like train_classifier, but each epoch draws fresh patches with sample_patches,
    #       the model is a UNet and the loss is pixel-wise BCE plus soft_dice_loss.
    raise NotImplementedError("TODO: train_segmenter")


@torch.no_grad()
def predict_masks(model, hu: np.ndarray, threshold: float = 0.5, batch_size: int = 1) -> np.ndarray:
    """Boolean lesion masks ``[B, H, W]`` for whole slices. (Given.)"""
    model.eval()
    device = next(model.parameters()).device
    out = []
    for i in range(0, len(hu), batch_size):
        out.append((torch.sigmoid(model(preprocess(hu[i:i + batch_size], device))) >= threshold).cpu())
    return torch.cat(out).squeeze(1).numpy()


def save_model(model, path) -> Path:
    """Save a LesionNet or UNet with what is needed to rebuild it. (Given.)"""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    torch.save({"kind": type(model).__name__, "state_dict": model.state_dict()}, path)
    return path


def load_model(path, device="cpu"):
    """Rebuild a model saved by ``save_model``, in eval mode. (Given.)"""
    saved = torch.load(path, map_location=device)
    model = {"LesionNet": LesionNet, "UNet": UNet}[saved["kind"]]()
    model.load_state_dict(saved["state_dict"])
    return model.to(device).eval()
