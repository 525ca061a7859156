// Which Python checks a project, as pure rules: the candidates in order (the Python extension's
// interpreter, the mlRoadmap.pythonPath setting, python3 / python on PATH, the platform's usual
// places), one per real interpreter, and the choice among their probes: the first that has every
// module the project needs, else the one with the most. An explicit setting wins even when it
// lacks something. No file system or processes here: callers inject them.
import { posix, win32 } from 'node:path';

export type CandidateSource = 'python-extension' | 'setting' | 'path' | 'usual-place';

export interface InterpreterCandidate {
  /** The program to start: a path or a name looked up on PATH. */
  readonly command: string;
  /** Arguments that select the interpreter before any other (`py -3`); usually none. */
  readonly args: readonly string[];
  readonly source: CandidateSource;
  /** How the lab names it: "python3 on PATH", "the mlRoadmap.pythonPath setting", a path. */
  readonly label: string;
}

export interface CandidateInputs {
  /** The interpreter the Python extension uses for the project (its API or python.defaultInterpreterPath). */
  readonly fromPythonExtension?: string | undefined;
  /** The mlRoadmap.pythonPath setting. */
  readonly setting?: string | undefined;
  readonly platform: NodeJS.Platform;
  /** `%LOCALAPPDATA%` on Windows, where the python.org installer puts per-user Pythons. */
  readonly localAppData?: string | undefined;
  /** The names in a folder (empty when it does not exist), for `Python3*` folders on Windows. */
  readonly listDir?: (dir: string) => readonly string[];
}

/** Every candidate in order of preference, blanks and exact repeats dropped. */
export function interpreterCandidates(inputs: CandidateInputs): InterpreterCandidate[] {
  const out: InterpreterCandidate[] = [];
  const add = (command: string | undefined, source: CandidateSource, label: string, args: readonly string[] = []): void => {
    const c = typeof command === 'string' ? command.trim() : '';
    if (c === '' || out.some((o) => o.command === c && o.args.join(' ') === args.join(' '))) return;
    out.push({ command: c, args, source, label });
  };
  add(inputs.fromPythonExtension, 'python-extension', "the Python extension's interpreter");
  add(inputs.setting, 'setting', 'the mlRoadmap.pythonPath setting');
  // On Windows `python3` is often the Microsoft Store stub, so `python` goes first there.
  const onPath = inputs.platform === 'win32' ? ['python', 'python3'] : ['python3', 'python'];
  for (const name of onPath) add(name, 'path', `${name} on PATH`);
  for (const place of usualPlaces(inputs)) add(place.command, 'usual-place', place.label, place.args);
  return out;
}

function usualPlaces(inputs: CandidateInputs): { command: string; args: string[]; label: string }[] {
  const at = (command: string) => ({ command, args: [], label: command });
  switch (inputs.platform) {
    case 'win32': {
      const out: { command: string; args: string[]; label: string }[] = [];
      if (inputs.localAppData && inputs.listDir) {
        const root = win32.join(inputs.localAppData, 'Programs', 'Python');
        // Python312 before Python39: newest first.
        const versions = inputs.listDir(root).filter((n) => /^Python3\d*(-\d+)?$/i.test(n))
          .sort((a, b) => minorOf(b) - minorOf(a) || a.localeCompare(b));
        for (const v of versions) out.push(at(win32.join(root, v, 'python.exe')));
      }
      out.push({ command: 'py', args: ['-3'], label: 'py -3' });
      return out;
    }
    case 'darwin':
      return ['/opt/homebrew/bin/python3', '/usr/local/bin/python3', '/Library/Frameworks/Python.framework/Versions/Current/bin/python3', '/usr/bin/python3'].map(at);
    default:
      return ['/usr/bin/python3', '/usr/local/bin/python3'].map((p) => at(posix.normalize(p)));
  }
}

function minorOf(folder: string): number {
  const m = /^Python3(\d*)/i.exec(folder);
  return m && m[1] ? Number(m[1]) : 0;
}

/**
 * One candidate per interpreter, the first keeping its place. `identityOf` names the one a
 * command starts (real path, virtual env) or is undefined when there is no such program; usual places
 * that do not exist are dropped, named candidates are kept so the lab can say they were not found.
 */
