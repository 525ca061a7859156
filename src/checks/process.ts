// Runs one program with an argument array (never a shell, so paths and test ids need no quoting)
// and always comes back: timeouts, cancellation and missing programs are results, not exceptions.
// The child leads its own process group, and every process of the run carries a marker in its
// environment (src/checks/processTree.ts): a timeout, a cancel or the child's exit ends everything
// it started, also what left the group (setsid, setpgrp), found by parent links and by the marker.
// Long on purpose: every way a child can end (exit, signal, timeout, cancel, memory, output cap,
// spawn error) is handled here, in one place, so no caller handles one of them differently.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { isDirectory } from './quietFs';
import { StringDecoder } from 'node:string_decoder';
import { CappedOutput } from './outputCap';
import { RUN_MARKER_VAR, type SeenProcess, findRunProcesses, killRunProcesses, signalProcesses } from './processTree';
import { describeError } from '../shared/errors';

export interface RunOptions {
  readonly cwd: string;
  /** The child's whole environment; defaults to this process's. The run's marker is added to it. */
  readonly env?: NodeJS.ProcessEnv;
  readonly timeoutMs: number;
  /** Per stream; beyond it the middle of the output is dropped. */
  readonly maxOutputBytes: number;
  readonly signal?: AbortSignal;
  /** How long a child gets between SIGTERM and SIGKILL. Default 2000 ms. */
  readonly killGraceMs?: number;
  /**
   * Linux only: the child's resident memory is sampled (every 100 ms); over this, the run is stopped
   * as on a timeout, with memoryExceeded set. Its own descendants are not counted.
   */
  readonly maxRssBytes?: number;
  /** Live output, e.g. for an output channel; the result still holds the (capped) whole. */
  readonly onOutput?: (text: string, stream: 'stdout' | 'stderr') => void;
}

export interface SpawnError {
  /** `ENOENT` for a missing program, `ENOCWD` for a missing working folder, else Node's code. */
  readonly code: string;
  readonly message: string;
}

export interface RunResult {
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
  readonly cancelled: boolean;
  /** Set when the run was stopped for going over maxRssBytes. */
  readonly memoryExceeded?: boolean;
  /** True when either stream went over maxOutputBytes. */
  readonly truncated: boolean;
  readonly durationMs: number;
  readonly pid?: number;
  readonly spawnError?: SpawnError;
}

/** runProcess's signature, so callers can be tested with a fake. */
export type ProcessRunner = (command: string, args: readonly string[], options: RunOptions) => Promise<RunResult>;

const DEFAULT_GRACE_MS = 2000;
/** After the child exits, how long its output pipes may stay open before we stop waiting. */
const CLOSE_WAIT_MS = 2000;
const RSS_SAMPLE_MS = 100;

