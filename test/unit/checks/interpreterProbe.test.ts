// Probing real and fake interpreters: a `python3` first on PATH that lacks the project's packages
// (a script on a temporary PATH) loses to Debian's /usr/bin/python3; an explicit setting wins
// anyway; one identity per interpreter (symlinks, virtual envs); probes are cached until cleared.
import * as assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InterpreterChooser, interpreterIdentity, probeCandidate } from '../../../src/checks/interpreterProbe';
import type { ProcessRunner } from '../../../src/checks/process';
import { runProcess } from '../../../src/checks/process';
import { fakeResult, SYSTEM_PYTHON, systemPythonProblem, tempDir } from './helpers';

const MARK = '@@mlroadmap-environment@@';
const answer = (over: Record<string, unknown> = {}): string =>
  `${MARK}${JSON.stringify({ version: '3.12.1', executable: '/x/bin/python3', managed: false, pytest: null, missing: [], ...over })}\n`;

describe('InterpreterChooser with real interpreters', function () {
  this.timeout(60_000);
  let tmp: { dir: string; cleanup: () => void };
  let project: string;
  let env: NodeJS.ProcessEnv;
  let fake: string;
  before(function () {
    if (process.platform === 'win32' || systemPythonProblem(['pytest', 'numpy'])) this.skip();
  });
  beforeEach(() => {
    tmp = tempDir('interp');
    project = join(tmp.dir, 'project');
    mkdirSync(project);
    writeFileSync(join(project, 'requirements.txt'), 'numpy>=1.20\n');
    // A python3 that cannot see the system's packages, first (and only) on PATH.
    const bin = join(tmp.dir, 'bin');
    mkdirSync(bin);
    fake = join(bin, 'python3');
    writeFileSync(fake, `#!/bin/sh\nexec ${SYSTEM_PYTHON} -S "$@"\n`, { mode: 0o755 });
    env = { ...process.env, PATH: bin };
  });
  afterEach(() => tmp.cleanup());

  it('passes over a python3 on PATH that lacks numpy and takes /usr/bin/python3', async () => {
    const pick = await new InterpreterChooser('linux').choose({}, { projectDir: project, run: runProcess, env });
    assert.equal(pick.python, SYSTEM_PYTHON, pick.reason);
    assert.equal(pick.reason, 'Using /usr/bin/python3: it has pytest, numpy; python3 on PATH lacks pytest, numpy; python on PATH was not found.');
    assert.deepEqual(pick.probes.map((p) => [p.candidate.label, p.lacks]), [['python3 on PATH', ['pytest', 'numpy']], ['python on PATH', []], ['/usr/bin/python3', []]]);
    assert.equal(pick.report?.ok, true);
  });

  it('keeps an explicit setting that lacks numpy, and the report says what is missing', async () => {
    const pick = await new InterpreterChooser('linux').choose({ setting: fake }, { projectDir: project, run: runProcess, env });
    assert.equal(pick.python, fake);
    assert.equal(pick.reason, `Using ${fake}, set in mlRoadmap.pythonPath; it lacks pytest, numpy.`);
    assert.equal(pick.report?.ok, false);
    assert.deepEqual(pick.report?.missing.map((m) => m.module), ['numpy']);
    assert.equal(pick.report?.pytestMissing, true);
    assert.deepEqual(pick.probes.map((p) => p.candidate.source), ['setting'], 'probed past the setting');
  });

  it('gives a symlink the identity of its target, and a virtual env its own', () => {
    const link = join(tmp.dir, 'py-link');
    symlinkSync(SYSTEM_PYTHON, link);
    assert.equal(interpreterIdentity(link), interpreterIdentity(SYSTEM_PYTHON));
    const venv = join(tmp.dir, 'venv');
    mkdirSync(join(venv, 'bin'), { recursive: true });
    writeFileSync(join(venv, 'pyvenv.cfg'), 'home = /usr/bin\n');
    symlinkSync(SYSTEM_PYTHON, join(venv, 'bin', 'python'));
    assert.notEqual(interpreterIdentity(join(venv, 'bin', 'python')), interpreterIdentity(SYSTEM_PYTHON));
    assert.equal(interpreterIdentity('python3', env), interpreterIdentity(fake));
    assert.equal(interpreterIdentity('no-such-python', env), undefined);
  });
});

