// The base of the extension's webview panels (the lab, the demo gallery). It owns what every panel
// does the same way: the webview's options, the page's HTML (src/panel/html.ts, with the page's own
// policy powers), the `ready` handshake, the protocol's guard on what the page sends, one visible
// message for a handler's error, and dispose. A panel only says what to greet the page with and
// how to route its messages.
import * as vscode from 'vscode';
import { describeError } from '../shared/errors';
import { makeNonce } from './html';

/** What kind of panel: how the editor restores it, and whether it keeps its page when hidden. */
export interface PanelKind {
  /** The id the panel's serializer is registered under (`Panels` in src/ids.ts). */
  readonly viewType: string;
  /** Keep the page alive while its tab is hidden: only for a page its saved state cannot rebuild. */
  readonly retainContextWhenHidden: boolean;
  /** The page, for the warning about a message it sent that is dropped ("the lab webview"). */
  readonly name: string;
}

/** What a panel's page may load: the webview bundles and the media folder, nothing else. */
export function panelOptions(extensionUri: vscode.Uri, kind: PanelKind): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    retainContextWhenHidden: kind.retainContextWhenHidden,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

/** A new panel of `kind` in the active editor column. */
export function createPanel(extensionUri: vscode.Uri, kind: PanelKind, title: string): vscode.WebviewPanel {
  return vscode.window.createWebviewPanel(kind.viewType, title, vscode.ViewColumn.Active, panelOptions(extensionUri, kind));
}

/** What a page's HTML builder gets from the panel's webview. */
export interface PageContext {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  /** A fresh nonce for this page. */
  readonly nonce: string;
  /** The webview URL of a file of the extension, e.g. `uri('dist', 'webview', 'lab.js')`. */
  uri(...parts: string[]): string;
}

export interface PanelSetup<ToHost> {
  readonly kind: PanelKind;
  /** The protocol's runtime guard for what the page sends. */
  readonly isMessage: (value: unknown) => value is ToHost;
  /**
   * The page (a pure builder from src/panel/html.ts's skeleton, stating its powers). A promise when
   * the page carries what it paints first: the panel exists meanwhile, so the editor builds its
   * frame while the page is made.
   */
  readonly html: (page: PageContext) => string | Promise<string>;
}

type Ready = { readonly type: 'ready' };

export abstract class WebviewPanelBase<ToHost extends { readonly type: string }, ToWebview> implements vscode.Disposable {
  /** Disposed with the panel; subclasses add their listeners here. */
  protected readonly disposables: vscode.Disposable[] = [];
  /** The page has said `ready` at least once. */
  private heard = false;
  /** Posts go out at once; false until the first greeting and while a reloaded page is greeted again. */
  private sending = false;
  /** Messages for the page that wait for its greeting. */
  private readonly waiting: ToWebview[] = [];
  private isDisposed = false;
  private readonly disposed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;
  private readonly kind: PanelKind;
  private readonly isMessage: (value: unknown) => value is ToHost;

  /** Takes over `panel`, new or restored by the editor after a reload. */
  protected constructor(readonly panel: vscode.WebviewPanel, protected readonly extensionUri: vscode.Uri, setup: PanelSetup<ToHost>) {
    this.kind = setup.kind;
    this.isMessage = setup.isMessage;
    const webview = panel.webview;
    // A restored panel keeps the options it was saved with: set today's.
    webview.options = panelOptions(extensionUri, setup.kind);
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'roadmap.svg');
    const html = setup.html({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      uri: (...parts) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...parts)).toString(),
    });
    if (typeof html === 'string') webview.html = html;
    else {
      html.then((page) => { if (!this.isDisposed) webview.html = page; },
        (err: unknown) => void vscode.window.showErrorMessage(vscode.l10n.t('ML Roadmap: {0}', describeError(err))));
    }
    this.disposables.push(
      webview.onDidReceiveMessage((m: unknown) => void this.receive(m)),
      panel.onDidDispose(() => this.dispose()),
      this.disposed,
    );
  }

  /** The first message after each `ready` (a reloaded page says it again), before anything that waited. */
  protected abstract greeting(): ToWebview | Promise<ToWebview>;

  /** Routes one message the guard let through (every type but `ready`, which this class answers). */
  protected abstract handle(message: Exclude<ToHost, Ready>): Promise<void> | void;

  /** After the greeting and the waiting messages went out. */
  protected afterReady(): Promise<void> | void {
    // Nothing by default.
  }

  /** Whether the page has said `ready` yet: before that, a panel with nothing to queue need not post. */
  protected get isReady(): boolean {
    return this.heard;
  }

  /** Sends `message` to the page, or keeps it until the page has been greeted. */
  protected post(message: ToWebview): void {
    if (this.isDisposed) return;
    if (!this.sending) {
      this.waiting.push(message);
      return;
    }
    void this.panel.webview.postMessage(message);
  }

  /** A handler failed: one error message. The gallery overrides this to answer a request instead. */
  protected showError(_message: ToHost, reason: string): void {
    void vscode.window.showErrorMessage(vscode.l10n.t('ML Roadmap: {0}', reason));
  }

  reveal(): void {
    this.panel.reveal();
  }

  /** Where every message of the page arrives. The page is untrusted input: anything outside the protocol is dropped. */
  private async receive(raw: unknown): Promise<void> {
    if (!this.isMessage(raw)) {
      console.warn(`[ml-roadmap] dropped an invalid message from ${this.kind.name}`);
      return;
    }
    const message = raw;
    try {
      if (message.type === 'ready') await this.answerReady();
      else await this.handle(message as Exclude<ToHost, Ready>);
    } catch (err) {
      this.showError(message, describeError(err));
    }
  }

  private async answerReady(): Promise<void> {
    this.heard = true;
    this.sending = false;
    try {
      const greeting = await this.greeting();
      if (!this.isDisposed) void this.panel.webview.postMessage(greeting);
    } finally {
      this.sending = true;
      for (const m of this.waiting.splice(0)) this.post(m);
    }
    await this.afterReady();
  }

  dispose(): void {
    if (this.isDisposed) return;
    this.isDisposed = true;
    this.disposed.fire();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}