export function runProcess(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  const started = Date.now();
  const base = { exitCode: null, signal: null, stdout: '', stderr: '', timedOut: false, cancelled: false, truncated: false };
  if (options.signal?.aborted) return Promise.resolve({ ...base, cancelled: true, durationMs: 0 });
  // Node reports a missing cwd as ENOENT of the program, which would send the learner looking
  // for the wrong thing.
  if (!isDirectory(options.cwd)) {
    const spawnError = { code: 'ENOCWD', message: `The folder ${options.cwd} does not exist` };
    return Promise.resolve({ ...base, durationMs: 0, spawnError });
  }

  const marker = randomBytes(12).toString('hex');
  const markerEntry = `${RUN_MARKER_VAR}=${marker}`;
  return new Promise<RunResult>((resolve) => {
    let child: ChildProcess;
    try {
      child = spawn(command, [...args], {
        cwd: options.cwd,
        env: { ...(options.env ?? process.env), [RUN_MARKER_VAR]: marker },
        // Own process group on POSIX. On Windows `detached` would open a console window;
        // taskkill /T finds the tree there instead.
        detached: process.platform !== 'win32',
        stdio: ['ignore', 'pipe', 'pipe'],
        windowsHide: true,
        shell: false,
      });
    } catch (e) {
      // Invalid arguments (a NUL byte, say) throw synchronously.
      resolve({ ...base, durationMs: Date.now() - started, spawnError: asSpawnError(e) });
      return;
    }

    const stdout = new CappedOutput(options.maxOutputBytes);
    const stderr = new CappedOutput(options.maxOutputBytes);
    listen(child, 'stdout', stdout, options.onOutput);
    listen(child, 'stderr', stderr, options.onOutput);

    let timedOut = false;
    let cancelled = false;
    let memoryExceeded = false;
    let exited = false;
    let stopping = false;
    let settled = false;
    // The sweep after the child's exit; the result waits for it, so nothing of the run is left.
    let sweep: Promise<void> = Promise.resolve();
    let killTimer: NodeJS.Timeout | undefined;
    let closeTimer: NodeJS.Timeout | undefined;

    // Processes seen while stopping: once their parent is killed, only these records (and the
    // marker) still lead to them.
    const seen: SeenProcess[] = [];
    const stop = (): void => {
      if (exited || stopping) return;
      stopping = true;
      // The scan comes before the group is signalled, while every parent link still leads back
      // to the child.
      void findRunProcesses(child.pid, markerEntry).catch(() => []).then(async (found) => {
        seen.push(...found);
        killTree(child, 'SIGTERM');
        await signalProcesses(seen, 'SIGTERM');
        if (settled) return;
        killTimer = setTimeout(() => {
          killTree(child, 'SIGKILL');
          void killRunProcesses(exited ? undefined : child.pid, markerEntry, seen).catch(() => undefined);
        }, options.killGraceMs ?? DEFAULT_GRACE_MS);
      });
    };
    const timer = setTimeout(() => {
      if (exited) return;
      timedOut = true;
      stop();
    }, Math.max(0, options.timeoutMs));
    const onAbort = (): void => {
      if (exited) return;
      cancelled = true;
      stop();
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const maxRss = options.maxRssBytes;
    const memoryTimer = maxRss !== undefined && process.platform === 'linux' && child.pid !== undefined
      ? setInterval(() => {
        if (exited || stopping) return;
        const rss = residentBytes(child.pid as number);
        if (rss === undefined || rss <= maxRss) return;
        memoryExceeded = true;
        stop();
      }, RSS_SAMPLE_MS)
      : undefined;

    const finish = (exitCode: number | null, signal: NodeJS.Signals | null, spawnError?: SpawnError): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(killTimer);
      clearTimeout(closeTimer);
      clearInterval(memoryTimer);
      options.signal?.removeEventListener('abort', onAbort);
      void sweep.then(() => resolve({
        exitCode,
        signal,
        stdout: stdout.text(),
        stderr: stderr.text(),
        timedOut,
        cancelled,
        ...(memoryExceeded ? { memoryExceeded } : {}),
        truncated: stdout.truncated || stderr.truncated,
        durationMs: Date.now() - started,
        ...(child.pid !== undefined ? { pid: child.pid } : {}),
        ...(spawnError ? { spawnError } : {}),
      }));
    };

    child.on('error', (e) => {
      // Errors after a successful spawn (a failed kill) change nothing about the result.
      if (child.pid === undefined) finish(null, null, asSpawnError(e));
    });
    child.on('exit', (code, signal) => {
      exited = true;
      clearTimeout(timer);
      clearInterval(memoryTimer);
      // Whatever the child left running goes too, in its group or not: strays would hold our
      // pipes open and keep using the learner's CPU.
      killGroup(child, 'SIGKILL');
      sweep = killRunProcesses(undefined, markerEntry, seen).catch(() => undefined);
      closeTimer = setTimeout(() => {
        child.stdout?.destroy();
        child.stderr?.destroy();
        finish(code, signal);
      }, CLOSE_WAIT_MS);
    });
    child.on('close', (code, signal) => finish(code, signal));
  });
}

function listen(
  child: ChildProcess,
  stream: 'stdout' | 'stderr',
  into: CappedOutput,
  onOutput: RunOptions['onOutput'],
): void {
  const decoder = new StringDecoder('utf8');
  child[stream]?.on('data', (chunk: Buffer) => {
    into.push(chunk);
    if (!onOutput) return;
    try {
      onOutput(decoder.write(chunk), stream);
    } catch {
      // A listener's bug must not break the run.
    }
  });
}

/** SIGTERM/SIGKILL to the whole tree: the process group on POSIX, taskkill /T on Windows. */
function killTree(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  if (process.platform === 'win32') {
    const killer = spawn('taskkill', ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true });
    killer.on('error', () => child.kill(signal));
    return;
  }
  if (!killGroup(child, signal)) {
    try {
      child.kill(signal);
    } catch {
      // Already gone.
    }
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): boolean {
  if (child.pid === undefined || process.platform === 'win32') return false;
  try {
    process.kill(-child.pid, signal);
    return true;
  } catch {
    // ESRCH: the group is already empty.
    return false;
  }
}

/** VmRSS of a live process in bytes, from /proc (Linux); undefined when it cannot be read. */
function residentBytes(pid: number): number | undefined {
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'latin1'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

function asSpawnError(e: unknown): SpawnError {
  const code = typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : 'ESPAWN';
  return { code, message: describeError(e) };
}

