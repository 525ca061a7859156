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
    # TODO
    raise NotImplementedError("TODO: box_muller")


def inverse_transform(inverse_cdf, n, rng):
    """Inverse transform sampling: if U ~ U(0, 1) then inverse_cdf(U) has the target distribution.

    ``inverse_cdf`` takes an array of uniforms and returns an array of samples.
    """
    # TODO
    raise NotImplementedError("TODO: inverse_transform")


def discrete_inverse_transform(probs, n, rng):
    """Sample ``n`` indices i with probability ``probs[i]`` (an array that sums to ~1).

    Draw u ~ U(0, 1) and return the first index whose cumulative probability exceeds u
    (``np.searchsorted`` on ``np.cumsum(probs)`` does exactly that). Clip the result to
    ``len(probs) - 1`` in case rounding leaves the total slightly below 1.
    """
    # TODO
    raise NotImplementedError("TODO: discrete_inverse_transform")


def rejection_sample(target_pdf, proposal_sampler, proposal_pdf, M, n, rng):
    """Rejection sampling: return exactly ``n`` samples from ``target_pdf``.

    Requires ``target_pdf(x) <= M * proposal_pdf(x)`` for every x. Repeat until you have n
    accepted samples:
      1. draw candidates x = proposal_sampler(m, rng) (m candidates at once, for speed);
      2. draw u ~ U(0, 1) for each candidate;
      3. keep the candidates with u * M * proposal_pdf(x) <= target_pdf(x).
    On average a fraction 1 / M of the candidates is accepted.
    """
    # TODO
    raise NotImplementedError("TODO: rejection_sample")
