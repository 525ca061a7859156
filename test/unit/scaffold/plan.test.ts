import * as assert from 'node:assert/strict';
import { isTemplateLitter, keptFolderName, planScaffold, summarise, type PathKind } from '../../../src/scaffold/plan';
import { checkPortablePath } from '../../../src/shared/safePath';

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
      const checked = checkPortablePath(path);
      assert.ok('reason' in checked, `${path} was accepted`);
      assert.match(checked.reason, reason);
      const plan = planScaffold([path, 'p/ok.txt'], world({}));
      assert.deepEqual(plan.refused.map((r) => r.path), [path]);
    });
  }

  const unportable: Array<[string, RegExp]> = [
    ['p/a:b.py', /":".*Windows/],
    ['p/what?.txt', /"\?"/],
    ['p/<x>.md', /"<"/],
    ['p/say"hi".txt', /'"'.*Windows/],
    ['p/a|b', /"\|"/],
    ['p/star*.py', /"\*"/],
    ['p/x\u007fy', /control/],
    ['p/CON', /reserved device name "CON"/],
    ['p/src/nul.txt', /reserved device name "nul"/],
    ['p/Aux.tar.gz', /reserved device name "Aux"/],
    ['p/com1.py', /reserved device name "com1"/],
    ['p/LPT9', /reserved device name "LPT9"/],
    ['p/notes.', /ends with a dot or a space/],
    ['p/data /x.csv', /ends with a dot or a space/],
    [`p/${'a'.repeat(256)}`, /longer than 255 bytes/],
    [`p/${'é'.repeat(128)}`, /longer than 255 bytes/],
  ];
  for (const [path, reason] of unportable) {
    it(`refuses a name that breaks on Windows or macOS: ${JSON.stringify(path.length > 40 ? `${path.slice(0, 40)}…` : path)}`, () => {
      const checked = checkPortablePath(path);
      assert.ok('reason' in checked, `${path} was accepted`);
      assert.match(checked.reason, reason);
      const plan = planScaffold([path, 'p/ok.txt'], world({}));
      assert.deepEqual(plan.refused.map((r) => r.path), [path]);
      assert.deepEqual(plan.writes, ['p/ok.txt']);
    });
  }

  it('accepts names that only look like reserved ones, and long names within the limit', () => {
    for (const path of ['p/console.py', 'p/com10.txt', 'p/lpt.md', 'p/nullable.py', 'p/aux_data/x', 'p/.gitignore', 'p/a.b.c', `p/${'a'.repeat(255)}`, `p/${'é'.repeat(127)}`]) {
      assert.ok('segments' in checkPortablePath(path), `${path} was refused`);
    }
  });

  it('refuses two names that differ only in letter case, naming both', () => {
    const plan = planScaffold(['p/README.md', 'p/readme.md', 'p/ok.txt'], world({}));
    assert.deepEqual(plan.refused.map((r) => r.path), ['p/README.md', 'p/readme.md']);
    for (const r of plan.refused) {
      assert.match(r.reason, /"p\/README\.md" and "p\/readme\.md"/);
      assert.match(r.reason, /letter case/);
    }
    assert.deepEqual(plan.writes, ['p/ok.txt']);
  });

  it('refuses two spellings of one name in different Unicode normal forms, naming both', () => {
    const nfc = 'p/caf\u00e9.py';
    const nfd = 'p/cafe\u0301.py';
    const plan = planScaffold([nfc, nfd], world({}));
    assert.equal(plan.refused.length, 2);
    assert.match(plan.refused[0].reason, /Unicode/);
    assert.ok(plan.refused.every((r) => r.reason.includes(nfc) && r.reason.includes(nfd)));
    assert.deepEqual(plan.writes, []);
  });

  it('refuses files whose folders differ only in case (one folder on Windows and macOS)', () => {
    const plan = planScaffold(['p/Src/a.py', 'p/src/b.py'], world({}));
    assert.deepEqual(plan.refused.map((r) => r.path), ['p/Src/a.py', 'p/src/b.py']);
    assert.match(plan.refused[0].reason, /"p\/Src" and "p\/src"/);
  });

  it('a target that is an existing file gets its own message, not a list of conflicts', () => {
    const plan = planScaffold(['p/README.md', 'p/src/a.py'], world({ p: 'file' }), 'p');
    assert.deepEqual(plan.writes, []);
    assert.deepEqual(plan.conflicts, []);
    assert.equal(plan.targetIsFile, 'p');
    const nested = planScaffold(['a/b/README.md'], world({ a: 'file' }), 'a/b');
    assert.equal(nested.targetIsFile, 'a');
    assert.equal(planScaffold(['p/README.md'], world({ p: 'directory' }), 'p').targetIsFile, undefined);
  });

  it('refuses writing through a symlinked folder inside the target', () => {
    const plan = planScaffold(['p/data/train.csv', 'p/README.md'], world({ p: 'directory', 'p/data': 'symlink' }));
    assert.deepEqual(plan.refused, [{ path: 'p/data/train.csv', reason: '"p/data" in the target is a symbolic link, which could lead outside it' }]);
    assert.deepEqual(plan.writes, ['p/README.md']);
  });

  it('refuses a target folder that is itself a symlink, and a symlinked destination file', () => {
    assert.equal(planScaffold(['p/a.py'], world({ p: 'symlink' })).refused.length, 1);
    assert.match(planScaffold(['p/a.py'], world({ p: 'directory', 'p/a.py': 'symlink' })).refused[0].reason, /destination is a symbolic link/);
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
