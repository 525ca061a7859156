// The demo gallery's webview panel: one per window, restored after a reload. The webview runs the
// models; this side answers its (validated) requests for the learner's .onnx files and pushes a
// model or a tab when the command asks for one. The handshake (messages wait for the page's
// `ready`), the guard, errors and dispose are the panel base's (src/panel/webviewPanel.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  DEMO_TITLES,
  isDemoWebviewMessage,
  type DemoHostToWebview,
  type DemoId,
  type DemoWebviewToHost,
} from '../shared/demoProtocol';
import { demosHtml } from './html';
import { findWorkspaceModels, pickModelFile, readModelFile, type FoundModel } from './modelFiles';
import { Panels } from '../ids';
import { createPanel, WebviewPanelBase, type PanelKind } from '../panel/webviewPanel';
import { ORT_WASM_GZ } from '../shared/inference/runtimeFiles';

const title = (): string => vscode.l10n.t('ML Demos');

/** The shipped runtime's size (for the page's progress bar); undefined when it cannot be read. */
function ortWasmBytes(extensionUri: vscode.Uri): number | undefined {
  try {
    return fs.statSync(path.join(extensionUri.fsPath, 'dist', 'webview', 'ort', ORT_WASM_GZ)).size;
  } catch {
    return undefined;
  }
}
const LIST_DEBOUNCE_MS = 300;

export class DemoPanel extends WebviewPanelBase<DemoWebviewToHost, DemoHostToWebview> {
  /**
   * Kept when hidden: the sessions and a half-drawn digit are expensive or impossible to rebuild
   * from saved state.
   */
  static readonly kind: PanelKind = { viewType: Panels.demos, retainContextWhenHidden: true, name: 'the demo gallery' };
  /** The files offered in the last `models` message: `loadModel` may only name one of these. */
  private offered = new Map<string, FoundModel>();
  private listTimer: NodeJS.Timeout | undefined;
  private demo: DemoId | undefined;

  static create(extensionUri: vscode.Uri, demo?: DemoId, onShown?: (demo: DemoId) => void): DemoPanel {
    return new DemoPanel(createPanel(extensionUri, DemoPanel.kind, title()), extensionUri, demo, onShown);
  }

  /** `onShown` hears every tab the learner opens (the gallery remembers the last for a reload). */
  constructor(
    panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    demo?: DemoId,
    private readonly onShown?: (demo: DemoId) => void,
  ) {
    super(panel, extensionUri, {
      kind: DemoPanel.kind,
      isMessage: isDemoWebviewMessage,
      // The page loads its bundle (with onnxruntime's two wasm files) and media (css, models, data).
      html: (page) => demosHtml({
        cspSource: page.cspSource,
        nonce: page.nonce,
        scriptUri: page.uri('dist', 'webview', 'demos.js'),
        styleUri: page.uri('media', 'demos', 'demos.css'),
        ortBase: page.uri('dist', 'webview', 'ort'),
        mediaBase: page.uri('media'),
        ortWasmBytes: ortWasmBytes(extensionUri),
        title: title(),
        loadingText: vscode.l10n.t('Loading the demos…'),
        l10n: vscode.l10n.bundle,
      }),
    });
    this.demo = demo;
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.onnx');
    const relist = (): void => this.scheduleList();
    this.disposables.push(
      watcher, watcher.onDidCreate(relist), watcher.onDidDelete(relist), watcher.onDidChange(relist),
      new vscode.Disposable(() => clearTimeout(this.listTimer)),
    );
  }

  /** Brings the panel forward, on `demo` when given. */
  override reveal(demo?: DemoId): void {
    super.reveal();
    if (demo) {
      this.demo = demo;
      this.post({ type: 'show', demo });
    }
  }

  /** Reads the learner's model and sends it to the "Your model" demo. */
  async sendModel(uri: vscode.Uri, requestId?: number): Promise<void> {
    const read = await readModelFile(uri);
    // A copy with its own ArrayBuffer: readFile may return a view into a larger (Node) buffer,
    // which the webview message channel does not carry.
    if (read.ok) this.post({ type: 'model', requestId, name: read.name, bytes: new Uint8Array(read.bytes) });
    else this.post({ type: 'modelError', requestId, name: read.name, reason: read.reason });
  }

  /** The answer to each `ready`: the tab to show first (when the command asked for one). */
  protected greeting(): DemoHostToWebview {
    return { type: 'init', demo: this.demo };
  }

  protected async afterReady(): Promise<void> {
    await this.sendModels();
  }

  private scheduleList(): void {
    clearTimeout(this.listTimer);
    this.listTimer = setTimeout(() => void this.sendModels(), LIST_DEBOUNCE_MS);
  }

  private async sendModels(requestId?: number): Promise<void> {
    const models = await findWorkspaceModels();
    this.offered = new Map(models.map((m) => [m.id, m]));
    this.post({ type: 'models', requestId, models: models.map(({ id, label, size }) => ({ id, label, size })) });
  }

  protected async handle(message: Exclude<DemoWebviewToHost, { type: 'ready' }>): Promise<void> {
    switch (message.type) {
      case 'shown':
        this.demo = message.demo;
        this.panel.title = vscode.l10n.t('ML Demos: {0}', DEMO_TITLES[message.demo]);
        this.onShown?.(message.demo);
        break;
      case 'listModels':
        await this.sendModels(message.requestId);
        break;
      case 'loadModel': {
        const found = this.offered.get(message.id);
        if (!found) {
          this.post({ type: 'modelError', requestId: message.requestId, reason: 'that file is no longer in the list; refresh and pick it again' });
          break;
        }
        await this.sendModel(found.uri, message.requestId);
        break;
      }
      case 'pickModel': {
        const uri = await pickModelFile(message.purpose ?? 'classifier');
        if (uri) await this.sendModel(uri, message.requestId);
        else this.post({ type: 'modelCancelled', requestId: message.requestId });
        break;
      }
      case 'openModelCard': {
        const card = vscode.Uri.joinPath(this.extensionUri, 'media', 'models', `${message.model}.md`);
        // Beside the gallery, never over it (nor over the learner's own files).
        await vscode.commands.executeCommand('markdown.showPreviewToSide', card);
        break;
      }
      default: {
        const never: never = message;
        void never;
      }
    }
  }

  /** A failed model request is answered in the "Your model" tab, which waits for it; anything else is an error message. */
  protected override showError(message: DemoWebviewToHost, reason: string): void {
    if ('requestId' in message && message.type !== 'listModels') this.post({ type: 'modelError', requestId: message.requestId, reason });
    else super.showError(message, reason);
  }
}
