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


def aspect_scores(found, truth):
    """(aspect detection F1, aspect polarity accuracy, the same on reviews whose opinions disagree)
    of ``found`` (one ``{aspect: polarity}`` per review) against the reviews ``truth``."""
    tp = fp = fn = 0
    right = total = right_mixed = total_mixed = 0
    for f, r in zip(found, truth):
        tp += len(set(f) & set(r.aspects))
        fp += len(set(f) - set(r.aspects))
        fn += len(set(r.aspects) - set(f))
        for aspect, polarity in r.aspects.items():
            ok = f.get(aspect) == polarity
            right, total = right + ok, total + 1
            if r.mixed:
                right_mixed, total_mixed = right_mixed + ok, total_mixed + 1
    return 2 * tp / max(1, 2 * tp + fp + fn), right / max(1, total), right_mixed / max(1, total_mixed)
