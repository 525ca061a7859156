// The current result of a load that starts on first use and again on each reload, shared by every
// caller meanwhile. A load that rejects becomes its fallback value: a rejected promise is never
// kept, so no caller ever waits on a failure that a later reload would not clear. Pure: no `vscode`.

export class LatestLoad<T> {
  private current: Promise<T> | undefined;

  /** `fallback` turns a load's failure into a value (the roadmap: empty, with one diagnostic). */
  constructor(private readonly load: () => Promise<T>, private readonly fallback: (error: unknown) => T) {}

  /** The current load's result, starting the first load when there is none. Never rejects. */
  get(): Promise<T> {
    return (this.current ??= this.start());
  }

  /** Starts a new load; `get()` answers with it from now on. Never rejects. */
  reload(): Promise<T> {
    this.current = this.start();
    return this.current;
  }

  private async start(): Promise<T> {
    try {
      return await this.load();
    } catch (e) {
      return this.fallback(e);
    }
  }
}
