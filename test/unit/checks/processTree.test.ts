// processTree on real processes (Linux): descendants found by parent links and by the environment
// marker, and a recorded process never signalled once its pid may belong to another.
import * as assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { findRunProcesses, killRunProcesses, signalProcesses } from '../../../src/checks/processTree';
import { isAlive, waitUntilGone } from './helpers';

const NODE = process.execPath;

/** A node that starts one sleeping child and prints its pid. */
function startParent(env: NodeJS.ProcessEnv): Promise<{ parent: ChildProcess; childPid: number }> {
  const code = "const c = require('child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' }); console.log(c.pid); setInterval(() => {}, 1000);";
  const parent = spawn(NODE, ['-e', code], { env, stdio: ['ignore', 'pipe', 'ignore'] });
  return new Promise((resolve, reject) => {
    parent.stdout?.once('data', (d: Buffer) => resolve({ parent, childPid: Number(d.toString().trim()) }));
    parent.once('error', reject);
  });
}

describe('processTree', function () {
  this.timeout(20_000);
  const started: number[] = [];

  before(function () {
    if (process.platform !== 'linux') this.skip();
  });

  afterEach(() => {
    for (const pid of started.splice(0)) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  });

  it('finds a grandchild by its parent link and by the marker, and kills all', async () => {
    const marker = `MLR_RUN_ID=test-${process.pid}-${Date.now()}`;
    const { parent, childPid } = await startParent({ ...process.env, MLR_RUN_ID: marker.split('=')[1] });
    started.push(parent.pid as number, childPid);
    assert.deepEqual((await findRunProcesses(parent.pid, undefined)).map((p) => p.pid), [childPid]);
    assert.deepEqual((await findRunProcesses(undefined, marker)).map((p) => p.pid).sort(), [parent.pid, childPid].sort());
    assert.deepEqual(await findRunProcesses(undefined, `${marker}-other`), []);
    await killRunProcesses(undefined, marker);
    assert.ok(await waitUntilGone(childPid), 'the grandchild is still running');
    assert.ok(await waitUntilGone(parent.pid as number), 'the parent is still running');
  });

  it('does not signal a pid whose start time is not the one recorded', async () => {
    const { parent, childPid } = await startParent(process.env);
    started.push(parent.pid as number, childPid);
    assert.equal(await signalProcesses([{ pid: childPid, startTime: '0' }], 'SIGKILL'), 0);
    assert.equal(isAlive(childPid), true);
    const [seen] = await findRunProcesses(parent.pid, undefined);
    assert.equal(await signalProcesses([seen], 'SIGKILL'), 1);
    assert.ok(await waitUntilGone(childPid));
  });
});
