// What a check kind is: how its Check line reads, what it reads from the project, how the lab names
// it, and how it is decided. Each kind is one module in this folder implementing CheckKind,
// registered in the table of ./index.ts. Pure types.
import type { ProcessRunner } from '../process';
import type { Outcome } from '../outcome';

/** Translates a message (the host passes `vscode.l10n`; tests pass the English). */
export interface L10n {
  t(message: string, ...args: (string | number)[]): string;
}

/** A Check line's arguments read as a check, or why they cannot be. */
export type ParsedCheck<C> = { readonly check: C } | { readonly invalid: string };

/** One milestone's check waiting to be decided. */
export interface PendingCheck<C> {
  readonly id: string;
  readonly check: C;
}

/** What a run gives the kinds to decide their checks with. */
export interface CheckRun {
  readonly projectDir: string;
  /** The interpreter that runs Python checks. */
  readonly python: string;
  /** For each process a check starts. */
  readonly timeoutMs: number;
  readonly maxOutputBytes: number;
  readonly signal?: AbortSignal;
  /** Added to this process's environment for pytest. */
  readonly env?: NodeJS.ProcessEnv;
  /** Live pytest output, e.g. for an output channel. */
  readonly onOutput?: (text: string, stream: 'stdout' | 'stderr') => void;
  /** Replaces runProcess in tests. */
  readonly run?: ProcessRunner;
  /** The conftest.py files pytest may load (see PytestRunOptions.conftests). */
  readonly conftests?: readonly string[];
  /** The extension's folder (the onnx scorer and its data); absent outside the editor. */
  readonly extensionDir?: string;
  /** Adds to the run's console output. */
  log(text: string): void;
}

export interface CheckKind<C extends { readonly kind: string }> {
  /** The word after `Check:`, and the `kind` of its checks. */
  readonly name: C['kind'];
  /** The arguments in backticks (trimmed) → the check. */
  parse(args: readonly string[]): ParsedCheck<C>;
  /** The project files the check reads: each must stay inside the project. */
  paths(check: C): readonly string[];
  /** "pytest: 3 tests", "file exists: model.onnx", … as the lab shows it. */
  label(check: C, l10n: L10n): string;
  /**
   * Decides every check of this kind in one run (pytest runs once for all of them), after the
   * kinds before it in the table. Every pending id gets an outcome. May throw on a bug: the
   * caller then gives each an error outcome.
   */
  decide(checks: readonly PendingCheck<C>[], run: CheckRun): Promise<ReadonlyMap<string, Outcome>>;
}
