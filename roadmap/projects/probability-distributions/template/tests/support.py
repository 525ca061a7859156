"""Helpers shared by the tests."""

import contextlib
import importlib
import importlib.abc
import os
import re
import sys
import types
from pathlib import Path

import numpy as np

PACKAGE = Path(__file__).resolve().parent.parent / "probdist"
TESTS = Path(__file__).resolve().parent
# Libraries that would do the maths: scipy and its kin, the symbolic and arbitrary-precision
# ones (mpmath's root finders, sympy.stats), and the standard library's own distributions
# (statistics.NormalDist, random.gammavariate and the like).
BLOCKED = ("scipy", "statsmodels", "sklearn", "torch", "pandas", "mpmath", "sympy", "statistics",
           "random", "secrets")
_default_rng = np.random.default_rng  # kept here, so blocking numpy.random below spares the tests


class UniformOnlyRNG:
    """A random generator that offers nothing but uniforms on [0, 1).

    The samplers must build every distribution from these, so calling rng.normal,
    rng.exponential, ... raises an AttributeError with an explanation. It keeps no numpy
    generator around (only a seed and a call counter), and counts the uniforms handed out
    in ``drawn``.
    """

    __slots__ = ("_seed", "_calls", "drawn")

    def __init__(self, seed):
        object.__setattr__(self, "_seed", int(seed))
        object.__setattr__(self, "_calls", 0)
        object.__setattr__(self, "drawn", 0)

    def random(self, size=None):
        values = _default_rng([self._seed, self._calls]).random(size)
        object.__setattr__(self, "_calls", self._calls + 1)
        object.__setattr__(self, "drawn", self.drawn + int(np.size(values)))
        return values

    def __getattr__(self, name):
        raise AttributeError(
            f"rng.{name} is not allowed in this project: build your samplers from rng.random() "
            "(uniforms on [0, 1)) using inverse transform, Box-Muller or rejection sampling"
        )

    def __setattr__(self, name, value):
        raise AttributeError("this rng is read-only")


class RecordingRNG:
    """Uniforms on [0, 1) like UniformOnlyRNG, and a record of every one it handed out."""

    def __init__(self, seed):
        self._uniforms = UniformOnlyRNG(seed)
        self._record = []

    def random(self, size=None):
        values = self._uniforms.random(size)
        self._record.append(np.ravel(values))
        return values

    def handed_out(self):
        return np.concatenate(self._record) if self._record else np.empty(0)

    def __getattr__(self, name):
        raise AttributeError(f"rng.{name} is not allowed: use rng.random()")


class ScriptedRNG:
    """Hands out the given uniforms, in order, and nothing else."""

    def __init__(self, uniforms):
        self._u = np.asarray(uniforms, dtype=float).ravel()
        self._next = 0

    def random(self, size=None):
        count = 1 if size is None else int(np.prod(size))
        if self._next + count > self._u.size:
            raise AssertionError(f"the sampler asked for more uniforms than the {self._u.size} it needs")
        out = self._u[self._next:self._next + count]
        self._next += count
        return float(out[0]) if size is None else out.reshape(size)

    @property
    def used(self):
        return self._next

    def __getattr__(self, name):
        raise AttributeError(f"rng.{name} is not allowed: use rng.random()")


def assert_no_scipy():
    pattern = re.compile(r"^\s*(import\s+scipy|from\s+scipy)", re.M)
    for path in sorted(PACKAGE.glob("*.py")):
        assert not pattern.search(path.read_text(encoding="utf-8")), (
            f"{path.name} imports scipy; implement the maths with numpy, math and probdist.special"
        )


