// The project's files that a file check's glob could match, listed from disk. Only the glob's
// fixed leading folder is walked, and virtual environments and caches are skipped, so a check
// stays quick in a project with a .venv full of packages.
import type { Dirent } from 'node:fs';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { globBase, hasWildcard, normalizeRelative } from './glob';
import { isFile } from './quietFs';

const SKIP = new Set(['.git', '.hg', '.svn', 'node_modules', '__pycache__', '.venv', 'venv', '.tox', '.nox', '.mypy_cache', '.pytest_cache', '.ruff_cache', 'site-packages']);
const DEFAULT_LIMIT = 20_000;

/** Relative `/`-separated paths under `projectDir` a glob could match (at most `limit`). */
export function candidatePaths(projectDir: string, glob: string, limit = DEFAULT_LIMIT): string[] {
  const pattern = normalizeRelative(glob);
  if (!hasWildcard(pattern)) return existsSync(join(projectDir, ...pattern.split('/'))) ? [pattern] : [];
  const base = globBase(pattern);
  const out: string[] = [];
  const todo: string[] = [base];
  for (let dir = todo.pop(); dir !== undefined && out.length < limit; dir = todo.pop()) {
    let entries: Dirent[];
    try {
      entries = readdirSync(join(projectDir, ...dir.split('/').filter((s) => s !== '')), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const rel = dir === '' ? e.name : `${dir}/${e.name}`;
      // Symlinked folders are not followed: they can loop.
      if (e.isDirectory()) {
        if (!SKIP.has(e.name)) todo.push(rel);
      } else if (e.isFile() || (e.isSymbolicLink() && isFile(join(projectDir, ...rel.split('/'))))) {
        out.push(rel);
      }
    }
  }
  return out;
}