describe('InterpreterChooser with fake probes', () => {
  let tmp: { dir: string; cleanup: () => void };
  beforeEach(() => {
    tmp = tempDir('interp-fake');
    writeFileSync(join(tmp.dir, 'requirements.txt'), 'numpy\n');
  });
  afterEach(() => tmp.cleanup());

  it('caches complete probes until cleared, and re-probes when none had everything', async () => {
    const calls: string[] = [];
    let numpyInstalled = false;
    const run: ProcessRunner = async (command) => {
      calls.push(command);
      return fakeResult({ stdout: answer(command === 'good' && numpyInstalled ? {} : { missing: [{ module: 'numpy', reason: 'ModuleNotFoundError' }] }) });
    };
    const chooser = new InterpreterChooser('linux');
    // Named candidates that resolve nowhere are still tried; PATH is empty.
    const sources = { fromPythonExtension: 'good' };
    const env = { PATH: '' };
    const first = await chooser.choose(sources, { projectDir: tmp.dir, run, env });
    assert.equal(first.python, 'good');
    assert.match(first.reason, /no Python found has everything/);
    // Every candidate was probed: good, python3 and python (named, though not on PATH), the usual places here.
    const probed = calls.length;
    assert.equal(probed, chooser.candidates(sources, env).length, calls.join(' '));
    assert.deepEqual(calls.slice(0, 3), ['good', 'python3', 'python']);
    numpyInstalled = true;
    const second = await chooser.choose(sources, { projectDir: tmp.dir, run, env });
    assert.equal(calls.length, probed + 1, 'the incomplete probes were cached');
    assert.equal(second.reason, "Using good: it has pytest, numpy.");
    await chooser.choose(sources, { projectDir: tmp.dir, run, env });
    assert.equal(calls.length, probed + 1, 'a complete probe was not cached');
    chooser.clear();
    await chooser.choose(sources, { projectDir: tmp.dir, run, env });
    assert.equal(calls.length, probed + 2);
  });

  it('shares a probe in progress (the lab\'s probe at open, then Run All), unless it was cancelled and the second caller was not', async () => {
    const calls: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const run: ProcessRunner = async (command) => {
      calls.push(command);
      await gate;
      return fakeResult({ stdout: answer() });
    };
    const chooser = new InterpreterChooser('linux');
    const sources = { setting: 'good' };
    const env = { PATH: '' };
    const both = Promise.all([chooser.choose(sources, { projectDir: tmp.dir, run, env }), chooser.choose(sources, { projectDir: tmp.dir, run, env })]);
    await new Promise((r) => setImmediate(r));
    release();
    const [a, b] = await both;
    assert.deepEqual(calls, ['good'], 'two callers at once probed twice');
    assert.equal(a.python, 'good');
    assert.equal(b.python, 'good');

    // A probe stopped by its caller is not what another caller gets.
    chooser.clear();
    calls.length = 0;
    const stop = new AbortController();
    const cancelled = chooser.choose(sources, { projectDir: tmp.dir, run, env, signal: stop.signal });
    const other = chooser.choose(sources, { projectDir: tmp.dir, run, env });
    stop.abort();
    const [gone, kept] = await Promise.all([cancelled, other]);
    assert.equal(gone.python, undefined);
    assert.equal(kept.python, 'good');
    assert.deepEqual(calls, ['good', 'good'], 'the second caller took the cancelled probe');
  });

  it('runs py -3 with its argument first and checks with the interpreter it found', async () => {
    const seen: string[][] = [];
    const run: ProcessRunner = async (command, args) => {
      seen.push([command, ...args.slice(0, 2)]);
      return fakeResult({ stdout: answer({ executable: 'C:\\Python312\\python.exe' }) });
    };
    const { probe } = await probeCandidate({ command: 'py', args: ['-3'], source: 'usual-place', label: 'py -3' }, { projectDir: tmp.dir, run });
    assert.deepEqual(seen[0], ['py', '-3', '-c']);
    assert.equal(probe.executable, 'C:\\Python312\\python.exe');
    assert.deepEqual(probe.lacks, []);
  });

  it('turns down Python 2 and a program that is not there', async () => {
    const run: ProcessRunner = async (command) => command === 'old'
      ? fakeResult({ stdout: answer({ version: '2.7.18' }) })
      : fakeResult({ exitCode: null, spawnError: { code: 'ENOENT', message: 'spawn ENOENT' } });
    const old = await probeCandidate({ command: 'old', args: [], source: 'path', label: 'old on PATH' }, { projectDir: tmp.dir, run });
    assert.equal(old.probe.problem, 'is Python 2.7.18; Python 3 is needed');
    const gone = await probeCandidate({ command: 'gone', args: [], source: 'path', label: 'gone on PATH' }, { projectDir: tmp.dir, run });
    assert.equal(gone.probe.problem, 'was not found');
  });
});
