// Marks a walkthrough step's real action as done: sets the context key its completionEvents
// (package.json, "onContext:…") wait for. Context keys last for the window; the walkthrough
// remembers a completed step itself.
import * as vscode from 'vscode';
import type { ContextKeys } from '../ids';

export type StepKey = (typeof ContextKeys)[keyof typeof ContextKeys];

export function stepDone(key: StepKey): void {
  void vscode.commands.executeCommand('setContext', key, true);
}
