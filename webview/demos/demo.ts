// What every demo in the gallery is given and what it offers: its root element, built on first
// show, and hooks for being shown and for theme changes.
import type { DemoId } from '../../src/shared/demoProtocol';
import type { HostChannel } from './host';
import type { ModelStore } from './models';

export interface DemoContext {
  readonly models: ModelStore;
  readonly host: HostChannel;
}

export interface Demo {
  readonly id: DemoId;
  readonly element: HTMLElement;
  /** Called each time its tab is selected. */
  shown?(): void;
  /** VS Code switched theme: repaint canvases. */
  themeChanged?(): void;
}

/** Runs `work` when nothing newer was asked for meanwhile: the latest input wins. */
export class Latest<T> {
  private pending: { value: T } | undefined;
  private running = false;

  constructor(private readonly work: (value: T) => Promise<void>) {}

  push(value: T): void {
    this.pending = { value };
    if (!this.running) void this.drain();
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.pending) {
        const { value } = this.pending;
        this.pending = undefined;
        try {
          await this.work(value);
        } catch (e) {
          console.error('[ml-demos]', e);
        }
      }
    } finally {
      this.running = false;
    }
  }
}

