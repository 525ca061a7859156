// The lab's pytest run leaves nothing behind: a daemon a test starts (double fork, its own session,
// an empty environment, SIGTERM ignored) is ended when pytest finishes and when the run times out.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runProcess } from '../../../src/checks/process';
import { runPytest } from '../../../src/checks/pytestRun';
import { SYSTEM_PYTHON, isAlive, systemPythonProblem, tempDir, waitUntilGone } from './helpers';

// Starts a daemon that nothing links back to: no parent (double fork), no group, no environment.
const TEST_FILE = `
import os, subprocess, sys, time

DAEMON = """
import os, signal, sys, time
signal.signal(signal.SIGTERM, signal.SIG_IGN)
os.setsid()
if os.fork():
    os._exit(0)
with open(sys.argv[1] + ".tmp", "w") as f:
    f.write(str(os.getpid()))
os.rename(sys.argv[1] + ".tmp", sys.argv[1])
time.sleep(600)
"""

def start_daemon():
    pidfile = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "daemon.pid")
    subprocess.run([sys.executable, "-c", DAEMON, pidfile], env={}, stdin=subprocess.DEVNULL,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    until = time.time() + 10
    while not os.path.exists(pidfile) and time.time() < until:
        time.sleep(0.01)
    assert os.path.exists(pidfile)

def test_leaves_a_daemon():
    start_daemon()

def test_leaves_a_daemon_and_hangs():
    start_daemon()
    time.sleep(600)
`;

describe('the lab pytest run and the processes its tests start', function () {
  this.timeout(60_000);
  const daemons: number[] = [];

  before(function () {
    const problem = process.platform === 'linux' ? systemPythonProblem(['pytest']) : 'not Linux';
    if (problem) {
      console.log(`      skipped: ${problem}`);
      this.skip();
    }
  });

  afterEach(() => {
    for (const pid of daemons.splice(0)) {
      if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    }
  });

  async function runWithDaemon(test: string, timeoutMs: number): Promise<{ pid: number; passed: boolean; timedOut: boolean }> {
    const project = tempDir('daemon');
    try {
      mkdirSync(join(project.dir, 'tests'));
      writeFileSync(join(project.dir, 'tests', 'test_daemon.py'), TEST_FILE);
      const run = await runPytest({
        projectDir: project.dir, python: SYSTEM_PYTHON, nodeIds: [`tests/test_daemon.py::${test}`],
        timeoutMs, maxOutputBytes: 256 * 1024, run: (c, a, o) => runProcess(c, a, { ...o, killGraceMs: 300 }),
      });
      const pidFile = join(project.dir, 'daemon.pid');
      assert.ok(existsSync(pidFile), `the test started no daemon:\n${run.result?.stdout}\n${run.result?.stderr}`);
      const pid = Number(readFileSync(pidFile, 'utf8'));
      daemons.push(pid);
      const passed = run.report?.cases.some((c) => c.nodeId.endsWith(`::${test}`) && c.status === 'passed') ?? false;
      return { pid, passed, timedOut: run.result?.timedOut ?? false };
    } finally {
      project.cleanup();
    }
  }

  it('ends a daemon a passing test left behind when pytest finishes', async () => {
    const r = await runWithDaemon('test_leaves_a_daemon', 30_000);
    assert.equal(r.passed, true, 'the test did not pass');
    assert.ok(await waitUntilGone(r.pid), `the daemon ${r.pid} outlived the run`);
  });

  it('ends a daemon of a test that hangs when the run times out', async () => {
    const r = await runWithDaemon('test_leaves_a_daemon_and_hangs', 4000);
    assert.equal(r.timedOut, true);
    assert.ok(await waitUntilGone(r.pid), `the daemon ${r.pid} outlived the timeout`);
  });
});
