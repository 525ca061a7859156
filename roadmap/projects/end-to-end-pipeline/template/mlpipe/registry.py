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
        """Copy ``files`` into a new, numbered version (1, 2, 3, ...) in stage "None".

        TODO: the number is one more than the highest so far; copy each file into
        ``version_dir(name, number)`` and record its sha256 (of the copy) in ``files``; append the
        version to the index with ``_save``.
        """
        raise NotImplementedError("TODO: Registry.create_model_version")

    def get_model_version(self, name: str, version: int) -> ModelVersion:
        """TODO: the version, or KeyError."""
        raise NotImplementedError("TODO: Registry.get_model_version")

    def search_model_versions(self, name: str) -> List[ModelVersion]:
        """TODO: every version of ``name``, oldest first."""
        raise NotImplementedError("TODO: Registry.search_model_versions")

    def get_latest_versions(self, name: str, stages: Sequence[str] = STAGES) -> List[ModelVersion]:
        """TODO: the newest version in each of ``stages`` that has one, in the order of ``stages``."""
        raise NotImplementedError("TODO: Registry.get_latest_versions")

    def production(self, name: str) -> Optional[ModelVersion]:
        found = self.get_latest_versions(name, ["Production"])
        return found[0] if found else None

    def transition_model_version_stage(self, name: str, version: int, stage: str) -> ModelVersion:
        """Move one version to ``stage``; promoting to Production archives the previous Production.

        TODO: ValueError for a stage not in STAGES, KeyError for an unknown version; save.
        """
        raise NotImplementedError("TODO: Registry.transition_model_version_stage")

    def promote_if_better(self, name: str, version: int, metric: str, min_improvement: float = 0.0) -> bool:
        """Promote ``version`` to Production when it beats the current Production on ``metric``
        (higher is better) by more than ``min_improvement``, or when there is none yet.

        TODO: return whether it was promoted.
        """
        raise NotImplementedError("TODO: Registry.promote_if_better")

    def files_of(self, name: str, version: int) -> Dict[str, Path]:
        """The version's files (name -> path in the registry), each checked against its recorded
        sha256. TODO: ValueError when one is missing or modified."""
        raise NotImplementedError("TODO: Registry.files_of")
