// One lab run, from the lab's point of view: choose the Python (the first candidate that has
// pytest and the project's requirements, see InterpreterChooser), say which and why, then run the
// milestones' checks (every kind, onnx scored with the extension's held-out digits). Plain Node:
// no `vscode` here.
import type { Milestone } from '../roadmap/milestones';
import { runProcess } from '../checks/process';
import type { EnvironmentReport } from '../checks/environment';
import type { InterpreterChooser, InterpreterPick } from '../checks/interpreterProbe';
import type { Outcome } from '../checks/outcome';
import { runMilestoneChecks } from '../checks/runChecks';

export interface LabRunOptions {
  readonly projectDir: string;
  readonly milestones: readonly Milestone[];
  readonly pythonCandidates: { readonly fromPythonExtension?: string | undefined; readonly setting?: string | undefined };
  /** Probes and caches the candidates; one per extension, shared by the labs. */
  readonly interpreters: InterpreterChooser;
  readonly timeoutMs: number;
  readonly signal: AbortSignal;
  readonly maxOutputBytes?: number;
  /** The extension's folder: the held-out digits and the ONNX runtime for `onnx` checks live there. */
  readonly extensionDir: string;
  /** The template's conftest.py files, the only ones pytest may load; undefined: the default rule. */
  readonly conftests?: readonly string[] | undefined;
}

export interface LabRunOutcome {
  /** Which Python was used (or would have been) and why; undefined when the run was cancelled first. */
  readonly interpreter?: { readonly python?: string; readonly reason: string };
  /** Set when nothing could be checked: the environment is not ready. */
  readonly environment?: { readonly problem: string; readonly installCommand?: string };
  readonly outcomes: Record<string, Outcome>;
  readonly output?: string;
}

/** Quotes an argument array for a POSIX shell, for showing and typing into a terminal. */
export function shellCommand(args: readonly string[]): string {
  return args.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}

export function describeEnvironment(env: EnvironmentReport): { problem: string; installCommand?: string } | undefined {
  if (env.ok) return undefined;
  if (env.error) return { problem: `${env.python} could not check the environment: ${env.error}` };
  // pytest first, and once: by its requirement line when requirements.txt lists it.
  const pytestLine = env.missing.find((m) => m.module === 'pytest')?.requirement;
  const missing = [...(env.pytestMissing ? [pytestLine ?? 'pytest'] : []), ...env.missing.filter((m) => m.module !== 'pytest').map((m) => m.requirement)];
  const which = `${env.pythonPath ?? env.python}${env.pythonVersion ? ` (Python ${env.pythonVersion})` : ''}`;
  const problem = `${which} is missing ${missing.join(', ')}.` +
    (env.pytestMissing ? ' The checks are pytest tests, so nothing can be checked without pytest.' : '') +
    (env.externallyManaged ? ' This Python is managed by the system and refuses pip installs: create a virtual environment (python3 -m venv .venv), install there, and select it in the Python extension or the mlRoadmap.pythonPath setting.' : '');
  return env.installCommand.length ? { problem, installCommand: shellCommand(env.installCommand) } : { problem };
}

/** Which Python the chooser picked and why, and what is wrong with its environment (undefined: nothing). */
export function describePick(pick: InterpreterPick): Required<Pick<LabRunOutcome, 'interpreter'>> & Pick<LabRunOutcome, 'environment'> {
  if (!pick.python || !pick.report) {
    return { interpreter: { reason: pick.reason }, environment: { problem: `${pick.reason} Install Python 3, or choose an interpreter with Select Interpreter or the mlRoadmap.pythonPath setting.` } };
  }
  const environment = describeEnvironment(pick.report);
  return { interpreter: { python: pick.python, reason: pick.reason }, ...(environment ? { environment } : {}) };
}

export async function runLabChecks(options: LabRunOptions): Promise<LabRunOutcome> {
  const pick = await options.interpreters.choose(options.pythonCandidates, { projectDir: options.projectDir, run: runProcess, signal: options.signal });
  if (options.signal.aborted) return { outcomes: {} };
  const { interpreter, environment } = describePick(pick);
  if (environment || !pick.python) return { interpreter, ...(environment ? { environment } : {}), outcomes: {} };

  const run = await runMilestoneChecks({
    projectDir: options.projectDir,
    milestones: options.milestones,
    python: pick.python,
    timeoutMs: options.timeoutMs,
    maxOutputBytes: options.maxOutputBytes ?? 512 * 1024,
    signal: options.signal,
    extensionDir: options.extensionDir,
    ...(options.conftests ? { conftests: options.conftests } : {}),
  });
  return { interpreter, outcomes: run.outcomes, output: run.output };
}
