// The ML demo gallery feature: the Open ML Demos command (optionally on a given demo, or scoring a
// given model file), a single gallery panel per window, and its restoration after a reload.
import * as vscode from 'vscode';
import { asGalleryState, isDemoId, type DemoId } from '../shared/demoProtocol';
import { DemoPanel } from './demoPanel';
import { Commands, Panels, StorageKeys } from '../ids';

/** The command's optional argument. */
export interface OpenDemosArgs {
  /** One of DEMO_IDS. */
  readonly demo?: string;
  /** A learner's .onnx file to score in "Your model". */
  readonly model?: vscode.Uri;
}

export class DemoGallery implements vscode.Disposable {
  private panel: DemoPanel | undefined;

  /**
   * `memory` keeps the last tab shown. The webview's own saved state is written by the workbench on
   * its own schedule and can lag behind a reload; this is written the moment a tab is shown.
   */
  constructor(private readonly extensionUri: vscode.Uri, private readonly memory?: vscode.Memento) {}

  private readonly remember = (demo: DemoId): void => {
    void this.memory?.update(StorageKeys.demoTab, demo);
  };

  /** Opens the gallery, or brings the open one forward; returns the panel. */
  async open(args: OpenDemosArgs = {}): Promise<DemoPanel> {
    let demo: DemoId | undefined = isDemoId(args.demo) ? args.demo : undefined;
    if (args.model && !demo) demo = 'yours';
    if (this.panel) this.panel.reveal(demo);
    else this.track(DemoPanel.create(this.extensionUri, demo, this.remember));
    const panel = this.panel!;
    if (args.model) await panel.sendModel(args.model);
    return panel;
  }

  revive(webviewPanel: vscode.WebviewPanel, state: unknown): void {
    if (this.panel) {
      // A second restored gallery (should not happen): keep one.
      webviewPanel.dispose();
      return;
    }
    const remembered = this.memory?.get<unknown>(StorageKeys.demoTab);
    const demo = isDemoId(remembered) ? remembered : asGalleryState(state)?.demo;
    this.track(new DemoPanel(webviewPanel, this.extensionUri, demo, this.remember));
  }

  private track(panel: DemoPanel): void {
    this.panel = panel;
    panel.onDidDispose(() => {
      if (this.panel === panel) this.panel = undefined;
    });
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

/** Reads the command argument defensively: it may come from a menu, a link or a test. */
function parseArgs(arg: unknown): OpenDemosArgs {
  if (typeof arg === 'string') return { demo: arg };
  if (typeof arg !== 'object' || arg === null) return {};
  const a = arg as { demo?: unknown; model?: unknown };
  return {
    demo: typeof a.demo === 'string' ? a.demo : undefined,
    model: a.model instanceof vscode.Uri ? a.model : typeof a.model === 'string' ? toUri(a.model) : undefined,
  };
}

/** "file:///x.onnx" or another URI as given; anything else is taken as a file path. */
function toUri(s: string): vscode.Uri {
  return /^[a-z][\w+.-]+:\/\//i.test(s) ? vscode.Uri.parse(s) : vscode.Uri.file(s);
}

export function registerDemos(context: vscode.ExtensionContext): DemoGallery {
  const gallery = new DemoGallery(context.extensionUri, context.workspaceState);
  context.subscriptions.push(
    gallery,
    vscode.commands.registerCommand(Commands.openDemos, async (arg?: unknown) => {
      await gallery.open(parseArgs(arg));
    }),
    vscode.window.registerWebviewPanelSerializer(Panels.demos, {
      deserializeWebviewPanel: async (panel, state) => gallery.revive(panel, state),
    }),
  );
  return gallery;
}
