"""Generic sampling algorithms, built on uniform random numbers only.

Every sampler receives ``rng``, a ``numpy.random.Generator`` (the tests pass a stand-in that
ONLY offers ``rng.random(size)``, uniform on [0, 1)). Turning uniforms into other
distributions is the whole point of this module, so do not call ``rng.normal``,
``rng.poisson`` and the like.
"""

import numpy as np


def box_muller(n, rng):
    """Return ``n`` independent standard normal samples (an array of shape (n,)).

    Box–Muller: for independent u1, u2 ~ U(0, 1],
        r = sqrt(-2 ln u1),  theta = 2 pi u2,
        z0 = r cos(theta),   z1 = r sin(theta)
    are two independent N(0, 1) samples. Generate ceil(n / 2) pairs and return n values.
    ``rng.random()`` can return exactly 0, so use ``1 - rng.random(...)`` for u1.
    """
    pairs = (n + 1) // 2
    u1 = 1.0 - rng.random(pairs)  # in (0, 1], so log(u1) is finite
    u2 = rng.random(pairs)
    r = np.sqrt(-2.0 * np.log(u1))
    theta = 2.0 * np.pi * u2
    z = np.concatenate([r * np.cos(theta), r * np.sin(theta)])
    return z[:n]


def inverse_transform(inverse_cdf, n, rng):
    """Inverse transform sampling: if U ~ U(0, 1) then inverse_cdf(U) has the target distribution.

    ``inverse_cdf`` takes an array of uniforms and returns an array of samples.
    """
    return np.asarray(inverse_cdf(rng.random(n)))


def discrete_inverse_transform(probs, n, rng):
    """Sample ``n`` indices i with probability ``probs[i]`` (an array that sums to ~1).

    Draw u ~ U(0, 1) and return the first index whose cumulative probability exceeds u
    (``np.searchsorted`` on ``np.cumsum(probs)`` does exactly that). Clip the result to
    ``len(probs) - 1`` in case rounding leaves the total slightly below 1.
    """
    cumulative = np.cumsum(np.asarray(probs, dtype=float))
    u = rng.random(n)
    idx = np.searchsorted(cumulative, u, side="right")
    return np.minimum(idx, len(cumulative) - 1)


def rejection_sample(target_pdf, proposal_sampler, proposal_pdf, M, n, rng):
    """Rejection sampling: return exactly ``n`` samples from ``target_pdf``.

    Requires ``target_pdf(x) <= M * proposal_pdf(x)`` for every x. Repeat until you have n
    accepted samples:
      1. draw candidates x = proposal_sampler(m, rng) (m candidates at once, for speed);
      2. draw u ~ U(0, 1) for each candidate;
      3. keep the candidates with u * M * proposal_pdf(x) <= target_pdf(x).
    On average a fraction 1 / M of the candidates is accepted.
    """
    accepted = []
    have = 0
    while have < n:
        # Ask for enough candidates to finish in one round on average (plus a margin).
        m = int(np.ceil((n - have) * M * 1.2)) + 10
        x = np.asarray(proposal_sampler(m, rng), dtype=float)
        u = rng.random(m)
        keep = x[u * M * proposal_pdf(x) <= target_pdf(x)]
        accepted.append(keep)
        have += keep.size
    return np.concatenate(accepted)[:n]
