// Which folder the roadmap comes from: the custom folder the mlRoadmap.customRoadmapFolder setting
// names (absolute, or relative to the first workspace folder), else the one shipped with the extension.
import * as vscode from 'vscode';
import * as path from 'node:path';
import { Settings } from '../ids';

export type RoadmapFolder = { readonly folder: vscode.Uri; readonly builtIn: boolean } | { readonly error: string };

/** The folder of the roadmap shipped with the extension. */
export function builtInRoadmapFolder(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'roadmap');
}

/** Where the active roadmap lives: the custom folder when set, else the built-in one; an error when the setting cannot be used. */
export function chooseRoadmapFolder(extensionUri: vscode.Uri): RoadmapFolder {
  const setting = vscode.workspace.getConfiguration(Settings.section).get<string>(Settings.customRoadmapFolder, '').trim();
  if (!setting) return { folder: builtInRoadmapFolder(extensionUri), builtIn: true };
  const root = vscode.workspace.workspaceFolders?.[0];
  if (path.isAbsolute(setting)) return { folder: vscode.Uri.file(setting), builtIn: false };
  if (!root) return { error: vscode.l10n.t('The custom roadmap folder "{0}" is relative, but no workspace folder is open.', setting) };
  return { folder: vscode.Uri.joinPath(root.uri, setting), builtIn: false };
}

/** Whether a settings change may move the roadmap to another folder. */
export function affectsRoadmapFolder(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration(`${Settings.section}.${Settings.customRoadmapFolder}`);
}
