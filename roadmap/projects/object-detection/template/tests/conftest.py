"""Test-side setup: "write it yourself", enforced.

While the tests run, code of yours (every file of this project outside ``tests/``) that
imports a ready-made detection toolkit (torchvision, torchmetrics, pycocotools,
ultralytics, detectron2, ...) gets an ImportError, and so does code of yours that imports
the tests' own helpers. PyTorch, NumPy and OpenCV are yours to use, except OpenCV's
ready-made NMS (``cv2.dnn.NMSBoxes`` and its kin), which raises when your code calls it. ``python -m detector``
outside pytest is not affected.
"""
import builtins
import importlib
import os
import sys

import pytest

_TESTS = os.path.dirname(os.path.abspath(__file__))
_PROJECT = os.path.dirname(_TESTS)
BLOCKED = {"torchvision", "torchmetrics", "pycocotools", "ultralytics", "detectron2", "mmdet", "mmcv",
           "supervision", "yolov5", "effdet", "timm", "onnxruntime", "kornia"}
TEST_HELPERS = {"onnx_numpy", "conftest", "tests"}
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


def _no_library_nms(name, fn):
    def guarded(*args, **kwargs):
        frame = _learner_caller()
        if frame is not None:
            where = os.path.relpath(frame.f_code.co_filename, _PROJECT)
            raise RuntimeError(f"cv2.dnn.{name} called in {where}: OpenCV is yours for video and drawing, "
                               "but write non-maximum suppression yourself")
        return fn(*args, **kwargs)
    return guarded


try:  # OpenCV's ready-made NMS, blocked for your code like torchvision's
    import cv2

    for _name in ("NMSBoxes", "NMSBoxesRotated", "NMSBoxesBatched", "softNMSBoxes"):
        if hasattr(cv2.dnn, _name):
            setattr(cv2.dnn, _name, _no_library_nms(_name, getattr(cv2.dnn, _name)))
except ImportError:
    pass


def pytest_collection_finish(session):
    _collecting[0] = False


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_call(item):
    if VIOLATIONS:
        pytest.fail("\n".join(VIOLATIONS), pytrace=False)
