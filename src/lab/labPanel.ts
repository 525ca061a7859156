// The lab's webview panel: one per project, restored after a reload, and a thin router between
// the webview's (validated) messages and the project's LabController. The handshake, the guard,
// errors and dispose are the panel base's (src/panel/webviewPanel.ts).
import * as vscode from 'vscode';
import { isWebviewMessage, type HostToWebview, type WebviewToHost } from '../shared/labProtocol';
import { labHtml } from './html';
import type { LabController } from './labController';
import { Commands, Panels } from '../ids';
import { webLink } from '../shared/webLink';
import { createPanel, WebviewPanelBase, type PanelKind } from '../panel/webviewPanel';
import { pageAsset } from '../panel/pageAssets';

const labTitle = (controller: LabController): string => vscode.l10n.t('Lab: {0}', controller.project.title);

export class LabPanel extends WebviewPanelBase<WebviewToHost, HostToWebview> {
  /** Not kept when hidden: the page repaints from its saved state and the host's next one. */
  static readonly kind: PanelKind = { viewType: Panels.lab, retainContextWhenHidden: false, name: 'the lab webview' };
  /** `performance.now()` when the webview first painted a state (the first-paint benchmark reads it). */
  firstPaintAt: number | undefined;

  static create(extensionUri: vscode.Uri, controller: LabController): LabPanel {
    return new LabPanel(createPanel(extensionUri, LabPanel.kind, labTitle(controller)), extensionUri, controller);
  }

  constructor(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, readonly controller: LabController) {
    super(panel, extensionUri, {
      kind: LabPanel.kind,
      isMessage: isWebviewMessage,
      html: async (page) => labHtml({
        cspSource: page.cspSource,
        nonce: page.nonce,
        script: await pageAsset(extensionUri, 'dist', 'webview', 'lab.js'),
        style: await pageAsset(extensionUri, 'media', 'lab.css'),
        title: labTitle(controller),
        loadingText: vscode.l10n.t('Loading the lab…'),
        l10n: vscode.l10n.bundle,
        initialState: await controller.state(),
      }),
    });
    this.disposables.push(controller.onDidChange(() => void this.push()));
  }

  protected async greeting(): Promise<HostToWebview> {
    return { type: 'state', state: await this.controller.state() };
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

  /** The controller's current state; nothing before the page is ready (its greeting is the state). */
  private async push(): Promise<void> {
    if (!this.isReady) return;
    this.post({ type: 'state', state: await this.controller.state() });
  }

  protected async handle(message: Exclude<WebviewToHost, { type: 'ready' }>): Promise<void> {
    switch (message.type) {
      case 'painted':
        if (this.firstPaintAt === undefined) {
          this.firstPaintAt = performance.now();
          this.controller.prepare();
        }
        break;
      case 'run':
        await this.controller.run(message.milestoneId);
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
  }
}
