"""Special functions you may use (already written for you, no scipy needed).

The CDFs of the Gamma, Beta, Poisson and chi-square distributions are "incomplete" versions
of the Gamma and Beta functions. Evaluating them accurately is a numerical-methods topic of
its own, so they are provided here. Everything else in the package is yours to write.

All functions take Python floats; use ``vectorize`` to apply them to arrays.

- ``erf(x)``, ``erfc(x)``: error function and its complement (from ``math``)
- ``log_gamma(x)``: log Γ(x) (from ``math.lgamma``)
- ``log_beta(a, b)``: log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b)
- ``log_comb(n, k)``: log of the binomial coefficient C(n, k)
- ``gammainc_lower(a, x)``: regularised lower incomplete gamma P(a, x) = γ(a, x) / Γ(a)
- ``gammainc_upper(a, x)``: its complement Q(a, x) = 1 − P(a, x)
- ``betainc(a, b, x)``: regularised incomplete beta I_x(a, b)
- ``digamma(x)``, ``trigamma(x)``: first and second derivatives of log Γ(x)
"""

import math

import numpy as np

_EPS = 1e-15
_TINY = 1e-300
_MAX_ITER = 10_000

erf = math.erf
erfc = math.erfc
log_gamma = math.lgamma


def vectorize(func):
    """Wrap a scalar function so it also accepts NumPy arrays (broadcasting its arguments)."""
    vec = np.vectorize(func, otypes=[float])

    def wrapper(*args):
        out = vec(*args)
        return float(out) if np.ndim(out) == 0 else out

    wrapper.__name__ = func.__name__
    wrapper.__doc__ = func.__doc__
    return wrapper


def log_beta(a, b):
    return math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b)


def log_comb(n, k):
    return math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)


def _gamma_series(a, x):
    # P(a, x) = x^a e^-x / Γ(a) * sum_{n>=0} x^n / (a (a+1) ... (a+n))
    term = 1.0 / a
    total = term
    denom = a
    for _ in range(_MAX_ITER):
        denom += 1.0
        term *= x / denom
        total += term
        if abs(term) < abs(total) * _EPS:
            break
    return total * math.exp(-x + a * math.log(x) - math.lgamma(a))


def _gamma_continued_fraction(a, x):
    # Q(a, x) as a continued fraction, evaluated with the modified Lentz method.
    b = x + 1.0 - a
    c = 1.0 / _TINY
    d = 1.0 / b
    h = d
    for i in range(1, _MAX_ITER):
        an = -i * (i - a)
        b += 2.0
        d = an * d + b
        d = _TINY if abs(d) < _TINY else d
        c = b + an / c
        c = _TINY if abs(c) < _TINY else c
        d = 1.0 / d
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < _EPS:
            break
    return h * math.exp(-x + a * math.log(x) - math.lgamma(a))


def gammainc_lower(a, x):
    """Regularised lower incomplete gamma function P(a, x), for a > 0."""
    if x <= 0:
        return 0.0
    if math.isinf(x):
        return 1.0
    if x < a + 1.0:
        return min(1.0, _gamma_series(a, x))
    return max(0.0, 1.0 - _gamma_continued_fraction(a, x))


def gammainc_upper(a, x):
    """Regularised upper incomplete gamma function Q(a, x) = 1 - P(a, x), for a > 0."""
    if x <= 0:
        return 1.0
    if math.isinf(x):
        return 0.0
    if x < a + 1.0:
        return max(0.0, 1.0 - _gamma_series(a, x))
    return min(1.0, _gamma_continued_fraction(a, x))


def _beta_continued_fraction(a, b, x):
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c = 1.0
    d = 1.0 - qab * x / qap
    d = _TINY if abs(d) < _TINY else d
    d = 1.0 / d
    h = d
    for m in range(1, _MAX_ITER):
        m2 = 2 * m
        # even step
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = _TINY if abs(d) < _TINY else d
        c = 1.0 + aa / c
        c = _TINY if abs(c) < _TINY else c
        d = 1.0 / d
        h *= d * c
        # odd step
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = _TINY if abs(d) < _TINY else d
        c = 1.0 + aa / c
        c = _TINY if abs(c) < _TINY else c
        d = 1.0 / d
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < _EPS:
            break
    return h


def betainc(a, b, x):
    """Regularised incomplete beta function I_x(a, b) = P(Beta(a, b) <= x), for a, b > 0."""
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    log_front = a * math.log(x) + b * math.log1p(-x) - log_beta(a, b)
    front = math.exp(log_front)
    # The continued fraction converges fast for x < (a + 1) / (a + b + 2); otherwise use
    # the symmetry I_x(a, b) = 1 - I_{1-x}(b, a).
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _beta_continued_fraction(a, b, x) / a
    return 1.0 - front * _beta_continued_fraction(b, a, 1.0 - x) / b


def digamma(x):
    """ψ(x) = d/dx log Γ(x), for x > 0."""
    result = 0.0
    while x < 10.0:  # ψ(x) = ψ(x + 1) - 1/x moves x into the asymptotic range
        result -= 1.0 / x
        x += 1.0
    inv2 = 1.0 / (x * x)
    series = inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 / 132))))
    return result + math.log(x) - 0.5 / x - series


def trigamma(x):
    """ψ'(x) = d²/dx² log Γ(x), for x > 0."""
    result = 0.0
    while x < 10.0:  # ψ'(x) = ψ'(x + 1) + 1/x²
        result += 1.0 / (x * x)
        x += 1.0
    inv = 1.0 / x
    inv2 = inv * inv
    series = inv + inv2 / 2 + inv * inv2 * (1 / 6 - inv2 * (1 / 30 - inv2 * (1 / 42 - inv2 / 30)))
    return result + series
