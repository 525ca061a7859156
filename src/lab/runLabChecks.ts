// One lab run, from the lab's point of view: choose the Python (the first candidate that has
// pytest and the project's requirements, see InterpreterChooser), say which and why, then run the
// milestones' checks. Plain Node: no `vscode` here.
import { join } from 'node:path';
import type { Milestone } from '../roadmap/milestones';
import type { FailureView } from '../shared/protocol';
import { runProcess } from '../checks/process';
import type { EnvironmentReport } from '../checks/environment';
import type { InterpreterChooser } from '../checks/interpreterProbe';
import { runMilestoneChecks } from '../checks/runChecks';
import type { OutcomeStatus } from '../checks/evaluate';
import { capText, TEXT_CAPS } from '../checks/textCap';

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

export interface LabOutcome {
  readonly status: OutcomeStatus;
  readonly headline?: string;
  readonly failures: FailureView[];
}

export interface LabRunOutcome {
  /** Which Python was used (or would have been) and why; undefined when the run was cancelled first. */
  readonly interpreter?: { readonly python?: string; readonly reason: string };
  /** Set when nothing could be checked: the environment is not ready. */
  readonly environment?: { readonly problem: string; readonly installCommand?: string };
  readonly outcomes: Record<string, LabOutcome>;
  readonly output?: string;
}

type OnnxModule = typeof import('./onnxCheck');
let onnx: OnnxModule | undefined;
/** The ONNX scorer bundle (onnxruntime-web), loaded the first time a milestone needs it. */
function onnxModule(extensionDir: string): OnnxModule {
  // A computed path keeps esbuild from inlining the runtime into the host bundle.
  return (onnx ??= require(join(extensionDir, 'dist', 'onnx-check.js')) as OnnxModule);
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

/** An onnx check's outcome with its texts capped like every other check's (src/checks/textCap.ts). */
function capLabOutcome(o: LabOutcome): LabOutcome {
  const failures = o.failures.slice(0, TEXT_CAPS.failures).map((f) => ({
    name: capText(f.name, TEXT_CAPS.name),
    message: capText(f.message, TEXT_CAPS.message),
    ...(f.details !== undefined ? { details: capText(f.details, TEXT_CAPS.details) } : {}),
  }));
  return { status: o.status, ...(o.headline !== undefined ? { headline: capText(o.headline, TEXT_CAPS.message) } : {}), failures };
}

export async function runLabChecks(options: LabRunOptions): Promise<LabRunOutcome> {
  const pick = await options.interpreters.choose(options.pythonCandidates, { projectDir: options.projectDir, run: runProcess, signal: options.signal });
  if (options.signal.aborted) return { outcomes: {} };
  if (!pick.python || !pick.report) {
    return { interpreter: { reason: pick.reason }, environment: { problem: `${pick.reason} Install Python 3, or choose an interpreter with Select Interpreter or the mlRoadmap.pythonPath setting.` }, outcomes: {} };
  }
  const interpreter = { python: pick.python, reason: pick.reason };
  const problem = describeEnvironment(pick.report);
  if (problem) return { interpreter, environment: problem, outcomes: {} };

  const run = await runMilestoneChecks({
    projectDir: options.projectDir,
    milestones: options.milestones,
    python: pick.python,
    timeoutMs: options.timeoutMs,
    maxOutputBytes: options.maxOutputBytes ?? 512 * 1024,
    signal: options.signal,
    ...(options.conftests ? { conftests: options.conftests } : {}),
  });
  const outcomes: Record<string, LabOutcome> = {};
  for (const m of options.milestones) {
    if (m.check.kind !== 'onnx' || options.signal.aborted) continue;
    outcomes[m.id] = capLabOutcome(await onnxModule(options.extensionDir).evaluateOnnx(options.projectDir, m.check, options.extensionDir, { timeoutMs: options.timeoutMs, signal: options.signal }));
  }
  for (const [id, o] of Object.entries(run.outcomes)) {
    if (Object.hasOwn(outcomes, id)) continue;
    outcomes[id] = {
      status: o.status,
      ...(o.headline ? { headline: o.headline } : {}),
      failures: o.failures.map((f) => ({ name: f.nodeId, message: f.message, ...(f.details ? { details: f.details } : {}) })),
    };
  }
  return { interpreter, outcomes, output: run.output };
}
