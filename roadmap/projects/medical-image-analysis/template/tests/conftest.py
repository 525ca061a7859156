"""Test-side setup: "write it yourself", enforced.

While the tests run:

- code of yours (every file of this project outside ``tests/``) that imports a ready-made
  toolkit for what the milestones teach (MONAI, segmentation_models_pytorch, the
  pytorch-grad-cam / captum / torchcam explainers, the deid / dicognito / dicomanonymizer
  de-identifiers, torchvision) gets an ImportError, and so does code of yours that imports
  the tests' own helpers;
- pydicom's LUT helpers (``apply_modality_lut``, ``apply_voi_lut``, ``apply_windowing``)
  raise: the rescale and the window are yours to write. Reading files with ``dcmread`` and
  ``pixel_array`` is fine.

PyTorch, NumPy, SciPy and pydicom's ``Dataset`` API are yours to use. ``python -m medimg``
outside pytest is not affected.
"""
import builtins
import importlib
import os
import sys

import pytest

_TESTS = os.path.dirname(os.path.abspath(__file__))
_PROJECT = os.path.dirname(_TESTS)
BLOCKED = {"monai", "segmentation_models_pytorch", "pytorch_grad_cam", "captum", "torchcam", "deid",
           "dicognito", "dicomanonymizer", "torchvision", "timm", "medpy"}
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

# ---------------------------------------------------------------- pydicom's LUT helpers, switched off
SWITCHED_OFF = ("apply_modality_lut", "apply_voi_lut", "apply_windowing", "apply_voi", "apply_rescale")


def _switched_off(name):
    def raiser(*args, **kwargs):
        raise RuntimeError(f"pydicom's {name} is switched off while the checks run: write the rescale and the "
                           "window yourself (milestone 1)")
    raiser.__name__ = name
    return raiser


def _switch_off_in(module):
    for name in SWITCHED_OFF:
        fn = getattr(module, name, None)
        if callable(fn) and getattr(fn, "__module__", "").startswith("pydicom"):
            setattr(module, name, _switched_off(name))


for _name in ("pydicom.pixel_data_handlers.util", "pydicom.pixel_data_handlers", "pydicom.pixels",
              "pydicom.pixels.processing", "pydicom.pixels.utils"):
    try:
        _switch_off_in(importlib.import_module(_name))
    except ImportError:
        pass


@pytest.fixture(autouse=True)
def _no_pydicom_luts():
    """Also catch the helpers where your modules imported them by name."""
    for module_name, module in list(sys.modules.items()):
        if module is not None and (module_name == "medimg" or module_name.startswith("medimg.")):
            _switch_off_in(module)
    yield


def pytest_collection_finish(session):
    _collecting[0] = False


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_call(item):
    if VIOLATIONS:
        pytest.fail("\n".join(VIOLATIONS), pytrace=False)
