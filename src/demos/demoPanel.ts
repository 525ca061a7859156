// The demo gallery's webview panel: one per window, restored after a reload. The webview runs the
// models; this side answers its (validated) requests for the learner's .onnx files and pushes a
// model or a tab when the command asks for one.
import * as vscode from 'vscode';
import {
  DEMO_TITLES,
  isDemoWebviewMessage,
  type DemoHostToWebview,
  type DemoId,
  type DemoWebviewToHost,
} from '../shared/demoProtocol';
import { makeNonce } from '../lab/html';
import { demosHtml } from './html';
import { findWorkspaceModels, pickModelFile, readModelFile, type FoundModel } from './modelFiles';
import { Panels } from '../ids';

const title = (): string => vscode.l10n.t('ML Demos');
const LIST_DEBOUNCE_MS = 300;

export class DemoPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  /** Messages for the webview before it said `ready`. */
  private readonly queue: DemoHostToWebview[] = [];
  /** The files offered in the last `models` message: `loadModel` may only name one of these. */
  private offered = new Map<string, FoundModel>();
  private listTimer: NodeJS.Timeout | undefined;
  private demo: DemoId | undefined;
  private readonly disposed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;

  static create(extensionUri: vscode.Uri, demo?: DemoId, onShown?: (demo: DemoId) => void): DemoPanel {
    const panel = vscode.window.createWebviewPanel(Panels.demos, title(), vscode.ViewColumn.Active, DemoPanel.options(extensionUri));
    return new DemoPanel(panel, extensionUri, demo, onShown);
  }

  /**
   * The webview loads only its bundle (with onnxruntime's two wasm files) and media (css, models,
   * data). It keeps its context when hidden: the sessions and a half-drawn digit are expensive or
   * impossible to rebuild from saved state.
   */
  static options(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')],
    };
  }

  /** `onShown` hears every tab the learner opens (the gallery remembers the last for a reload). */
  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    demo?: DemoId,
    private readonly onShown?: (demo: DemoId) => void,
  ) {
    this.demo = demo;
    const webview = panel.webview;
    webview.options = DemoPanel.options(extensionUri);
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'roadmap.svg');
    const uri = (...parts: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...parts)).toString();
    webview.html = demosHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: uri('dist', 'webview', 'demos.js'),
      styleUri: uri('media', 'demos', 'demos.css'),
      ortBase: uri('dist', 'webview', 'ort'),
      mediaBase: uri('media'),
      title: title(),
      loadingText: vscode.l10n.t('Loading the demos…'),
      l10n: vscode.l10n.bundle,

    });
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.onnx');
    const relist = (): void => this.scheduleList();
    this.disposables.push(
      webview.onDidReceiveMessage((m: unknown) => void this.receive(m)),
      panel.onDidDispose(() => this.dispose()),
      watcher, watcher.onDidCreate(relist), watcher.onDidDelete(relist), watcher.onDidChange(relist),
    );
  }

  /** Brings the panel forward, on `demo` when given. */
  reveal(demo?: DemoId): void {
    this.panel.reveal();
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

  private post(message: DemoHostToWebview): void {
    if (!this.ready) {
      this.queue.push(message);
      return;
    }
    void this.panel.webview.postMessage(message);
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

  private async receive(raw: unknown): Promise<void> {
    // The webview is untrusted input: anything outside the protocol is dropped.
    if (!isDemoWebviewMessage(raw)) {
      console.warn('[ml-roadmap] dropped an invalid message from the demo gallery');
      return;
    }
    const message: DemoWebviewToHost = raw;
    try {
      switch (message.type) {
        case 'ready': {
          // A reloaded webview says ready again: answer each time, then flush what waited.
          this.ready = true;
          void this.panel.webview.postMessage({ type: 'init', demo: this.demo } satisfies DemoHostToWebview);
          const waiting = this.queue.splice(0);
          for (const m of waiting) void this.panel.webview.postMessage(m);
          await this.sendModels();
          break;
        }
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
    } catch (err) {
      const reason = (err as Error).message;
      if ('requestId' in message && message.type !== 'listModels') this.post({ type: 'modelError', requestId: message.requestId, reason });
      else void vscode.window.showErrorMessage(vscode.l10n.t('ML Roadmap: {0}', reason));
    }
  }

  dispose(): void {
    clearTimeout(this.listTimer);
    this.disposed.fire();
    this.disposed.dispose();
    for (const d of this.disposables) d.dispose();
    this.disposables.length = 0;
    this.panel.dispose();
  }
}
