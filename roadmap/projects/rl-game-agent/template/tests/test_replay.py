"""Milestone 2: the experience-replay buffer."""
import numpy as np
import pytest
import torch

from rlagent.replay import ReplayBuffer


def transition(i):
    """Transition number i, with every field derived from i so rows can be checked."""
    obs = np.array([i, i + 0.5, -i], dtype=np.float32)
    return obs, i % 3, float(i), obs + 1.0, bool(i % 2)


def fill(buffer, ids):
    for i in ids:
        buffer.push(*transition(i))


def test_push_len_and_capacity():
    buf = ReplayBuffer(capacity=5, obs_shape=(3,), seed=0)
    assert len(buf) == 0
    fill(buf, range(3))
    assert len(buf) == 3
    fill(buf, range(3, 7))
    assert len(buf) == 5, "the buffer never holds more than `capacity` transitions"
    ids = sorted(buf.sample(5).rewards.tolist())
    assert ids == [2.0, 3.0, 4.0, 5.0, 6.0], (
        f"once full, the OLDEST transitions are overwritten; stored rewards should be 2..6, got {ids}"
    )


def test_sample_returns_whole_transitions_as_tensors():
    buf = ReplayBuffer(capacity=50, obs_shape=(3,), seed=1)
    fill(buf, range(20))
    b = buf.sample(8)
    assert b.obs.dtype == torch.float32 and tuple(b.obs.shape) == (8, 3)
    assert b.next_obs.dtype == torch.float32 and tuple(b.next_obs.shape) == (8, 3)
    assert b.actions.dtype == torch.int64 and tuple(b.actions.shape) == (8,)
    assert b.rewards.dtype == torch.float32 and tuple(b.rewards.shape) == (8,)
    assert b.terminated.dtype == torch.float32 and tuple(b.terminated.shape) == (8,)
    for k in range(8):
        i = int(b.rewards[k])
        obs, action, _, next_obs, done = transition(i)
        assert torch.equal(b.obs[k], torch.from_numpy(obs)), "each row must be ONE transition"
        assert torch.equal(b.next_obs[k], torch.from_numpy(next_obs))
        assert int(b.actions[k]) == action and float(b.terminated[k]) == float(done)
    assert len(set(b.rewards.tolist())) == 8, "a batch holds different transitions (no repeats)"
    with pytest.raises(ValueError):
        buf.sample(21)


def test_push_stores_a_copy():
    buf = ReplayBuffer(capacity=4, obs_shape=(3,), seed=0)
    obs = np.array([1.0, 2.0, 3.0], dtype=np.float32)
    buf.push(obs, 1, 0.5, obs, False)
    obs[:] = 99.0  # an environment may reuse its observation array
    b = buf.sample(1)
    assert b.obs[0].tolist() == [1.0, 2.0, 3.0], "push must store a copy of the observation"


def test_sample_is_uniform_over_stored_and_seeded():
    buf = ReplayBuffer(capacity=100, obs_shape=(3,), seed=3)
    fill(buf, range(150))  # ids 50..149 are stored
    counts = np.zeros(150, dtype=int)
    for _ in range(2000):
        for i in buf.sample(10).rewards.tolist():
            counts[int(i)] += 1
    assert counts[:50].sum() == 0, "overwritten transitions must never be sampled"
    stored = counts[50:]
    # Uniform sampling gives each of the 100 stored transitions ~200 draws (std ~14).
    assert stored.min() >= 140 and stored.max() <= 260, (
        f"every stored transition should be equally likely: draws per transition range "
        f"{stored.min()}..{stored.max()} (expected ~200 each)"
    )
    a, b = ReplayBuffer(100, (3,), seed=7), ReplayBuffer(100, (3,), seed=7)
    fill(a, range(60))
    fill(b, range(60))
    assert a.sample(16).rewards.tolist() == b.sample(16).rewards.tolist(), (
        "sampling must use the buffer's own seeded generator"
    )
