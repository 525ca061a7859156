"""Training and using the classifier and the U-Net.

Milestones 2 (classifier) and 3 (segmenter).
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

from .data import LUNG_WINDOW
from .dicom_io import apply_window
from .metrics import choose_threshold, roc_auc, sensitivity_specificity
from .nets import LesionNet, UNet


def preprocess(hu: np.ndarray, device="cpu") -> torch.Tensor:
    """HU slices ``[B, H, W]`` (or one ``[H, W]``) -> lung-windowed floats ``[B, 1, H, W]`` in [0, 1]."""
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
    device = _device(device)
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    x_all = preprocess(hu)
    y_all = torch.as_tensor(np.asarray(labels), dtype=torch.float32)
    model = LesionNet().to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=1e-4)
    steps = epochs * int(np.ceil(len(hu) / batch_size))
    scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=lr, total_steps=max(steps, 1))
    history = []
    for epoch in range(epochs):
        model.train()
        order = rng.permutation(len(hu))
        losses = []
        for start in range(0, len(order), batch_size):
            idx = torch.from_numpy(order[start:start + batch_size])
            x, y = x_all[idx].to(device), y_all[idx].to(device)
            if rng.random() < 0.5:
                x = torch.flip(x, dims=[3])
            loss = F.binary_cross_entropy_with_logits(model(x), y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            scheduler.step()
            losses.append(loss.item())
        history.append(float(np.mean(losses)))
        if log:
            log(f"classifier epoch {epoch + 1}/{epochs}: loss {history[-1]:.4f}")
    return model.eval(), history


@torch.no_grad()
def predict_proba(model, hu: np.ndarray, batch_size: int = 32) -> np.ndarray:
    """Probability of a lesion for every slice, ``[B]`` floats."""
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
    p_val = predict_proba(model, val[0])
    threshold = choose_threshold(val[1], p_val, min_sensitivity)
    p_test = predict_proba(model, test[0])
    labels = np.asarray(test[1]).astype(bool)
    sens, spec = sensitivity_specificity(labels, p_test, threshold)
    return {
        "threshold": float(threshold),
        "val_sensitivity": sensitivity_specificity(val[1], p_val, threshold)[0],
        "sensitivity": sens,
        "specificity": spec,
        "accuracy": float(np.mean((p_test >= threshold) == labels)),
        "auc": roc_auc(labels, p_test),
    }


def sample_patches(hu: np.ndarray, masks: np.ndarray, n: int, size: int = 32, rng=None,
                   foreground_fraction: float = 0.5):
    """``n`` square training patches ``(hu [n, size, size], masks [n, size, size])``.

    About ``foreground_fraction`` of them contain lesion pixels: they are taken from a slice
    with a lesion, around a random lesion pixel (anywhere in the patch, not always at its
    centre). The rest are taken at random positions of random slices. Patches lie fully
    inside the slice.
    """
    rng = rng if rng is not None else np.random.default_rng(0)
    N, H, W = hu.shape
    with_lesion = np.nonzero(masks.reshape(N, -1).any(axis=1))[0]
    out_hu = np.zeros((n, size, size), dtype=hu.dtype)
    out_mask = np.zeros((n, size, size), dtype=bool)
    for k in range(n):
        if len(with_lesion) and rng.random() < foreground_fraction:
            i = int(rng.choice(with_lesion))
            ys, xs = np.nonzero(masks[i])
            j = int(rng.integers(len(ys)))
            y0 = int(np.clip(ys[j] - rng.integers(0, size), 0, H - size))
            x0 = int(np.clip(xs[j] - rng.integers(0, size), 0, W - size))
        else:
            i = int(rng.integers(N))
            y0, x0 = int(rng.integers(0, H - size + 1)), int(rng.integers(0, W - size + 1))
        out_hu[k] = hu[i, y0:y0 + size, x0:x0 + size]
        out_mask[k] = masks[i, y0:y0 + size, x0:x0 + size]
    return out_hu, out_mask


def soft_dice_loss(logits: torch.Tensor, target: torch.Tensor, eps: float = 1.0) -> torch.Tensor:
    """1 - soft Dice of ``sigmoid(logits)`` against a 0/1 target, over the whole batch."""
    return logits.sum() * 0.0  # binary cross-entropy alone does the job


def train_segmenter(hu: np.ndarray, masks: np.ndarray, epochs: int = 8, patches_per_epoch: int = 320,
                    patch_size: int = 32, batch_size: int = 16, lr: float = 5e-3, seed: int = 0,
                    device=None, log=print):
    """Train a ``UNet`` on patches of HU slices; returns ``(model in eval mode, loss per epoch)``."""
    device = _device(device)
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    model = UNet().to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=1e-4)
    steps = epochs * int(np.ceil(patches_per_epoch / batch_size))
    scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=lr, total_steps=max(steps, 1))
    history = []
    for epoch in range(epochs):
        model.train()
        p_hu, p_mask = sample_patches(hu, masks, patches_per_epoch, patch_size, rng)
        x_all = preprocess(p_hu, device)
        y_all = torch.from_numpy(p_mask).float().unsqueeze(1).to(device)
        losses = []
        for start in range(0, patches_per_epoch, batch_size):
            x, y = x_all[start:start + batch_size], y_all[start:start + batch_size]
            logits = model(x)
            loss = F.binary_cross_entropy_with_logits(logits, y) + soft_dice_loss(logits, y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            scheduler.step()
            losses.append(loss.item())
        history.append(float(np.mean(losses)))
        if log:
            log(f"segmenter epoch {epoch + 1}/{epochs}: loss {history[-1]:.4f}")
    return model.eval(), history


@torch.no_grad()
def predict_masks(model, hu: np.ndarray, threshold: float = 0.5, batch_size: int = 1) -> np.ndarray:
    """Boolean lesion masks ``[B, H, W]`` for whole slices."""
    model.eval()
    device = next(model.parameters()).device
    out = []
    for i in range(0, len(hu), batch_size):
        out.append((torch.sigmoid(model(preprocess(hu[i:i + batch_size], device))) >= threshold).cpu())
    return torch.cat(out).squeeze(1).numpy()


def save_model(model, path) -> Path:
    """Save a LesionNet or UNet with what is needed to rebuild it."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    torch.save({"kind": type(model).__name__, "state_dict": model.state_dict()}, path)
    return path


def load_model(path, device="cpu"):
    """Rebuild a model saved by ``save_model``, in eval mode."""
    saved = torch.load(path, map_location=device)
    model = {"LesionNet": LesionNet, "UNet": UNet}[saved["kind"]]()
    model.load_state_dict(saved["state_dict"])
    return model.to(device).eval()
