// The file check's glob matcher: what it matches, that hostile patterns end (no backtracking
// blow-up), and that it agrees with a tiny recursive reference matcher on random patterns.
import * as assert from 'node:assert/strict';
import { evaluateFile } from '../../../src/checks/kinds/file';
import { globMatcher, matchGlob } from '../../../src/checks/glob';
import { mulberry32 } from '../seededRandom';

/** The definition, written as directly as possible (exponential, fine on tiny inputs). */
function referenceMatch(glob: string, path: string): boolean {
  const segment = (p: string, s: string): boolean => {
    if (p === '') return s === '';
    if (p[0] === '*') return segment(p.slice(1), s) || (s !== '' && segment(p, s.slice(1)));
    if (s === '') return false;
    return (p[0] === '?' || p[0] === s[0]) && segment(p.slice(1), s.slice(1));
  };
  const segments = (p: readonly string[], s: readonly string[]): boolean => {
    if (p.length === 0) return s.length === 0;
    if (p[0] === '**') {
      // At the end, one or more segments; elsewhere, zero or more.
      if (p.length === 1) return s.length >= 1;
      return segments(p.slice(1), s) || (s.length > 0 && segments(p, s.slice(1)));
    }
    return s.length > 0 && segment(p[0] ?? '', s[0] ?? '') && segments(p.slice(1), s.slice(1));
  };
  return segments(glob.split('/'), path.split('/'));
}

describe('glob matcher', () => {
  it('matches *, ? and ** by segment', () => {
    const m = globMatcher('src/**/*_test.p?');
    assert.deepEqual(['src/a_test.py', 'src/x/y/a_test.py', 'src/a_test.pyc', 'src/x/a.py', 'lib/a_test.py'].map(m), [true, true, false, false, false]);
    assert.equal(globMatcher('models/**')('models'), false);
    assert.equal(globMatcher('models/**')('models/a/b.onnx'), true);
    assert.equal(globMatcher('*')('a/b'), false);
    assert.equal(globMatcher('a**b')('axxb'), true);
  });

  it('ends on *a*a*a*a*a*a*a*a*a*a*b against a 40-character name, and on **/ x 80', () => {
    const name = 'a'.repeat(40);
    assert.deepEqual(matchGlob('*a*a*a*a*a*a*a*a*a*a*b', [name, `${name}b`]), [`${name}b`]);
    const deep = `${'**/'.repeat(80)}x.txt`;
    const paths = [`${'d/'.repeat(30)}x.txt`, `${'d/'.repeat(30)}y.txt`, 'x.txt'];
    assert.deepEqual(matchGlob(deep, paths), [`${'d/'.repeat(30)}x.txt`, 'x.txt']);
    assert.equal(evaluateFile(`${'**/'.repeat(80)}*a*a*a*a*a*a*a*a*a*a*b`, [`${'d/'.repeat(40)}${name}`]).status, 'failed');
  });

  it('agrees with the reference matcher on 5,000 random patterns and paths', () => {
    const rnd = mulberry32(0x61ab);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)];
    const word = (alphabet: readonly string[], max: number): string => {
      let s = '';
      const n = 1 + Math.floor(rnd() * max);
      for (let i = 0; i < n; i++) s += pick(alphabet);
      return s;
    };
    let matched = 0;
    for (let k = 0; k < 5000; k++) {
      const glob = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => (rnd() < 0.2 ? '**' : word(['a', 'b', '*', '?'], 4))).join('/');
      const path = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => word(['a', 'b'], 4)).join('/');
      const expected = referenceMatch(glob, path);
      assert.equal(globMatcher(glob)(path), expected, `glob ${JSON.stringify(glob)} on ${JSON.stringify(path)}`);
      if (expected) matched++;
    }
    // The random cases must exercise both answers, or the comparison proves little.
    assert.ok(matched > 500 && matched < 4500, `${matched} of 5000 matched`);
  });
});
