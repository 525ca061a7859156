// requirements.txt → modules to import, and the environment check against Debian's Python.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkEnvironment, requirementModules } from '../../../src/checks/environment';
import { importNameOf } from '../../../src/checks/importNames';
import type { ProcessRunner } from '../../../src/checks/process';
import { runProcess } from '../../../src/checks/process';
import { fakeResult, SYSTEM_PYTHON, systemPythonProblem, tempDir } from './helpers';

describe('requirementModules', () => {
  it('maps names, skipping comments, options and blank lines', () => {
    const txt = [
      '# The project needs:',
      'numpy>=1.24,<3   # arrays',
      '',
      'scikit-learn[alldeps] ~= 1.2',
      'PyYAML==6.0',
      'Pillow',
      'opencv-python-headless>=4',
      'beautifulsoup4',
      'python-dateutil',
      'Jinja2>=3',
      'typing_extensions',
      '-r other.txt',
      '--index-url https://example.org/simple',
      '-e git+https://github.com/x/y.git#egg=y',
    ].join('\n');
    assert.deepEqual(requirementModules(txt).map((r) => [r.module, r.requirement]), [
      ['numpy', 'numpy>=1.24,<3'],
      ['sklearn', 'scikit-learn[alldeps] ~= 1.2'],
      ['yaml', 'PyYAML==6.0'],
      ['PIL', 'Pillow'],
      ['cv2', 'opencv-python-headless>=4'],
      ['bs4', 'beautifulsoup4'],
      ['dateutil', 'python-dateutil'],
      ['jinja2', 'Jinja2>=3'],
      ['typing_extensions', 'typing_extensions'],
    ]);
  });

  it('keeps environment markers for Python to evaluate', () => {
    assert.deepEqual(requirementModules('pywin32>=300; sys_platform == "win32"\ntomli ; python_version < "3.11"'), [
      { module: 'win32api', requirement: 'pywin32>=300; sys_platform == "win32"', marker: 'sys_platform == "win32"' },
      { module: 'tomli', requirement: 'tomli ; python_version < "3.11"', marker: 'python_version < "3.11"' },
    ]);
  });

  it('reads direct references, continuation lines and CRLF, and lists a module once', () => {
    const txt = 'mylib @ https://example.org/mylib-1.0.tar.gz\r\nhttps://example.org/pkg.zip#egg=other_pkg\r\n./local/dir\r\nnumpy \\\r\n  >=1.0\r\nNumPy\r\n';
    assert.deepEqual(requirementModules(txt).map((r) => r.module), ['mylib', 'other_pkg', 'numpy']);
  });

  it('skips what installs nothing importable under its name', () => {
    assert.deepEqual(requirementModules('types-requests\njupyter\npandas-stubs'), []);
    assert.equal(importNameOf('Scikit_Learn'), 'sklearn');
    assert.equal(importNameOf('torch'), 'torch');
  });

  it('returns nothing for empty or odd input', () => {
    assert.deepEqual(requirementModules(''), []);
    assert.deepEqual(requirementModules(undefined as unknown as string), []);
    assert.deepEqual(requirementModules('   # only a comment\n\n'), []);
  });
});

describe('checkEnvironment', () => {
  let project: { dir: string; cleanup: () => void };
  beforeEach(() => {
    project = tempDir('env');
  });
  afterEach(() => project.cleanup());

  it('finds numpy present and a fake module missing, with the install command', async function () {
    const problem = systemPythonProblem(['pytest', 'numpy']);
    if (problem) this.skip();
    writeFileSync(join(project.dir, 'requirements.txt'), 'numpy>=1.0\nmlroadmap-no-such-module>=1  # fake\npywin32; sys_platform == "win32"\n');
    const env = await checkEnvironment(SYSTEM_PYTHON, project.dir, runProcess);
    assert.equal(env.error, undefined);
    assert.equal(env.ok, false);
    assert.match(env.pythonVersion ?? '', /^3\.\d+\.\d+$/);
    assert.equal(env.pytestMissing, false);
    assert.deepEqual(env.missing.map((m) => [m.module, m.requirement]), [['mlroadmap_no_such_module', 'mlroadmap-no-such-module>=1']]);
    assert.match(env.missing[0]?.reason ?? '', /^ModuleNotFoundError: No module named 'mlroadmap_no_such_module'/);
    assert.deepEqual(env.installCommand, [SYSTEM_PYTHON, '-m', 'pip', 'install', '-r', 'requirements.txt']);
  });

  it('is ok when everything imports', async function () {
    if (systemPythonProblem(['pytest', 'numpy'])) this.skip();
    writeFileSync(join(project.dir, 'requirements.txt'), 'numpy\npytest\n');
    const env = await checkEnvironment(SYSTEM_PYTHON, project.dir, runProcess);
    assert.equal(env.ok, true, JSON.stringify(env));
    assert.deepEqual(env.missing, []);
    assert.deepEqual(env.installCommand, []);
    assert.equal(typeof env.externallyManaged, 'boolean');
  });

  it('reports pytest missing and adds it to the install command', async () => {
    let script = '';
    const run: ProcessRunner = async (_command, args) => {
      script = args[1] ?? '';
      assert.deepEqual(JSON.parse(args[2] ?? ''), []);
      return fakeResult({ stdout: 'noise from an import\n@@mlroadmap-environment@@{"version": "3.12.0", "executable": "/v/bin/python", "managed": false, "pytest": "ModuleNotFoundError: No module named \'pytest\'", "missing": []}\n' });
    };
    const env = await checkEnvironment('/v/bin/python', project.dir, run);
    assert.match(script, /importlib/);
    assert.deepEqual(env, {
      ok: false, python: '/v/bin/python', pythonVersion: '3.12.0', pythonPath: '/v/bin/python', missing: [], pytestMissing: true,
      installCommand: ['/v/bin/python', '-m', 'pip', 'install', 'pytest'], externallyManaged: false,
    });
  });

  it('says plainly when Python cannot be run', async () => {
    const env = await checkEnvironment('/no/such/python', project.dir, runProcess);
    assert.equal(env.ok, false);
    assert.equal(env.error, 'Python was not found at "/no/such/python"');
  });

  it('says so when the interpreter prints no answer', async () => {
    const env = await checkEnvironment('py', project.dir, async () => fakeResult({ exitCode: 1, stderr: 'Traceback…\nSyntaxError: invalid syntax\n' }));
    assert.equal(env.ok, false);
    assert.equal(env.error, '"py" could not run the environment check (exit code 1): SyntaxError: invalid syntax');
  });
});
