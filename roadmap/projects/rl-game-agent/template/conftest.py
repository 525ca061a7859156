"""Shared test set-up.

Having this file at the project root puts the project folder on ``sys.path``, so the tests
can ``import rlagent`` when you run ``python -m pytest`` from here. One CPU thread: on small
networks, more threads only add overhead (and were 20x slower on the course machines).
"""
import os

os.environ.setdefault("MPLBACKEND", "Agg")

import torch  # noqa: E402

torch.set_num_threads(1)
