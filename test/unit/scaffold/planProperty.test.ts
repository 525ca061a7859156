// A seeded property test of the scaffold planner: 5,000 random template paths (with `..`, absolute
// paths, drive letters, UNC names, NUL bytes, reserved device names, mixed separators, unicode)
// never crash it and never put a planned write outside the target, read as a POSIX or a Windows path.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { planScaffold, type PathKind } from '../../../src/scaffold/plan';
import { checkPortablePath } from '../../../src/shared/safePath';
import { mulberry32 } from '../seededRandom';

const PIECES = [
  '..', '.', '', 'a', 'src', 'README.md', 'readme.md', 'CON', 'nul.txt', 'Com1.py', 'lpt9', 'C:', 'c:x', 'D:\\', '\\\\server\\share',
  '//server/share', '\\\\?\\C:\\', '/', '~', '~user', '\u0000', 'a\u0000b', '\u001f', '\u007f', 'caf\u00e9', 'cafe\u0301', '\u{1F600}',
  '\u202Eevil', '\ud800', 'x ', 'x.', ' ', '...', 'a:b', 'what?', '<>', '"', '|', '*', 'é'.repeat(130), 'z'.repeat(300), '%2e%2e',
  'file:', 'tests', '.git', '.env',
];
const SEPARATORS = ['/', '/', '/', '\\', '//', '\\/'];

function randomPath(next: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const n = 1 + Math.floor(next() * 5);
  let out = next() < 0.15 ? pick(['/', '\\', 'C:/', 'c:\\', '//', '\\\\', '~/']) : '';
  for (let i = 0; i < n; i++) out += (i ? pick(SEPARATORS) : '') + pick(PIECES);
  return out;
}

/** True when `relative`, joined to `root` by the platform's own rules, stays strictly inside it. */
function staysInside(relative: string): boolean {
  const posix = path.posix.resolve('/ws/target', relative);
  const win = path.win32.resolve('C:\\ws\\target', relative);
  return posix.startsWith('/ws/target/') && win.toLowerCase().startsWith('c:\\ws\\target\\');
}

describe('scaffold planning, property: random paths', () => {
  const CASES = 5_000;
  const KINDS: PathKind[] = ['missing', 'missing', 'missing', 'file', 'directory', 'symlink'];

  it(`${CASES} random template paths never crash the planner and never plan a write outside the target`, () => {
    const next = mulberry32(0x5caff01d);
    const all: string[] = [];
    for (let i = 0; i < CASES; i++) {
      const raw = randomPath(next);
      all.push(raw);
      const kinds = new Map<string, PathKind>();
      const world = (p: string): PathKind => {
        if (!kinds.has(p)) kinds.set(p, KINDS[Math.floor(next() * KINDS.length)]);
        return kinds.get(p)!;
      };
      const files = [`target/${raw}`, 'target/ok.txt'];
      let plan;
      try {
        checkPortablePath(raw);
        plan = planScaffold(files, world, 'target');
      } catch (err) {
        assert.fail(`case ${i} ${JSON.stringify(raw)} crashed the planner: ${(err as Error).stack}`);
      }
      const accounted = [...plan.writes, ...plan.conflicts, ...plan.refused.map((r) => r.path)].sort();
      if (plan.targetIsFile === undefined) assert.deepEqual(accounted, [...files].sort(), `case ${i} ${JSON.stringify(raw)}: a file is planned twice or not at all`);
      else assert.deepEqual(plan.writes, [], `case ${i}: writes planned into a target that is a file`);
      for (const w of plan.writes) {
        assert.ok(w.startsWith('target/'), `case ${i}: ${JSON.stringify(w)} is not under the target`);
        const inside = w.slice('target/'.length);
        assert.ok(staysInside(inside), `case ${i}: the write ${JSON.stringify(w)} lands outside the target`);
        assert.ok('segments' in checkPortablePath(w), `case ${i}: the write ${JSON.stringify(w)} is not a checked relative path`);
        assert.equal(path.posix.normalize(w), w, `case ${i}: ${JSON.stringify(w)} is not in normal form`);
      }
    }
    // All of them at once, as one template: the same promise, and every refusal says why.
    const plan = planScaffold(all.map((p) => `target/${p}`), () => 'missing', 'target');
    for (const w of plan.writes) assert.ok(staysInside(w.slice('target/'.length)), `the write ${JSON.stringify(w)} lands outside the target`);
    assert.ok(plan.refused.every((r) => r.reason.length > 0));
    assert.ok(plan.refused.length > CASES / 2, `only ${plan.refused.length} of ${CASES} hostile paths were refused`);
  });
});
