"""Helpers shared by the checks."""
import contextlib

import torch.nn.functional as F
from torch import nn


@contextlib.contextmanager
def torch_attention_blocked():
    """PyTorch's own multi-head attention raises while the block is active."""
    def blocked(*args, **kwargs):
        raise AssertionError("write attention yourself: torch's multi-head attention is blocked in this check")

    saved = (F.multi_head_attention_forward, nn.MultiheadAttention.forward)
    F.multi_head_attention_forward = blocked
    nn.MultiheadAttention.forward = blocked
    try:
        yield
    finally:
        F.multi_head_attention_forward, nn.MultiheadAttention.forward = saved
