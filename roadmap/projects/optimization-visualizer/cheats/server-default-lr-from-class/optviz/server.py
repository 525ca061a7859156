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
from fastapi import FastAPI, HTTPException
from fastapi.responses import HTMLResponse

from .functions import OBJECTIVES, get_objective
from .metrics import convergence_metrics, loss_curve
from .optimizers import AdaGrad, Adam, GradientDescent, Momentum, Nesterov, RMSprop, make_optimizers
from .plots import contour_levels, evaluate_grid
from .runner import run_optimizer

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
    app = FastAPI(title="Optimization visualizer")

    def objective_or_404(name: str):
        try:
            return get_objective(name)
        except ValueError as unknown:
            raise HTTPException(status_code=404, detail=str(unknown)) from None

    @app.get("/api/functions")
    def functions():
        listed = []
        for name, objective in OBJECTIVES.items():
            defaults = {opt: optimizer.lr for opt, optimizer in make_optimizers().items()}
            listed.append({"name": name, "bounds": objective.bounds, "start": objective.start,
                           "minima": objective.minima, "f_min": objective.f_min,
                           "default_lr": defaults})
        return plain(listed)

    @app.get("/api/landscape")
    def landscape(function: str, resolution: int = 60):
        objective = objective_or_404(function)
        if not 10 <= resolution <= 200:
            raise HTTPException(status_code=422, detail="resolution must be from 10 to 200")
        X, Y, Z = evaluate_grid(objective, resolution)
        return plain({"x": X[0], "y": Y[:, 0], "z": Z, "levels": contour_levels(objective, Z)})

    @app.get("/api/run")
    def run(function: str, optimizer: str, lr: Optional[float] = None, steps: int = 500,
            x: Optional[float] = None, y: Optional[float] = None, beta: Optional[float] = None,
            noise: float = 0.0, seed: int = 0):
        objective = objective_or_404(function)
        if optimizer not in OPTIMIZER_CLASSES:
            raise HTTPException(status_code=404,
                                detail=f"unknown optimizer {optimizer!r}; choose from {list(OPTIMIZER_CLASSES)}")
        if lr is None:
            lr = OPTIMIZER_CLASSES[optimizer]().lr  # the class default, not the tuned one
        if not 0 < lr <= 10:
            raise HTTPException(status_code=422, detail="lr must be in (0, 10]")
        if not 1 <= steps <= MAX_STEPS:
            raise HTTPException(status_code=422, detail=f"steps must be from 1 to {MAX_STEPS}")
        if noise < 0:
            raise HTTPException(status_code=422, detail="noise must be >= 0")
        options = {"lr": lr}
        if beta is not None and optimizer in ("Momentum", "Nesterov"):
            options["beta"] = beta
        opt = OPTIMIZER_CLASSES[optimizer](**options)
        start = objective.start if x is None or y is None else (x, y)
        trajectory = run_optimizer(objective, opt, start, steps, noise=noise, seed=seed)
        return plain({"optimizer": optimizer, "lr": lr, "trajectory": trajectory,
                      "losses": loss_curve(objective, trajectory),
                      "metrics": convergence_metrics(objective, trajectory)})

    @app.get("/", response_class=HTMLResponse)
    def page():
        return HTMLResponse(PAGE.read_text(encoding="utf-8"))

    return app


def main() -> None:  # pragma: no cover - starts a server
    import uvicorn

    uvicorn.run(create_app(), host="127.0.0.1", port=8000)


if __name__ == "__main__":
    main()
