// runProcess with real processes: argument arrays, exit codes, missing programs, the output cap,
// and that a timeout, a cancel or the end of the run ends the whole process tree, also the children
// that left its process group.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { RunOptions } from '../../../src/checks/process';
import { runProcess } from '../../../src/checks/process';
import { SYSTEM_PYTHON, isAlive, processesWithEnv, tempDir, waitUntilGone } from './helpers';

const NODE = process.execPath;

function options(over: Partial<RunOptions> = {}): RunOptions {
  return { cwd: __dirname, timeoutMs: 20_000, maxOutputBytes: 1024 * 1024, ...over };
}

// A parent that prints its pid and its child's, then waits; both may ignore SIGTERM.
function treeScript(opts: { ignoreTerm: boolean; childStdio: 'ignore' | 'inherit'; parentExits?: boolean }): string {
  const trap = opts.ignoreTerm ? "process.on('SIGTERM', () => {});" : '';
  const childCode = `${trap} setInterval(() => {}, 1000);`;
  return [
    trap,
    `const c = require('child_process').spawn(process.execPath, ['-e', ${JSON.stringify(childCode)}], { stdio: '${opts.childStdio}' });`,
    "console.log('PIDS ' + process.pid + ' ' + c.pid);",
    opts.parentExits ? 'setTimeout(() => process.exit(0), 200);' : 'setInterval(() => {}, 1000);',
  ].join('\n');
}

type Escape = 'start_new_session' | 'setpgrp' | 'setsid' | 'cleared environment';

// A Python parent that starts a sleeper which leaves the process group (and ignores SIGTERM), waits
// until it really has left, prints the sleeper's pid and the run's marker, then waits or exits.
function escapeScript(escape: Escape, parentExits: boolean): string {
  const sleeper = [
    'import os, signal, time',
    'signal.signal(signal.SIGTERM, signal.SIG_IGN)',
    escape === 'setpgrp' ? 'os.setpgrp()' : escape === 'setsid' ? 'os.setsid()' : '',
    'time.sleep(600)',
  ].join('\n');
  const popenExtra = escape === 'start_new_session' ? ', start_new_session=True' : escape === 'cleared environment' ? ', start_new_session=True, env={}' : '';
  return [
    'import os, subprocess, sys, time',
    `c = subprocess.Popen([sys.executable, "-c", ${JSON.stringify(sleeper)}], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL${popenExtra})`,
    'until = time.time() + 10',
    'while os.getpgid(c.pid) == os.getpgid(0) and time.time() < until: time.sleep(0.01)',
    'print("ESCAPED %d %s %s" % (c.pid, os.getpgid(c.pid) != os.getpgid(0), os.environ.get("MLR_RUN_ID", "")), flush=True)',
    parentExits ? 'sys.exit(0)' : 'time.sleep(600)',
  ].join('\n');
}

function escapedOf(stdout: string): { pid: number; marker: string } {
  const m = /ESCAPED (\d+) (True|False) (\S*)/.exec(stdout);
  assert.ok(m, `no pid printed in ${JSON.stringify(stdout)}`);
  const pid = Number(m[1]);
  seenPids.push(pid);
  assert.equal(m[2], 'True', 'the sleeper did not leave the process group, so the test proves nothing');
  return { pid, marker: m[3] };
}

/** The escaped sleeper and every process carrying the run's marker are gone. */
async function assertNothingLeft(stdout: string): Promise<void> {
  const { pid, marker } = escapedOf(stdout);
  assert.ok(await waitUntilGone(pid), `the escaped process ${pid} is still running`);
  assert.ok(marker.length > 0, 'the run gave its processes no marker');
  const left = processesWithEnv(`MLR_RUN_ID=${marker}`).filter(isAlive);
  assert.deepEqual(left, [], `processes with the run's marker are still running: ${left.join(', ')}`);
}

// Every tree process a test saw, so a failing test does not leave strays behind.
const seenPids: number[] = [];

function pidsOf(stdout: string): number[] {
  const m = /PIDS (\d+) (\d+)/.exec(stdout);
  assert.ok(m, `no pids printed in ${JSON.stringify(stdout)}`);
  const pids = [Number(m[1]), Number(m[2])];
  seenPids.push(...pids);
  return pids;
}