export function distinctCandidates(candidates: readonly InterpreterCandidate[], identityOf: (command: string) => string | undefined): { candidate: InterpreterCandidate; identity?: string }[] {
  const seen = new Set<string>();
  const out: { candidate: InterpreterCandidate; identity?: string }[] = [];
  for (const candidate of candidates) {
    const real = identityOf(candidate.command);
    if (real === undefined && candidate.source === 'usual-place') continue;
    const key = `${real ?? candidate.command}\0${candidate.args.join(' ')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ candidate, ...(real !== undefined ? { identity: real } : {}) });
  }
  return out;
}

/** What one candidate turned out to be. */
export interface Probe {
  readonly candidate: InterpreterCandidate;
  /** Set when it could not be used at all: not found, not Python 3, the check failed. */
  readonly problem?: string;
  /** The interpreter itself (sys.executable), when it ran. */
  readonly executable?: string;
  readonly version?: string;
  /** What the project needs (pytest first, then requirements.txt's modules) that it imports… */
  readonly has: readonly string[];
  /** …and what it does not. */
  readonly lacks: readonly string[];
}

export const isComplete = (p: Probe): boolean => p.problem === undefined && p.lacks.length === 0;

export interface Choice {
  /** The interpreter to use; undefined when no candidate runs. */
  readonly chosen?: Probe;
  /** Why, in a sentence for the lab: "Using /usr/bin/python3: it has numpy, pytest; python3 on PATH lacks numpy." */
  readonly reason: string;
}

/**
 * Picks among probes given in candidate order. The setting, when there is one, is the last word:
 * only the Python extension's interpreter (before it) can win, and only when it has everything.
 */
export function chooseInterpreter(probes: readonly Probe[]): Choice {
  const settingAt = probes.findIndex((p) => p.candidate.source === 'setting');
  const eligible = settingAt >= 0 ? probes.slice(0, settingAt + 1) : probes;
  const complete = eligible.find(isComplete);
  if (complete) return { chosen: complete, reason: `Using ${nameOf(complete)}: it has ${listed(complete.has)}${skipped(probes, complete)}.` };
  if (settingAt >= 0) {
    const setting = probes[settingAt];
    if (setting.problem !== undefined) return { reason: `The mlRoadmap.pythonPath setting names ${setting.candidate.command}, which ${setting.problem}.` };
    return { chosen: setting, reason: `Using ${nameOf(setting)}, set in mlRoadmap.pythonPath; it lacks ${listed(setting.lacks)}.` };
  }
  const running = probes.filter((p) => p.problem === undefined);
  if (running.length === 0) {
    const tried = probes.map((p) => `${p.candidate.label} ${p.problem ?? ''}`.trim()).join('; ');
    return { reason: probes.length ? `No Python 3 found. Tried: ${tried}.` : 'No Python interpreter to try.' };
  }
  // Most modules wins; on a tie the earlier candidate.
  const best = running.reduce((a, b) => (b.has.length > a.has.length ? b : a));
  const others = running.filter((p) => p !== best).map((p) => `${p.candidate.label} lacks ${listed(p.lacks)}`);
  return {
    chosen: best,
    reason: `Using ${nameOf(best)}: no Python found has everything the project needs, and this one has the most` +
      `${best.has.length ? ` (${listed(best.has)})` : ''}; it lacks ${listed(best.lacks)}${others.length ? `. ${others.join('; ')}` : ''}.`,
  };
}

/** "/usr/bin/python3" for a path, "python3 on PATH (/root/.pyenv/…/python3)" for a name. */
export function nameOf(p: Probe): string {
  const c = p.candidate;
  if (c.source === 'path' || c.args.length) return p.executable ? `${c.label} (${p.executable})` : c.label;
  return c.command;
}

function skipped(probes: readonly Probe[], chosen: Probe): string {
  const before = probes.slice(0, probes.indexOf(chosen));
  const why = before.map((p) => (p.problem !== undefined ? `${p.candidate.label} ${p.problem}` : `${p.candidate.label} lacks ${listed(p.lacks)}`));
  return why.length ? `; ${why.join('; ')}` : '';
}

/** "numpy, torch, pytest" — at most six, then "and 3 more". */
export function listed(modules: readonly string[]): string {
  if (modules.length === 0) return 'nothing the project needs';
  const shown = modules.slice(0, 6).join(', ');
  return modules.length > 6 ? `${shown} and ${modules.length - 6} more` : shown;
}
