// The learner's own .onnx files: finding them in the workspace, letting the learner choose one,
// and reading one with the cheap checks (size before reading, then the ONNX sniff) so that the
// webview only ever receives bytes that look like a model of a sensible size.
import * as vscode from 'vscode';
import { DEFAULT_MAX_MODEL_BYTES, checkModelBytes, checkModelSize, formatBytes } from '../shared/inference/validate';
import type { ModelPurpose, WorkspaceModel } from '../shared/demoProtocol';
import { describeError } from '../shared/errors';

export const MAX_WORKSPACE_MODELS = 200;
const EXCLUDE = '{**/node_modules/**,**/.git/**,**/.venv/**,**/venv/**,**/site-packages/**}';

export type ModelRead = { ok: true; name: string; bytes: Uint8Array } | { ok: false; name: string; reason: string };

export interface FoundModel extends WorkspaceModel {
  readonly uri: vscode.Uri;
}

/** Every .onnx in the workspace (skipping dependency folders), sorted by path. */
export async function findWorkspaceModels(): Promise<FoundModel[]> {
  const uris = await vscode.workspace.findFiles('**/*.onnx', EXCLUDE, MAX_WORKSPACE_MODELS);
  const found = await Promise.all(uris.map(async (uri): Promise<FoundModel> => {
    let size = -1;
    try {
      size = (await vscode.workspace.fs.stat(uri)).size;
    } catch {
      // listed anyway; reading it will say what is wrong
    }
    // The folder name only helps to tell files apart in a multi-root workspace.
    const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
    return { id: uri.toString(), label: vscode.workspace.asRelativePath(uri, multiRoot), size, uri };
  }));
  return found.sort((a, b) => a.label.localeCompare(b.label));
}

export function baseName(uri: vscode.Uri): string {
  return uri.path.split('/').filter(Boolean).pop() ?? uri.toString();
}

/** Reads a model file: size first (from stat, before reading), then the ONNX sniff. */
export async function readModelFile(uri: vscode.Uri, maxBytes = DEFAULT_MAX_MODEL_BYTES): Promise<ModelRead> {
  const name = baseName(uri);
  let size: number;
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory) return { ok: false, name, reason: 'it is a folder, not a model file' };
    size = stat.size;
  } catch (e) {
    return { ok: false, name, reason: `the file cannot be found or read (${describeError(e)})` };
  }
  const sized = checkModelSize(size, { maxBytes });
  if (!sized.ok) return { ok: false, name, reason: sized.reason };
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (e) {
    return { ok: false, name, reason: `the file cannot be read (${describeError(e)})` };
  }
  const checked = checkModelBytes(bytes, { maxBytes });
  if (!checked.ok) return { ok: false, name, reason: checked.reason };
  return { ok: true, name, bytes };
}

type PickItem = vscode.QuickPickItem & { uri?: vscode.Uri; browse?: true };

const PICK_TEXT: Readonly<Record<ModelPurpose, () => { title: string; placeHolder: string; dialog: string; openLabel: string }>> = {
  classifier: () => ({ title: vscode.l10n.t('Score Your Model'), placeHolder: vscode.l10n.t('Which ONNX digit classifier?'), dialog: vscode.l10n.t('Choose an ONNX digit classifier'), openLabel: vscode.l10n.t('Score') }),
  generator: () => ({ title: vscode.l10n.t('Walk Your Generator'), placeHolder: vscode.l10n.t('Which ONNX generator (input [N, latent_dim], output a 28×28 image)?'), dialog: vscode.l10n.t('Choose an ONNX generator'), openLabel: vscode.l10n.t('Load') }),
};

/** A quick pick over the workspace's .onnx files with a "Browse…" entry; undefined when cancelled. */
export async function pickModelFile(purpose: ModelPurpose = 'classifier'): Promise<vscode.Uri | undefined> {
  const text = PICK_TEXT[purpose]();
  const models = await findWorkspaceModels();
  const items: PickItem[] = models.map((m) => ({
    label: `$(file-binary) ${m.label}`,
    description: m.size >= 0 ? formatBytes(m.size) : undefined,
    uri: m.uri,
  }));
  items.push({ label: vscode.l10n.t('$(folder-opened) Browse…'), description: vscode.l10n.t('choose an .onnx file anywhere'), browse: true });
  const picked = models.length === 0
    ? items[0]
    : await vscode.window.showQuickPick(items, { title: text.title, placeHolder: text.placeHolder, matchOnDescription: true });
  if (!picked) return undefined;
  if (picked.uri) return picked.uri;
  const chosen = await vscode.window.showOpenDialog({
    title: text.dialog,
    canSelectMany: false,
    openLabel: text.openLabel,
    filters: { [vscode.l10n.t('ONNX models')]: ['onnx'], [vscode.l10n.t('All files')]: ['*'] },
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
  });
  return chosen?.[0];
}

