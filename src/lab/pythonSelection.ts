// The editor side of choosing the Python that runs the checks (src/checks/interpreter*.ts probe
// and choose among the candidates). Where the lab's candidates come from in the editor: the Python
// extension's interpreter (its API, else python.defaultInterpreterPath) and the
// `mlRoadmap.pythonPath` setting; when either changes, the probe cache is dropped. Also the
// learner's ways to choose: the Python extension's own picker when it is installed, else a quick
// pick of the probed candidates that writes the setting, and opening the setting itself.
import * as vscode from 'vscode';
import { Settings } from '../ids';
import type { InterpreterChooser } from '../checks/interpreterProbe';
import { listed, nameOf } from '../checks/interpreterChoice';
import { runProcess } from '../checks/process';

const PYTHON_EXTENSION = 'ms-python.python';

interface PythonExtensionApi {
  environments?: {
    getActiveEnvironmentPath?(resource?: vscode.Uri): { path?: string } | undefined;
    onDidChangeActiveEnvironmentPath?: vscode.Event<unknown>;
  };
  settings?: { getExecutionDetails?(resource?: vscode.Uri): { execCommand?: string[] } | undefined };
}

async function pythonApi(): Promise<PythonExtensionApi | undefined> {
  const ext = vscode.extensions.getExtension<PythonExtensionApi>(PYTHON_EXTENSION);
  if (!ext) return undefined;
  try {
    return ext.isActive ? ext.exports : await ext.activate();
  } catch {
    return undefined;
  }
}

export const hasPythonExtension = (): boolean => vscode.extensions.getExtension(PYTHON_EXTENSION) !== undefined;

/** The interpreter the Python extension uses for `folder`: its API, else python.defaultInterpreterPath. */
export async function pythonFromExtension(folder: vscode.Uri): Promise<string | undefined> {
  const api = await pythonApi();
  try {
    const exec = api?.settings?.getExecutionDetails?.(folder)?.execCommand?.[0];
    if (exec) return exec;
    const path = api?.environments?.getActiveEnvironmentPath?.(folder)?.path;
    if (path && path !== 'python') return path;
  } catch {
    // fall through to the setting
  }
  const configured = vscode.workspace.getConfiguration('python', folder).get<string>('defaultInterpreterPath', '').trim();
  if (!configured || configured === 'python') return undefined;
  const root = vscode.workspace.getWorkspaceFolder(folder)?.uri.fsPath ?? folder.fsPath;
  return configured.replace(/\$\{workspaceFolder\}/g, root);
}

export function pythonSetting(folder: vscode.Uri): string | undefined {
  const value = vscode.workspace.getConfiguration(Settings.section, folder).get<string>(Settings.pythonPath, '').trim();
  return value || undefined;
}

/** Drops the chooser's probes whenever the setting or the Python extension's interpreter changes. */
export function clearProbesOnChange(chooser: InterpreterChooser): vscode.Disposable {
  const disposables: vscode.Disposable[] = [
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${Settings.section}.${Settings.pythonPath}`) || e.affectsConfiguration('python.defaultInterpreterPath')) chooser.clear();
    }),
  ];
  let disposed = false;
  const watch = async (): Promise<void> => {
    const event = (await pythonApi())?.environments?.onDidChangeActiveEnvironmentPath;
    if (event && !disposed) disposables.push(event(() => chooser.clear()));
  };
  // The Python extension may be installed (or activated) after us.
  if (hasPythonExtension()) void watch();
  disposables.push(vscode.extensions.onDidChange(() => { chooser.clear(); if (hasPythonExtension()) void watch(); }));
  return { dispose: () => { disposed = true; for (const d of disposables) d.dispose(); } };
}

/**
 * "Select Interpreter": the Python extension's picker when it is installed; otherwise every
 * candidate probed for the project, with what it has and lacks, and the pick written to the
 * setting (or the setting cleared, to choose automatically). True when something was chosen.
 */
export async function selectInterpreter(chooser: InterpreterChooser, projectDir: vscode.Uri): Promise<boolean> {
  if (hasPythonExtension()) {
    await vscode.commands.executeCommand('python.setInterpreter');
    return true;
  }
  const setting = pythonSetting(projectDir);
  const pick = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Looking for Python interpreters…') },
    async () => chooser.choose({ fromPythonExtension: await pythonFromExtension(projectDir), setting }, { projectDir: projectDir.fsPath, run: runProcess, all: true }),
  );
  type Item = vscode.QuickPickItem & { value?: string | null };
  // A name on PATH (or `py -3`) is written as the interpreter it found, so the setting stays put.
  const items: Item[] = pick.probes.filter((p) => p.problem === undefined).map((p) => ({
    label: nameOf(p),
    description: [p.version ? vscode.l10n.t('Python {0}', p.version) : '', p === pick.chosen ? vscode.l10n.t('(used now)') : ''].filter(Boolean).join(' '),
    detail: p.lacks.length ? `lacks ${listed(p.lacks)}${p.has.length ? `; has ${listed(p.has)}` : ''}` : `has everything: ${listed(p.has)}`,
    value: p.candidate.source === 'path' || p.candidate.args.length ? p.executable ?? p.candidate.command : p.candidate.command,
  }));
  const unusable = pick.probes.filter((p) => p.problem !== undefined);
  if (unusable.length) items.push({ label: vscode.l10n.t('Not usable'), kind: vscode.QuickPickItemKind.Separator }, ...unusable.map((p) => ({ label: nameOf(p), detail: p.problem ?? '' })));
  if (setting) items.unshift({ label: vscode.l10n.t('$(discard) Choose Automatically'), detail: vscode.l10n.t('Clear mlRoadmap.pythonPath (now {0}) and use the first Python that has what the project needs', setting), value: null });
  const chosen = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Python for the checks'), placeHolder: pick.reason, matchOnDetail: true });
  if (!chosen || chosen.value === undefined) return false;
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration(Settings.section, projectDir).update(Settings.pythonPath, chosen.value ?? undefined, target);
  return true;
}

/** "Set Python Path": the settings editor on mlRoadmap.pythonPath. */
export async function openPythonPathSetting(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.openSettings', `${Settings.section}.${Settings.pythonPath}`);
}
