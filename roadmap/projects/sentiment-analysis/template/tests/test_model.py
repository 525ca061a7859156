"""Milestone 3: the encoder block, the model, and PyTorch's encoder as an option."""
import torch
from torch import nn

from sentiment.data import ASPECTS, LABELS
from sentiment.model import EncoderBlock, SentimentTransformer, copy_from_torch_layer
from tests.helpers import torch_attention_blocked


def _ids():
    return torch.tensor([[2, 9, 10, 11, 12, 0, 0], [2, 13, 14, 15, 16, 17, 18], [2, 19, 0, 0, 0, 0, 0]])


def test_block_matches_torch_encoder_layer():
    torch.manual_seed(2)
    layer = nn.TransformerEncoderLayer(16, 4, 32, dropout=0.0, batch_first=True).eval()
    block = EncoderBlock(16, 4, 32, dropout=0.0)
    assert not any(isinstance(m, (nn.MultiheadAttention, nn.TransformerEncoderLayer)) for m in block.modules()), (
        "EncoderBlock must use your MultiHeadSelfAttention, not PyTorch's layers"
    )
    copy_from_torch_layer(block, layer)
    block.eval()
    x = torch.randn(3, 6, 16)
    keep = torch.tensor([[True] * 6, [True] * 4 + [False] * 2, [True] + [False] * 5])
    with torch.no_grad():
        expected = layer(x, src_key_padding_mask=~keep)
        with torch_attention_blocked():
            got = block(x, keep)
    assert got.shape == x.shape
    diff = float((got - expected)[keep].abs().max())
    assert diff < 1e-5, (
        "with the same weights your block must compute what nn.TransformerEncoderLayer computes (post-norm: "
        f"x = norm1(x + attn(x)); x = norm2(x + ff(x))); max difference on real tokens {diff:.2e}"
    )


def test_model_outputs_and_padding_invariance():
    torch.manual_seed(3)
    model = SentimentTransformer(40).eval()
    ids = _ids()
    with torch.no_grad(), torch_attention_blocked():
        out = model(ids)
        alone = model(ids[:1, :5])
        padded = model(torch.cat([ids[:1], torch.zeros(1, 4, dtype=torch.long)], dim=1))
    assert out.sentence.shape == (3, len(LABELS))
    assert out.aspect.shape == (3, 7, 1 + len(ASPECTS)) and out.polarity.shape == (3, 7, len(LABELS))
    assert torch.allclose(out.sentence[:1], alone.sentence, atol=1e-5) and torch.allclose(padded.sentence, alone.sentence, atol=1e-5), (
        "padding must not change the prediction: mask padded keys (input_ids == PAD) in every block "
        "and pool only over real tokens"
    )
    assert torch.allclose(out.aspect[0, :5], alone.aspect[0], atol=1e-5), "token outputs must not depend on padding"
    emb = model.embed(ids)
    assert emb.shape == (3, 7, model.config["d_model"])
    again = model.forward_from_embeddings(emb, ids != 0)
    assert torch.allclose(again.sentence, out.sentence, atol=1e-6), "forward(ids) == forward_from_embeddings(embed(ids), ids != PAD)"
    assert all(isinstance(b, EncoderBlock) for b in model.blocks) and len(model.blocks) == 2


def test_torch_encoder_option_matches_your_blocks():
    torch.manual_seed(4)
    theirs = SentimentTransformer(40, encoder="torch").eval()
    mine = SentimentTransformer(40, encoder="own").eval()
    state = {k: v for k, v in theirs.state_dict().items() if not k.startswith("encoder.")}
    missing, _ = mine.load_state_dict(state, strict=False)
    assert all(k.startswith("blocks.") for k in missing)
    for block, layer in zip(mine.blocks, theirs.encoder.layers):
        copy_from_torch_layer(block, layer)
    ids = _ids()
    with torch.no_grad():
        expected = theirs(ids)
        with torch_attention_blocked():
            got = mine(ids)
    assert torch.allclose(got.sentence, expected.sentence, atol=1e-5), (
        "encoder='torch' must give what your blocks give with the same weights: pass "
        "src_key_padding_mask=~keep (True = padding) to nn.TransformerEncoder"
    )
    keep = ids != 0
    assert torch.allclose(got.polarity[keep], expected.polarity[keep], atol=1e-5)
