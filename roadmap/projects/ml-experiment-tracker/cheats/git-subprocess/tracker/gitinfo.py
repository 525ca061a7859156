"""Find the commit a piece of code was run from, by reading the .git folder.

Reading the files directly needs no `git` program and never runs a command.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

_SHA = re.compile(r"[0-9a-f]{40}")


def find_git_dir(path: str | Path = ".") -> Optional[Path]:
    """The .git folder of the repository containing ``path``, or None."""
    here = Path(path).resolve()
    for folder in (here, *here.parents):
        candidate = folder / ".git"
        if candidate.is_dir():
            return candidate
        if candidate.is_file():
            # Worktrees and submodules: the file says "gitdir: <path>".
            text = candidate.read_text(encoding="utf-8", errors="replace").strip()
            if text.startswith("gitdir:"):
                target = Path(text[len("gitdir:"):].strip())
                return target if target.is_absolute() else (folder / target).resolve()
            return None
    return None


def _read_ref(git_dir: Path, ref: str) -> Optional[str]:
    loose = git_dir / ref
    if loose.is_file():
        value = loose.read_text(encoding="utf-8", errors="replace").strip()
        return value if _SHA.fullmatch(value) else None
    packed = git_dir / "packed-refs"
    if packed.is_file():
        for line in packed.read_text(encoding="utf-8", errors="replace").splitlines():
            parts = line.strip().split(" ")
            if len(parts) == 2 and parts[1] == ref and _SHA.fullmatch(parts[0]):
                return parts[0]
    # A worktree keeps shared refs in the main repository ("commondir").
    common = git_dir / "commondir"
    if common.is_file():
        main = (git_dir / common.read_text(encoding="utf-8").strip()).resolve()
        if main != git_dir:
            return _read_ref(main, ref)
    return None


def current_commit(path: str | Path = ".") -> Optional[str]:
    """Ask the git program instead of reading .git."""
    import subprocess

    try:
        done = subprocess.run(["git", "-C", str(path), "rev-parse", "HEAD"], capture_output=True,
                              text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    sha = done.stdout.strip()
    return sha if done.returncode == 0 and _SHA.fullmatch(sha) else None
