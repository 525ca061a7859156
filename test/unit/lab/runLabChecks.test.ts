import * as assert from 'node:assert/strict';
import { describeEnvironment, shellCommand } from '../../../src/lab/runLabChecks';
import type { EnvironmentReport } from '../../../src/checks/environment';

const base: EnvironmentReport = {
  ok: false, python: 'python3', pythonVersion: '3.11.2', pythonPath: '/usr/bin/python3',
  missing: [], pytestMissing: false, installCommand: [], externallyManaged: false,
};

describe('lab environment messages', () => {
  it('says nothing when the environment is ready', () => {
    assert.equal(describeEnvironment({ ...base, ok: true }), undefined);
  });

  it('names the interpreter, what is missing and the install command', () => {
    const d = describeEnvironment({
      ...base, pytestMissing: true,
      missing: [{ module: 'sklearn', requirement: 'scikit-learn>=1.2', reason: "No module named 'sklearn'" }],
      installCommand: ['/usr/bin/python3', '-m', 'pip', 'install', '-r', 'requirements.txt'],
    });
    assert.equal(d?.problem, '/usr/bin/python3 (Python 3.11.2) is missing pytest, scikit-learn>=1.2. The checks are pytest tests, so nothing can be checked without pytest.');
    assert.equal(d?.installCommand, '/usr/bin/python3 -m pip install -r requirements.txt');
  });

  it('names pytest once when requirements.txt lists it too', () => {
    const d = describeEnvironment({
      ...base, pytestMissing: true,
      missing: [{ module: 'numpy', requirement: 'numpy>=1.24', reason: '' }, { module: 'pytest', requirement: 'pytest>=7.2,<9', reason: '' }],
      installCommand: ['/usr/bin/python3', '-m', 'pip', 'install', '-r', 'requirements.txt'],
    });
    assert.match(d?.problem ?? '', /^\/usr\/bin\/python3 \(Python 3\.11\.2\) is missing pytest>=7\.2,<9, numpy>=1\.24\. The checks/);
  });

  it('suggests a virtual environment for a system-managed Python', () => {
    const d = describeEnvironment({ ...base, pytestMissing: true, externallyManaged: true, installCommand: ['python3', '-m', 'pip', 'install', 'pytest'] });
    assert.match(d!.problem, /virtual environment/);
  });

  it('reports a failed environment check as such', () => {
    assert.match(describeEnvironment({ ...base, error: 'timed out' })!.problem, /could not check the environment: timed out/);
  });

  it('quotes arguments for a POSIX shell', () => {
    assert.equal(shellCommand(['python3', '-m', 'pip', 'install', 'numpy>=1.24', "it's"]), `python3 -m pip install 'numpy>=1.24' 'it'\\''s'`);
  });
});
