// The roadmap tree view: ticking a checkbox stores progress at once; ticking a skill ticks its
// items only after a confirmation.
import * as vscode from 'vscode';
import { RoadmapTreeProvider } from './provider';
import type { RoadmapService } from '../loader/roadmapService';
import type { ProgressStore } from '../progress/store';
import { setDone } from '../progress/state';
import { skillItemIds } from '../progress/summary';
import type { TreeNode } from './nodes';
import { Views } from '../ids';

export function registerTree(
  context: vscode.ExtensionContext,
  roadmap: RoadmapService,
  progress: ProgressStore,
  onFirstItems: (at: number) => void,
): { provider: RoadmapTreeProvider; view: vscode.TreeView<TreeNode> } {
  const provider = new RoadmapTreeProvider(roadmap, progress, onFirstItems);
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
  return { provider, view };
}

export async function onCheckboxes(
  items: ReadonlyArray<[TreeNode, vscode.TreeItemCheckboxState]>,
  progress: ProgressStore,
  provider: RoadmapTreeProvider,
): Promise<void> {
  const now = new Date();
  for (const [node, checkbox] of items) {
    const done = checkbox === vscode.TreeItemCheckboxState.Checked;
    if (node.kind === 'topic' || node.kind === 'project') {
      await progress.update((s) => setDone(s, [node.id], done, now));
    } else if (node.kind === 'skill') {
      const ids = skillItemIds(node);
      const action = done ? vscode.l10n.t('Mark All Done') : vscode.l10n.t('Mark All Not Done');
      const answer = await vscode.window.showWarningMessage(
        done
          ? vscode.l10n.t('Mark all {0} topics and projects of "{1}" as done?', ids.length, node.title)
          : vscode.l10n.t('Clear the done marks of all {0} topics and projects of "{1}"?', ids.length, node.title),
        { modal: true },
        action,
      );
      if (answer === action) await progress.update((s) => setDone(s, ids, done, now));
      else provider.refresh(); // put the checkbox back
    }
  }
}
