// Where a project's template is, reading it, and probing the target through workspace.fs, so scaffolding works
// in remote and virtual workspaces too.
import * as vscode from 'vscode';
import { isTemplateLitter, type PathKind } from './plan';
import { parseSharedData } from './sharedData';
import { projectSegments } from '../roadmap/layout';

/** A project's starter template in a roadmap folder: `projects/<id>/template`. */
export function templateFolder(roadmapFolder: vscode.Uri, projectId: string): vscode.Uri {
  return vscode.Uri.joinPath(roadmapFolder, ...projectSegments(projectId, 'template'));
}

/** Relative paths of every file under a template folder (symlinks in the template are skipped). */
export async function listTemplate(root: vscode.Uri): Promise<string[]> {
  const out: string[] = [];
  async function walk(dir: vscode.Uri, prefix: string): Promise<void> {
    for (const [name, type] of await vscode.workspace.fs.readDirectory(dir)) {
      const rel = prefix ? `${prefix}/${name}` : name;
      if (isTemplateLitter(rel) || type & vscode.FileType.SymbolicLink) continue;
      if (type === vscode.FileType.Directory) await walk(vscode.Uri.joinPath(dir, name), rel);
      else if (type === vscode.FileType.File) out.push(rel);
    }
  }
  await walk(root, '');
  return out.sort();
}

/** What is at `uri`, asked through `fs` (the editor's file system by default). */
export async function kindOf(uri: vscode.Uri, fs: Pick<vscode.FileSystem, 'stat'> = vscode.workspace.fs): Promise<PathKind> {
  try {
    const { type } = await fs.stat(uri);
    if (type & vscode.FileType.SymbolicLink) return 'symlink';
    return type & vscode.FileType.Directory ? 'directory' : 'file';
  } catch {
    return 'missing';
  }
}

/** Stats every path the planner may ask about, so the planner itself stays synchronous and pure. */
export async function probeTarget(target: vscode.Uri, files: readonly string[]): Promise<Map<string, PathKind>> {
  const paths = new Set<string>();
  for (const f of files) {
    const segments = f.split('/');
    for (let i = 1; i <= segments.length; i++) paths.add(segments.slice(0, i).join('/'));
  }
  const kinds = new Map<string, PathKind>();
  await Promise.all([...paths].map(async (p) => kinds.set(p, await kindOf(vscode.Uri.joinPath(target, ...p.split('/'))))));
  return kinds;
}

/**
 * Every file of a project's starter, relative path → where to read it: the template's files and the
 * shared data it declares (sharedData.ts) from the extension's media/data/. Throws an Error saying
 * what is wrong when the declaration is broken or names a file the extension does not ship.
 */
export async function starterFiles(template: vscode.Uri, extensionUri: vscode.Uri): Promise<Map<string, vscode.Uri>> {
  const out = new Map<string, vscode.Uri>();
  for (const rel of await listTemplate(template)) out.set(rel, vscode.Uri.joinPath(template, ...rel.split('/')));
  const declaration = vscode.Uri.joinPath(template, '..', 'shared-data.json');
  if ((await kindOf(declaration)) !== 'file') return out;
  const parsed = parseSharedData(new TextDecoder().decode(await vscode.workspace.fs.readFile(declaration)));
  if ('error' in parsed) throw new Error(parsed.error);
  for (const f of parsed.files) {
    const source = vscode.Uri.joinPath(extensionUri, 'media', 'data', f.name);
    if ((await kindOf(source)) !== 'file') throw new Error(vscode.l10n.t('the template needs media/data/{0}, which this copy of the extension does not have', f.name));
    out.set(f.destination, source);
  }
  return out;
}
