// Which Python runs the checks. The editor's interpreter comes first so the checks see the same
// packages the learner installed (running "another Python" is a top complaint about checkers).
import { tmpdir } from 'node:os';
import type { ProcessRunner, RunResult } from './process';

export interface PythonCandidateSources {
  /** The interpreter the Python extension has selected for the workspace. */
  readonly fromPythonExtension?: string;
  /** The extension's own interpreter setting. */
  readonly setting?: string;
  readonly platform: NodeJS.Platform;
}

/** Candidates in order of preference, without blanks or duplicates. */
export function pythonCandidates(sources: PythonCandidateSources): string[] {
  // On Windows `python3` is often the Microsoft Store stub, so `python` goes first there.
  const fallbacks = sources.platform === 'win32' ? ['python', 'python3'] : ['python3', 'python'];
  const all = [sources.fromPythonExtension, sources.setting, ...fallbacks].map((c) => (typeof c === 'string' ? c.trim() : ''));
  return [...new Set(all.filter((c) => c !== ''))];
}

export interface PythonTried {
  readonly candidate: string;
  readonly reason: string;
}

export type PythonChoice =
  | { readonly ok: true; readonly python: string; readonly version: string; readonly tried: readonly PythonTried[] }
  | { readonly ok: false; readonly error: string; readonly tried: readonly PythonTried[] };

export interface FindPythonOptions {
  /** Where the probes run; a neutral folder by default, so no project file can shadow `sys`. */
  readonly cwd?: string;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

const PROBE = 'import sys; print(sys.version)';

/** The first candidate that starts and is Python 3, with its version (`3.11.2`). */
export async function findPython(candidates: readonly string[], run: ProcessRunner, options: FindPythonOptions = {}): Promise<PythonChoice> {
  const tried: PythonTried[] = [];
  for (const candidate of candidates) {
    const result = await run(candidate, ['-c', PROBE], {
      cwd: options.cwd ?? tmpdir(),
      timeoutMs: options.timeoutMs ?? 15_000,
      maxOutputBytes: 16 * 1024,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const version = probeVersion(result);
    if ('version' in version) return { ok: true, python: candidate, version: version.version, tried };
    tried.push({ candidate, reason: version.reason });
    if (result.cancelled) break;
  }
  if (candidates.length === 0) return { ok: false, error: 'No Python interpreter to try: install Python 3 or select one in the Python extension', tried };
  const list = tried.map((t) => `${t.candidate} (${t.reason})`).join('; ');
  return { ok: false, error: `No working Python 3 found. Tried: ${list}. Install Python 3 or select an interpreter in the Python extension.`, tried };
}

function probeVersion(r: RunResult): { version: string } | { reason: string } {
  if (r.spawnError) return { reason: r.spawnError.code === 'ENOENT' ? 'not found' : `could not start: ${r.spawnError.message}` };
  if (r.cancelled) return { reason: 'cancelled' };
  if (r.timedOut) return { reason: 'did not answer in time' };
  if (r.exitCode !== 0) {
    const said = lastLine(r.stderr) || lastLine(r.stdout);
    return { reason: `exited with code ${r.exitCode ?? r.signal ?? 'unknown'}${said ? `: ${said}` : ''}` };
  }
  const version = /^(\d+)\.(\d+)(?:\.\d+)?\S*/.exec(r.stdout.trim());
  if (!version) return { reason: `printed no version (${lastLine(r.stdout) || 'nothing'})` };
  if (version[1] !== '3') return { reason: `is Python ${version[0]}; Python 3 is needed` };
  return { version: version[0] };
}

function lastLine(text: string): string {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  return (lines[lines.length - 1] ?? '').slice(0, 200);
}
