"""A pipeline runner for DVC's ``dvc.yaml`` (milestones 1 and 2).

``dvc.yaml`` declares stages: a command, the files it reads (``deps``), the parameters it uses
(``params``, keys of ``params.yaml``) and the files it writes (``outs``, ``metrics``, ``plots``).
A stage depends on another when it reads one of its outputs; that makes a DAG. ``run_pipeline``
runs the stages in a dependency order and skips every stage whose command, dependencies'
contents and parameter values are those recorded in ``dvc.lock`` the last time it ran, with its
outputs still as it left them. The lock file uses DVC's format, so ``dvc repro`` and
``dvc status`` understand it where DVC is installed.
"""
from __future__ import annotations

import hashlib
import os
import shlex
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Optional

import yaml

LOCK_FILE = "dvc.lock"
PARAMS_FILE = "params.yaml"


class PipelineError(Exception):
    """dvc.yaml is not a valid pipeline (a cycle, an output declared twice, a missing input)."""


class StageFailed(Exception):
    """A stage's command failed or did not write its outputs."""


@dataclass
class Stage:
    name: str
    cmd: str
    deps: List[str] = field(default_factory=list)
    outs: List[str] = field(default_factory=list)  # outs + metrics + plots, in that order
    params: Dict[str, List[str]] = field(default_factory=dict)  # params file -> keys
    wdir: str = "."


@dataclass
class RunResult:
    executed: List[str] = field(default_factory=list)
    skipped: List[str] = field(default_factory=list)


# -- GIVEN helpers -----------------------------------------------------------------------------
def file_md5(path: Path) -> str:
    """md5 of a file's bytes, as DVC records it (GIVEN)."""
    digest = hashlib.md5()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def lookup(params: dict, dotted: str):
    """``lookup({"train": {"C": 1}}, "train.C") == 1``; KeyError when missing (GIVEN)."""
    value = params
    for part in dotted.split("."):
        if not isinstance(value, dict) or part not in value:
            raise KeyError(dotted)
        value = value[part]
    return value


def run_command(cmd: str, cwd: Path) -> int:
    """Run one stage command in a shell, from ``cwd`` (GIVEN).

    A command that starts with ``python`` runs with the interpreter that runs the pipeline, which
    is what ``dvc repro`` gets from an activated virtual environment.
    """
    parts = cmd.split(maxsplit=1)
    if parts and parts[0] in ("python", "python3"):
        cmd = shlex.quote(sys.executable) + (" " + parts[1] if len(parts) > 1 else "")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(cwd), os.environ.get("PYTHONPATH", "")])))
    return subprocess.run(cmd, shell=True, cwd=cwd, env=env).returncode


def _paths(entries) -> List[str]:
    """dvc.yaml lists a path either as a string or as a one-key mapping ``{path: {options}}``."""
    out = []
    for entry in entries or []:
        if isinstance(entry, str):
            out.append(entry)
        elif isinstance(entry, dict) and len(entry) == 1:
            out.append(next(iter(entry)))
        else:
            raise PipelineError(f"cannot read the path entry {entry!r}")
    return out


# -- milestone 1 -------------------------------------------------------------------------------
def load_pipeline(root: Path) -> List[Stage]:
    """The stages of ``root/dvc.yaml``, in the order they are declared.

    TODO: for each entry of ``stages:`` build a Stage. ``cmd`` may be a list of commands (join
    them with " && "). ``deps``, ``outs``, ``metrics`` and ``plots`` list paths, each either a
    string or a one-key mapping ``{path: {options}}`` (``_paths`` reads both); a stage's
    ``outs`` are its outs, then its metrics, then its plots. A ``params`` entry is either a key
    of params.yaml (``train.C``) or a mapping ``{other.yaml: [keys]}``. A stage without a
    ``cmd`` is a PipelineError.
    """
    raise NotImplementedError("TODO: load_pipeline")


def upstream(stages: List[Stage]) -> Dict[str, List[str]]:
    """For each stage name, the names of the stages whose outputs it reads.

    TODO: a dep belongs to the stage that writes it, or that writes a folder containing it
    (``data/`` contains ``data/x.csv``, but ``data2/x.csv`` is not inside ``data``). An output
    declared by two stages is a PipelineError.
    """
    raise NotImplementedError("TODO: upstream")


def execution_order(stages: List[Stage]) -> List[str]:
    """Every stage after the stages it depends on.

    TODO: Kahn's algorithm, written yourself (no graphlib, no networkx). Among the stages that
    are ready, take them in the order dvc.yaml declares them. A cycle is a PipelineError that
    names the stages left waiting.
    """
    raise NotImplementedError("TODO: execution_order")


def descendants(stages: List[Stage], name: str) -> List[str]:
    """TODO: the stages that (directly or not) read what ``name`` writes, in execution order."""
    raise NotImplementedError("TODO: descendants")


# -- milestone 2 -------------------------------------------------------------------------------
def run_pipeline(root: Path, force: bool = False, log: Callable[[str], None] = print,
                 runner: Callable[[str, Path], int] = run_command) -> RunResult:
    """Run what changed, in order, recording each stage in dvc.lock as soon as it succeeds.

    TODO:
    - before anything runs, a dep that no stage writes and that does not exist is a PipelineError;
    - read dvc.lock (``{"schema": "2.0", "stages": {name: entry}}``) if it exists;
    - for each stage in execution order, build its current state: its ``cmd``; ``deps`` as
      ``[{"path", "hash": "md5", "md5", "size"}]`` (``file_md5``); ``params`` as
      ``{file: {key: value}}`` (``lookup``; a missing key is a PipelineError);
    - skip it (``result.skipped``) when that state equals its lock entry and each out still
      exists with the md5 and size recorded; otherwise delete its outs, run ``runner(cmd, root)``
      and raise StageFailed on a non-zero exit code or a missing out;
    - after each stage that ran, record ``{"cmd", "deps", "params" (if any), "outs"}`` in the
      lock and write dvc.lock at once (write a temporary file, then ``os.replace``), so a later
      failure keeps what already succeeded. A stage that failed has no lock entry.
    """
    raise NotImplementedError("TODO: run_pipeline")
