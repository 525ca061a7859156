// The small pieces: durations, id markers, file roles, safe paths.
import * as assert from 'node:assert/strict';
import { parseDurationValue } from '../../../src/roadmap/duration';
import { splitTrailingId } from '../../../src/roadmap/ids';
import { isValidId } from '../../../src/shared/safePath';
import { fileRole } from '../../../src/roadmap/files';
import { isSafeRelativePath } from '../../../src/shared/safePath';
import { isHttpUrl } from '../../../src/roadmap/parseResource';

describe('parseDurationValue', () => {
  const cases: [string, object | undefined][] = [
    ['6 weeks', { text: '6 weeks', minWeeks: 6, maxWeeks: 6 }],
    ['1 week', { text: '1 week', minWeeks: 1, maxWeeks: 1 }],
    ['4-6 weeks', { text: '4-6 weeks', minWeeks: 4, maxWeeks: 6 }],
    ['4 \u2013 6 weeks', { text: '4 \u2013 6 weeks', minWeeks: 4, maxWeeks: 6 }],
    ['4 to 6 Weeks', { text: '4 to 6 Weeks', minWeeks: 4, maxWeeks: 6 }],
    ['Ongoing', { text: 'Ongoing' }],
    ['  ongoing ', { text: 'ongoing' }],
    ['0 weeks', undefined],
    ['6', undefined],
    ['six weeks', undefined],
    ['6-4 weeks', undefined],
    ['2 months', undefined],
    ['', undefined],
  ];
  for (const [input, expected] of cases) {
    it(`"${input}"`, () => assert.deepEqual(parseDurationValue(input), expected));
  }
});

describe('splitTrailingId', () => {
  it('splits a trailing marker and collapses whitespace', () => {
    assert.deepEqual(splitTrailingId('  Python   & Programming {#python}  '), { title: 'Python & Programming', id: 'python' });
    assert.deepEqual(splitTrailingId('No id'), { title: 'No id', id: undefined });
    assert.deepEqual(splitTrailingId('{#only}'), { title: '', id: 'only' });
    assert.deepEqual(splitTrailingId('Id {#x} not at the end'), { title: 'Id {#x} not at the end', id: undefined });
    assert.deepEqual(splitTrailingId('Bad {#Not Valid}'), { title: 'Bad', id: 'Not Valid' });
  });

  it('validates ids', () => {
    for (const id of ['a', '0', 'a-b', 'nn-from-scratch', '9-lives']) assert.ok(isValidId(id), id);
    for (const id of ['', '-a', 'A', 'a_b', 'a b', 'a.b', 'é', '../x']) assert.ok(!isValidId(id), id);
  });
});

describe('fileRole', () => {
  it('tells skill files, the overview, ignored and unexpected files apart', () => {
    assert.equal(fileRole('01-python.md'), 'skill');
    assert.equal(fileRole('some/dir/99-x.md'), 'skill');
    assert.equal(fileRole('C:\\roadmap\\02-math.md'), 'skill');
    assert.equal(fileRole('overview.md'), 'overview');
    assert.equal(fileRole('FORMAT.md'), 'ignored');
    assert.equal(fileRole('README.md'), 'ignored');
    assert.equal(fileRole('notes.md'), 'unexpected');
    assert.equal(fileRole('001-x.md'), 'unexpected');
    assert.equal(fileRole('01-x.txt'), 'not-markdown');
  });
});

describe('safe paths and URLs', () => {
  it('accepts plain relative paths and globs only', () => {
    for (const p of ['src/a.py', 'data/*.csv', 'tests/test_x.py', 'notes..txt']) assert.ok(isSafeRelativePath(p), p);
    for (const p of ['', ' a', '/etc/passwd', '\\\\server\\x', 'C:/x', '~/x', '../x', 'a/../../x', '-k', '--rootdir=/', 'a\u0000b']) {
      assert.ok(!isSafeRelativePath(p), JSON.stringify(p));
    }
  });

  it('accepts only http(s) URLs', () => {
    assert.ok(isHttpUrl('https://example.com/a?b#c'));
    assert.ok(isHttpUrl('HTTP://example.com'));
    for (const u of ['ftp://x', 'javascript:alert(1)', 'mailto:a@b.c', 'https://', 'https:///x', '/relative', 'example.com']) {
      assert.ok(!isHttpUrl(u), u);
    }
  });
});
