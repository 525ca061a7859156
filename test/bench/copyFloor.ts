// The floor for Scaffold Project: the editor's own `workspace.fs.copy` of the same starter into a
// fresh folder, i.e. the template folder and then the shared data files the template declares
// (projects/<id>/shared-data.json, copied from the extension's media/data/ as the scaffold does).
// The floor copies exactly the files the scaffold writes: a template folder holding something
// the scaffold leaves out (caches, editor litter, symlinks: isTemplateLitter) is copied entry by
// entry around it, every clean subfolder still in one copy; `filesIn` lists what was copied, for
// the bench to compare with what the scaffold wrote.
import * as vscode from 'vscode';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseSharedData } from '../../src/scaffold/sharedData';
import { isTemplateLitter } from '../../src/scaffold/plan';

/** A folder to copy: whole, or (when something below it is left out) entry by entry. */
type CopyPlan = { whole: true } | { whole: false; entries: Map<string, CopyPlan> };

/** How to copy `dir` (`prefix` in the template) leaving out what the scaffold leaves out. */
function planCopy(dir: string, prefix: string): CopyPlan {
  const entries = new Map<string, CopyPlan>();
  let whole = true;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (isTemplateLitter(rel) || !(e.isFile() || e.isDirectory())) { whole = false; continue; }
    const plan: CopyPlan = e.isDirectory() ? planCopy(path.join(dir, e.name), rel) : { whole: true };
    if (!plan.whole) whole = false;
    entries.set(e.name, plan);
  }
  return whole ? { whole: true } : { whole: false, entries };
}

async function copyPlanned(source: vscode.Uri, target: vscode.Uri, plan: CopyPlan): Promise<void> {
  if (plan.whole) return vscode.workspace.fs.copy(source, target);
  await vscode.workspace.fs.createDirectory(target);
  await Promise.all([...plan.entries].map(([name, p]) => copyPlanned(vscode.Uri.joinPath(source, name), vscode.Uri.joinPath(target, name), p)));
}

/** Copies the starter of `projectFolder` (roadmap/projects/<id>) into `target`; returns how long it took. */
export async function timeStarterCopy(projectFolder: vscode.Uri, extensionUri: vscode.Uri, target: vscode.Uri): Promise<number> {
  const template = vscode.Uri.joinPath(projectFolder, 'template');
  const plan = planCopy(template.fsPath, '');
  const t0 = performance.now();
  await copyPlanned(template, target, plan);
  let declaration: Uint8Array | undefined;
  try {
    declaration = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(projectFolder, 'shared-data.json'));
  } catch {
    // No shared data: the template folder is the whole starter.
  }
  if (declaration) {
    const parsed = parseSharedData(new TextDecoder().decode(declaration));
    if ('error' in parsed) throw new Error(parsed.error);
    for (const f of parsed.files) {
      await vscode.workspace.fs.copy(vscode.Uri.joinPath(extensionUri, 'media', 'data', f.name), vscode.Uri.joinPath(target, ...f.destination.split('/')));
    }
  }
  return performance.now() - t0;
}

/** Every file below `dir`, relative, sorted. */
export function filesIn(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    return e.isDirectory() ? filesIn(path.join(dir, e.name), rel) : [rel];
  }).sort();
}
