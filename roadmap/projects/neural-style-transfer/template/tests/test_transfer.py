"""Milestone 2: the optimisation over the pixels."""
import math

import pytest
import torch
import torch.nn.functional as F

from conftest import ProbeExtractor, own_losses, own_total_variation
from stylize.images import content_scene, style_dots, style_waves
from stylize.transfer import stylize

SEEN = 24  # the columns SeesTheLeft looks at


class SeesTheLeft(ProbeExtractor):
    """The probe network, shown only the left 24 columns of an image: the pixels right of them get
    no gradient, so an image that comes out of the optimisation keeps its starting noise there."""

    def forward(self, x):
        return super().forward(x[..., :SEEN])


def _noise(shape, seed=0):
    return torch.rand(shape, generator=torch.Generator().manual_seed(seed))


def test_content_loss_alone_reproduces_the_content():
    content = content_scene(32)
    extractor = SeesTheLeft(content_layers=["r2"])
    image, history = stylize(content, style_waves(32), extractor, steps=150, lr=0.05, style_weight=0.0,
                             init="noise", seed=0, device="cpu")
    noise = _noise(content.shape)
    start, _ = own_losses(extractor, noise, content, style_waves(32))
    assert history[0]["content"] == pytest.approx(start, rel=1e-4), (
        "history[0] must hold the content loss of the starting noise (init='noise': torch.rand with a "
        "generator seeded with `seed`), before the first update"
    )
    end, _ = own_losses(extractor, image, content, style_waves(32))
    assert end < 1e-3 * start, f"the content loss of the result, measured by the test, should all but vanish: {end:.2e}"
    mse = float(F.mse_loss(image[..., :SEEN], content[..., :SEEN]))
    psnr = 10 * math.log10(1.0 / max(mse, 1e-12))
    assert psnr >= 30, f"from noise, the content loss alone must rebuild the content image: PSNR {psnr:.1f} dB < 30 dB"
    unseen_kept = torch.allclose(image[..., SEEN:], noise[..., SEEN:], atol=1e-6)
    assert unseen_kept, (
        f"the test's network sees only the left {SEEN} columns, so the losses give the others no gradient and "
        "they must still hold the starting noise: the image must come out of the optimisation, not be copied"
    )


@pytest.fixture(scope="module")
def painted():
    """One style transfer from noise, shared by the checks below (runs inside the first test)."""
    cache = {}

    def get():
        if not cache:
            content, style = content_scene(32), style_waves(40)  # the style image may have another size
            extractor = ProbeExtractor()
            image, history = stylize(content, style, extractor, steps=150, lr=0.03, style_weight=1e3,
                                     init="noise", seed=1, device="cpu")
            cache.update(content=content, style=style, extractor=extractor, image=image, history=history)
        return cache

    return get


def test_both_losses_fall_and_the_style_is_transferred(painted):
    run = painted()
    history, extractor = run["history"], run["extractor"]
    assert len(history) == 150 and [h["step"] for h in history[:3]] == [0, 1, 2], "one record per step"
    c0, s0 = own_losses(extractor, _noise(run["content"].shape, seed=1), run["content"], run["style"])
    assert history[0]["content"] == pytest.approx(c0, rel=1e-4) and history[0]["style"] == pytest.approx(s0, rel=1e-4), (
        "history[0] must hold the losses of the starting noise, as the test computes them"
    )
    c_out, s_out = own_losses(extractor, run["image"], run["content"], run["style"])
    assert c_out < 0.5 * c0, f"the content loss of the result, measured by the test, should fall by half: {c0:.2e} -> {c_out:.2e}"
    assert s_out < 0.5 * s0, f"the style loss of the result, measured by the test, should fall by half: {s0:.2e} -> {s_out:.2e}"
    _, s_content = own_losses(extractor, run["content"], run["content"], run["style"])
    assert s_out <= 0.2 * s_content, (
        f"the result's style loss, measured by the test ({s_out:.2e}), should be far below the content "
        f"image's own ({s_content:.2e}): the style has not been transferred"
    )
    assert history[-1]["total"] == pytest.approx(history[-1]["content"] + 1e3 * history[-1]["style"], rel=1e-5)


def test_output_has_the_content_size_and_range():
    content = content_scene(32)[:, :, 4:28, :]  # 24 x 32: not square
    style = style_dots(40)
    before = content.clone()
    frames = []
    image, history = stylize(content, style, ProbeExtractor(), steps=5, lr=0.5, style_weight=1e3, init="content",
                             device="cpu", callback=lambda step, img, rec: frames.append((step, img)), every=2)
    assert tuple(image.shape) == (1, 3, 24, 32), f"the result has the content's shape, got {tuple(image.shape)}"
    assert float(image.min()) >= 0.0 and float(image.max()) <= 1.0, "pixels stay in [0, 1] (clamp after each step)"
    assert not image.requires_grad and image.device.type == "cpu", "return a detached CPU tensor"
    assert torch.equal(content, before), "the content image passed in must not change"
    steps = [s for s, _ in frames]
    assert steps == [0, 2, 4, 5], f"callback at steps 0, 2, 4 and after the last (5); got {steps}"
    assert all(tuple(f.shape) == (1, 3, 24, 32) for _, f in frames)
    assert torch.allclose(frames[0][1], content) and torch.allclose(frames[-1][1], image), (
        "the first frame is the starting image, the last one the result"
    )
    assert len(history) == 5


def test_the_weights_steer_the_result():
    content, style = content_scene(32), style_dots(32)
    extractor = ProbeExtractor()

    def paint(content_weight=1.0, tv_weight=0.0):
        image, history = stylize(content, style, extractor, steps=60, lr=0.05, style_weight=1e3,
                                 content_weight=content_weight, tv_weight=tv_weight, init="noise", seed=2, device="cpu")
        last = history[-1]
        assert last["total"] == pytest.approx(content_weight * last["content"] + 1e3 * last["style"] + tv_weight * last["tv"],
                                              rel=1e-5), "total = content_weight * content + style_weight * style + tv_weight * tv"
        return image

    plain, smooth, faithful = paint(), paint(tv_weight=1.0), paint(content_weight=30.0)
    tv_plain, tv_smooth = own_total_variation(plain), own_total_variation(smooth)
    assert tv_smooth < 0.1 * tv_plain, (
        f"tv_weight=1 should smooth the result: its total variation {tv_smooth:.2e} is not far below {tv_plain:.2e} (tv_weight=0)"
    )
    c_plain, _ = own_losses(extractor, plain, content, style)
    c_faithful, _ = own_losses(extractor, faithful, content, style)
    assert c_faithful < 0.5 * c_plain, (
        f"content_weight=30 should keep the result closer to the content: content loss {c_faithful:.2e}, "
        f"{c_plain:.2e} with content_weight=1"
    )
