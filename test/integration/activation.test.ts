// The suite really runs inside VS Code's extension host, and the extension activates there.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands, EXTENSION_ID, Views } from '../../src/ids';
import type { ExtensionApi } from '../../src/extension';
import { waitFor } from './util';

describe('activation in the real extension host', () => {
  it('runs inside VS Code 1.100', () => {
    assert.match(vscode.version, /^1\.100\./);
    assert.equal(typeof vscode.window.createTreeView, 'function');
  });

  it('activates when the roadmap view is opened and registers its commands', async () => {
    const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
    await vscode.commands.executeCommand(`${Views.tree}.focus`);
    const api = await waitFor(() => (ext.isActive ? ext.exports : undefined), 'the extension to activate');
    assert.ok(api.timings.activateMs >= 0);
    const all = await vscode.commands.getCommands(true);
    for (const id of Object.values(Commands)) assert.ok(all.includes(id), `command ${id} is not registered`);
  });

  it('loads the built-in roadmap with its 9 skills', async () => {
    const api = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID)!.exports;
    const loaded = await api.roadmap.get();
    assert.equal(loaded.builtIn, true);
    assert.equal(loaded.source, 'compiled', 'the build\'s parse (dist/roadmap.json) was not used');
    assert.deepEqual(
      loaded.roadmap.skills.map((s) => s.id),
      ['python', 'math', 'ml-fundamentals', 'deep-learning', 'computer-vision', 'nlp', 'advanced-dl', 'mlops', 'research'],
    );
    assert.equal(loaded.diagnostics.filter((d) => d.severity === 'error').length, 0);
  });
});
