"""Milestone 2: attention, masking, multiple heads and positional encoding."""
import math

import pytest
import torch
from torch import nn

from sentiment.attention import MultiHeadSelfAttention, positional_encoding, scaled_dot_product_attention
from tests.helpers import torch_attention_blocked

# Two queries, three keys, d = 2. Worked out by hand:
#   scores = q k^T / sqrt(2) = [[1/sqrt2, 0, 1/sqrt2], [0, sqrt2, sqrt2]]
#   row 1: softmax -> [e^.7071, 1, e^.7071] / (2 e^.7071 + 1) = [0.401112, 0.197776, 0.401112]
#   row 2: softmax -> [1, e^1.4142, e^1.4142] / (1 + 2 e^1.4142) = [0.108383, 0.445808, 0.445808]
Q = [[1.0, 0.0], [0.0, 2.0]]
K = [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]
V = [[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]
WEIGHTS = [[0.401112, 0.197776, 0.401112], [0.108383, 0.445808, 0.445808]]
OUTPUT = [[3.0, 4.0], [3.674850, 4.674850]]
# With key 2 masked: row 1 -> [0.5, 0, 0.5]; row 2 -> [1, 0, e^1.4142] / (1 + e^1.4142) = [0.195570, 0, 0.804430]
MASKED_WEIGHTS = [[0.5, 0.0, 0.5], [0.195570, 0.0, 0.804430]]
MASKED_OUTPUT = [[3.0, 4.0], [4.217719, 5.217719]]


def t(x):
    return torch.tensor(x, dtype=torch.float32)


def test_attention_matches_hand_computed_values():
    out, weights = scaled_dot_product_attention(t(Q), t(K), t(V))
    assert weights.shape == (2, 3) and out.shape == (2, 2)
    assert torch.allclose(weights, t(WEIGHTS), atol=1e-5), f"weights {weights.tolist()}, expected {WEIGHTS}: softmax(q k^T / sqrt(d))"
    assert torch.allclose(out, t(OUTPUT), atol=1e-5), f"output {out.tolist()}, expected {OUTPUT}"
    batched, _ = scaled_dot_product_attention(t(Q).expand(4, 3, 2, 2), t(K).expand(4, 3, 3, 2), t(V).expand(4, 3, 3, 2))
    assert batched.shape == (4, 3, 2, 2) and torch.allclose(batched[2, 1], t(OUTPUT), atol=1e-5), (
        "attention must work on any leading (batch, head) dimensions"
    )


def test_masked_keys_get_exactly_zero_weight():
    mask = torch.tensor([True, False, True])
    out, weights = scaled_dot_product_attention(t(Q), t(K), t(V), mask)
    assert torch.allclose(weights, t(MASKED_WEIGHTS), atol=1e-5), f"with key 2 masked expected {MASKED_WEIGHTS}, got {weights.tolist()}"
    assert (weights[:, 1] == 0).all(), "a masked key must get weight exactly 0 (use -inf before the softmax)"
    assert torch.allclose(out, t(MASKED_OUTPUT), atol=1e-5)
    v = t(V).clone()
    v[1] = 1e6
    out2, _ = scaled_dot_product_attention(t(Q), t(K), v, mask)
    assert torch.allclose(out2, out), "the value of a masked key must not leak into the output"
    rows = torch.tensor([[True, True, False], [True, False, False]])
    _, w = scaled_dot_product_attention(t(Q), t(K), t(V), rows)
    assert torch.allclose(w[1], t([1.0, 0.0, 0.0])), "a per-query mask [Lq, Lk] must work too"


def test_multi_head_attention_matches_torch_and_is_your_own():
    torch.manual_seed(1)
    d, heads = 12, 3
    reference = nn.MultiheadAttention(d, heads, batch_first=True).eval()
    mine = MultiHeadSelfAttention(d, heads)
    assert not any(isinstance(m, nn.MultiheadAttention) for m in mine.modules()), (
        "MultiHeadSelfAttention must be built from its own q/k/v/out projections, not nn.MultiheadAttention"
    )
    with torch.no_grad():
        w, b = reference.in_proj_weight, reference.in_proj_bias
        for i, name in enumerate(("q_proj", "k_proj", "v_proj")):
            getattr(mine, name).weight.copy_(w[i * d:(i + 1) * d])
            getattr(mine, name).bias.copy_(b[i * d:(i + 1) * d])
        mine.out_proj.load_state_dict(reference.out_proj.state_dict())
    x = torch.randn(2, 5, d)
    keep = torch.tensor([[True] * 5, [True, True, True, False, False]])
    expected, _ = reference(x, x, x, key_padding_mask=~keep)
    with torch_attention_blocked():
        got = mine(x, keep)
        got_unmasked = mine(x)
    assert got.shape == (2, 5, d)
    assert torch.allclose(got, expected, atol=1e-5), (
        "with the same weights your multi-head attention must equal torch's (split into heads of d/h, "
        f"attend per head, concatenate, out_proj); max difference {float((got - expected).abs().max()):.2e}"
    )
    full, _ = reference(x, x, x)
    assert torch.allclose(got_unmasked, full, atol=1e-5), "keep=None means every token may attend to every other"


def test_positional_encoding_formula():
    pe = positional_encoding(6, 8)
    assert pe.shape == (6, 8)
    assert torch.allclose(pe[0], t([0, 1, 0, 1, 0, 1, 0, 1])), "position 0: sin(0) = 0 in even columns, cos(0) = 1 in odd"
    # position 1, i = 0: angle 1; position 3, i = 1: angle 3 / 10000^(2/8) = 0.3; position 5, i = 3: 5 / 10000^(6/8) = 0.005
    expected = {(1, 0): 0.841471, (1, 1): 0.540302, (3, 2): 0.295520, (3, 3): 0.955336, (5, 6): 0.005000, (5, 7): 0.999988}
    for (pos, col), value in expected.items():
        assert pe[pos, col].item() == pytest.approx(value, abs=1e-5), (
            f"pe[{pos}, {col}] should be {value}: even column 2i is sin(pos / 10000^(2i/d)), odd column 2i+1 its cosine"
        )
    assert math.isclose(float(positional_encoding(50, 16).abs().max()), 1.0, abs_tol=1e-6)
