"""Milestone 1: N-way K-shot episodes."""
import numpy as np
import pytest

from fewshot.episodes import EpisodeSampler


def toy_labels():
    # 7 classes, 30 examples each, shuffled so positions say nothing about classes
    return np.random.default_rng(0).permutation(np.repeat(np.arange(7), 30))


def test_episode_has_n_classes_with_k_shots_and_q_queries():
    labels = toy_labels()
    ep = EpisodeSampler(labels, n_way=5, k_shot=3, n_query=4, seed=1).sample()
    assert len(ep.classes) == 5 and len(set(np.asarray(ep.classes).tolist())) == 5, "5 different classes"
    assert len(ep.support) == 15 and len(ep.query) == 20, "N*K support and N*Q query examples"
    assert np.array_equal(ep.support_labels, np.repeat(np.arange(5), 3)), (
        "support labels are class-major episode labels: 0,0,0,1,1,1,..."
    )
    assert np.array_equal(ep.query_labels, np.repeat(np.arange(5), 4))


def test_support_and_query_never_overlap():
    labels = toy_labels()
    sampler = EpisodeSampler(labels, n_way=4, k_shot=5, n_query=10, seed=2)
    for _ in range(200):
        ep = sampler.sample()
        s, q = np.asarray(ep.support), np.asarray(ep.query)
        assert not set(s.tolist()) & set(q.tolist()), "an example is both a support and a query"
        assert len(set(s.tolist())) == len(s) and len(set(q.tolist())) == len(q), "no repeated examples"


def test_episode_labels_name_the_right_classes():
    labels = toy_labels()
    sampler = EpisodeSampler(labels, n_way=3, k_shot=2, n_query=3, classes=[1, 2, 4, 6], seed=3)
    orders, seen = set(), set()
    for _ in range(100):
        ep = sampler.sample()
        classes = np.asarray(ep.classes)
        assert set(classes.tolist()) <= {1, 2, 4, 6}, f"only the allowed classes, got {classes}"
        assert np.array_equal(labels[ep.support], classes[ep.support_labels]), (
            "support example i must be of class classes[support_labels[i]]"
        )
        assert np.array_equal(labels[ep.query], classes[ep.query_labels])
        orders.add(tuple(classes.tolist()))
        seen |= set(classes.tolist())
    assert seen == {1, 2, 4, 6}, "every allowed class should turn up"
    assert len(orders) > 10, "the classes must come in a random order (a new labelling per episode)"


def test_sampler_is_seeded_and_checks_its_arguments():
    labels = toy_labels()
    a = EpisodeSampler(labels, 5, 2, 3, seed=7)
    b = EpisodeSampler(labels, 5, 2, 3, seed=7)
    for _ in range(5):
        ea, eb = a.sample(), b.sample()
        assert np.array_equal(ea.support, eb.support) and np.array_equal(ea.query, eb.query)
    c = EpisodeSampler(labels, 5, 2, 3, seed=8).sample()
    assert not np.array_equal(c.support, EpisodeSampler(labels, 5, 2, 3, seed=7).sample().support)
    with pytest.raises(ValueError):
        EpisodeSampler(labels, n_way=8, k_shot=1, n_query=1)  # only 7 classes
    with pytest.raises(ValueError):
        EpisodeSampler(labels, n_way=5, k_shot=20, n_query=11)  # 31 > 30 examples per class
