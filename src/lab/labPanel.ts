// The lab's webview panel: one per project, restored after a reload, and a thin router between
// the webview's (validated) messages and the project's LabController.
import * as vscode from 'vscode';
import { isWebviewMessage, type HostToWebview, type WebviewToHost } from '../shared/protocol';
import { labHtml, makeNonce } from './html';
import type { LabController } from './labController';
import { Commands, Panels } from '../ids';
import { webLink } from '../shared/webLink';

export class LabPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  /** `performance.now()` when the panel was created and when the webview first painted a state. */
  readonly createdAt = performance.now();
  firstPaintAt: number | undefined;
  private readonly disposed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;

  static create(extensionUri: vscode.Uri, controller: LabController): LabPanel {
    const panel = vscode.window.createWebviewPanel(Panels.lab, vscode.l10n.t('Lab: {0}', controller.project.title), vscode.ViewColumn.Active, LabPanel.options(extensionUri));
    return new LabPanel(panel, extensionUri, controller);
  }

  /** What the webview may load: its bundle and stylesheet, nothing else. */
  static options(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      retainContextWhenHidden: false,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')],
    };
  }

  constructor(readonly panel: vscode.WebviewPanel, extensionUri: vscode.Uri, readonly controller: LabController) {
    const webview = panel.webview;
    webview.options = LabPanel.options(extensionUri);
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'roadmap.svg');
    webview.html = labHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'lab.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'lab.css')).toString(),
      title: vscode.l10n.t('Lab: {0}', controller.project.title),
      loadingText: vscode.l10n.t('Loading the lab…'),
      l10n: vscode.l10n.bundle,
    });
    this.disposables.push(
      webview.onDidReceiveMessage((m: unknown) => this.receive(m)),
      controller.onDidChange(() => void this.push()),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  reveal(): void {
    this.panel.reveal();
  }

  /** The editor column next to the lab's, so code and checks show together. */
  private besideColumn(): vscode.ViewColumn {
    let column: vscode.ViewColumn | undefined;
    try {
      column = this.panel.viewColumn;
    } catch {
      // The panel was closed while its message was on the way: open beside the active editor.
    }
    return column === undefined ? vscode.ViewColumn.Beside : column + 1;
  }

  private async push(): Promise<void> {
    if (!this.ready) return;
    await this.post({ type: 'state', state: await this.controller.state() });
  }

  private post(message: HostToWebview): Thenable<boolean> {
    return this.panel.webview.postMessage(message);
  }

  private async receive(raw: unknown): Promise<void> {
    // The webview is untrusted input: anything that does not match the protocol is dropped.
    if (!isWebviewMessage(raw)) {
      console.warn('[ml-roadmap] dropped an invalid message from the lab webview');
      return;
    }
    const message: WebviewToHost = raw;
    try {
      switch (message.type) {
        case 'ready':
          this.ready = true;
          await this.push();
          break;
        case 'painted':
          this.firstPaintAt ??= performance.now();
          break;
        case 'run':
          try {
            await this.controller.run(message.milestoneId);
            await this.post({ type: 'reply', requestId: message.requestId, ok: true });
          } catch (err) {
            const error = (err as Error).message;
            void vscode.window.showErrorMessage(vscode.l10n.t('ML Roadmap: {0}', error));
            await this.post({ type: 'reply', requestId: message.requestId, ok: false, error });
          }
          break;
        case 'cancel':
          this.controller.cancel();
          break;
        case 'markManual':
          await this.controller.markManual(message.milestoneId, message.done);
          break;
        case 'compare':
          await this.controller.compare(message.milestoneId, false, this.besideColumn());
          break;
        case 'openFile':
          await this.controller.openFile(message.path, message.line, this.besideColumn());
          break;
        case 'openLink':
          // The guard let only web links through (webLink); open the normalised form.
          await vscode.env.openExternal(vscode.Uri.parse(webLink(message.url) ?? message.url));
          break;
        case 'scaffold':
          await vscode.commands.executeCommand(Commands.scaffoldProject, this.controller.project.id);
          await this.push();
          break;
        case 'trust':
          await vscode.commands.executeCommand('workbench.trust.manage');
          break;
        case 'installEnvironment':
          await this.controller.openInstallTerminal();
          break;
        case 'selectInterpreter':
          await this.controller.selectInterpreter();
          break;
        case 'setPythonPath':
          await this.controller.openPythonPathSetting();
          break;
        case 'openDemo': {
          const demo = (await this.controller.state()).relatedDemo;
          if (demo) await vscode.commands.executeCommand(Commands.openDemos, { demo: demo.id });
          break;
        }
        case 'showTestChanges':
          await this.controller.showTestChanges();
          break;
        case 'restoreTests':
          await this.controller.restoreTests();
          break;
        case 'startOver':
          await vscode.commands.executeCommand(Commands.resetProject, this.controller.project.id);
          await this.push();
          break;
        default: {
          const never: never = message;
          void never;
        }
      }
    } catch (err) {
      void vscode.window.showErrorMessage(vscode.l10n.t('ML Roadmap: {0}', (err as Error).message));
    }
  }

  dispose(): void {
    this.disposed.fire();
    this.disposed.dispose();
    for (const d of this.disposables) d.dispose();
    this.disposables.length = 0;
    this.panel.dispose();
  }
}
