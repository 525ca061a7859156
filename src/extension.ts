// Wiring only: build the services, then let each feature register itself.
import * as vscode from 'vscode';
import { registerTree } from './tree/registerTree';
import { RoadmapService } from './roadmap/service';
import { Commands, Settings } from './ids';

/** What `activate` returns: used by tests and benchmarks, not a public API. */
export interface ExtensionApi {
  readonly timings: { activateMs: number; firstTreeItemsMs?: number };
  readonly roadmap: RoadmapService;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const started = performance.now();
  const timings: ExtensionApi['timings'] = { activateMs: 0 };

  const roadmap = new RoadmapService(context.extensionUri);
  context.subscriptions.push(roadmap);

  registerTree(context, roadmap, (ms) => (timings.firstTreeItemsMs ??= ms));

  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.refresh, () => roadmap.reload()),
    vscode.commands.registerCommand(Commands.openSettings, () =>
      vscode.commands.executeCommand('workbench.action.openSettings', `@ext:ml-roadmap.ml-roadmap ${Settings.section}`),
    ),
    vscode.commands.registerCommand(Commands.showOverview, () => roadmap.showOverview()),
  );

  timings.activateMs = performance.now() - started;
  return { timings, roadmap };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
