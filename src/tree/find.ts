// "Find in Roadmap…": a quick pick over every skill, topic and project (title, skill, done or not;
// typing a skill's name finds its items too) that reveals and selects the picked item in the tree.
import * as vscode from 'vscode';
import type { RoadmapService } from '../loader/roadmapService';
import type { ProgressStore } from '../progress/store';
import type { RoadmapTreeProvider } from './provider';
import type { TreeNode } from './nodes';
import { findEntries, type FindEntry, type FindStatus } from './findEntries';
import { Commands } from '../ids';

type Item = vscode.QuickPickItem & { readonly entry: FindEntry };

const ICONS: Record<FindStatus, vscode.ThemeIcon> = {
  done: new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed')),
  'in-progress': new vscode.ThemeIcon('circle-large-filled', new vscode.ThemeColor('charts.yellow')),
  'not-done': new vscode.ThemeIcon('circle-large-outline'),
};

/** The command's optional argument (tests, links): text to start the filter with. */
function initialQuery(arg: unknown): string {
  return typeof arg === 'object' && arg !== null && typeof (arg as { query?: unknown }).query === 'string' ? (arg as { query: string }).query : '';
}

export function registerFind(
  context: vscode.ExtensionContext, view: vscode.TreeView<TreeNode>, provider: RoadmapTreeProvider,
  roadmap: RoadmapService, progress: ProgressStore,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.findInRoadmap, async (arg?: unknown): Promise<string | undefined> => {
      const { roadmap: rm } = await roadmap.get();
      const items: Item[] = findEntries(rm, progress.current).map((entry) => ({
        label: entry.label, description: entry.description, detail: entry.detail, iconPath: ICONS[entry.status], entry,
      }));
      const picked = await pick(items, initialQuery(arg));
      if (!picked) return undefined;
      const node = await provider.findById(picked.id);
      if (!node) {
        void vscode.window.showErrorMessage(vscode.l10n.t('ML Roadmap: "{0}" is no longer in the roadmap.', picked.label));
        return undefined;
      }
      await view.reveal(node, { select: true, focus: true, expand: true });
      return picked.id;
    }),
  );
}

function pick(items: readonly Item[], value: string): Promise<FindEntry | undefined> {
  const qp = vscode.window.createQuickPick<Item>();
  qp.title = vscode.l10n.t('Find in Roadmap');
  qp.placeholder = vscode.l10n.t('A skill, topic or project, by its title or its skill');
  qp.matchOnDescription = true;
  qp.items = items;
  qp.value = value;
  return new Promise((resolve) => {
    let result: FindEntry | undefined;
    qp.onDidAccept(() => {
      result = qp.selectedItems[0]?.entry;
      qp.hide();
    });
    qp.onDidHide(() => {
      qp.dispose();
      resolve(result);
    });
    qp.show();
  });
}
