"""The comparison dashboard in the browser: a small FastAPI app.

    python -m optviz.server            # then open http://127.0.0.1:8000/

The page (``static/index.html``, given) has the interactive controls: a function menu,
optimizer check boxes, sliders for the learning rate, the number of steps and the gradient
noise, and a click on the map to choose the start. It draws; every number comes from the
JSON API you write here, on top of your runner and metrics.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

import numpy as np
from fastapi import FastAPI, HTTPException  # noqa: F401
from fastapi.responses import HTMLResponse  # noqa: F401

from .functions import OBJECTIVES, get_objective  # noqa: F401
from .metrics import convergence_metrics, loss_curve  # noqa: F401
from .optimizers import AdaGrad, Adam, GradientDescent, Momentum, Nesterov, RMSprop, make_optimizers  # noqa: F401
from .plots import contour_levels, evaluate_grid  # noqa: F401
from .runner import run_optimizer  # noqa: F401

PAGE = Path(__file__).with_name("static") / "index.html"
OPTIMIZER_CLASSES = {"GD": GradientDescent, "Momentum": Momentum, "Nesterov": Nesterov,
                     "AdaGrad": AdaGrad, "RMSprop": RMSprop, "Adam": Adam}
MAX_STEPS = 5000


def plain(value: Any) -> Any:
    """numpy numbers and arrays (also inside lists and dicts) as plain Python, for JSON."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, np.ndarray):
        return plain(value.tolist())
    if isinstance(value, np.generic):
        return value.item()
    return value


def create_app() -> FastAPI:
    """The app. Routes (JSON unless noted):

    ================================================  =======================================
    GET /api/functions                                one dict per objective: ``name``,
                                                      ``bounds``, ``start``, ``minima``,
                                                      ``f_min`` and ``default_lr`` (optimizer
                                                      name -> lr in make_optimizers(name))
    GET /api/landscape?function=&resolution=60        ``{"x": [...], "y": [...], "z": [[...]],
                                                      "levels": [...]}`` from evaluate_grid and
                                                      contour_levels; z[i][j] = f(x[j], y[i])
    GET /api/run?function=&optimizer=&lr=&steps=500   ``{"optimizer", "lr", "trajectory",
        &x=&y=&beta=&noise=0&seed=0                   "losses", "metrics"}``: run_optimizer
                                                      from (x, y) (default objective.start),
                                                      loss_curve and convergence_metrics
    GET /                                             the page in PAGE (HTML)
    ================================================  =======================================

    In /api/run, ``lr`` defaults to the make_optimizers value for that function and
    ``beta`` (Momentum and Nesterov only) to the class default. An unknown function or
    optimizer answers 404; resolution outside 10..200, lr outside (0, 10], steps outside
    1..MAX_STEPS or a negative noise answer 422. Pass results through ``plain``.
    """
    # TODO: app = FastAPI(...), one decorated function per route, return app.
    raise NotImplementedError("TODO: create_app")


def main() -> None:  # pragma: no cover - starts a server
    import uvicorn

    uvicorn.run(create_app(), host="127.0.0.1", port=8000)


if __name__ == "__main__":
    main()
