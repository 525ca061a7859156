// The reference solution, shown read-only: Compare with Reference opens the extension's own
// solution files through this content provider under its own scheme, so a Ctrl+S in the diff can
// never change the model answer for every later comparison. Only files of the current roadmap's
// projects are served.
import * as vscode from 'vscode';
import { PROJECTS_FOLDER } from '../roadmap/layout';
import { isInside } from '../common/workspaceUris';

export const REFERENCE_SCHEME = 'ml-roadmap-reference';

/** Registers the provider; `roadmapFolder` says which folder's projects may be served. */
export function registerReferenceFiles(context: vscode.ExtensionContext, roadmapFolder: () => Promise<vscode.Uri>): void {
  context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(REFERENCE_SCHEME, {
    async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
      const source = sourceOf(uri);
      const projects = vscode.Uri.joinPath(await roadmapFolder(), PROJECTS_FOLDER);
      if (!isInside(projects, source) || source.path.split('/').includes('..')) {
        throw new Error(vscode.l10n.t('{0} is not a file of the roadmap\'s projects', uri.path));
      }
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(source));
    },
  }));
}

/** The read-only view of a file of the extension's roadmap. */
export function referenceUri(file: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: REFERENCE_SCHEME, path: file.path, query: encodeURIComponent(file.scheme === 'file' ? '' : file.with({ path: '' }).toString()) });
}

function sourceOf(uri: vscode.Uri): vscode.Uri {
  const origin = decodeURIComponent(uri.query);
  return origin ? vscode.Uri.parse(origin).with({ path: uri.path }) : vscode.Uri.file(uri.path);
}
