// The getting-started walkthrough: the Get Started command (the view's "…" menu), opening it once
// per install on the first activation, and the "a topic is ticked" step, read from progress.
import * as vscode from 'vscode';
import type { ProgressStore } from '../progress/store';
import type { RoadmapService } from '../loader/roadmapService';
import { isDone } from '../progress/state';
import { Commands, ContextKeys, EXTENSION_ID, StorageKeys, WALKTHROUGH_ID, WorkbenchIds } from '../ids';
import { stepDone } from './steps';


export function openWalkthrough(): Thenable<unknown> {
  return vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#${WALKTHROUGH_ID}`, false);
}

/**
 * Opens the walkthrough unless this install has shown it before (remembered in `globalState`) or
 * VS Code's own switch for opening walkthroughs on install is off: whoever turned it off (the test
 * suites do) does not get ours on first activation either. The test servers also set
 * MLR_WALKTHROUGH=off (scripts/test/host.mjs), which the extension host inherits. Resolves whether it opened.
 */
export async function openOnFirstActivation(globalState: vscode.Memento): Promise<boolean> {
  if (globalState.get<boolean>(StorageKeys.walkthroughShown)) return false;
  if (process.env.MLR_WALKTHROUGH === 'off') return false;
  if (!vscode.workspace.getConfiguration().get<boolean>(WorkbenchIds.openWalkthroughOnInstall, true)) return false;
  await globalState.update(StorageKeys.walkthroughShown, true);
  await openWalkthrough();
  return true;
}

export function registerWalkthrough(context: vscode.ExtensionContext, progress: ProgressStore, roadmap: RoadmapService): void {
  const checkTopics = async (): Promise<void> => {
    const { roadmap: rm } = await roadmap.get();
    if (rm.skills.some((s) => s.topics.some((t) => isDone(progress.current, t.id)))) stepDone(ContextKeys.topicTicked);
  };
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.openWalkthrough, () => openWalkthrough()),
    progress.onDidChange(() => void checkTopics()),
  );
  void checkTopics();
  void openOnFirstActivation(context.globalState);
}
