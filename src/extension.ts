// Wiring only: build the services, then let each feature register itself.
import * as vscode from 'vscode';
import { RoadmapService } from './loader/roadmapService';
import { ProgressStore } from './progress/store';
import { registerTree } from './tree/registerTree';
import type { RoadmapTreeProvider } from './tree/provider';
import type { TreeNode } from './tree/nodes';
import { registerProgress } from './progress/registerProgress';
import { registerScaffold } from './scaffold/registerScaffold';
import type { ProjectLocations } from './scaffold/locations';
import { registerLab, type LabManager } from './lab/registerLab';
import { registerDemos } from './demos/registerDemos';
import { registerWalkthrough, openOnFirstActivation } from './walkthrough/registerWalkthrough';
import { Commands, EXTENSION_ID } from './ids';

/** What `activate` returns: used by tests and benchmarks, not a public API. */
export interface ExtensionApi {
  /** `performance.now()` readings of the extension host, for benchmarks. */
  readonly timings: { activateMs: number; activateStartAt: number; firstTreeAskedAt?: number; firstTreeItemsAt?: number };
  readonly roadmap: RoadmapService;
  readonly progress: ProgressStore;
  readonly tree: RoadmapTreeProvider;
  readonly treeView: vscode.TreeView<TreeNode>;
  /** Opens the walkthrough unless `globalState` says it was shown (tests pass their own memento). */
  readonly openWalkthroughOnFirstActivation: (globalState: vscode.Memento) => Promise<boolean>;
  readonly labs: LabManager;
  /** Where each scaffolded project lives in this workspace. */
  readonly locations: ProjectLocations;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const started = performance.now();
  const timings: ExtensionApi['timings'] = { activateMs: 0, activateStartAt: started };

  const roadmap = new RoadmapService(context.extensionUri);
  const progress = new ProgressStore(context);
  context.subscriptions.push(roadmap, progress);

  const { provider: tree, view: treeView, focused } = registerTree(context, roadmap, progress, {
    asked: (at) => (timings.firstTreeAskedAt ??= at),
    given: (at) => (timings.firstTreeItemsAt ??= at),
  });
  registerProgress(context, progress, roadmap, focused);
  // Start Over tells the lab to forget the project's results; the lab is registered next.
  const locations = registerScaffold(context, roadmap, progress, (id) => labs.startedOver(id));
  const labs = registerLab(context, roadmap, progress, locations);
  registerDemos(context);
  registerWalkthrough(context, progress, roadmap);

  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.refresh, () => roadmap.reload()),
    vscode.commands.registerCommand(Commands.openSettings, () =>
      vscode.commands.executeCommand('workbench.action.openSettings', `@ext:${EXTENSION_ID}`),
    ),
    vscode.commands.registerCommand(Commands.showOverview, () => roadmap.showOverview()),
  );

  timings.activateMs = performance.now() - started;
  return { timings, roadmap, progress, tree, treeView, openWalkthroughOnFirstActivation: openOnFirstActivation, labs, locations };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
