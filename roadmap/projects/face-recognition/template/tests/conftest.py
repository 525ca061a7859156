"""Test-side setup: "write it yourself", enforced.

While the tests run:

- code of yours (every file of this project outside ``tests/``) that imports a ready-made
  face recognition or metric-learning package (face_recognition, dlib, deepface,
  facenet-pytorch, insightface, mediapipe, pytorch-metric-learning, torchvision) or a
  rate-limiting package (slowapi, limits) gets an ImportError, and so does code of yours
  that imports the tests' own helpers;
- PyTorch's ready triplet losses (``nn.TripletMarginLoss``, ``F.triplet_margin_loss`` and
  their "with distance" forms) raise: the triplet loss is yours to write.

PyTorch, NumPy, OpenCV (its Haar cascade is the point of milestone 1), SQLite, FastAPI and
``cryptography`` are yours to use. ``python -m facerec`` outside pytest is not affected.
"""
import builtins
import importlib
import os
import sys

import pytest
import torch
import torch.nn.functional as F

_TESTS = os.path.dirname(os.path.abspath(__file__))
_PROJECT = os.path.dirname(_TESTS)
BLOCKED = {"face_recognition", "dlib", "deepface", "facenet_pytorch", "insightface", "mediapipe", "retinaface",
           "mtcnn", "pytorch_metric_learning", "torchvision", "slowapi", "limits", "ratelimit", "fastapi_limiter",
           "timm"}
TEST_HELPERS = {"conftest", "tests"}
_verdicts = {}


def _is_learner_file(filename):
    verdict = _verdicts.get(filename)
    if verdict is None:
        verdict = False
        if os.path.isabs(filename):
            path = os.path.realpath(filename)
            parts = os.path.relpath(path, _PROJECT).split(os.sep)
            verdict = (path.startswith(_PROJECT + os.sep) and not path.startswith(_TESTS + os.sep)
                       and parts[-1] != "conftest.py"
                       and not any(p.startswith(".") or p in ("site-packages", "dist-packages") for p in parts[:-1]))
        _verdicts[filename] = verdict
    return verdict


def _learner_caller():
    frame = sys._getframe(2)
    while frame is not None:
        if _is_learner_file(frame.f_code.co_filename):
            return frame
        frame = frame.f_back
    return None


VIOLATIONS = []
_collecting = [True]


def _check(name):
    top = name.split(".")[0]
    if top in BLOCKED or top in TEST_HELPERS or top.startswith("test_"):
        frame = _learner_caller()
        if frame is not None:
            where = os.path.relpath(frame.f_code.co_filename, _PROJECT)
            what = ("the tests' own helpers are not part of your project" if top not in BLOCKED
                    else "this project asks you to write it yourself")
            message = f"`import {name}` in {where} is not allowed while the tests run ({what})"
            if frame.f_code.co_name == "<module>" and _collecting[0]:
                if message not in VIOLATIONS:
                    VIOLATIONS.append(message)
                return
            raise ImportError(message)


_real_import = builtins.__import__
_real_import_module = importlib.import_module


def _guarded_import(name, globals=None, locals=None, fromlist=(), level=0):
    if level == 0:
        _check(name)
    return _real_import(name, globals, locals, fromlist, level)


def _guarded_import_module(name, package=None):
    if not name.startswith("."):
        _check(name)
    return _real_import_module(name, package)


builtins.__import__ = _guarded_import
importlib.import_module = _guarded_import_module


# ---------------------------------------------------------------- PyTorch's triplet losses, switched off
def _switched_off(name):
    def raiser(*args, **kwargs):
        raise RuntimeError(f"{name} is switched off while the checks run: write the triplet loss yourself "
                           "(milestone 2)")
    return raiser


for _module, _name in ((F, "triplet_margin_loss"), (F, "triplet_margin_with_distance_loss"),
                       (torch, "triplet_margin_loss")):
    if hasattr(_module, _name):
        setattr(_module, _name, _switched_off(f"{_module.__name__}.{_name}"))


def pytest_collection_finish(session):
    _collecting[0] = False


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_call(item):
    if VIOLATIONS:
        pytest.fail("\n".join(VIOLATIONS), pytrace=False)
