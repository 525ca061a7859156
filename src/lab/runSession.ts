// One lab's run in progress: one at a time, the latest wins (starting a run cancels the one before,
// whose results are then dropped), and Cancel stops it. Pure: no `vscode`.

export interface Run {
  readonly signal: AbortSignal;
  readonly milestoneIds: ReadonlySet<string>;
}

export class RunSession {
  private current: (Run & { readonly abort: AbortController }) | undefined;

  /** The milestones the run in progress checks; undefined when nothing runs. */
  get running(): ReadonlySet<string> | undefined {
    return this.current?.milestoneIds;
  }

  /** Starts a run of these milestones, cancelling the one in progress. */
  start(milestoneIds: Iterable<string>): Run {
    this.current?.abort.abort();
    const abort = new AbortController();
    this.current = { abort, signal: abort.signal, milestoneIds: new Set(milestoneIds) };
    return this.current;
  }

  /** False once a newer run took over (its results win) or the session ended. */
  isCurrent(run: Run): boolean {
    return this.current === run;
  }

  /** The run ended: nothing runs any more, unless a newer run took over. */
  finish(run: Run): void {
    if (this.current === run) this.current = undefined;
  }

  cancel(): void {
    this.current?.abort.abort();
  }
}
