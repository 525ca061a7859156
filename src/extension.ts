// Wiring only: build the services, then let each feature register itself.
import * as vscode from 'vscode';
import { RoadmapService } from './loader/roadmapService';
import { ProgressStore } from './progress/store';
import { registerTree } from './tree/registerTree';
import { registerTopicPages } from './tree/topicPages';
import type { RoadmapTreeProvider } from './tree/provider';
import { registerProgressCommands } from './progress/commands';
import { registerStatusBar } from './progress/statusBar';
import { registerScopeSwitch } from './progress/scopeSwitch';
import { registerReset } from './scaffold/reset';
import { registerScaffold } from './scaffold/command';
import { ProjectLocations } from './scaffold/locations';
import { registerLab, type LabManager } from './lab/registerLab';
import { registerDemos } from './demos/registerDemos';
import { Commands } from './ids';
import { registerFind } from './tree/find';
import { registerToggle } from './tree/toggle';
import { nodeKey } from './tree/nodes';
import { focusedItem } from './tree/focusedItem';
import type { TreeNode } from './tree/nodes';
import { registerWalkthrough, openOnFirstActivation } from './walkthrough/walkthrough';

/** What `activate` returns: used by tests and benchmarks, not a public API. */
export interface ExtensionApi {
  /** `performance.now()` readings of the extension host, for benchmarks. */
  readonly timings: { activateMs: number; firstTreeItemsAt?: number };
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
  const timings: ExtensionApi['timings'] = { activateMs: 0 };

  const roadmap = new RoadmapService(context.extensionUri);
  const progress = new ProgressStore(context);
  context.subscriptions.push(roadmap, progress);

  const { provider: tree, view: treeView } = registerTree(context, roadmap, progress, (at) => (timings.firstTreeItemsAt ??= at));
  registerTopicPages(context, roadmap, progress);
  registerFind(context, treeView, tree, roadmap, progress);
  registerToggle(context, treeView, tree, progress);
  registerProgressCommands(context, progress, roadmap, () => focusedItem(treeView, nodeKey));
  registerStatusBar(context, progress, roadmap);
  registerScopeSwitch(context, progress);
  const locations = new ProjectLocations(context.workspaceState);
  registerScaffold(context, roadmap, progress, locations);
  const labs = registerLab(context, roadmap, progress, locations);
  registerReset(context, roadmap, progress, locations, (id) => labs.results.set(id, { milestones: {} }));
  registerDemos(context);
  registerWalkthrough(context, progress, roadmap);

  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.refresh, () => roadmap.reload()),
    vscode.commands.registerCommand(Commands.openSettings, () =>
      vscode.commands.executeCommand('workbench.action.openSettings', '@ext:ml-roadmap.ml-roadmap'),
    ),
    vscode.commands.registerCommand(Commands.showOverview, () => roadmap.showOverview()),
  );

  timings.activateMs = performance.now() - started;
  return { timings, roadmap, progress, tree, treeView, openWalkthroughOnFirstActivation: openOnFirstActivation, labs, locations };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
