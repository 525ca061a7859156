// Defence in depth on the extension host, in the real editor: a roadmap resource whose scheme is
// written in capitals still opens, a non-web link says why it does not, and the lab's webview can
// open only the files the lab offers, never `.env`, `.git/config` or a symlink out of the project.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Commands } from '../../src/ids';
import type { ExtensionApi } from '../../src/extension';
import { activeApi } from './util';

/** Replaces `vscode.window.showErrorMessage` while a test runs, recording what it was asked to show. */
function recordErrors(): { messages: string[]; restore: () => void } {
  const messages: string[] = [];
  const win = vscode.window as { showErrorMessage: (...args: unknown[]) => Thenable<unknown> };
  const original = win.showErrorMessage;
  win.showErrorMessage = (message: unknown) => { messages.push(String(message)); return Promise.resolve(undefined); };
  return { messages, restore: () => { win.showErrorMessage = original; } };
}

const openTabs = (): string[] =>
  vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => (t.input instanceof vscode.TabInputText ? t.input.uri.fsPath : '')).filter(Boolean);

async function waitUntil(probe: () => boolean): Promise<boolean> {
  for (let i = 0; i < 50 && !probe(); i++) await new Promise((r) => setTimeout(r, 100));
  return probe();
}

describe('defence in depth on the host', function () {
  this.timeout(120_000);
  let api: ExtensionApi;
  before(async () => { api = await activeApi(); });

  describe('opening a roadmap resource', () => {
    let opened: string[];
    let restoreOpen: () => void;
    beforeEach(() => {
      opened = [];
      const env = vscode.env as { openExternal: (uri: vscode.Uri) => Thenable<boolean> };
      const original = env.openExternal;
      env.openExternal = (uri: vscode.Uri) => { opened.push(uri.toString(true)); return Promise.resolve(true); };
      restoreOpen = () => { env.openExternal = original; };
    });
    afterEach(() => restoreOpen());

    it('opens a link whose scheme is written in capitals', async () => {
      await vscode.commands.executeCommand(Commands.openResource, 'HTTPS://Example.org/Docs');
      assert.deepEqual(opened, ['https://example.org/Docs']);
    });

    it('refuses a link that is not http(s), and says so instead of doing nothing', async () => {
      const errors = recordErrors();
      try {
        await vscode.commands.executeCommand(Commands.openResource, 'command:workbench.action.terminal.new');
      } finally {
        errors.restore();
      }
      assert.deepEqual(opened, []);
      assert.equal(errors.messages.length, 1);
      assert.match(errors.messages[0], /is not a web link/);
    });
  });

  describe('opening a file the lab webview asks for', () => {
    const ID = 'data-processing-pipeline';
    let project: string;
    let outside: string;
    let receive: (message: unknown) => Promise<void>;
    let linked: string;

    before(async () => {
      const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
      await vscode.commands.executeCommand(Commands.scaffoldProject, ID, { folderName: 'defence-lab', quiet: true });
      project = path.join(root, 'defence-lab');
      outside = fs.mkdtempSync(path.join(os.tmpdir(), 'mlr-outside-'));
      fs.writeFileSync(path.join(outside, 'secret.txt'), 'not the learner\'s project');
      fs.writeFileSync(path.join(project, '.env'), 'API_TOKEN=secret');
      fs.mkdirSync(path.join(project, '.git'), { recursive: true });
      fs.writeFileSync(path.join(project, '.git', 'config'), '[core]');
      // A file the lab offers (a Compare path) replaced by a link out of the project.
      const offered = (await (await api.labs.controller(ID))!.state()).milestones.flatMap((m) => m.compare);
      linked = offered[0]!;
      fs.rmSync(path.join(project, linked));
      fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(project, linked));
      const panel = await api.labs.open(ID);
      assert.ok(panel, 'no lab panel opened');
      // The panel's entry point for webview messages (what the webview's postMessage reaches).
      const router = panel as unknown as { receive(message: unknown): Promise<void> };
      receive = (message) => router.receive(message);
    });
    afterEach(async () => { await vscode.commands.executeCommand('workbench.action.closeAllEditors'); });

    for (const asked of ['.env', '.git/config']) {
      it(`refuses ${asked}, which the lab never offered, with a clear message`, async () => {
        const errors = recordErrors();
        try {
          await receive({ type: 'openFile', path: asked });
        } finally {
          errors.restore();
        }
        assert.deepEqual(openTabs().filter((t) => t.startsWith(project)), [], `${asked} was opened`);
        assert.equal(errors.messages.length, 1, `no message: ${errors.messages.join(' | ')}`);
        assert.match(errors.messages[0], new RegExp(`"${asked.replace('.', '\\.')}" is not one of the files this lab offers`));
      });
    }

    it('refuses an offered file that is a symlink pointing out of the project', async () => {
      const errors = recordErrors();
      try {
        await receive({ type: 'openFile', path: linked });
      } finally {
        errors.restore();
      }
      assert.deepEqual(openTabs().filter((t) => t.startsWith(outside) || t.startsWith(project)), [], 'the linked file was opened');
      assert.equal(errors.messages.length, 1);
      assert.match(errors.messages[0], /leads outside the project/);
    });

    it('opens an offered file of the project', async () => {
      await receive({ type: 'openFile', path: 'README.md' });
      const readme = fs.realpathSync(path.join(project, 'README.md'));
      assert.ok(await waitUntil(() => openTabs().includes(readme)), `README.md did not open: ${openTabs().join(', ')}`);
    });
  });
});
