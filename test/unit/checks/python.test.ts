// Choosing the interpreter: candidate order, and probing with a fake runner and real programs.
import * as assert from 'node:assert/strict';
import type { ProcessRunner } from '../../../src/checks/process';
import { runProcess } from '../../../src/checks/process';
import { findPython, pythonCandidates } from '../../../src/checks/python';
import { fakeResult, SYSTEM_PYTHON, systemPythonProblem } from './helpers';

describe('pythonCandidates', () => {
  it('puts the Python extension first, then the setting, then python3 and python', () => {
    assert.deepEqual(pythonCandidates({ fromPythonExtension: '/venv/bin/python', setting: '/opt/py/bin/python3', platform: 'linux' }), [
      '/venv/bin/python', '/opt/py/bin/python3', 'python3', 'python',
    ]);
  });

  it('tries python before python3 on Windows', () => {
    assert.deepEqual(pythonCandidates({ platform: 'win32' }), ['python', 'python3']);
  });

  it('drops blanks and duplicates', () => {
    assert.deepEqual(pythonCandidates({ fromPythonExtension: '  ', setting: 'python3', platform: 'darwin' }), ['python3', 'python']);
  });
});

describe('findPython', () => {
  it('returns the first candidate that answers with a Python 3 version, and why the others failed', async () => {
    const calls: string[] = [];
    const run: ProcessRunner = async (command, args) => {
      calls.push(`${command} ${args.join(' ')}`);
      if (command === 'missing') return fakeResult({ exitCode: null, spawnError: { code: 'ENOENT', message: 'spawn missing ENOENT' } });
      if (command === 'old') return fakeResult({ stdout: '2.7.18 (default, Apr 20 2020)\n' });
      if (command === 'store') return fakeResult({ exitCode: 9009, stderr: 'Python was not found; run without arguments to install from the Microsoft Store\n' });
      return fakeResult({ stdout: '3.12.1 (main, Jan  1 2024, 00:00:00) [GCC 13.2.0]\n' });
    };
    const choice = await findPython(['missing', 'old', 'store', 'good', 'never-asked'], run);
    assert.deepEqual(choice, {
      ok: true, python: 'good', version: '3.12.1',
      tried: [
        { candidate: 'missing', reason: 'not found' },
        { candidate: 'old', reason: 'is Python 2.7.18; Python 3 is needed' },
        { candidate: 'store', reason: 'exited with code 9009: Python was not found; run without arguments to install from the Microsoft Store' },
      ],
    });
    assert.deepEqual(calls.map((c) => c.split(' ')[0]), ['missing', 'old', 'store', 'good']);
    assert.equal(calls[0], 'missing -c import sys; print(sys.version)');
  });

  it('names every candidate tried when none works', async () => {
    const run: ProcessRunner = async (command) => command === 'slow'
      ? fakeResult({ exitCode: null, timedOut: true })
      : fakeResult({ exitCode: null, spawnError: { code: 'ENOENT', message: '' } });
    const choice = await findPython(['python3', 'slow'], run);
    assert.equal(choice.ok, false);
    assert.ok(!choice.ok);
    assert.equal(choice.error, 'No working Python 3 found. Tried: python3 (not found); slow (did not answer in time). Install Python 3 or select an interpreter in the Python extension.');
  });

  it('says so when there is nothing to try', async () => {
    const choice = await findPython([], async () => fakeResult());
    assert.ok(!choice.ok);
    assert.match(choice.error, /No Python interpreter to try/);
  });

  it('finds a real interpreter after a missing one', async function () {
    if (systemPythonProblem([])) this.skip();
    const choice = await findPython(['/no/such/python3', SYSTEM_PYTHON], runProcess);
    assert.ok(choice.ok, JSON.stringify(choice));
    assert.equal(choice.python, SYSTEM_PYTHON);
    assert.match(choice.version, /^3\.\d+\.\d+/);
    assert.deepEqual(choice.tried, [{ candidate: '/no/such/python3', reason: 'not found' }]);
  });
});
