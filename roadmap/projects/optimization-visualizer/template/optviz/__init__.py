"""optviz: watch optimization algorithms walk across classic 2-D test functions."""

from .functions import OBJECTIVES, Objective, get_objective
from .metrics import convergence_metrics, loss_curve, path_length, steps_to_tolerance
from .optimizers import (
    AdaGrad,
    Adam,
    GradientDescent,
    Momentum,
    Nesterov,
    RMSprop,
    make_optimizers,
)
from .runner import compare_optimizers, run_optimizer

__all__ = [
    "OBJECTIVES",
    "Objective",
    "get_objective",
    "GradientDescent",
    "Momentum",
    "Nesterov",
    "AdaGrad",
    "RMSprop",
    "Adam",
    "make_optimizers",
    "run_optimizer",
    "compare_optimizers",
    "loss_curve",
    "steps_to_tolerance",
    "path_length",
    "convergence_metrics",
]
