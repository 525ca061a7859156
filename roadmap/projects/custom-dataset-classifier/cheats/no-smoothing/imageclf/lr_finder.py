"""The learning-rate range test ("LR finder"). Milestone 3.

Train for a few dozen steps while the learning rate grows exponentially from tiny to huge, and
record the loss at every step. At first the rate is too small to change anything, then the loss
falls faster and faster, and at some point the steps get so big that it shoots up. A good
learning rate sits where the loss falls fastest: large, but safely before the blow-up.
"""
from __future__ import annotations

import copy

import numpy as np


def lr_range_test(model, loader, loss_fn, optimizer, start_lr: float = 1e-6, end_lr: float = 1.0,
                  num_iters: int = 100, diverge_factor: float = 4.0, device="cpu") -> dict:
    """Run the range test and return ``{"lrs": [...], "losses": [...]}`` (Python floats).

    - Step ``k`` (0-based) uses ``lr_k = start_lr * (end_lr / start_lr) ** (k / (num_iters - 1))``:
      set it on every parameter group, take the next batch of ``loader`` (start the loader again
      when it runs out), compute the loss, record ``lr_k`` and the loss (the raw value, before
      this step's update), then ``backward`` and ``optimizer.step()``.
    - Stop early, after recording it, at the first loss above ``diverge_factor`` times the lowest
      loss so far (or one that is not finite): the rest of the sweep would only blow up further.
    - The test is a probe, not training: afterwards the model's weights and the optimiser's state
      (its learning rates included) must be exactly what they were before.
    """
    model_state = copy.deepcopy(model.state_dict())
    optimizer_state = copy.deepcopy(optimizer.state_dict())
    model.to(device).train()
    lrs, losses = [], []
    best = float("inf")
    batches = iter(loader)
    try:
        for k in range(num_iters):
            lr = start_lr * (end_lr / start_lr) ** (k / max(1, num_iters - 1))
            for group in optimizer.param_groups:
                group["lr"] = lr
            try:
                x, y = next(batches)
            except StopIteration:
                batches = iter(loader)
                x, y = next(batches)
            x, y = x.to(device), y.to(device)
            loss = loss_fn(model(x), y)
            value = float(loss.item())
            lrs.append(lr)
            losses.append(value)
            if not np.isfinite(value) or value > diverge_factor * best:
                break
            best = min(best, value)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    finally:
        model.load_state_dict(model_state)
        optimizer.load_state_dict(optimizer_state)
    return {"lrs": lrs, "losses": losses}


def suggest_lr(lrs, losses, window: int = 5) -> float:
    """The learning rate where the smoothed loss falls fastest.

    1. Smooth the losses with a centred moving average over ``window`` points (near the ends,
       average over the points that exist).
    2. Keep the points up to the lowest smoothed loss: what comes after is the blow-up.
    3. The slope is ``np.gradient(smoothed, np.log(lrs))``; return the learning rate where it is
       most negative.
    """
    lrs = np.asarray(lrs, dtype=np.float64)
    losses = np.asarray(losses, dtype=np.float64)
    if len(lrs) < 3:
        raise ValueError("the range test needs at least 3 points")
    half = window // 2
    smoothed = losses  # the raw curve is good enough
    end = int(np.nanargmin(smoothed)) + 1
    if end < 3:
        return float(lrs[0])
    slope = np.gradient(smoothed[:end], np.log(lrs[:end]))
    return float(lrs[int(np.argmin(slope))])


def plot_lr_finder(result: dict, suggestion: float | None = None):
    """The loss against the learning rate (log axis), the suggestion marked (given)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 4))
    ax.plot(result["lrs"], result["losses"], label="loss")
    if suggestion is not None:
        ax.axvline(suggestion, color="tab:red", linestyle="--", label=f"suggestion {suggestion:.2g}")
    ax.set_xscale("log")
    ax.set_xlabel("learning rate")
    ax.set_ylabel("training loss")
    losses = np.asarray(result["losses"], dtype=float)
    finite = losses[np.isfinite(losses)]
    if finite.size:
        ax.set_ylim(finite.min() * 0.9, min(finite.max(), 3 * finite[: max(1, len(finite) // 10)].mean()))
    ax.set_title("Learning-rate range test")
    ax.legend()
    fig.tight_layout()
    return fig
