"""Milestone 3: training the embeddings, and verification on identities never seen in training."""
import copy

import numpy as np
import torch

from facerec.embed import EmbeddingNet, embed
from facerec.verify import make_pairs, pair_distances, threshold_for_far, tune_threshold

ACCURACY_BAR = 0.82  # raw pixels ~0.58, an untrained network ~0.58


def best_threshold(distances, same):
    """The test's own threshold search (the distance that maximises pair accuracy)."""
    candidates = np.unique(distances)
    return float(candidates[int(np.argmax([np.mean((distances <= t) == same) for t in candidates]))])


def test_tune_threshold_hand_case():
    d = np.array([0.1, 0.2, 0.3, 0.4, 0.5, 0.6])
    same = np.array([True, True, False, True, False, False])
    # accept d <= t: t = 0.2 -> 5/6 right; t = 0.4 -> 5/6 right; the smaller wins.
    assert np.isclose(tune_threshold(d, same), 0.2), f"got {tune_threshold(d, same)}, expected 0.2"
    tied = np.array([0.3, 0.3, 0.3, 0.9])
    assert np.isclose(tune_threshold(tied, np.array([True, True, False, False])), 0.3), (
        "a threshold cannot split equal distances: 0.3 accepts all three"
    )


def test_threshold_for_far_hand_case():
    d = np.array([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7])
    same = np.array([True, True, False, True, False, False, False])
    # 4 different pairs. far 0.25 allows 1 false accept: every distance up to 0.4 is fine,
    # 0.5 would be the second one.
    assert np.isclose(threshold_for_far(d, same, far=0.25), 0.4), f"got {threshold_for_far(d, same, 0.25)}"
    assert np.isclose(threshold_for_far(d, same, far=0.0), 0.2), "far 0: stop before the first different pair"
    assert np.isclose(threshold_for_far(d, same, far=1.0), 0.7)
    assert np.isclose(threshold_for_far(np.array([0.4, 0.5]), np.array([False, True]), far=0.0), 0.2), (
        "when even the smallest distance is a stranger: half of it"
    )


def _accuracy(model, faces):
    rng = np.random.default_rng(42)
    val_x, val_y = faces["val"]
    test_x, test_y = faces["test"]
    vp, vs = make_pairs(val_y, 400, rng)
    tp, ts = make_pairs(test_y, 560, rng)
    threshold = best_threshold(pair_distances(embed(model, val_x), vp), vs)
    return float(np.mean((pair_distances(embed(model, test_x), tp) <= threshold) == ts))


def test_verification_on_held_out_identities(embedder, faces):
    data = embedder()
    assert len(data["generator_calls"]) == 0, (
        "train_embedder called the face generator: it must learn from the crops it is given only"
    )
    model, history = data["model"], data["history"]
    assert isinstance(model, EmbeddingNet), "train_embedder returns your EmbeddingNet"
    assert len(history) >= 2 and history[-1] < history[0], "the triplet loss should fall"
    accuracy = _accuracy(model, faces())
    assert accuracy >= ACCURACY_BAR, (
        f"verification accuracy on held-out identities is {accuracy:.3f}; it must be at least {ACCURACY_BAR}"
    )
    fresh = copy.deepcopy(model)
    torch.manual_seed(1)
    for m in fresh.modules():
        if hasattr(m, "reset_parameters"):
            m.reset_parameters()
    assert _accuracy(fresh, faces()) < 0.75, "with re-initialised weights the embeddings should know nothing"
