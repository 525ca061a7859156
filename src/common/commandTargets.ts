// What a command acts on, found the same way by every command: the id in its argument (an id
// string from a link, a keybinding or another command, or the tree node it was invoked on), else a
// project the learner picks from the roadmap, grouped by skill.
import * as vscode from 'vscode';
import type { Project, Skill } from '../roadmap/model';

/**
 * The id a command was invoked with: the argument itself when it is a string, the `id` of an
 * object (a tree node) when it has one and, when `kind` is given, that kind; else undefined.
 */
export function idFromArgument(arg: unknown, kind?: string): string | undefined {
  if (typeof arg === 'string') return arg;
  if (typeof arg !== 'object' || arg === null || !('id' in arg)) return undefined;
  if (kind !== undefined && (arg as { kind?: unknown }).kind !== kind) return undefined;
  return String((arg).id);
}

/** Asks which project, listing every project of the roadmap under its skill. Undefined when dismissed. */
export async function pickProject(skills: readonly Skill[], text: { readonly title: string; readonly placeHolder: string }): Promise<Project | undefined> {
  const items: (vscode.QuickPickItem & { project?: Project })[] = [];
  for (const skill of skills) {
    items.push({ label: `${skill.order}. ${skill.title}`, kind: vscode.QuickPickItemKind.Separator });
    for (const project of skill.projects) items.push({ label: `$(beaker) ${project.title}`, detail: project.description, project });
  }
  return (await vscode.window.showQuickPick(items, { ...text, matchOnDetail: true }))?.project;
}
