// What a check decided for one milestone: a status, a one-line headline, and each failed
// expectation with its message. The one outcome type from the check kinds to the lab (the lab adds
// file locations to the failures it shows). Pure.

/** `not-run`: decided by the learner (manual), or by the lab (onnx outside it). */
export type OutcomeStatus = 'passed' | 'failed' | 'error' | 'not-run';

export interface Failure {
  /** What was looked at: the pytest node id, or the file / key / model a check read. */
  readonly name: string;
  /** What went wrong, first: the assertion message, the skip reason, the import error. */
  readonly message: string;
  /** The long form (traceback, source excerpt); absent when there is none. */
  readonly details?: string;
}

export interface Outcome {
  readonly status: OutcomeStatus;
  readonly headline: string;
  readonly failures: Failure[];
}

/** A failure; `details` is left out when empty. */
export function failure(name: string, message: string, details = ''): Failure {
  return details ? { name, message, details } : { name, message };
}

export function errorOutcome(headline: string, failures: Failure[]): Outcome {
  return { status: 'error', headline, failures };
}

/** The same outcome for every milestone a run could not decide (timeout, cancel, no Python). */
export function runProblem(headline: string, details = ''): Outcome {
  return errorOutcome(headline, details ? [failure('', headline, details)] : []);
}

/** A check that is not decided by running anything: the learner ticks it, or the lab scores it. */
export function notRun(headline: string): Outcome {
  return { status: 'not-run', headline, failures: [] };
}
