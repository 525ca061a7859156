import * as assert from 'node:assert/strict';
import { failureLocations, testFileOf } from '../../../src/lab/failureLocations';

describe('lab: the file:line places a failure names', () => {
  const project = '/home/me/ws/probdist-project';

  it('reads pytest locations and puts the learner\'s raising line first', () => {
    const text = [
      '    def test_mean():',
      '>       assert sample(3) == 1',
      '',
      'tests/test_samplers.py:12: ',
      '_ _ _ _',
      '    def sample(n):',
      '>       raise NotImplementedError',
      'E       NotImplementedError',
      '',
      'probdist/samplers.py:8: NotImplementedError',
    ].join('\n');
    assert.deepEqual(failureLocations(text, project), [
      { path: 'probdist/samplers.py', line: 8 },
      { path: 'tests/test_samplers.py', line: 12 },
    ]);
  });

  it('reads short pytest tracebacks (`path:42: in test_x`) and Python tracebacks, making absolute paths project-relative', () => {
    const text = [
      'tests/test_a.py:5: in test_x',
      '    f()',
      'Traceback (most recent call last):',
      `  File "${project}/pkg/util.py", line 42, in f`,
      `  File "${project}/pkg/core.py", line 7, in g`,
      '  File "/usr/lib/python3/dist-packages/numpy/core.py", line 100, in h',
      'ValueError: bad',
    ].join('\n');
    assert.deepEqual(failureLocations(text, project), [
      { path: 'pkg/core.py', line: 7 },
      { path: 'tests/test_a.py', line: 5 },
      { path: 'pkg/util.py', line: 42 },
    ]);
  });

  it('keeps no place outside the project, inside .git/, in an .env file, or with a nonsense line', () => {
    const text = [
      '../outside.py:3: in f',
      '/etc/evil.py:1: in f',
      '.git/hooks/x.py:2: in f',
      `  File "${project}/../sibling/x.py", line 4, in f`,
      'a/./b.py:5: in f',
      'x.py:0: in f',
      'x.py:99999999999: in f',
    ].join('\n');
    assert.deepEqual(failureLocations(text, project), []);
    assert.deepEqual(failureLocations('.env/x.py:3: in f', '/p'), []);
  });

  it('names each place once, and nothing for text without places', () => {
    assert.deepEqual(failureLocations('src/m.py:3: in f\nsrc/m.py:3: in f\n', project), [{ path: 'src/m.py', line: 3 }]);
    assert.deepEqual(failureLocations('AssertionError: 1 != 2', project), []);
  });

  it('finds the test file of a failure\'s name', () => {
    assert.equal(testFileOf('tests/test_x.py::test_y'), 'tests/test_x.py');
    assert.equal(testFileOf('tests/test_x.py::TestA::test_b[1]'), 'tests/test_x.py');
    assert.equal(testFileOf('collection of tests'), undefined);
    assert.equal(testFileOf('/etc/x.py::t'), undefined);
    assert.equal(testFileOf('../x.py::t'), undefined);
  });
});
