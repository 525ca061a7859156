"""Shared test set-up (part of the checks: do not edit).

Being at the project root, this file also puts the project folder on ``sys.path``, so the
tests can ``import gan``. One CPU thread: small networks run faster that way (more threads
were 20x slower on the course machines).
"""
import os

os.environ.setdefault("MPLBACKEND", "Agg")

import torch  # noqa: E402

torch.set_num_threads(1)
