// The bundled models and data, fetched from the extension's media folder. Every model gets exactly
// one session per panel, created once, early (in the order the demos need them) and shared by all
// demos. Timings are written as data attributes on #timings so benchmarks can read them.
import type { BundledModel } from '../../src/shared/demoProtocol';
import { decodeMnistSet, type MnistSet } from '../../src/shared/inference/mnistData';
import { modelPath } from '../../src/shared/inference/runtimeFiles';
import { createSession, onRuntimeProgress, runtimeProgress, runtimeTimes, type Session } from '../inference/ort';

/** Where measured times are recorded (data-* attributes, milliseconds). */
export class Timings {
  constructor(readonly element: HTMLElement) {}

  record(key: string, ms: number): void {
    this.element.dataset[key] = ms.toFixed(3);
    this.element.dispatchEvent(new CustomEvent('timing', { detail: key }));
  }

  get(key: string): number | undefined {
    const v = this.element.dataset[key];
    return v === undefined ? undefined : Number(v);
  }
}

export type LoadState = 'waiting' | 'loading' | 'ready' | 'error';

export class ModelStore {
  private readonly sessions = new Map<BundledModel, Promise<Session>>();
  private readonly bytes = new Map<string, Promise<Uint8Array>>();
  private heldoutSet: Promise<MnistSet> | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  private created = 0;
  readonly state = new Map<BundledModel, LoadState>();
  private readonly listeners: (() => void)[] = [];

  constructor(private readonly mediaBase: string, readonly timings: Timings) {}

  url(path: string): string {
    return this.mediaBase + path;
  }

  /**
   * Starts creating sessions for `names`, one after the other, in that order. The first model's
   * bytes come with the runtime (the page preloads both); the others' are fetched all at once when
   * the runtime's download is done, so that each session waits on no fetch of its own.
   */
  preload(names: readonly BundledModel[]): void {
    for (const n of names) void this.session(n).catch(() => undefined);
    const prefetch = (): void => {
      for (const n of names.slice(1)) void this.fetchBytes(modelPath(n)).catch(() => undefined);
    };
    if (runtimeProgress().phase !== 'download') prefetch();
    else {
      const stop = onRuntimeProgress((p) => {
        if (p.phase === 'download') return;
        stop();
        prefetch();
      });
    }
  }

  /** The model's one session (created on first request, queued behind earlier ones). */
  session(name: BundledModel): Promise<Session> {
    let s = this.sessions.get(name);
    if (!s) {
      this.setState(name, 'waiting');
      s = this.chain.then(() => this.create(name));
      this.chain = s.catch(() => undefined);
      this.sessions.set(name, s);
    }
    return s;
  }

  private async create(name: BundledModel): Promise<Session> {
    this.setState(name, 'loading');
    try {
      const bytes = await this.fetchBytes(modelPath(name));
      const { session, ms } = await createSession(bytes);
      // The first session also pays for downloading and compiling onnxruntime's wasm: it is timed
      // from the panel's start (the page's time origin), when the page's preload of the wasm begins.
      if (this.created++ === 0) {
        this.timings.record('sessionFirstMs', performance.now());
        const { downloadMs, compiledMs } = runtimeTimes();
        if (downloadMs !== undefined) this.timings.record('wasmDownloadMs', downloadMs);
        if (compiledMs !== undefined) this.timings.record('wasmCompiledMs', compiledMs);
      }
      this.timings.record(`create-${name}-ms`.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()), ms);
      this.setState(name, 'ready');
      return session;
    } catch (e) {
      this.setState(name, 'error');
      throw e;
    }
  }

  /** Resolves when every session asked for so far is created (or failed). */
  async settled(): Promise<void> {
    await this.chain;
  }

  /** A media file's bytes (fetched once). */
  fetchBytes(path: string): Promise<Uint8Array> {
    let p = this.bytes.get(path);
    if (!p) {
      p = fetch(this.url(path)).then(async (r) => {
        if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
        return new Uint8Array(await r.arrayBuffer());
      });
      this.bytes.set(path, p);
      p.catch(() => this.bytes.delete(path));
    }
    return p;
  }

  async fetchJson(path: string): Promise<unknown> {
    const bytes = await this.fetchBytes(path);
    return JSON.parse(new TextDecoder().decode(bytes));
  }

  /** The 2,000 held-out MNIST digits. */
  heldout(): Promise<MnistSet> {
    this.heldoutSet ??= this.fetchBytes('data/mnist-heldout.bin').then(decodeMnistSet);
    return this.heldoutSet;
  }

  onStateChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  private setState(name: BundledModel, state: LoadState): void {
    this.state.set(name, state);
    document.body.dataset[`session${name.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase())}`] = state;
    for (const l of this.listeners) l();
  }
}
