// Choosing the Python for a project, as pure rules: the candidates in order per platform, one per
// interpreter, and the choice among probes (fake ones here; interpreterProbe.test.ts runs real ones).
import * as assert from 'node:assert/strict';
import { chooseInterpreter, distinctCandidates, interpreterCandidates, listed, type CandidateSource, type Probe } from '../../../src/checks/interpreterChoice';

const commands = (cs: readonly { command: string; args: readonly string[] }[]): string[] => cs.map((c) => [c.command, ...c.args].join(' '));

function probe(command: string, source: CandidateSource, has: string[], lacks: string[] = [], extra: Partial<Probe> = {}): Probe {
  const label = source === 'path' ? `${command} on PATH` : source === 'setting' ? 'the mlRoadmap.pythonPath setting' : source === 'python-extension' ? "the Python extension's interpreter" : command;
  return { candidate: { command, args: [], source, label }, has, lacks, version: '3.11.2', ...extra };
}

describe('interpreterCandidates', () => {
  it('on Linux: the Python extension, the setting, python3, python, then the usual places', () => {
    const cs = interpreterCandidates({ fromPythonExtension: '/venv/bin/python', setting: ' /opt/py/bin/python3 ', platform: 'linux' });
    assert.deepEqual(commands(cs), ['/venv/bin/python', '/opt/py/bin/python3', 'python3', 'python', '/usr/bin/python3', '/usr/local/bin/python3']);
    assert.deepEqual(cs.map((c) => c.source), ['python-extension', 'setting', 'path', 'path', 'usual-place', 'usual-place']);
    assert.equal(cs[2].label, 'python3 on PATH');
  });

  it('on macOS looks in Homebrew and the python.org framework too', () => {
    assert.deepEqual(commands(interpreterCandidates({ platform: 'darwin' })), [
      'python3', 'python', '/opt/homebrew/bin/python3', '/usr/local/bin/python3', '/Library/Frameworks/Python.framework/Versions/Current/bin/python3', '/usr/bin/python3',
    ]);
  });

  it('on Windows tries python first, then the per-user installs newest first, then py -3', () => {
    const listDir = (dir: string): string[] => (dir === 'C:\\Users\\me\\AppData\\Local\\Programs\\Python' ? ['Python39', 'Launcher', 'Python312', 'Python310-32'] : []);
    const cs = interpreterCandidates({ platform: 'win32', localAppData: 'C:\\Users\\me\\AppData\\Local', listDir });
    assert.deepEqual(commands(cs), [
      'python', 'python3',
      'C:\\Users\\me\\AppData\\Local\\Programs\\Python\\Python312\\python.exe',
      'C:\\Users\\me\\AppData\\Local\\Programs\\Python\\Python310-32\\python.exe',
      'C:\\Users\\me\\AppData\\Local\\Programs\\Python\\Python39\\python.exe',
      'py -3',
    ]);
  });

  it('drops blanks and a setting that repeats the Python extension', () => {
    assert.deepEqual(commands(interpreterCandidates({ fromPythonExtension: '  ', setting: 'python3', platform: 'linux' })), ['python3', 'python', '/usr/bin/python3', '/usr/local/bin/python3']);
    assert.equal(interpreterCandidates({ setting: 'python3', platform: 'linux' })[0].source, 'setting');
  });
});

describe('distinctCandidates', () => {
  it('keeps one candidate per interpreter, in first place, and drops usual places that do not exist', () => {
    const cs = interpreterCandidates({ fromPythonExtension: '/home/me/proj/.venv/bin/python', platform: 'linux' });
    const identities: Record<string, string> = {
      '/home/me/proj/.venv/bin/python': '/usr/bin/python3.11 in /home/me/proj/.venv',
      python3: '/usr/bin/python3.11',
      '/usr/bin/python3': '/usr/bin/python3.11',
    };
    const kept = distinctCandidates(cs, (c) => identities[c]);
    // `python` is not on PATH but is named, so the lab can say so; /usr/local/bin/python3 does not exist.
    assert.deepEqual(kept.map((k) => k.candidate.command), ['/home/me/proj/.venv/bin/python', 'python3', 'python']);
    assert.deepEqual(kept.map((k) => k.identity), ['/usr/bin/python3.11 in /home/me/proj/.venv', '/usr/bin/python3.11', undefined]);
  });
});

