// One lab run, from the lab's point of view: find the Python, check its environment (pytest and
// the project's requirements), then run the milestones' checks. Plain Node: no `vscode` here.
import { join } from 'node:path';
import type { Milestone } from '../roadmap/milestones';
import type { FailureView } from '../shared/protocol';
import { runProcess } from '../checks/process';
import { findPython, pythonCandidates } from '../checks/python';
import { checkEnvironment, type EnvironmentReport } from '../checks/environment';
import { runMilestoneChecks } from '../checks/runChecks';
import type { OutcomeStatus } from '../checks/evaluate';
import { capText, TEXT_CAPS } from '../checks/textCap';

export interface LabRunOptions {
  readonly projectDir: string;
  readonly milestones: readonly Milestone[];
  readonly pythonCandidates: { readonly fromPythonExtension?: string; readonly setting?: string };
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
  const missing = [...(env.pytestMissing ? ['pytest'] : []), ...env.missing.map((m) => m.requirement)];
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
  const candidates = pythonCandidates({ ...options.pythonCandidates, platform: process.platform });
  const python = await findPython(candidates, runProcess, { signal: options.signal });
  if (!python.ok) {
    return { environment: { problem: `${python.error} Install Python 3, or set mlRoadmap.pythonPath to an interpreter.` }, outcomes: {} };
  }
  const env = await checkEnvironment(python.python, options.projectDir, runProcess, { signal: options.signal });
  const problem = describeEnvironment(env);
  if (problem) return { environment: problem, outcomes: {} };

  const run = await runMilestoneChecks({
    projectDir: options.projectDir,
    milestones: options.milestones,
    python: python.python,
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
  return { outcomes, output: run.output };
}
