"""Milestone 3: the grid detector: targets, loss, decoding and the network itself."""
import math

import numpy as np
import torch

from detector import model as M


def test_encode_targets_hand_case():
    boxes = [
        np.array([[10, 12, 30, 28]], dtype=np.float32),  # centre (20, 20): cell row 2, column 2
        np.array([[40, 40, 50, 50], [38, 38, 54, 54]], dtype=np.float32),  # both centred in cell (5, 5)
        np.zeros((0, 4), dtype=np.float32),  # an empty scene
    ]
    labels = [np.array([2]), np.array([1, 3]), np.array([], dtype=int)]
    target = M.encode_targets(boxes, labels, grid_size=8)
    assert tuple(target.shape) == (3, 6, 8, 8), f"targets are [B, 6, S, S], got {tuple(target.shape)}"
    t = target[0, :, 2, 2].tolist()
    expected = [1.0, 0.5, 0.5, math.log(20 / M.ANCHOR), math.log(16 / M.ANCHOR), 2.0]
    assert np.allclose(t, expected, atol=1e-5), f"cell (2, 2) of scene 0 holds {t}, expected {expected}"
    assert target[0, 0].sum() == 1, "only the cell holding an object's centre has objectness 1"
    other = target[0].clone()
    other[:, 2, 2] = 0
    assert torch.all(other == 0), "every cell without an object is all zeros"
    big = target[1, :, 5, 5].tolist()
    assert np.allclose(big, [1.0, 0.75, 0.75, math.log(16 / M.ANCHOR), math.log(16 / M.ANCHOR), 3.0], atol=1e-5), (
        f"two objects in one cell: the larger one ([38, 38, 54, 54], class 3) wins, got {big}"
    )
    assert torch.all(target[2] == 0), "an empty scene has an all-zero target"


def test_loss_hand_case():
    # A 2 x 2 grid, 4 classes, one object in cell (0, 1) at offsets (0.25, 0.75), with w = 2 * ANCHOR.
    target = torch.zeros(1, 6, 2, 2)
    target[0, :, 0, 1] = torch.tensor([1.0, 0.25, 0.75, math.log(2.0), 0.0, 3.0])
    pred = torch.zeros(1, 9, 2, 2, requires_grad=True)
    loss = M.yolo_loss(pred, target)
    log2 = math.log(2)
    expected = (
        log2 + 0.5 * 3 * log2  # objectness: BCE(0) = log 2, three empty cells weighted 0.5
        + 5.0 * ((0.5 - 0.25) ** 2 + (0.5 - 0.75) ** 2 + log2 ** 2 + 0.0)  # box, weighted 5
        + math.log(4)  # class: cross-entropy of equal logits over 4 classes
    )
    assert loss.dim() == 0, "the loss is a scalar"
    assert math.isclose(loss.item(), expected, rel_tol=1e-5), f"loss {loss.item():.5f}, expected {expected:.5f}"
    loss.backward()
    assert pred.grad is not None and pred.grad.abs().sum() > 0, "the loss must be differentiable"
    two = M.yolo_loss(torch.zeros(2, 9, 2, 2), torch.cat([target, target]))
    assert math.isclose(two.item(), expected, rel_tol=1e-5), "the loss is averaged over the batch"
    good = torch.full((1, 9, 2, 2), -12.0)
    good[0, :, 0, 1] = torch.tensor([12.0, math.log(0.25 / 0.75), math.log(0.75 / 0.25), math.log(2.0), 0.0,
                                     -12.0, -12.0, -12.0, 12.0])
    assert M.yolo_loss(good, target).item() < 0.01, "a perfect prediction has (almost) zero loss"


def test_decode_hand_case():
    raw = torch.full((1, 9, 8, 8), -20.0)
    raw[:, 1:5] = 0.0
    # Cell (row 1, column 5): sure object of class 3, centre (44, 10), 36 x 18 px.
    raw[0, :, 1, 5] = torch.tensor([20.0, 0.0, math.log(0.25 / 0.75), math.log(2.0), 0.0, 0, 0, 0, 5.0])
    # Cell (7, 7): class 0, centre (60, 60), 54 px wide: clipped at the image's right edge.
    raw[0, :, 7, 7] = torch.tensor([3.0, 0.0, 0.0, math.log(3.0), 0.0, 5.0, 0, 0, 0])
    # Cell (1, 4): also class 3, overlaps the first box a lot, lower score: NMS removes it.
    raw[0, :, 1, 4] = torch.tensor([1.0, 0.9, math.log(0.25 / 0.75), math.log(2.0), 0.0, 0, 0, 0, 5.0])
    # Cell (4, 0): objectness sigmoid(-4) ~ 0.018: below the threshold.
    raw[0, :, 4, 0] = torch.tensor([-4.0, 0, 0, 0, 0, 0, 5.0, 0, 0])
    out = M.decode(raw, conf_threshold=0.05, iou_threshold=0.5)
    assert isinstance(out, list) and len(out) == 1, "decode returns one dict per image"
    det = out[0]
    p = math.exp(5) / (math.exp(5) + 3)  # softmax probability of the winning class
    A = M.ANCHOR
    expected = np.array([[44 - A, 10 - A / 2, 44 + A, 10 + A / 2], [60 - 1.5 * A, 60 - A / 2, 64, 64]])
    expected = np.clip(expected, 0, 64)
    assert det["boxes"].shape == (2, 4), f"expected 2 boxes after thresholding and NMS, got {det['boxes'].shape}"
    assert np.allclose(det["boxes"], expected, atol=1e-3), f"boxes\n{det['boxes']}\nexpected\n{expected}"
    sig3 = 1 / (1 + math.exp(-3))
    assert np.allclose(det["scores"], [p, sig3 * p], atol=1e-4), (
        f"scores {det['scores']}, expected sigmoid(objectness) * best class probability = {[p, sig3 * p]}"
    )
    assert det["labels"].tolist() == [3, 0], f"labels {det['labels'].tolist()}, expected [3, 0]"


def test_model_is_a_grid_detector():
    torch.manual_seed(0)
    net = M.TinyYolo(num_classes=4)
    assert isinstance(net, torch.nn.Module)
    out = net(torch.rand(2, 3, 64, 64))
    assert tuple(out.shape) == (2, 9, 8, 8), f"a 64 x 64 batch of 2 gives [2, 5 + 4, 8, 8], got {tuple(out.shape)}"
    out = net(torch.rand(1, 3, 32, 48))
    assert tuple(out.shape) == (1, 9, 4, 6), "the network is fully convolutional: any size divisible by 8"
    blocks = [m for m in net.modules() if isinstance(m, M.ConvBlock)]
    assert len(blocks) >= 3, f"build the backbone from at least 3 of your ConvBlocks, found {len(blocks)}"
    for block in blocks:
        kinds = {type(m) for m in block.modules()}
        assert torch.nn.Conv2d in kinds and torch.nn.BatchNorm2d in kinds, (
            "a ConvBlock is conv + batch norm + activation"
        )
    n_params = sum(p.numel() for p in net.parameters())
    assert 10_000 <= n_params <= 2_000_000, f"{n_params} parameters: aim for tens of thousands"
    assert net(torch.rand(1, 3, 64, 64)).requires_grad, "the output must depend on trainable parameters"