describe('runProcess', () => {
  it('passes arguments verbatim, with no shell in between', async () => {
    const args = ['a b', '"quoted"', "it's", '$HOME', '; echo hacked', '*', ''];
    const r = await runProcess(NODE, ['-e', 'console.log(JSON.stringify(process.argv.slice(1)))', ...args], options());
    assert.equal(r.exitCode, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), args);
    assert.equal(r.timedOut, false);
    assert.equal(r.cancelled, false);
    assert.equal(r.spawnError, undefined);
  });

  it('reports the exit code, stderr and the working folder', async () => {
    const { dir, cleanup } = tempDir('cwd');
    try {
      const r = await runProcess(NODE, ['-e', "console.log(process.cwd()); process.stderr.write('bad news'); process.exit(3)"], options({ cwd: dir }));
      assert.equal(r.exitCode, 3);
      assert.equal(r.signal, null);
      assert.equal(r.stderr, 'bad news');
      assert.equal(r.stdout.trim(), dir);
    } finally {
      cleanup();
    }
  });

  it('passes the given environment', async () => {
    const r = await runProcess(NODE, ['-e', 'console.log(process.env.MLR_PROBE)'], options({ env: { ...process.env, MLR_PROBE: 'yes' } }));
    assert.equal(r.stdout.trim(), 'yes');
  });

  it('returns ENOENT for a missing program instead of throwing', async () => {
    const r = await runProcess('/definitely/not/a/program-xyz', ['--version'], options());
    assert.equal(r.spawnError?.code, 'ENOENT');
    assert.equal(r.exitCode, null);
    assert.equal(r.timedOut, false);
  });

  it('names a missing working folder as such, not as a missing program', async () => {
    const r = await runProcess(NODE, ['-e', ''], options({ cwd: '/definitely/not/a/folder-xyz' }));
    assert.equal(r.spawnError?.code, 'ENOCWD');
    assert.match(r.spawnError?.message ?? '', /folder-xyz does not exist/);
  });

  it('returns an error for arguments the OS cannot take instead of throwing', async () => {
    const r = await runProcess(NODE, ['-e', '', 'nul\u0000byte'], options());
    assert.ok(r.spawnError, 'expected a spawn error');
    assert.equal(r.exitCode, null);
  });

  it('keeps small output whole and untruncated', async () => {
    const r = await runProcess(NODE, ['-e', "process.stdout.write('é'.repeat(10))"], options({ maxOutputBytes: 100 }));
    assert.equal(r.stdout, 'é'.repeat(10));
    assert.equal(r.truncated, false);
  });

  it('caps output, keeping the first and last part and marking it truncated', async () => {
    const script = "process.stdout.write('BEGIN' + 'x'.repeat(1_000_000) + 'END')";
    const r = await runProcess(NODE, ['-e', script], options({ maxOutputBytes: 1000 }));
    assert.equal(r.truncated, true);
    assert.ok(r.stdout.startsWith('BEGIN'), r.stdout.slice(0, 20));
    assert.ok(r.stdout.endsWith('END'), r.stdout.slice(-20));
    assert.match(r.stdout, /\[\d+ bytes of output omitted\]/);
    assert.ok(r.stdout.length < 1100, `kept ${r.stdout.length} characters`);
  });

  it('streams output to onOutput as it comes', async () => {
    const seen: string[] = [];
    await runProcess(NODE, ['-e', "console.log('one'); console.error('two')"], options({ onOutput: (text, stream) => seen.push(`${stream}:${text.trim()}`) }));
    assert.deepEqual(seen.sort(), ['stderr:two', 'stdout:one']);
  });

  it('stops a child that goes over maxRssBytes and says so', async function () {
    if (process.platform !== 'linux') this.skip();
    const grow = 'const keep = []; setInterval(() => keep.push(Buffer.alloc(20e6, 1)), 20);';
    const r = await runProcess(NODE, ['-e', grow], options({ maxRssBytes: 200e6, killGraceMs: 300 }));
    assert.equal(r.memoryExceeded, true);
    assert.equal(r.timedOut, false);
    assert.notEqual(r.exitCode, 0);
    const small = await runProcess(NODE, ['-e', "console.log('fine')"], options({ maxRssBytes: 200e6 }));
    assert.equal(small.memoryExceeded, undefined);
    assert.equal(small.exitCode, 0);
  });

  describe('process trees', function () {
    before(function () {
      if (process.platform === 'win32') this.skip();
    });

    afterEach(() => {
      for (const pid of seenPids.splice(0)) {
        if (!isAlive(pid)) continue;
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Gone meanwhile.
        }
      }
    });

    it('on timeout kills the child and its children, escalating to SIGKILL when SIGTERM is ignored', async () => {
      const r = await runProcess(NODE, ['-e', treeScript({ ignoreTerm: true, childStdio: 'ignore' })], options({ timeoutMs: 2000, killGraceMs: 300 }));
      assert.equal(r.timedOut, true);
      assert.equal(r.cancelled, false);
      assert.equal(r.signal, 'SIGKILL');
      const [parent, child] = pidsOf(r.stdout);
      assert.ok(await waitUntilGone(parent), `parent ${parent} is still running`);
      assert.ok(await waitUntilGone(child), `child ${child} is still running`);
    });

    it('on timeout ends a tree that obeys SIGTERM', async () => {
      const r = await runProcess(NODE, ['-e', treeScript({ ignoreTerm: false, childStdio: 'ignore' })], options({ timeoutMs: 2000 }));
      assert.equal(r.timedOut, true);
      assert.equal(r.signal, 'SIGTERM');
      for (const pid of pidsOf(r.stdout)) assert.ok(await waitUntilGone(pid), `${pid} is still running`);
    });

    it('cancels through an AbortSignal and kills the tree', async () => {
      const abort = new AbortController();
      const r = await runProcess(NODE, ['-e', treeScript({ ignoreTerm: false, childStdio: 'ignore' })], options({
        onOutput: (text) => {
          if (text.includes('PIDS')) abort.abort();
        },
        signal: abort.signal,
      }));
      assert.equal(r.cancelled, true);
      assert.equal(r.timedOut, false);
      for (const pid of pidsOf(r.stdout)) assert.ok(await waitUntilGone(pid), `${pid} is still running`);
    });

    it('does not start at all when already cancelled', async () => {
      const abort = new AbortController();
      abort.abort();
      const r = await runProcess(NODE, ['-e', "console.log('ran')"], options({ signal: abort.signal }));
      assert.equal(r.cancelled, true);
      assert.equal(r.pid, undefined);
      assert.equal(r.stdout, '');
    });

    it('returns when the child exits even if a grandchild still holds its output, and ends the grandchild', async () => {
      const r = await runProcess(NODE, ['-e', treeScript({ ignoreTerm: true, childStdio: 'inherit', parentExits: true })], options({ timeoutMs: 20_000 }));
      assert.equal(r.timedOut, false);
      assert.equal(r.exitCode, 0);
      const [parent, child] = pidsOf(r.stdout);
      assert.ok(await waitUntilGone(parent));
      assert.ok(await waitUntilGone(child), `grandchild ${child} outlived its parent`);
    });

    describe('descendants that leave the process group', function () {
      before(function () {
        if (process.platform !== 'linux' || !existsSync(SYSTEM_PYTHON)) this.skip();
      });

      const escapes: readonly Escape[] = ['start_new_session', 'setpgrp', 'setsid', 'cleared environment'];
      for (const escape of escapes) {
        it(`on timeout ends a child that escaped with ${escape}`, async () => {
          const r = await runProcess(SYSTEM_PYTHON, ['-c', escapeScript(escape, false)], options({ timeoutMs: 2000, killGraceMs: 300 }));
          assert.equal(r.timedOut, true, r.stderr);
          await assertNothingLeft(r.stdout);
        });

        it(`on cancel ends a child that escaped with ${escape}`, async () => {
          const abort = new AbortController();
          const r = await runProcess(SYSTEM_PYTHON, ['-c', escapeScript(escape, false)], options({
            killGraceMs: 300,
            signal: abort.signal,
            onOutput: (text) => {
              if (text.includes('ESCAPED')) abort.abort();
            },
          }));
          assert.equal(r.cancelled, true, r.stderr);
          await assertNothingLeft(r.stdout);
        });
      }

      for (const escape of ['start_new_session', 'setpgrp', 'setsid'] as const) {
        it(`at a normal exit ends a child left behind with ${escape}`, async () => {
          const r = await runProcess(SYSTEM_PYTHON, ['-c', escapeScript(escape, true)], options());
          assert.equal(r.exitCode, 0, r.stderr);
          assert.equal(r.timedOut, false);
          await assertNothingLeft(r.stdout);
        });
      }
    });

    it('can tell a live process from a dead one (so the checks above can fail)', async () => {
      assert.equal(isAlive(process.pid), true);
      const r = await runProcess(NODE, ['-e', 'console.log(process.pid)'], options());
      assert.ok(await waitUntilGone(Number(r.stdout.trim())));
    });
  });
});
