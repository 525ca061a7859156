// Ticking in the tree: a topic's or a project's checkbox stores progress at once; a skill's ticks
// its items only after a confirmation (and springs back when the learner says no).
import * as vscode from 'vscode';
import type { RoadmapTreeProvider } from './provider';
import type { ProgressStore } from '../progress/store';
import { setDone } from '../progress/state';
import { skillItemIds } from '../progress/summary';
import type { TreeNode } from './nodes';

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
