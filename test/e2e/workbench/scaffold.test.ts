// A learner scaffolds a project from the command palette: the QuickPick groups projects by skill,
// the folder name is editable, and the project's README opens afterwards.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, openWorkbench, runCommand, screenshot, type Workbench } from '../harness';

describe('scaffold from the command palette in the real workbench', function () {
  let wb: Workbench;
  before(async () => { wb = await openWorkbench(); });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await screenshot(wb.page, 'failed-scaffold');
  });
  after(async () => wb?.close());

  it('picks a project grouped by skill, names the folder, and writes the template', async () => {
    const { page } = wb;
    // Our contributions are registered once the activity bar shows the roadmap entry.
    await page.locator('.activitybar a[aria-label^="ML Roadmap"]').waitFor({ timeout: 60_000 });
    await runCommand(page, 'ML Roadmap: Scaffold Project');
    const input = page.locator('.quick-input-widget input');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Neural Network from Scratch' }).waitFor();
    assert.ok(await page.locator('.quick-input-list', { hasText: 'Mathematics for AI' }).isVisible(), 'skill separators are missing');
    await screenshot(page, 'scaffold-quickpick');
    await input.fill('Neural Network from Scratch');
    await page.keyboard.press('Enter');
    // The folder name box, pre-filled with the project id.
    for (let i = 0; i < 100 && (await input.inputValue()) !== 'nn-from-scratch'; i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(await input.inputValue(), 'nn-from-scratch', 'the folder name is not pre-filled with the project id');
    await input.fill('my-first-net');
    await page.keyboard.press('Enter');
    // The README opens once every file is written.
    await page.locator('.tab', { hasText: 'README' }).first().waitFor({ timeout: 30_000 });
    const template = path.join(ROOT, 'roadmap/projects/nn-from-scratch/template');
    assert.deepEqual(fs.readdirSync(path.join(wb.workspace, 'my-first-net')).sort(), fs.readdirSync(template).sort());
    await page.locator('iframe.webview.ready').first().waitFor({ timeout: 30_000 }).catch(() => undefined);
    await screenshot(page, 'scaffold-done');
  });
});
