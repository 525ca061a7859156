"""Find the commit a piece of code was run from, by reading the .git folder.

Reading the files directly needs no `git` program and never runs a command.
How a repository stores it:

- ``.git/HEAD`` holds either ``ref: refs/heads/main`` (a branch) or a
  40-character commit id (a "detached HEAD").
- A branch's commit id is in ``.git/refs/heads/main``, or, after
  ``git gc``, on a line ``<sha> refs/heads/main`` of ``.git/packed-refs``.
- In a worktree or submodule, ``.git`` is a *file* saying ``gitdir: <path>``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

_SHA = re.compile(r"[0-9a-f]{40}")


def find_git_dir(path: str | Path = ".") -> Optional[Path]:
    """The .git folder of the repository containing ``path``, or None.

    Look in ``path`` and then in each parent folder.
    """
    # TODO
    raise NotImplementedError("TODO: implement find_git_dir")


def current_commit(path: str | Path = ".") -> Optional[str]:
    """The 40-character commit id checked out at ``path``.

    None when ``path`` is not inside a repository, or when the repository has
    no readable commit (for example no HEAD file, or a branch with no commits).
    """
    # TODO: find_git_dir, read HEAD, follow "ref: ..." to a loose ref or packed-refs.
    raise NotImplementedError("TODO: implement current_commit")
