// Helpers shared by the integration tests (they run inside the extension host).
import * as vscode from 'vscode';
import { EXTENSION_ID, Views } from '../../src/ids';
import type { ExtensionApi } from '../../src/extension';

export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Opens the roadmap view (which activates the extension) and returns its test API. */
export async function activeApi(): Promise<ExtensionApi> {
  const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed`);
  await vscode.commands.executeCommand(`${Views.tree}.focus`);
  return waitFor(() => (ext.isActive ? ext.exports : undefined), 'the extension to activate');
}