class _BlockedImport(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ImportError(f"`{name}` is blocked here: this project writes the maths itself")
        return None


class _Unavailable:
    def __init__(self, what):
        self._what = what

    def __getattr__(self, name):
        raise ImportError(f"{self._what} is the tests' reference, not yours to call")

    def __call__(self, *args, **kwargs):
        raise ImportError(f"{self._what} is the tests' reference, not yours to call")


def _blocked_name(name):
    return name.split(".")[0] in BLOCKED


def _refers_to_blocked(value):
    if isinstance(value, types.ModuleType):
        return _blocked_name(value.__name__)
    module = getattr(value, "__module__", None)
    return isinstance(module, str) and _blocked_name(module)


def _numpy_samplers():
    """(module, name) of everything in numpy.random that can sample: its public callables, and
    in its private modules the Generator and RandomState classes, their instances and their
    bound methods (``numpy.random._generator.default_rng``, ``numpy.random.mtrand._rand`` ...).
    The bit generators (raw integers only) and the seeding stay: the tests' rng needs them."""
    found = [(np.random, name) for name in dir(np.random)
             if not name.startswith("_") and callable(getattr(np.random, name))]
    kinds = (np.random.Generator, np.random.RandomState)
    for module_name, module in list(sys.modules.items()):
        if (not module_name.startswith("numpy.random.") or module is None
                or module_name in ("numpy.random.bit_generator", "numpy.random._common")):
            continue  # seeding and raw bits, which numpy's own default_rng needs
        for name, value in list(vars(module).items()):
            if name.startswith("__") or isinstance(value, types.ModuleType):
                continue
            if isinstance(value, type) and issubclass(value, (np.random.BitGenerator, BaseException)):
                continue
            ours = str(getattr(value, "__module__", None) or "").startswith("numpy.random")
            if (callable(value) and ours) or isinstance(value, kinds) or isinstance(
                    getattr(value, "__self__", None), kinds):
                found.append((module, name))
    return found


def _numpy_random_raiser(name):
    def refuse(*args, **kwargs):
        raise RuntimeError(f"numpy.random.{name} is blocked in this test: build your samplers "
                           "from the rng you are given (rng.random())")
    return refuse


@contextlib.contextmanager
def home_made(*module_names, block_numpy_random=False):
    """Import fresh copies of ``module_names`` (e.g. "probdist.continuous") and yield them,
    while scipy (and sklearn, statsmodels, torch, pandas) cannot be imported, the tests' own
    scipy handles are hidden and, with ``block_numpy_random``, numpy's samplers refuse to run.
    """
    package_dir = str(PACKAGE) + os.sep
    saved_modules = {name: mod for name, mod in sys.modules.items()
                     if _blocked_name(name) or name == "probdist" or name.startswith("probdist.")
                     or str(getattr(mod, "__file__", "") or "").startswith(package_dir)}
    for name in saved_modules:
        del sys.modules[name]
    hidden = []  # (test module, attribute, value)
    for mod in list(sys.modules.values()):
        file = str(getattr(mod, "__file__", "") or "")
        if file.startswith(str(TESTS) + os.sep):
            for attr, value in list(vars(mod).items()):
                if _refers_to_blocked(value):
                    hidden.append((mod, attr, value))
                    setattr(mod, attr, _Unavailable(f"{mod.__name__}.{attr}"))
    patched = []
    if block_numpy_random:
        for module, name in _numpy_samplers():
            patched.append((module, name, getattr(module, name)))
            setattr(module, name, _numpy_random_raiser(name))
    blocker = _BlockedImport()
    sys.meta_path.insert(0, blocker)
    try:
        # An empty stand-in for the package: its __init__ (which imports every module) is not
        # run, so each milestone is judged on its own modules only.
        package = types.ModuleType("probdist")
        package.__path__ = [str(PACKAGE)]
        package.__package__ = "probdist"
        sys.modules["probdist"] = package
        yield [importlib.import_module(name) for name in module_names]
    finally:
        sys.meta_path.remove(blocker)
        for module, name, value in patched:
            setattr(module, name, value)
        for mod, attr, value in hidden:
            setattr(mod, attr, value)
        for name in [n for n in sys.modules if _blocked_name(n) or n == "probdist"
                     or n.startswith("probdist.")]:
            del sys.modules[name]
        sys.modules.update(saved_modules)


def close(got, expected, what, rtol=1e-7, atol=1e-12):
    got = np.asarray(got, dtype=float)
    expected = np.asarray(expected, dtype=float)
    assert got.shape == expected.shape, f"{what}: expected an array of shape {expected.shape}, got {got.shape}"
    bad = ~np.isclose(got, expected, rtol=rtol, atol=atol)
    if bad.any():
        i = np.argmax(bad)
        raise AssertionError(
            f"{what}: {bad.sum()} of {bad.size} values differ from scipy.stats; "
            f"e.g. element {i}: expected {expected.flat[i]!r}, got {got.flat[i]!r}"
        )
