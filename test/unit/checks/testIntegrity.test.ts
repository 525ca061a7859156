// The learner's copy of the project's tests against the template's: what changed, what is missing,
// and a restore that keeps the edited copies and never goes through a symlink.
import * as assert from 'node:assert/strict';
import { hasDrift, isExpectationFile, planRestore, sameText, testDrift } from '../../../src/checks/testIntegrity';
import type { PathKind } from '../../../src/shared/safePath';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const TEST_A = 'def test_a():\n    assert f() == 1\n';
const TEST_B = 'def test_b():\n    assert g() == 2\n';

function kinds(entries: Record<string, PathKind>): (p: string) => PathKind {
  return (p) => entries[p] ?? 'missing';
}

describe('test integrity', () => {
  it('counts only the tests folder and a root conftest.py as expectations', () => {
    assert.equal(isExpectationFile('tests/test_model.py'), true);
    assert.equal(isExpectationFile('tests/data/sample.csv'), true);
    assert.equal(isExpectationFile('conftest.py'), true);
    assert.equal(isExpectationFile('tests/__pycache__/test_model.cpython-311.pyc'), false);
    assert.equal(isExpectationFile('model.py'), false);
    assert.equal(isExpectationFile('src/tests.py'), false);
    assert.equal(isExpectationFile('pkg/conftest.py'), false);
  });

  it('treats CRLF line endings as the same text, and any other byte as a change', () => {
    assert.equal(sameText(bytes('a\r\nb\r\n'), bytes('a\nb\n')), true);
    assert.equal(sameText(bytes('a\nb\n'), bytes('a\nb\n')), true);
    assert.equal(sameText(bytes('a\nb\n'), bytes('a\nc\n')), false);
    assert.equal(sameText(bytes('a\nb\n'), bytes('a\nb')), false);
    assert.equal(sameText(bytes('a\rb'), bytes('ab')), false, 'a lone CR is content');
  });

  it('finds the changed and the missing files, sorted, and ignores files the learner added', () => {
    const template = new Map([['tests/test_b.py', bytes(TEST_B)], ['tests/test_a.py', bytes(TEST_A)], ['conftest.py', bytes('')]]);
    const project = new Map<string, Uint8Array | undefined>([
      ['tests/test_a.py', bytes(TEST_A.replace('== 1', '== 1 or True'))],
      ['tests/test_b.py', undefined],
      ['conftest.py', bytes('')],
      ['tests/test_mine.py', bytes('def test_mine(): pass\n')],
    ]);
    const drift = testDrift(template, project);
    assert.deepEqual(drift, { changed: ['tests/test_a.py'], missing: ['tests/test_b.py'] });
    assert.equal(hasDrift(drift), true);
  });

  it('reports no drift for an untouched copy', () => {
    const template = new Map([['tests/test_a.py', bytes(TEST_A)]]);
    const drift = testDrift(template, new Map([['tests/test_a.py', bytes(TEST_A.replace(/\n/g, '\r\n'))]]));
    assert.deepEqual(drift, { changed: [], missing: [] });
    assert.equal(hasDrift(drift), false);
    assert.equal(hasDrift(undefined), false);
  });

  it('plans a restore that backs up each edited file under a free name', () => {
    const plan = planRestore(
      { changed: ['tests/test_a.py', 'conftest.py'], missing: ['tests/test_b.py'] },
      kinds({ tests: 'directory', 'tests/test_a.py': 'file', 'tests/test_a.py.edited': 'file', conftest: 'file', 'conftest.py': 'file' }),
    );
    assert.deepEqual(plan.refused, []);
    assert.deepEqual(plan.backups, [
      { path: 'tests/test_a.py', backup: 'tests/test_a.py.edited-2' },
      { path: 'conftest.py', backup: 'conftest.py.edited' },
    ]);
    assert.deepEqual(plan.writes, ['tests/test_a.py', 'conftest.py', 'tests/test_b.py']);
  });

  it('refuses the whole restore when a path goes through a symlink or is not a plain relative path', () => {
    const viaLink = planRestore({ changed: [], missing: ['tests/test_a.py'] }, kinds({ tests: 'symlink' }));
    assert.deepEqual(viaLink.writes, []);
    assert.match(viaLink.refused[0].reason, /tests is a symbolic link/);
    const climbing = planRestore({ changed: ['../outside.py'], missing: [] }, kinds({}));
    assert.deepEqual(climbing.writes, []);
    assert.match(climbing.refused[0].reason, /climbs out/);
    const folder = planRestore({ changed: [], missing: ['tests/test_a.py'] }, kinds({ tests: 'directory', 'tests/test_a.py': 'directory' }));
    assert.match(folder.refused[0].reason, /is a folder where a file is expected/);
    const allTaken = planRestore({ changed: ['tests/test_a.py'], missing: [] }, (p) => (p.startsWith('tests/test_a.py.edited') ? 'file' : p === 'tests' ? 'directory' : 'file'));
    assert.deepEqual(allTaken.writes, []);
    assert.match(allTaken.refused[0].reason, /edited-20 all exist/);
    const fileInWay = planRestore({ changed: [], missing: ['tests/test_a.py'] }, kinds({ tests: 'file' }));
    assert.match(fileInWay.refused[0].reason, /tests is a file where a folder is expected/);
  });
});