describe('chooseInterpreter', () => {
  it('takes the first that has everything and says why the earlier ones were passed over', () => {
    const choice = chooseInterpreter([
      probe('python3', 'path', ['pytest'], ['numpy', 'torch']),
      probe('python', 'path', [], [], { problem: 'was not found' }),
      probe('/usr/bin/python3', 'usual-place', ['pytest', 'numpy', 'torch']),
      probe('/usr/local/bin/python3', 'usual-place', ['pytest', 'numpy', 'torch']),
    ]);
    assert.equal(choice.chosen?.candidate.command, '/usr/bin/python3');
    assert.equal(choice.reason, 'Using /usr/bin/python3: it has pytest, numpy, torch; python3 on PATH lacks numpy, torch; python on PATH was not found.');
  });

  it('names the interpreter behind a name on PATH', () => {
    const choice = chooseInterpreter([probe('python3', 'path', ['pytest'], [], { executable: '/root/.pyenv/versions/3.11.7/bin/python3' })]);
    assert.equal(choice.reason, 'Using python3 on PATH (/root/.pyenv/versions/3.11.7/bin/python3): it has pytest.');
  });

  it('uses the setting even when it lacks modules that a later candidate has', () => {
    const choice = chooseInterpreter([
      probe('/opt/py/bin/python3', 'setting', ['pytest'], ['numpy']),
      probe('python3', 'path', ['pytest', 'numpy']),
    ]);
    assert.equal(choice.chosen?.candidate.source, 'setting');
    assert.equal(choice.reason, 'Using /opt/py/bin/python3, set in mlRoadmap.pythonPath; it lacks numpy.');
  });

  it('prefers the Python extension\'s interpreter over the setting only when it has everything', () => {
    const ext = probe('/venv/bin/python', 'python-extension', ['pytest', 'numpy']);
    const setting = probe('/opt/py/bin/python3', 'setting', ['pytest', 'numpy']);
    assert.equal(chooseInterpreter([ext, setting]).chosen, ext);
    const lacking = probe('/venv/bin/python', 'python-extension', ['pytest'], ['numpy']);
    assert.equal(chooseInterpreter([lacking, setting]).chosen, setting);
  });

  it('says so when the setting names no usable Python, and uses no other', () => {
    const choice = chooseInterpreter([probe('/nope/python3', 'setting', [], [], { problem: 'was not found' }), probe('python3', 'path', ['pytest'])]);
    assert.equal(choice.chosen, undefined);
    assert.equal(choice.reason, 'The mlRoadmap.pythonPath setting names /nope/python3, which was not found.');
  });

  it('without a complete one takes the one with the most, the earlier on a tie', () => {
    const a = probe('python3', 'path', ['pytest'], ['numpy', 'torch']);
    const b = probe('/usr/bin/python3', 'usual-place', ['pytest', 'numpy'], ['torch']);
    const c = probe('/usr/local/bin/python3', 'usual-place', ['pytest', 'torch'], ['numpy']);
    const choice = chooseInterpreter([a, b, c]);
    assert.equal(choice.chosen, b);
    assert.equal(choice.reason, 'Using /usr/bin/python3: no Python found has everything the project needs, and this one has the most (pytest, numpy); it lacks torch. ' +
      'python3 on PATH lacks numpy, torch; /usr/local/bin/python3 lacks numpy.');
  });

  it('names every candidate when none runs', () => {
    const choice = chooseInterpreter([
      probe('python3', 'path', [], [], { problem: 'was not found' }),
      probe('python', 'path', [], [], { problem: 'is Python 2.7.18; Python 3 is needed' }),
    ]);
    assert.equal(choice.chosen, undefined);
    assert.equal(choice.reason, 'No Python 3 found. Tried: python3 on PATH was not found; python on PATH is Python 2.7.18; Python 3 is needed.');
    assert.equal(chooseInterpreter([]).reason, 'No Python interpreter to try.');
  });

  it('lists at most six modules', () => {
    assert.equal(listed(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']), 'a, b, c, d, e, f and 2 more');
    assert.equal(listed([]), 'nothing the project needs');
  });
});
