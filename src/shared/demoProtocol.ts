// Messages between the extension host and the ML demo gallery webview, the gallery's saved state,
// and the runtime guard for what the webview sends. Imported by both sides; no `vscode`, no DOM.
//
// The webview runs every model itself (onnxruntime-web, offline). The host only lists and reads
// the learner's own .onnx files, because the webview cannot touch the workspace.

/** The gallery's demos, in tab order. */
export const DEMO_IDS = ['draw', 'yours', 'text', 'anomaly', 'optim', 'latent'] as const;
export type DemoId = (typeof DEMO_IDS)[number];

export const DEMO_TITLES: Readonly<Record<DemoId, string>> = {
  draw: 'Draw a digit',
  yours: 'Your model',
  text: 'Text classifier',
  anomaly: 'Anomaly detection',
  optim: 'Optimizers',
  latent: 'Latent space',
};

/** Models shipped in media/models/ (each with a `<name>.md` model card). */
export const BUNDLED_MODELS = ['mnist-mlp', 'mnist-cnn', 'spam-bow', 'sensor-ae', 'mnist-vae-decoder'] as const;
export type BundledModel = (typeof BUNDLED_MODELS)[number];

/** What a chosen model is for: the "Your model" tab scores classifiers, the latent tab walks generators. */
export const MODEL_PURPOSES = ['classifier', 'generator'] as const;
export type ModelPurpose = (typeof MODEL_PURPOSES)[number];
export const isModelPurpose = (v: unknown): v is ModelPurpose => typeof v === 'string' && (MODEL_PURPOSES as readonly string[]).includes(v);

/** A `.onnx` file the host found in the workspace. `id` is opaque to the webview. */
export interface WorkspaceModel {
  readonly id: string;
  /** Workspace-relative path, for display. */
  readonly label: string;
  readonly size: number;
}

/** What the webview keeps with `setState`; the serializer restores the panel from it. */
export interface DemoGalleryState {
  readonly demo: DemoId;
}

export type DemoWebviewToHost =
  | { readonly type: 'ready' }
  /** Which tab is showing (the host keeps it for `createOrShow` and the panel title). */
  | { readonly type: 'shown'; readonly demo: DemoId }
  | { readonly type: 'listModels'; readonly requestId: number }
  /** Read one of the files from the last `models` list. */
  | { readonly type: 'loadModel'; readonly requestId: number; readonly id: string }
  /** Let the learner choose a file (quick pick over the workspace, or an open dialog). */
  | { readonly type: 'pickModel'; readonly requestId: number; readonly purpose?: ModelPurpose }
  | { readonly type: 'openModelCard'; readonly model: BundledModel };

export type DemoHostToWebview =
  /** The answer to `ready`: the tab to show first (when the command asked for one). */
  | { readonly type: 'init'; readonly demo?: DemoId }
  | { readonly type: 'show'; readonly demo: DemoId }
  | { readonly type: 'models'; readonly requestId?: number; readonly models: readonly WorkspaceModel[] }
  /** A model file's bytes, checked for size and format. No requestId: pushed by the command. */
  | { readonly type: 'model'; readonly requestId?: number; readonly name: string; readonly bytes: Uint8Array }
  | { readonly type: 'modelError'; readonly requestId?: number; readonly name?: string; readonly reason: string }
  | { readonly type: 'modelCancelled'; readonly requestId: number };

export const isDemoId = (v: unknown): v is DemoId => typeof v === 'string' && (DEMO_IDS as readonly string[]).includes(v);
export const isBundledModel = (v: unknown): v is BundledModel => typeof v === 'string' && (BUNDLED_MODELS as readonly string[]).includes(v);

const MAX_ID_LENGTH = 4096;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasOnly = (m: Record<string, unknown>, keys: readonly string[]): boolean => Object.keys(m).every((k) => keys.includes(k));
const isRequestId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** The runtime guard for everything the gallery webview sends. Anything else is dropped. */
export function isDemoWebviewMessage(value: unknown): value is DemoWebviewToHost {
  if (!isObject(value) || typeof value.type !== 'string') return false;
  const m = value;
  switch (m.type) {
    case 'ready':
      return hasOnly(m, ['type']);
    case 'shown':
      return hasOnly(m, ['type', 'demo']) && isDemoId(m.demo);
    case 'listModels':
      return hasOnly(m, ['type', 'requestId']) && isRequestId(m.requestId);
    case 'pickModel':
      return hasOnly(m, ['type', 'requestId', 'purpose']) && isRequestId(m.requestId)
        && (m.purpose === undefined || isModelPurpose(m.purpose));
    case 'loadModel':
      return hasOnly(m, ['type', 'requestId', 'id']) && isRequestId(m.requestId)
        && typeof m.id === 'string' && m.id.length > 0 && m.id.length <= MAX_ID_LENGTH;
    case 'openModelCard':
      return hasOnly(m, ['type', 'model']) && isBundledModel(m.model);
    default:
      return false;
  }
}

/** The saved state, if `value` is one (it comes back from the webview, so it is checked too). */
export function asGalleryState(value: unknown): DemoGalleryState | undefined {
  return isObject(value) && isDemoId(value.demo) ? { demo: value.demo } : undefined;
}
