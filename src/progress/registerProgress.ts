// The progress feature in the editor: the commands (mark, note, reset with undo, export, import),
// the status bar entry and the switch between workspace and global progress.
import type * as vscode from 'vscode';
import type { RoadmapService } from '../loader/roadmapService';
import type { ProgressStore } from './store';
import { registerProgressCommands } from './commands';
import { registerStatusBar } from './statusBar';
import { registerScopeSwitch } from './scopeSwitch';

/** `focused` gives the tree item the keyboard is on, for the commands run without an argument. */
export function registerProgress(context: vscode.ExtensionContext, progress: ProgressStore, roadmap: RoadmapService, focused: () => Promise<unknown>): void {
  registerProgressCommands(context, progress, roadmap, focused);
  registerStatusBar(context, progress, roadmap);
  registerScopeSwitch(context, progress);
}
