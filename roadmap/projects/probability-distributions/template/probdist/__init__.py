"""probdist: probability distributions, samplers, fitting and tests, written from scratch."""

from .bayes import BetaBinomialModel
from .continuous import Beta, Exponential, Gamma, Gaussian, Uniform
from .discrete import Bernoulli, Binomial, Poisson
from .gof import chi_square_test, kolmogorov_sf, ks_statistic, ks_test
from .samplers import box_muller, discrete_inverse_transform, inverse_transform, rejection_sample

__all__ = [
    "Gaussian",
    "Exponential",
    "Uniform",
    "Gamma",
    "Beta",
    "Bernoulli",
    "Binomial",
    "Poisson",
    "box_muller",
    "inverse_transform",
    "discrete_inverse_transform",
    "rejection_sample",
    "ks_statistic",
    "kolmogorov_sf",
    "ks_test",
    "chi_square_test",
    "BetaBinomialModel",
]
