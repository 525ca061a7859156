// Probing Python candidates for a project: where a command really is (PATH lookup, symlinks),
// what each candidate imports of what the project needs (the environment check), and a cache
// of those probes per interpreter and requirements, so a lab run does not re-import torch in
// every Python on the machine. Plain Node: the vscode layer supplies the sources and clears the
// cache when the setting or the Python extension's interpreter changes.
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { delimiter, dirname, isAbsolute, join } from 'node:path';
import { checkEnvironment, requirementModules, type EnvironmentReport } from './environment';
import {
  chooseInterpreter, distinctCandidates, interpreterCandidates, isComplete,
  type CandidateInputs, type Choice, type InterpreterCandidate, type Probe,
} from './interpreterChoice';
import type { ProcessRunner } from './process';
import { readText } from './quietFs';

/**
 * What identifies the interpreter `command` starts, or undefined when there is no such program:
 * its real path (PATH lookup, symlinks resolved), plus the virtual environment it belongs to, since
 * a venv's `bin/python` is a symlink to the base interpreter but sees other packages.
 */
export function interpreterIdentity(command: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  const identity = (file: string): string | undefined => {
    try {
      if (!statSync(file).isFile()) return undefined;
      const venv = dirname(dirname(file));
      return existsSync(join(venv, 'pyvenv.cfg')) ? `${realpathSync(file)} in ${realpathSync(venv)}` : realpathSync(file);
    } catch {
      return undefined;
    }
  };
  if (isAbsolute(command) || command.includes('/') || (platform === 'win32' && command.includes('\\'))) return identity(command);
  const path = env.PATH ?? env.Path ?? '';
  const exts = platform === 'win32' ? ['', ...(env.PATHEXT ?? '.EXE;.CMD;.BAT;.COM').split(';').filter(Boolean)] : [''];
  for (const dir of path.split(platform === 'win32' ? ';' : delimiter)) {
    if (!dir) continue;
    for (const ext of exts) {
      const found = identity(join(dir, command + ext));
      if (found) return found;
    }
  }
  return undefined;
}

export interface ProbeOptions {
  readonly projectDir: string;
  readonly run: ProcessRunner;
  readonly signal?: AbortSignal;
  /** The environment the probes (and PATH lookups) see; this process's by default. */
  readonly env?: NodeJS.ProcessEnv;
  readonly timeoutMs?: number;
}

/** What one candidate imports of the project's needs, with the full environment report. */
export async function probeCandidate(candidate: InterpreterCandidate, options: ProbeOptions): Promise<{ probe: Probe; report: EnvironmentReport }> {
  // `py -3` and the like: the selecting arguments go before the environment check's own.
  const run: ProcessRunner = candidate.args.length ? (c, a, o) => options.run(c, [...candidate.args, ...a], o) : options.run;
  const report = await checkEnvironment(candidate.command, options.projectDir, run, {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.env ? { env: options.env } : {}),
    timeoutMs: options.timeoutMs ?? 60_000,
  });
  const base = { candidate, has: [] as string[], lacks: [] as string[] };
  if (report.error !== undefined) {
    const problem = /^Python was not found/.test(report.error) ? 'was not found' : `could not be used (${report.error})`;
    return { probe: { ...base, problem }, report };
  }
  const version = report.pythonVersion ?? '';
  const at = report.pythonPath ? { executable: report.pythonPath } : {};
  if (!/^3\./.test(version)) return { probe: { ...base, ...at, version, problem: `is Python ${version || 'of an unknown version'}; Python 3 is needed` }, report };
  const needed = ['pytest', ...requirementModules(readText(join(options.projectDir, 'requirements.txt')) ?? '').map((r) => r.module).filter((m) => m !== 'pytest')];
  const missing = new Set([...(report.pytestMissing ? ['pytest'] : []), ...report.missing.map((m) => m.module)]);
  return {
    probe: { candidate, ...at, version, has: needed.filter((m) => !missing.has(m)), lacks: needed.filter((m) => missing.has(m)) },
    report,
  };
}

export interface InterpreterPick extends Choice {
  /** Every candidate probed, in order. */
  readonly probes: readonly Probe[];
  /** The chosen one's environment report, for the lab's banner and install command. */
  readonly report?: EnvironmentReport;
  /** What to run for the checks: the chosen command, or its executable when it needed arguments. */
  readonly python?: string;
}

