"""Milestone 6: evaluation over episodes with confidence intervals, and a new domain."""
import math

import numpy as np
import pytest
import torch

from conftest import assert_honest_training, digits, trained_protonet
from fewshot.episodes import EpisodeSampler
from fewshot.evaluate import evaluate_episodes, mean_ci, raw_pixel_predictor
from fewshot.models import ConvEmbedding
from referee import as_float, episodes, grade_embedding, grade_raw_pixels, nearest_prototype

UCI_BAR = 0.86  # 5-way 5-shot over all ten classes of the second domain (untrained: ~0.83)


def test_mean_ci_is_over_episodes():
    mean, ci = mean_ci([0.6, 0.8, 0.7, 0.9])
    assert mean == pytest.approx(0.75)
    assert ci == pytest.approx(1.96 * np.std([0.6, 0.8, 0.7, 0.9], ddof=1) / 2)
    assert mean_ci([0.5]) == pytest.approx((0.5, 0.0))


def test_evaluate_episodes_scores_every_episode_without_showing_query_labels():
    images, labels = digits("uci")
    calls = []

    def predict(support_x, support_y, query_x, n_way):
        assert tuple(support_x.shape) == (3 * 2, 1, 28, 28) and tuple(query_x.shape) == (3 * 4, 1, 28, 28)
        assert support_x.dtype == torch.float32 and float(support_x.max()) <= 1.0
        calls.append(1)
        # the referee's rule: nearest class mean of the raw pixels
        s, q = support_x.reshape(6, -1), query_x.reshape(12, -1)
        means = torch.stack([s[torch.as_tensor(support_y) == c].mean(0) for c in range(n_way)])
        return torch.cdist(q, means).argmin(1)

    report = evaluate_episodes(predict, images, labels, classes=list(range(10)), n_way=3, k_shot=2,
                               n_query=4, episodes=40, seed=5)
    assert len(calls) == 40 and len(report["accuracies"]) == 40, "one predict call and one accuracy per episode"
    sampler = EpisodeSampler(labels, 3, 2, 4, classes=list(range(10)), seed=5)
    x = as_float(images)
    expected = []
    for _ in range(40):
        ep = sampler.sample()
        pred = predict(x[ep.support], torch.as_tensor(ep.support_labels), x[ep.query], 3).numpy()
        expected.append(float((pred == ep.query_labels).mean()))
    assert list(report["accuracies"]) == pytest.approx(expected), "episodes come from your sampler, in order"
    assert report["mean"] == pytest.approx(np.mean(expected))
    assert report["ci95"] == pytest.approx(1.96 * np.std(expected, ddof=1) / math.sqrt(40)), (
        "the interval is over EPISODES (40 samples), not over individual queries"
    )


def test_raw_pixel_baseline():
    predict = raw_pixel_predictor()
    support = torch.zeros(4, 1, 28, 28)
    support[0, 0, :14] = 1.0  # label 0: ink on top
    support[1, 0, :12] = 1.0
    support[2, 0, 14:] = 1.0  # label 1: ink at the bottom
    support[3, 0, 16:] = 1.0
    query = torch.zeros(3, 1, 28, 28)
    query[0, 0, 2:10] = 1.0
    query[1, 0, 20:] = 1.0
    query[2, 0, 13:26] = 1.0
    pred = predict(support, torch.tensor([0, 0, 1, 1]), query, 2)
    assert np.asarray(pred).tolist() == [0, 1, 1]
    images, labels = digits("novel")
    from conftest import NOVEL
    from fewshot.evaluate import evaluate_episodes as ev

    mean = ev(predict, images, labels, NOVEL, episodes=60, seed=1)["mean"]
    assert 0.6 <= mean <= 0.8, f"nearest mean of raw pixels scores ~0.71 on the novel digits, got {mean:.3f}"

    # The same rule as the referee's on real episodes: other rules (the nearest single support
    # image, a cosine similarity...) also get the small example above right.
    x, s_lab = as_float(images), torch.arange(5).repeat_interleave(5)
    agree = []
    for s, q in episodes(labels, NOVEL, 5, 5, 15, 30, seed=7):
        mine = np.asarray(predict(x[s], s_lab, x[q], 5))
        ref = nearest_prototype(x[s].reshape(len(s), -1), s_lab, x[q].reshape(len(q), -1), 5).numpy()
        agree.append(np.mean(mine == ref))
    assert np.mean(agree) >= 0.99, (
        f"your baseline agrees with the nearest class mean of the raw pixels on {np.mean(agree):.1%} of "
        "the queries: label each query with the class whose MEAN support image is nearest"
    )


def test_protonet_transfers_to_a_new_domain():
    run = trained_protonet()
    assert_honest_training(run)
    net = run["model"]
    fresh = ConvEmbedding(net.channels)
    fresh.load_state_dict({k: v.detach().cpu() for k, v in net.state_dict().items()})
    images, labels = digits("uci")
    acc = grade_embedding(fresh.eval(), images, labels, list(range(10)))
    raw = grade_raw_pixels(images, labels, list(range(10)))
    assert acc >= UCI_BAR, (
        f"trained on MNIST digits 0-4 only, the embedding scores {acc:.3f} on the UCI digits "
        f"(bar {UCI_BAR}; raw pixels: {raw:.3f})"
    )
