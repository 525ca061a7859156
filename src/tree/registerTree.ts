// The roadmap tree feature: the view and its checkboxes, topic pages, Find in Roadmap and keyboard
// toggling. Returns what other features need of the tree: its provider, its view and the row the
// keyboard is on.
import * as vscode from 'vscode';
import { RoadmapTreeProvider, type FirstItems } from './provider';
import type { RoadmapService } from '../loader/roadmapService';
import type { ProgressStore } from '../progress/store';
import { nodeKey, type TreeNode } from './nodes';
import { Views } from '../ids';
import { onCheckboxes } from './checkboxes';
import { registerTopicPages } from './topicPages';
import { registerFind } from './find';
import { registerToggle } from './toggle';
import { focusedItem } from './focusedItem';

export interface RoadmapTree {
  readonly provider: RoadmapTreeProvider;
  readonly view: vscode.TreeView<TreeNode>;
  /** The item the keyboard is on in the tree, if any. */
  readonly focused: () => Promise<unknown>;
}

export function registerTree(
  context: vscode.ExtensionContext,
  roadmap: RoadmapService,
  progress: ProgressStore,
  firstItems: FirstItems,
): RoadmapTree {
  const provider = new RoadmapTreeProvider(roadmap, progress, firstItems);
  const view = vscode.window.createTreeView(Views.tree, {
    treeDataProvider: provider,
    showCollapseAll: true,
    manageCheckboxStateManually: true,
  });
  context.subscriptions.push(
    provider,
    view,
    view.onDidChangeCheckboxState((e) => onCheckboxes(e.items, progress, provider)),
  );
  registerTopicPages(context, roadmap, progress);
  registerFind(context, view, provider, roadmap, progress);
  registerToggle(context, view, provider, progress);
  return { provider, view, focused: () => focusedItem(view, nodeKey) };
}
