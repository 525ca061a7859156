"""A model registry with versions and stages (milestone 4).

Each ``create_model_version`` copies the model's files into ``registry/<name>/<version>/``, where
they never change again, and records the run that produced them, their metrics and checksums.
A version moves through the stages None -> Staging -> Production -> Archived; there is at most
one Production version per model, so promoting one archives the one before it.

The calls are named after MLflow's ``MlflowClient`` (``create_model_version``,
``get_model_version``, ``search_model_versions``, ``get_latest_versions``,
``transition_model_version_stage``), so moving to a real MLflow registry changes little.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Sequence

STAGES = ("None", "Staging", "Production", "Archived")


@dataclass
class ModelVersion:
    name: str
    version: int
    run_id: str
    stage: str
    metrics: Dict[str, float]
    files: Dict[str, str]  # file name -> sha256
    created: float = field(default_factory=time.time)


def sha256_file(path: Path) -> str:
    """(GIVEN)"""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class Registry:
    def __init__(self, root: Path = Path("registry")):
        self.root = Path(root)

    # -- storage (GIVEN) -----------------------------------------------------------------------
    def _index(self, name: str) -> Path:
        return self.root / name / "versions.json"

    def _load(self, name: str) -> List[ModelVersion]:
        path = self._index(name)
        if not path.is_file():
            return []
        return [ModelVersion(**v) for v in json.loads(path.read_text())]

    def _save(self, name: str, versions: List[ModelVersion]) -> None:
        path = self._index(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps([asdict(v) for v in versions], indent=2))
        os.replace(tmp, path)  # atomic: a reader never sees half a file

    def version_dir(self, name: str, version: int) -> Path:
        return self.root / name / str(version)

    # -- the registry --------------------------------------------------------------------------
    def create_model_version(self, name: str, files: Sequence[Path], run_id: str,
                             metrics: Optional[Dict[str, float]] = None) -> ModelVersion:
        """Copy ``files`` into a new, numbered version (1, 2, 3, ...) in stage "None"."""
        versions = self._load(name)
        number = max((v.version for v in versions), default=0) + 1
        folder = self.version_dir(name, number)
        if folder.exists():
            shutil.rmtree(folder)  # leftovers of a crashed registration, never listed in the index
        folder.mkdir(parents=True)
        checksums = {}
        for f in files:
            f = Path(f)
            shutil.copy2(f, folder / f.name)
            checksums[f.name] = sha256_file(folder / f.name)
        mv = ModelVersion(name=name, version=number, run_id=run_id, stage="None",
                          metrics={k: float(v) for k, v in (metrics or {}).items()}, files=checksums)
        self._save(name, versions + [mv])
        return mv

    def get_model_version(self, name: str, version: int) -> ModelVersion:
        for v in self._load(name):
            if v.version == int(version):
                return v
        raise KeyError(f"{name} has no version {version}")

    def search_model_versions(self, name: str) -> List[ModelVersion]:
        return sorted(self._load(name), key=lambda v: v.version)

    def get_latest_versions(self, name: str, stages: Sequence[str] = STAGES) -> List[ModelVersion]:
        """The newest version in each of ``stages`` that has one."""
        latest: Dict[str, ModelVersion] = {}
        for v in self.search_model_versions(name):
            if v.stage in stages:
                latest[v.stage] = v
        return [latest[s] for s in stages if s in latest]

    def production(self, name: str) -> Optional[ModelVersion]:
        found = self.get_latest_versions(name, ["Production"])
        return found[0] if found else None

    def transition_model_version_stage(self, name: str, version: int, stage: str) -> ModelVersion:
        """Move one version to ``stage``; promoting to Production archives the previous Production."""
        if stage not in STAGES:
            raise ValueError(f"unknown stage {stage!r}; expected one of {STAGES}")
        versions = self._load(name)
        target = next((v for v in versions if v.version == int(version)), None)
        if target is None:
            raise KeyError(f"{name} has no version {version}")
        if stage == "Production":
            for v in versions:
                if v.stage == "Production" and v.version != target.version:
                    v.stage = "Archived"
        target.stage = stage
        self._save(name, versions)
        return target

    def promote_if_better(self, name: str, version: int, metric: str, min_improvement: float = 0.0) -> bool:
        """Promote ``version`` to Production when it beats the current Production on ``metric``
        (higher is better) by more than ``min_improvement``, or when there is none yet."""
        candidate = self.get_model_version(name, version)
        if metric not in candidate.metrics:
            raise KeyError(f"version {version} has no metric {metric!r}")
        current = self.production(name)
        if current is not None and current.version == candidate.version:
            return False
        if current is not None and candidate.metrics[metric] <= current.metrics.get(metric, float("-inf")) + min_improvement:
            return False
        self.transition_model_version_stage(name, version, "Production")
        return True

    def files_of(self, name: str, version: int) -> Dict[str, Path]:
        """The version's files, each checked against its recorded sha256 (ValueError if changed)."""
        mv = self.get_model_version(name, version)
        folder = self.version_dir(name, version)
        out = {}
        for file, checksum in mv.files.items():
            path = folder / file
            if not path.is_file() or sha256_file(path) != checksum:
                raise ValueError(f"{path} is missing or was modified after registration")
            out[file] = path
        return out