interface Cached { readonly probe: Probe; readonly report: EnvironmentReport }

/**
 * Probes candidates in order and chooses, caching each probe by interpreter and requirements.
 * A run that finds no complete interpreter forgets what it probed, so that an install made after
 * the lab said "numpy is missing" is seen on the next run.
 */
export class InterpreterChooser {
  private readonly cache = new Map<string, Cached>();

  constructor(private readonly platform: NodeJS.Platform = process.platform) {}

  /** Probes in progress, by cache key, with the signal that can stop each. */
  private readonly probing = new Map<string, { readonly probe: Promise<Cached>; readonly signal: AbortSignal | undefined }>();

  /** Drops every probe: the setting or the Python extension's interpreter changed. */
  clear(): void {
    this.cache.clear();
    this.probing.clear();
  }

  /**
   * One probe of `candidate`: a probe of the same key already in progress (the lab's probe at open,
   * then a Run All) is shared, unless it was stopped and this caller was not.
   */
  private async probeOnce(key: string, candidate: InterpreterCandidate, options: ProbeOptions): Promise<Cached> {
    const shared = this.probing.get(key);
    if (shared) {
      const entry = await shared.probe;
      if (!shared.signal?.aborted || options.signal?.aborted) return entry;
    }
    const probe = probeCandidate(candidate, options);
    const mine = { probe, signal: options.signal };
    this.probing.set(key, mine);
    try {
      return await probe;
    } finally {
      if (this.probing.get(key) === mine) this.probing.delete(key);
    }
  }

  candidates(sources: Pick<CandidateInputs, 'fromPythonExtension' | 'setting'>, env: NodeJS.ProcessEnv = process.env): { candidate: InterpreterCandidate; identity?: string }[] {
    const all = interpreterCandidates({
      ...sources, platform: this.platform, localAppData: env.LOCALAPPDATA,
      listDir: (dir) => { try { return existsSync(dir) ? readdirSync(dir) : []; } catch { return []; } },
    });
    return distinctCandidates(all, (c) => interpreterIdentity(c, env, this.platform));
  }

  /** The interpreter for the project; with `all`, every candidate is probed (for a picker). */
  async choose(sources: Pick<CandidateInputs, 'fromPythonExtension' | 'setting'>, options: ProbeOptions & { readonly all?: boolean }): Promise<InterpreterPick> {
    const requirements = readText(join(options.projectDir, 'requirements.txt')) ?? '';
    const hasSetting = typeof sources.setting === 'string' && sources.setting.trim() !== '';
    const probed: Cached[] = [];
    const keys: string[] = [];
    for (const { candidate, identity } of this.candidates(sources, options.env)) {
      if (options.signal?.aborted) break;
      const key = JSON.stringify([identity ?? candidate.command, candidate.args, requirements]);
      let entry = this.cache.get(key);
      if (!entry) {
        entry = await this.probeOnce(key, candidate, options);
        // A cancelled probe says nothing about the interpreter.
        if (options.signal?.aborted) break;
        this.cache.set(key, entry);
      } else if (entry.probe.candidate !== candidate) {
        entry = { ...entry, probe: { ...entry.probe, candidate } };
      }
      keys.push(key);
      probed.push(entry);
      if (options.all) continue;
      // The setting is the last word; otherwise the first complete interpreter ends the search.
      if (candidate.source === 'setting' || (isComplete(entry.probe) && (!hasSetting || candidate.source === 'python-extension'))) break;
    }
    const probes = probed.map((p) => p.probe);
    const choice = chooseInterpreter(probes);
    if (!choice.chosen || !isComplete(choice.chosen)) for (const k of keys) this.cache.delete(k);
    const chosen = probed.find((p) => p.probe === choice.chosen);
    if (!chosen) return { ...choice, probes };
    const python = chosen.probe.candidate.args.length ? chosen.probe.executable ?? chosen.probe.candidate.command : chosen.probe.candidate.command;
    return { ...choice, probes, report: { ...chosen.report, python, installCommand: chosen.report.installCommand.length ? [python, ...chosen.report.installCommand.slice(1)] : [] }, python };
  }
}
