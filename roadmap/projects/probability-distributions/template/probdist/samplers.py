"""Generic sampling algorithms, built on uniform random numbers only.

Every sampler receives ``rng``, a ``numpy.random.Generator`` (the tests pass a stand-in that
ONLY offers ``rng.random(size)``, uniform on [0, 1)). Turning uniforms into other
distributions is the whole point of this module, so do not call ``rng.normal``,
``rng.poisson`` and the like.
"""

import numpy as np


def box_muller(n, rng):
    """Return ``n`` independent standard normal samples (an array of shape (n,)).

    Box–Muller turns a pair of independent uniforms (u1, u2) into a radius and an angle, and
    so into two independent N(0, 1) samples. Draw m = ceil(n / 2) values for u1 and then m for
    u2 (``rng.random()`` can return exactly 0, so take ``1 - rng.random(m)`` for the uniform
    whose logarithm you need), and return the m "cosine" values followed by the m "sine"
    values, cut to n. (The tests feed known uniforms and check the exact values; they also
    accept the pairs drawn one after the other, or the outputs interleaved.)
    """
    # TODO
    raise NotImplementedError("TODO: box_muller")


def inverse_transform(inverse_cdf, n, rng):
    """Inverse transform sampling: push ``n`` uniforms through ``inverse_cdf``.

    ``inverse_cdf`` takes an array of uniforms and returns an array of samples.
    """
    # TODO
    raise NotImplementedError("TODO: inverse_transform")


def discrete_inverse_transform(probs, n, rng):
    """Sample ``n`` indices i with probability ``probs[i]`` (an array that sums to ~1).

    One uniform u per sample: return the first index whose cumulative probability exceeds
    u. Never return more than ``len(probs) - 1``, even if rounding leaves the total slightly
    below 1.
    """
    # TODO
    raise NotImplementedError("TODO: discrete_inverse_transform")


def rejection_sample(target_pdf, proposal_sampler, proposal_pdf, M, n, rng):
    """Rejection sampling: return exactly ``n`` samples from ``target_pdf``.

    Requires ``target_pdf(x) <= M * proposal_pdf(x)`` for every x. Repeat until you have n
    accepted samples: draw a batch of candidates with ``proposal_sampler(m, rng)`` (m at
    once, for speed), then one uniform per candidate, and accept each candidate with
    probability target_pdf(x) / (M * proposal_pdf(x)), deciding with its own uniform. Keep
    the accepted ones in the order they were drawn and return the first n.
    """
    # TODO
    raise NotImplementedError("TODO: rejection_sample")
