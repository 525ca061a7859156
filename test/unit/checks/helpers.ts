// Shared by the checks tests: fixture paths, Debian's Python, and whether a process is gone.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunResult } from '../../../src/checks/process';
import { repoRoot } from '../repoRoot';


export const ROOT = repoRoot();
export const CHECKS_FIXTURES = join(ROOT, 'test', 'fixtures', 'checks');
export const SAMPLE_PROJECT = join(CHECKS_FIXTURES, 'sample-project');
export const SYSTEM_PYTHON = '/usr/bin/python3';

export function readFixture(name: string): string {
  return readFileSync(join(CHECKS_FIXTURES, name), 'utf8');
}

/** Why Debian's Python cannot run these tests, or undefined when it can. */
export function systemPythonProblem(modules: readonly string[] = ['pytest']): string | undefined {
  if (!existsSync(SYSTEM_PYTHON)) return `${SYSTEM_PYTHON} does not exist`;
  const r = spawnSync(SYSTEM_PYTHON, ['-c', modules.map((m) => `import ${m}`).join('; ') || 'pass'], { encoding: 'utf8' });
  return r.status === 0 ? undefined : `${SYSTEM_PYTHON} cannot import ${modules.join(', ')}: ${(r.stderr ?? '').trim().split('\n').pop()}`;
}

/** A fresh temporary folder; removed by the returned cleanup. */
export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `mlroadmap-${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function copyInto(from: string, to: string): void {
  cpSync(from, to, { recursive: true });
}

/**
 * True while `pid` is a live process. A zombie (dead, not yet reaped: this container's pid 1
 * may never reap orphans) counts as gone.
 */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return true;
  }
}

/** Pids of this user's processes whose environment holds `entry` (e.g. "NAME=value"); Linux only. */
export function processesWithEnv(entry: string): number[] {
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/environ`, 'latin1').split('\0').includes(entry)) found.push(Number(name));
    } catch {
      // Gone, or another user's.
    }
  }
  return found;
}

/** Waits (bounded) until `pid` is gone; a kill is delivered at once but reaping takes a moment. */
export async function waitUntilGone(pid: number, limitMs = 5000): Promise<boolean> {
  const until = Date.now() + limitMs;
  while (isAlive(pid)) {
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 25));
  }
  return true;
}

/** A RunResult for fake runners, successful unless overridden. */
export function fakeResult(over: Partial<RunResult> = {}): RunResult {
  return { exitCode: 0, signal: null, stdout: '', stderr: '', timedOut: false, cancelled: false, truncated: false, durationMs: 1, ...over };
}
