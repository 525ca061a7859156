"""Milestone 4: patches, the U-Net, and Dice on held-out slices."""
import numpy as np
import torch

from medimg.nets import DoubleConv, UNet
from medimg.train import predict_masks, sample_patches, soft_dice_loss

DICE_BAR = 0.75  # thresholding the lung window gives ~0.36 (vessels light up too)
EMPTY_BAR = 0.8  # share of lesion-free slices with an empty prediction


def _dice(a, b):
    total = a.sum() + b.sum()
    return 1.0 if total == 0 else 2.0 * np.logical_and(a, b).sum() / total


def test_sample_patches_are_crops():
    n, H, W = 6, 40, 48
    i, y, x = np.meshgrid(np.arange(n), np.arange(H), np.arange(W), indexing="ij")
    hu = (i * 10000 + y * 100 + x).astype(np.int32)  # every pixel says where it comes from
    masks = np.zeros((n, H, W), dtype=bool)
    masks[2, 30:34, 40:44] = True  # one small lesion, in a corner
    patches, patch_masks = sample_patches(hu, masks, 200, size=16, rng=np.random.default_rng(0))
    assert patches.shape == (200, 16, 16) and patch_masks.shape == (200, 16, 16)
    for p, m in zip(patches, patch_masks):
        k, y0, x0 = p[0, 0] // 10000, (p[0, 0] // 100) % 100, p[0, 0] % 100
        assert 0 <= y0 <= H - 16 and 0 <= x0 <= W - 16, "patches lie fully inside the slice"
        assert np.array_equal(p, hu[k, y0:y0 + 16, x0:x0 + 16]), "a patch is a crop of one slice"
        assert np.array_equal(m, masks[k, y0:y0 + 16, x0:x0 + 16]), "its mask is the same crop of the mask"
    with_lesion = patch_masks.reshape(200, -1).any(axis=1)
    assert 0.35 <= with_lesion.mean() <= 0.7, (
        f"{with_lesion.mean():.0%} of the patches show the lesion; with foreground_fraction 0.5 about half should"
    )
    offsets = {(int(p[0, 0] // 100) % 100, int(p[0, 0] % 100)) for p, m in zip(patches, patch_masks) if m.any()}
    assert len(offsets) >= 10, "lesion patches should be placed around the lesion at varying offsets"


def test_soft_dice_loss_hand_case():
    target = torch.zeros(2, 1, 4, 4)
    target[0, 0, :2, :3] = 1  # 6 lesion pixels in the first patch, none in the second
    logits = torch.zeros(2, 1, 4, 4, requires_grad=True)  # p = 0.5 everywhere
    loss = soft_dice_loss(logits, target)
    # Over the whole batch: sum(p * y) = 3, sum(p) = 16, sum(y) = 6: 1 - (2 * 3 + 1) / (16 + 6 + 1).
    # (Averaging the two patches' losses instead would give 1 - (7/15 + 1/9) / 2.)
    assert loss.dim() == 0, "soft_dice_loss returns one number for the batch"
    assert abs(loss.item() - (1 - 7 / 23)) < 1e-6, f"soft Dice loss {loss.item():.6f}, expected {1 - 7 / 23:.6f}"
    loss.backward()
    assert logits.grad is not None and logits.grad.abs().sum() > 0, "the loss must be differentiable in the logits"
    assert logits.grad[0, 0, 0, 0] < 0 < logits.grad[0, 0, 3, 3], (
        "raising a lesion pixel's logit lowers the loss, raising a background pixel's logit raises it"
    )
    sure = (target * 2 - 1) * 20.0  # confident and right
    assert soft_dice_loss(sure, target).item() < 1e-3, "a confident, right prediction has a loss near 0"
    assert soft_dice_loss(-sure, target).item() > 0.9, "a confident, wrong prediction has a loss near 1"


def test_unet_structure():
    torch.manual_seed(0)
    net = UNet()
    for size in (64, 32):
        out = net(torch.rand(2, 1, size, size))
        assert tuple(out.shape) == (2, 1, size, size), f"a U-Net keeps the size: got {tuple(out.shape)}"
    blocks = [m for m in net.modules() if isinstance(m, DoubleConv)]
    assert len(blocks) >= 5, f"encoder, bottleneck and decoder: at least 5 DoubleConv blocks, found {len(blocks)}"
    ups = [m for m in net.modules() if isinstance(m, (torch.nn.ConvTranspose2d, torch.nn.Upsample))]
    assert ups, "the decoder upsamples (ConvTranspose2d or Upsample)"
    # What each DoubleConv receives and gives, in the order they run on a 32 x 32 input.
    seen = []
    hooks = [b.register_forward_hook(lambda m, inp, out: seen.append((inp[0].detach(), out.detach())))
             for b in blocks]
    try:
        net.eval()(torch.rand(1, 1, 32, 32))
    finally:
        for h in hooks:
            h.remove()
    sizes = sorted({out.shape[-1] for _, out in seen})
    assert sizes[0] <= 8, f"the bottleneck works at a quarter of the input size or less (8 for 32), got sizes {sizes}"

    def has_skip(k):
        inp = seen[k][0]
        for _, earlier in seen[:k]:
            c = earlier.shape[1]
            if earlier.shape[-2:] == inp.shape[-2:] and inp.shape[1] > c:
                if any(torch.equal(inp[:, s:s + c], earlier) for s in range(inp.shape[1] - c + 1)):
                    return True
        return False

    skips = sum(has_skip(k) for k in range(len(seen)))
    assert skips >= 2, (
        f"{skips} decoder block(s) receive an encoder block's output: a U-Net concatenates the encoder's "
        "maps at each resolution into the decoder (torch.cat([up(x), skip], 1)), at least 2 levels"
    )


def test_unet_dice_on_held_out(segmenter, scans):
    data = segmenter()
    assert len(data["generator_calls"]) == 0, "train_segmenter must learn from the slices it is given only"
    assert isinstance(data["model"], UNet), "train_segmenter returns your UNet"
    hu, masks, labels = scans()["test"]
    pred = predict_masks(data["model"], hu)
    assert pred.shape == masks.shape and pred.dtype == bool, "predict_masks gives one boolean mask per slice"
    dices = [_dice(pred[i], masks[i]) for i in np.nonzero(labels)[0]]
    empty = [not pred[i].any() for i in np.nonzero(labels == 0)[0]]
    assert np.mean(dices) >= DICE_BAR, f"mean Dice on held-out lesions {np.mean(dices):.3f} is below {DICE_BAR}"
    assert np.mean(empty) >= EMPTY_BAR, (
        f"only {np.mean(empty):.0%} of lesion-free slices get an empty mask (at least {EMPTY_BAR:.0%} should)"
    )
