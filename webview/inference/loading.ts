// What the gallery is waiting for while onnxruntime-web starts and its models load, and how to say
// it: one line of text and how far along it is, for the header's progress bar and for a demo that
// was used before its model was ready. Pure (no DOM): unit-tested.
import { t } from '../l10n';

/**
 * The runtime's start, in order: its gzipped wasm arriving (inflated and compiled as it streams
 * in), compiling what is left once the last byte is in, then instantiating it and creating the first
 * session. `ready` once the first session exists; `error` when it cannot start at all.
 */
export type RuntimePhase = 'download' | 'compile' | 'start' | 'ready' | 'error';

export interface RuntimeProgress {
  readonly phase: RuntimePhase;
  /** Compressed bytes of the wasm received so far. */
  readonly received: number;
  /** Its size, when the response said (Content-Length). */
  readonly total?: number;
}

export interface ModelsProgress {
  /** Sessions created. */
  readonly ready: number;
  /** Sessions asked for. */
  readonly total: number;
  /** The model being loaded now, if any. */
  readonly loading?: string;
  readonly failed: number;
}

export interface LoadingView {
  /** What is loading, e.g. "Downloading the inference runtime: 1.2 of 3.7 MB…". */
  readonly text: string;
  /** How far along, 0..1; undefined when it cannot be told (a download of unknown size). */
  readonly fraction: number | undefined;
  /** Nothing is loading any more (everything ready, or failed). */
  readonly done: boolean;
}

// Shares of the progress bar: the download dominates the wait, the models are quick once it is in.
const DOWNLOAD_SHARE = 0.7;
const COMPILE_SHARE = 0.1;

const mb = (bytes: number): string => (bytes / 1e6).toFixed(1);

/** The line and fraction for the runtime's state and the models'. */
export function describeLoading(runtime: RuntimeProgress, models: ModelsProgress): LoadingView {
  if (models.total > 0 && models.ready + models.failed >= models.total) {
    return { text: t('{0} of {1} models ready', models.ready, models.total), fraction: 1, done: true };
  }
  const modelShare = 1 - DOWNLOAD_SHARE - COMPILE_SHARE;
  const afterModels = (n: number): number => DOWNLOAD_SHARE + COMPILE_SHARE + (models.total ? (modelShare * n) / models.total : 0);
  switch (runtime.phase) {
    case 'download': {
      const { received, total } = runtime;
      if (!total) return { text: t('Downloading the inference runtime: {0} MB…', mb(received)), fraction: undefined, done: false };
      const share = Math.min(1, received / total);
      return { text: t('Downloading the inference runtime: {0} of {1} MB…', mb(received), mb(total)), fraction: DOWNLOAD_SHARE * share, done: false };
    }
    case 'compile':
      return { text: t('Compiling the inference runtime…'), fraction: DOWNLOAD_SHARE, done: false };
    case 'error':
      return { text: t('The inference runtime could not start.'), fraction: undefined, done: true };
    case 'start':
    case 'ready': {
      const n = Math.min(models.total, models.ready + models.failed + 1);
      const which = models.loading ?? '';
      if (runtime.phase === 'start') {
        return { text: t('Starting the inference runtime and model {0} of {1} ({2})…', n, models.total, which), fraction: afterModels(n - 1), done: false };
      }
      return { text: t('Loading model {0} of {1} ({2})…', n, models.total, which), fraction: afterModels(n - 1), done: false };
    }
    default: {
      const never: never = runtime.phase;
      return never;
    }
  }
}

/** What a demo shows when it was used before its model was ready: the same line, for one model. */
export function waitingFor(model: string, runtime: RuntimeProgress): string {
  switch (runtime.phase) {
    case 'download': return t('{0} will answer once the runtime is in ({1})…', model, runtime.total ? `${Math.round((100 * runtime.received) / runtime.total)} %` : `${mb(runtime.received)} MB`);
    case 'compile': return t('{0} will answer once the runtime is compiled…', model);
    default: return t('Loading {0}…', model);
  }
}
