// Checks a project's milestones: each check kind (./kinds) decides its milestones in the table's
// order, pytest once for every test they name, then the checks that read the disk or score a
// model, and each milestone gets its own outcome. Never throws.
import { describeError } from '../shared/errors';
import { CHECK_KIND_NAMES, decideKind, unsafePath, type Check, type CheckRun } from './kinds';
import { runProblem, type Outcome } from './outcome';
import { isDirectory } from './quietFs';
import { capOutcome } from './textCap';

/** What a run needs of a milestone (a roadmap Milestone is one). */
export interface CheckedMilestone {
  readonly id: string;
  readonly check: Check;
}

/** A run's settings (what the kinds decide with, see CheckRun), the milestones, and which one. */
export interface RunChecksOptions extends Omit<CheckRun, 'log'> {
  readonly milestones: readonly CheckedMilestone[];
  /** Check only this milestone. */
  readonly only?: string;
}

export interface ChecksRun {
  /** Keyed by milestone id; every selected milestone has one. */
  readonly outcomes: Record<string, Outcome>;
  /** The command and pytest's console output, for an output channel. */
  readonly output: string;
  readonly durationMs: number;
}

export async function runMilestoneChecks(options: RunChecksOptions): Promise<ChecksRun> {
  const started = Date.now();
  const selected = options.milestones.filter((m) => options.only === undefined || m.id === options.only);
  const outcomes: Record<string, Outcome> = {};
  let output = '';
  if (options.only !== undefined && selected.length === 0) {
    return { outcomes, output: `No milestone "${options.only}" in this project.\n`, durationMs: Date.now() - started };
  }
  if (!isDirectory(options.projectDir)) {
    // Otherwise every test would be reported missing, one by one.
    const problem = runProblem(`The project folder ${options.projectDir} does not exist`);
    for (const m of selected) outcomes[m.id] = problem;
    return { outcomes, output: `${problem.headline}\n`, durationMs: Date.now() - started };
  }
  const run: CheckRun = { ...options, log: (text) => (output += text) };
  try {
    for (const name of CHECK_KIND_NAMES) {
      const pending = [];
      for (const m of selected) {
        if (m.check.kind !== name) continue;
        const unsafe = unsafePath(m.check);
        // A cancelled run decides nothing more.
        if (unsafe !== undefined || options.signal?.aborted) outcomes[m.id] = runProblem(unsafe ?? 'Cancelled before it finished');
        else pending.push({ id: m.id, check: m.check });
      }
      if (pending.length === 0) continue;
      const decided = await decideKind(name, pending, run);
      for (const { id } of pending) outcomes[id] = decided.get(id) ?? runProblem(`The ${name} check gave no answer`);
    }
  } catch (e) {
    // A bug here must not leave the lab spinning: every milestone still gets an answer.
    const message = `The check could not run: ${describeError(e)}`;
    for (const m of selected) if (!Object.hasOwn(outcomes, m.id)) outcomes[m.id] = runProblem(message);
    output += `\n${message}\n`;
  }
  // Whatever a test printed, what is stored and posted to the lab stays small.
  for (const [id, o] of Object.entries(outcomes)) outcomes[id] = capOutcome(o);
  return { outcomes, output, durationMs: Date.now() - started };
}
