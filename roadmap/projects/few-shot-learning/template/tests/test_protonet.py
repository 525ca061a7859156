"""Milestone 2: prototypes, distances and the episode loss."""
import numpy as np
import pytest
import torch
import torch.nn as nn
import torch.nn.functional as F

from conftest import leaf_types
from fewshot.models import ConvEmbedding
from fewshot.protonet import episode_loss, proto_logits, prototypes


def test_prototypes_are_class_means_and_differentiable():
    emb = torch.tensor([[1.0, 0.0], [3.0, 2.0], [0.0, 5.0], [2.0, 2.0], [0.0, 1.0], [4.0, -4.0]],
                       requires_grad=True)
    labels = torch.tensor([0, 2, 1, 0, 1, 2])  # NOT class-major
    protos = prototypes(emb, labels, n_way=3)
    expected = [[1.5, 1.0], [0.0, 3.0], [3.5, -1.0]]
    assert protos.detach().numpy() == pytest.approx(np.array(expected)), (
        "row c is the mean of the embeddings labelled c"
    )
    assert protos.requires_grad, "prototypes must stay in the autograd graph (torch operations only)"
    (protos * torch.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])).sum().backward()
    assert emb.grad is not None, "prototypes must stay in the autograd graph (torch operations only)"
    expected_grad = [[0.5, 1.0], [2.5, 3.0], [1.5, 2.0], [0.5, 1.0], [1.5, 2.0], [2.5, 3.0]]
    assert emb.grad.numpy() == pytest.approx(np.array(expected_grad)), "each shot gets 1/K of its prototype's gradient"

    torch.manual_seed(0)
    z, y = torch.randn(20, 8), torch.arange(4).repeat(5)
    ref = torch.stack([z[y == c].mean(0) for c in range(4)])
    assert torch.allclose(prototypes(z, y, 4), ref, atol=1e-6)


def test_proto_logits_are_negative_squared_distances():
    q = torch.tensor([[0.0, 0.0], [1.0, 1.0]])
    p = torch.tensor([[3.0, 4.0], [1.0, 0.0], [-1.0, 1.0]])
    assert proto_logits(q, p).numpy() == pytest.approx(np.array([[-25.0, -1.0, -2.0], [-13.0, -1.0, -4.0]]))


def test_conv_embedding_maps_digits_to_vectors():
    net = ConvEmbedding(channels=8)
    out = net(torch.rand(4, 1, 28, 28))
    assert tuple(out.shape) == (4, 72), f"three blocks of 8 channels end at 8 x 3 x 3 = 72, got {tuple(out.shape)}"
    assert net.channels == 8
    convs = [m for m in net.modules() if isinstance(m, nn.Conv2d)]
    assert len(convs) == 3 and all(m.kernel_size == (3, 3) for m in convs), "three 3x3 convolutions"
    assert leaf_types(net) <= {"Conv2d", "BatchNorm2d", "ReLU", "MaxPool2d", "Flatten", "Identity"}


def test_episode_loss_is_cross_entropy_over_prototype_logits():
    torch.manual_seed(1)
    flat = nn.Flatten()  # an "embedding" that keeps the raw pixels
    sx, qx = torch.rand(6, 1, 2, 2), torch.rand(4, 1, 2, 2)
    sy, qy = torch.tensor([0, 0, 1, 1, 2, 2]), torch.tensor([0, 1, 2, 2])
    s, q = sx.reshape(6, -1), qx.reshape(4, -1)
    protos = torch.stack([s[sy == c].mean(0) for c in range(3)])
    logits = -((q[:, None] - protos[None]) ** 2).sum(-1)
    loss, acc = episode_loss(flat, sx, sy, qx, qy, n_way=3)
    assert float(loss) == pytest.approx(float(F.cross_entropy(logits, qy)), rel=1e-5)
    assert acc == pytest.approx(float((logits.argmax(1) == qy).float().mean()))
    assert np.isfinite(float(loss))
