// Overall progress and an estimated finish date in the status bar; a click reveals the roadmap.
import * as vscode from 'vscode';
import type { ProgressStore } from './store';
import type { RoadmapService } from '../loader/roadmapService';
import { estimateFinish, overallProgress } from './summary';
import { Commands, STATUS_BAR_ID, WorkbenchIds } from '../ids';

export function registerStatusBar(context: vscode.ExtensionContext, progress: ProgressStore, roadmap: RoadmapService): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem(STATUS_BAR_ID, vscode.StatusBarAlignment.Left, 10);
  item.name = vscode.l10n.t('ML Roadmap Progress');
  item.command = Commands.showProgress;
  const render = async (): Promise<void> => {
    const { roadmap: rm } = await roadmap.get();
    const c = overallProgress(rm, progress.current);
    const estimate = estimateFinish(rm, progress.current, new Date());
    const when = estimate.finish?.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
    item.text = `$(milestone) ${c.percent}%`;
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`${vscode.l10n.t('**ML Roadmap** · {0} of {1} topics and projects done ({2}%)', c.done, c.total, c.percent)}\n\n`);
    if (estimate.basis === 'complete') md.appendMarkdown(vscode.l10n.t('$(pass) Everything planned is done.'));
    else if (estimate.basis === 'pace') md.appendMarkdown(vscode.l10n.t('$(calendar) At your pace so far you would finish around **{0}**.', when ?? ''));
    else md.appendMarkdown(vscode.l10n.t('$(calendar) At the planned durations ({0} weeks) you would finish around **{1}**.', Math.round(estimate.plannedWeeks), when ?? ''));
    item.tooltip = md;
    item.show();
  };
  context.subscriptions.push(
    item,
    progress.onDidChange(() => void render()),
    roadmap.onDidChange(() => void render()),
    vscode.commands.registerCommand(Commands.showProgress, () => vscode.commands.executeCommand(WorkbenchIds.focusTree)),
  );
  // The roadmap is parsed lazily: render once it is loaded, without delaying activation.
  setTimeout(() => void render(), 0);
  return item;
}
