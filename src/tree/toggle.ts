// "Toggle Done" (Space in the roadmap tree): ticks or unticks the focused row's checkbox, the same
// way a click on the checkbox does (a skill asks before ticking all of its items).
import * as vscode from 'vscode';
import type { ProgressStore } from '../progress/store';
import { isDone } from '../progress/state';
import { skillStatus } from '../progress/summary';
import type { RoadmapTreeProvider } from './provider';
import { nodeKey, type TreeNode } from './nodes';
import { onCheckboxes } from './checkboxes';
import { focusedItem } from './focusedItem';
import { Commands } from '../ids';

/** The key the tree identifies a row by (TreeItem.id). */
function isCheckable(node: unknown): node is Extract<TreeNode, { kind: 'skill' | 'topic' | 'project' }> {
  const kind = typeof node === 'object' && node !== null ? (node as { kind?: unknown }).kind : undefined;
  return kind === 'skill' || kind === 'topic' || kind === 'project';
}

export function registerToggle(context: vscode.ExtensionContext, view: vscode.TreeView<TreeNode>, provider: RoadmapTreeProvider, progress: ProgressStore): void {
  context.subscriptions.push(
    // From a keybinding there is no argument: the focused row is meant. A menu or a test passes a node or an id.
    vscode.commands.registerCommand(Commands.toggleDone, async (arg?: unknown): Promise<boolean | undefined> => {
      const node = typeof arg === 'string' ? await provider.findById(arg) : arg !== undefined ? arg : await focusedItem(view, nodeKey);
      if (!isCheckable(node)) return undefined;
      const done = node.kind === 'skill' ? skillStatus(node, progress.current) === 'done' : isDone(progress.current, node.id);
      const want = done ? vscode.TreeItemCheckboxState.Unchecked : vscode.TreeItemCheckboxState.Checked;
      await onCheckboxes([[node, want]], progress, provider);
      return node.kind === 'skill' ? skillStatus(node, progress.current) === 'done' : isDone(progress.current, node.id);
    }),
  );
}
