// Which Python runs the checks: the Python extension's interpreter for the project when that
// extension is installed, else the `mlRoadmap.pythonPath` setting, else python3 / python on PATH.
import * as vscode from 'vscode';
import { Settings } from '../ids';

interface PythonExtensionApi {
  environments?: { getActiveEnvironmentPath?(resource?: vscode.Uri): { path?: string } | undefined };
  settings?: { getExecutionDetails?(resource?: vscode.Uri): { execCommand?: string[] } | undefined };
}

/** The interpreter the Python extension uses for `folder`, if it is installed and says so. */
export async function pythonFromExtension(folder: vscode.Uri): Promise<string | undefined> {
  const ext = vscode.extensions.getExtension<PythonExtensionApi>('ms-python.python');
  if (!ext) return undefined;
  try {
    const api = ext.isActive ? ext.exports : await ext.activate();
    const exec = api?.settings?.getExecutionDetails?.(folder)?.execCommand?.[0];
    if (exec) return exec;
    const path = api?.environments?.getActiveEnvironmentPath?.(folder)?.path;
    return path && path !== 'python' ? path : undefined;
  } catch {
    return undefined;
  }
}

export function pythonSetting(folder: vscode.Uri): string | undefined {
  const value = vscode.workspace.getConfiguration(Settings.section, folder).get<string>('pythonPath', '').trim();
  return value || undefined;
}
