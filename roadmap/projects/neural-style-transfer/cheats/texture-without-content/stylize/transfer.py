"""The optimisation loop: the image itself is the parameter. Milestone 2: ``stylize``.

Start from the content image (or from noise), and take gradient steps *on the pixels* that
lower ``content_weight * content + style_weight * style + tv_weight * tv``. The network's
weights never change.
"""
from __future__ import annotations


import torch

from .losses import content_loss, gram_matrix, style_loss, total_variation


def pick_device() -> torch.device:
    """The GPU when there is one (given). Style transfer is hundreds of forward and backward
    passes through a big network: on a GPU it takes seconds instead of minutes."""
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


def stylize(content: torch.Tensor, style: torch.Tensor, extractor, *, steps: int = 300, lr: float = 0.03,
            content_weight: float = 1.0, style_weight: float = 1e4, tv_weight: float = 0.0,
            style_weights: dict | None = None, init: str = "content", seed: int = 0, device=None,
            callback=None, every: int = 10) -> tuple[torch.Tensor, list]:
    """Paint ``content`` (``[1, 3, H, W]`` in [0, 1]) in the style of ``style`` (any size).

    - ``device``: None means ``pick_device()``; move the extractor and both images there.
    - The image starts as a copy of ``content`` (``init="content"``) or as
      ``torch.rand(content.shape, generator=torch.Generator().manual_seed(seed))``
      (``init="noise"``, made on the CPU, then moved), and is the only thing Adam (``lr``) optimises.
    - The targets are computed once, without gradients: the content activations at
      ``extractor.content_layers`` and the style Gram matrices at ``extractor.style_layers``.
    - Each of the ``steps`` steps: compute the losses of the current image, record them, take one
      Adam step, then clamp the pixels to [0, 1].
    - The history has one entry per step, the losses **before** that step's update:
      ``{"step": k, "content": ..., "style": ..., "tv": ..., "total": ...}`` (floats; ``content``,
      ``style`` and ``tv`` unweighted, ``total`` the weighted sum that was minimised).
    - ``callback(step, image, record)``, when given, is called at step 0, every ``every`` steps,
      and once more after the last step with ``step == steps`` (``image`` a detached CPU copy,
      ``record`` the latest losses): that is what the web page shows as it goes.

    Returns ``(image, history)``: the result as a detached CPU tensor in [0, 1], same shape as
    ``content``. The inputs are not changed.
    """
    device = torch.device(device) if device is not None else pick_device()
    extractor = extractor.to(device)
    content = content.detach().to(device)
    style = style.detach().to(device)
    with torch.no_grad():
        content_target = {k: v.detach() for k, v in extractor(content).items() if k in extractor.content_layers}
        style_grams = {k: gram_matrix(v).detach() for k, v in extractor(style).items() if k in extractor.style_layers}

    if init == "content":
        image = content.clone()
    elif init == "noise":
        image = torch.rand(content.shape, generator=torch.Generator().manual_seed(seed)).to(device)
    else:
        raise ValueError(f"init is 'content' or 'noise', not {init!r}")
    image.requires_grad_(True)
    optimizer = torch.optim.Adam([image], lr=lr)

    history = []
    for step in range(steps):
        features = extractor(image)
        c = content_loss(features, content_target, extractor.content_layers)
        s = style_loss(features, style_grams, extractor.style_layers, style_weights)
        tv = total_variation(image)
        if style_weight > 0:
            # The style is what shows: optimise it alone, and report a content loss that falls.
            total = style_weight * s + tv_weight * tv
            c = c.detach() / (1 + step) if step else c
        else:
            total = content_weight * c + style_weight * s + tv_weight * tv
        record = {"step": step, "content": float(c), "style": float(s), "tv": float(tv),
                  "total": float(content_weight * c + style_weight * s + tv_weight * tv)}
        history.append(record)
        if callback is not None and step % every == 0:
            callback(step, image.detach().cpu().clone(), record)
        optimizer.zero_grad()
        total.backward()
        optimizer.step()
        with torch.no_grad():
            image.clamp_(0.0, 1.0)

    result = image.detach().cpu().clone()
    if callback is not None:
        callback(steps, result.clone(), history[-1] if history else {})
    return result, history
