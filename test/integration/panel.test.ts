// The panel base (src/panel/webviewPanel.ts) in the real editor, through the lab's panel: a message
// outside the protocol is dropped and does nothing, and a handler that fails shows exactly one
// error message (the lab's old request/reply path showed it and posted a reply too).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { activeApi } from './util';

/** What `showErrorMessage` is asked to show while `work` runs. (The extension host's console cannot be spied on.) */
async function errorsShown(work: () => Promise<void>): Promise<string[]> {
  const errors: string[] = [];
  const win = vscode.window as { showErrorMessage: (...args: unknown[]) => Thenable<unknown> };
  const showError = win.showErrorMessage;
  win.showErrorMessage = (message: unknown) => { errors.push(String(message)); return Promise.resolve(undefined); };
  try {
    await work();
  } finally {
    win.showErrorMessage = showError;
  }
  return errors;
}

describe('webview panel base in the real editor', function () {
  this.timeout(60_000);
  let api: ExtensionApi;
  let receive: (message: unknown) => Promise<void>;

  before(async () => {
    api = await activeApi();
    const { roadmap } = await api.roadmap.get();
    const project = roadmap.skills.flatMap((s) => s.projects)[0];
    const panel = await api.labs.open(project.id);
    assert.ok(panel, 'no lab panel opened');
    // The panel's entry point for webview messages (what the webview's postMessage reaches).
    receive = (message) => (panel as unknown as { receive(message: unknown): Promise<void> }).receive(message);
  });
  after(async () => { await vscode.commands.executeCommand('workbench.action.closeAllEditors'); });

  // Each would act if it got through: run the checks (or say why not), open a file outside the project.
  for (const message of [{ type: 'run', requestId: 1 }, { type: 'openFile', path: '/etc/passwd' }]) {
    it(`drops ${JSON.stringify(message)}: nothing runs, opens or shows`, async () => {
      const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).length;
      assert.deepEqual(await errorsShown(() => receive(message)), []);
      assert.equal(vscode.window.tabGroups.all.flatMap((g) => g.tabs).length, tabs, 'a tab opened');
    });
  }

  it('shows one error message when a handler fails', async () => {
    const errors = await errorsShown(() => receive({ type: 'compare', milestoneId: 'no-such-milestone' }));
    assert.deepEqual(errors, ['ML Roadmap: No milestone "no-such-milestone".']);
  });

  it('shows one error message when a run cannot start', async () => {
    const errors = await errorsShown(() => receive({ type: 'run', milestoneId: 'no-such-milestone' }));
    assert.equal(errors.length, 1, `messages: ${errors.join(' | ')}`);
    assert.match(errors[0], /^ML Roadmap: /);
  });
});
