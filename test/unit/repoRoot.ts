// The repository root, found from a bundled test file (out/test/unit/…) or its source.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'roadmap', 'FORMAT.md'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`repository root not found above ${__dirname}`);
    dir = parent;
  }
  return dir;
}
