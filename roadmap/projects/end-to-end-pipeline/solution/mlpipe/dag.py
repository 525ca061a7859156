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
    """The stages of ``root/dvc.yaml``, in the order they are declared."""
    root = Path(root)
    data = yaml.safe_load((root / "dvc.yaml").read_text()) or {}
    stages = []
    for name, spec in (data.get("stages") or {}).items():
        if not isinstance(spec, dict) or "cmd" not in spec:
            raise PipelineError(f"stage {name!r} needs a cmd")
        cmd = spec["cmd"]
        if isinstance(cmd, list):
            cmd = " && ".join(cmd)
        params: Dict[str, List[str]] = {}
        for entry in spec.get("params") or []:
            if isinstance(entry, str):
                params.setdefault(PARAMS_FILE, []).append(entry)
            elif isinstance(entry, dict):
                for file, keys in entry.items():
                    params.setdefault(file, []).extend(keys or [])
            else:
                raise PipelineError(f"stage {name!r}: cannot read the params entry {entry!r}")
        outs = _paths(spec.get("outs")) + _paths(spec.get("metrics")) + _paths(spec.get("plots"))
        stages.append(Stage(name=name, cmd=str(cmd), deps=_paths(spec.get("deps")), outs=outs,
                            params=params, wdir=spec.get("wdir", ".")))
    return stages


def _covers(out: str, dep: str) -> bool:
    out, dep = os.path.normpath(out), os.path.normpath(dep)
    return dep == out or dep.startswith(out + os.sep)


def upstream(stages: List[Stage]) -> Dict[str, List[str]]:
    """For each stage, the stages whose outputs it reads. PipelineError on an output declared twice."""
    producer: Dict[str, str] = {}
    for stage in stages:
        for out in stage.outs:
            key = os.path.normpath(out)
            if key in producer:
                raise PipelineError(f"{out} is an output of both {producer[key]!r} and {stage.name!r}")
            producer[key] = stage.name
    graph = {}
    for stage in stages:
        ups = []
        for dep in stage.deps:
            for out, name in producer.items():
                if _covers(out, dep) and name != stage.name and name not in ups:
                    ups.append(name)
        graph[stage.name] = ups
    return graph


def execution_order(stages: List[Stage]) -> List[str]:
    """Every stage after the stages it depends on; ties keep the declaration order (Kahn's algorithm)."""
    graph = upstream(stages)
    names = [s.name for s in stages]
    waiting = {name: set(graph[name]) for name in names}
    order: List[str] = []
    while len(order) < len(names):
        ready = [n for n in names if n not in order and not waiting[n]]
        if not ready:
            stuck = [n for n in names if n not in order]
            raise PipelineError(f"the pipeline has a cycle through {stuck}")
        chosen = ready[0]
        order.append(chosen)
        for n in names:
            waiting[n].discard(chosen)
    return order


def descendants(stages: List[Stage], name: str) -> List[str]:
    """The stages that (directly or not) read what ``name`` writes, in execution order."""
    graph = upstream(stages)
    found = set()
    frontier = [name]
    while frontier:
        current = frontier.pop()
        for n, ups in graph.items():
            if current in ups and n not in found:
                found.add(n)
                frontier.append(n)
    return [n for n in execution_order(stages) if n in found]


# -- milestone 2 -------------------------------------------------------------------------------
def _file_entry(root: Path, path: str) -> dict:
    p = root / path
    if not p.is_file():
        raise FileNotFoundError(path)
    return {"path": path, "hash": "md5", "md5": file_md5(p), "size": p.stat().st_size}


def _params_entry(root: Path, stage: Stage) -> dict:
    out = {}
    for file, keys in stage.params.items():
        path = root / file
        if not path.is_file():
            raise PipelineError(f"stage {stage.name!r} reads parameters from {file}, which does not exist")
        values = yaml.safe_load(path.read_text()) or {}
        try:
            out[file] = {key: lookup(values, key) for key in keys}
        except KeyError as missing:
            raise PipelineError(f"stage {stage.name!r}: {file} has no parameter {missing.args[0]}") from None
    return out


def _read_lock(root: Path) -> dict:
    path = root / LOCK_FILE
    if not path.is_file():
        return {}
    return (yaml.safe_load(path.read_text()) or {}).get("stages", {}) or {}


def _write_lock(root: Path, stages: dict) -> None:
    tmp = root / (LOCK_FILE + ".tmp")
    tmp.write_text(yaml.safe_dump({"schema": "2.0", "stages": stages}, sort_keys=False))
    os.replace(tmp, root / LOCK_FILE)


def _up_to_date(root: Path, stage: Stage, recorded: Optional[dict], deps: list, params: dict) -> bool:
    if not recorded or recorded.get("cmd") != stage.cmd:
        return False
    if recorded.get("deps", []) != deps or (recorded.get("params") or {}) != params:
        return False
    recorded_outs = {o["path"]: o for o in recorded.get("outs", [])}
    for out in stage.outs:
        o = recorded_outs.get(out)
        p = root / out
        if o is None or not p.is_file() or p.stat().st_size != o.get("size") or file_md5(p) != o.get("md5"):
            return False
    return True


def run_pipeline(root: Path, force: bool = False, log: Callable[[str], None] = print,
                 runner: Callable[[str, Path], int] = run_command) -> RunResult:
    """Run what changed, in order, recording each stage in dvc.lock as soon as it succeeds."""
    root = Path(root)
    stages = load_pipeline(root)
    by_name = {s.name: s for s in stages}
    order = execution_order(stages)
    produced = {os.path.normpath(o) for s in stages for o in s.outs}
    for stage in stages:
        for dep in stage.deps:
            if not any(_covers(p, dep) for p in produced) and not (root / dep).exists():
                raise PipelineError(f"stage {stage.name!r} depends on {dep}, which no stage writes and does not exist")
    lock = _read_lock(root)
    result = RunResult()
    for name in order:
        stage = by_name[name]
        wdir = root / stage.wdir
        try:
            deps = [_file_entry(wdir, d) for d in stage.deps]
        except FileNotFoundError as missing:
            raise StageFailed(f"stage {name!r}: its input {missing.args[0]} is missing") from None
        params = _params_entry(wdir, stage)
        if not force and _up_to_date(wdir, stage, lock.get(name), deps, params):
            log(f"stage {name!r} didn't change, skipping")
            result.skipped.append(name)
            continue
        log(f"running stage {name!r}: {stage.cmd}")
        for out in stage.outs:  # like DVC: never let a stale output pass for a fresh one
            target = wdir / out
            if target.is_file():
                target.unlink()
            target.parent.mkdir(parents=True, exist_ok=True)
        code = runner(stage.cmd, wdir)
        if code != 0:
            lock.pop(name, None)
            _write_lock(root, lock)
            raise StageFailed(f"stage {name!r} failed with exit code {code}: {stage.cmd}")
        missing = [o for o in stage.outs if not (wdir / o).is_file()]
        if missing:
            lock.pop(name, None)
            _write_lock(root, lock)
            raise StageFailed(f"stage {name!r} did not write its outputs {missing}")
        entry = {"cmd": stage.cmd, "deps": deps}
        if params:
            entry["params"] = params
        entry["outs"] = [_file_entry(wdir, o) for o in stage.outs]
        lock[name] = entry
        _write_lock(root, lock)
        result.executed.append(name)
    return result
