import * as assert from 'node:assert/strict';
import { checkRelativePath, isTemplateLitter, keptFolderName, planScaffold, summarise, type PathKind } from '../../../src/scaffold/plan';

const world = (entries: Record<string, PathKind>) => (p: string): PathKind => entries[p] ?? 'missing';

describe('scaffold planning', () => {
  it('writes everything into an empty target', () => {
    const plan = planScaffold(['p/README.md', 'p/src/a.py'], world({}));
    assert.deepEqual(plan, { writes: ['p/README.md', 'p/src/a.py'], conflicts: [], refused: [] });
  });

  it('lists existing files as conflicts and never plans to write them', () => {
    const plan = planScaffold(['p/README.md', 'p/src/a.py', 'p/src/b.py'], world({ p: 'directory', 'p/src': 'directory', 'p/src/a.py': 'file' }));
    assert.deepEqual(plan.writes, ['p/README.md', 'p/src/b.py']);
    assert.deepEqual(plan.conflicts, ['p/src/a.py']);
  });

  it('treats a folder where a file goes, or a file where a folder goes, as a conflict', () => {
    const plan = planScaffold(['p/data', 'p/src/a.py'], world({ p: 'directory', 'p/data': 'directory', 'p/src': 'file' }));
    assert.deepEqual(plan.conflicts, ['p/data', 'p/src/a.py']);
    assert.deepEqual(plan.writes, []);
  });

  const escaping: Array<[string, RegExp]> = [
    ['/etc/passwd', /absolute/],
    ['C:/Windows/x', /absolute/],
    ['~/x', /absolute/],
    ['p/../../x', /climbs out/],
    ['..', /climbs out/],
    ['p\\..\\x', /backslash/],
    ['p//x', /empty/],
    ['p/./x', /empty or "\."/],
    ['', /empty/],
    ['p/x\u0000y', /control/],
  ];
  for (const [path, reason] of escaping) {
    it(`refuses ${JSON.stringify(path)}`, () => {
      const checked = checkRelativePath(path);
      assert.ok('reason' in checked, `${path} was accepted`);
      assert.match(checked.reason, reason);
      const plan = planScaffold([path, 'p/ok.txt'], world({}));
      assert.deepEqual(plan.refused.map((r) => r.path), [path]);
    });
  }

  it('refuses writing through a symlinked folder inside the target', () => {
    const plan = planScaffold(['p/data/train.csv', 'p/README.md'], world({ p: 'directory', 'p/data': 'symlink' }));
    assert.deepEqual(plan.refused, [{ path: 'p/data/train.csv', reason: '"p/data" in the target is a symbolic link, which could lead outside it' }]);
    assert.deepEqual(plan.writes, ['p/README.md']);
  });

  it('refuses a target folder that is itself a symlink, and a symlinked destination file', () => {
    assert.equal(planScaffold(['p/a.py'], world({ p: 'symlink' })).refused.length, 1);
    assert.match(planScaffold(['p/a.py'], world({ p: 'directory', 'p/a.py': 'symlink' })).refused[0]!.reason, /destination is a symbolic link/);
  });

  it('skips caches in templates', () => {
    assert.equal(isTemplateLitter('src/__pycache__/a.cpython-311.pyc'), true);
    assert.equal(isTemplateLitter('.pytest_cache/v/x'), true);
    assert.equal(isTemplateLitter('src/cache.py'), false);
  });

  it('summarises long lists', () => {
    assert.equal(summarise(['a', 'b']), 'a, b');
    assert.equal(summarise(['a', 'b', 'c', 'd'], 2), 'a, b and 2 more');
  });
});

describe('the folder kept by Start Over', () => {
  const now = new Date(2026, 10, 5, 9, 7);
  it('is a dated sibling name', () => {
    assert.equal(keptFolderName('mnist-digits', now, () => false), 'mnist-digits-before-reset-2026-11-05-0907');
  });
  it('never reuses a name that exists', () => {
    const taken = new Set(['p-before-reset-2026-11-05-0907', 'p-before-reset-2026-11-05-0907-2']);
    assert.equal(keptFolderName('p', now, (n) => taken.has(n)), 'p-before-reset-2026-11-05-0907-3');
  });
});
