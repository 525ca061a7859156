// A person ticks a topic in the tree, reloads the window, and finds it still ticked; resets
// everything, changes one item, and undoes the reset late; imports a file from the workspace.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { openRoadmapView, openWorkbench, runCommand, screenshot, treeRow, type Workbench } from '../harness';

async function expand(page: Page, label: string): Promise<void> {
  const row = treeRow(page, label);
  if ((await row.getAttribute('aria-expanded')) === 'true') return;
  await row.locator('.label-name').first().click();
  if ((await row.getAttribute('aria-expanded')) !== 'true') await page.keyboard.press('ArrowRight');
}

function checkbox(row: Locator): Locator {
  return row.locator('.custom-view-tree-node-item-checkbox');
}

async function isChecked(row: Locator): Promise<boolean> {
  const box = checkbox(row);
  const aria = await box.getAttribute('aria-checked');
  if (aria !== null) return aria === 'true';
  return (await box.getAttribute('class'))?.includes('checked') ?? false;
}

describe('ticking progress in the real workbench', function () {
  let wb: Workbench;
  before(async () => { wb = await openWorkbench(); });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && wb) await screenshot(wb.page, `failed-${this.currentTest.title.slice(0, 40).replace(/\W+/g, '-')}`);
  });
  after(async () => wb?.close());

  it('ticks a topic by its checkbox, and it survives a window reload', async () => {
    const { page } = wb;
    await openRoadmapView(page);
    await expand(page, 'Python & Programming');
    const topic = treeRow(page, 'Object-oriented');
    await topic.waitFor();
    assert.equal(await isChecked(topic), false, 'the topic starts ticked');
    await checkbox(topic).click();
    await page.locator('.monaco-list-row', { hasText: '1/13' }).waitFor();
    assert.equal(await isChecked(topic), true);
    await screenshot(page, 'progress-ticked');

    // Reload Window, the editor's own reload (it saves state first, as on any window reload).
    const reloaded = page.waitForEvent('load', { timeout: 60_000 });
    await runCommand(page, 'Developer: Reload Window');
    await reloaded;
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await openRoadmapView(page);
    await expand(page, 'Python & Programming');
    const again = treeRow(page, 'Object-oriented');
    await again.waitFor();
    assert.equal(await isChecked(again), true, 'the tick was lost on reload');
    assert.match(await treeRow(page, 'Python & Programming').innerText(), /1\/13/);
    await screenshot(page, 'progress-after-reload');
  });

  it('Undo after Reset All puts back what the reset cleared and keeps what was changed since', async () => {
    const { page } = wb;
    await expand(page, 'Python & Programming');
    const oop = treeRow(page, 'Object-oriented');
    const later = treeRow(page, 'Advanced language features');
    if (!(await isChecked(oop))) await checkbox(oop).click();
    await checkbox(later).click();
    await page.locator('.monaco-list-row', { hasText: '2/13' }).waitFor();

    await runCommand(page, 'ML Roadmap: Reset All Progress…');
    await page.locator('.monaco-dialog-box').getByRole('button', { name: 'Reset All' }).click();
    const toast = page.locator('.notification-toast', { hasText: 'All roadmap progress reset.' });
    await toast.waitFor({ timeout: 20_000 });
    await page.locator('.monaco-list-row', { hasText: '0/13' }).first().waitFor();
    // A change after the reset, then Undo (the old code refused it after 10 s, or would have
    // thrown this change away).
    await checkbox(later).click();
    await page.locator('.monaco-list-row', { hasText: '1/13' }).waitFor();
    await screenshot(page, 'progress-reset-undo-offered');
    await toast.getByRole('button', { name: 'Undo' }).click();
    const undone = page.locator('.notification-toast', { hasText: 'Undone:' });
    await undone.waitFor({ timeout: 20_000 });
    assert.match(await undone.innerText(), /1 item put back as it was; 1 item you changed since was kept as it is/);
    await page.locator('.monaco-list-row', { hasText: '2/13' }).waitFor();
    assert.equal(await isChecked(oop), true, 'the reset topic did not come back');
    assert.equal(await isChecked(later), true, 'the topic ticked after the reset was lost');
    await screenshot(page, 'progress-reset-undone');
  });

  it('Import Progress… opens its dialog in the workspace and says what it did', async () => {
    const { page } = wb;
    fs.writeFileSync(path.join(wb.workspace, 'friend-progress.json'), JSON.stringify({
      format: 'ml-roadmap-progress', version: 1,
      items: { 'python-oop': { done: true }, 'math-linear-algebra': { done: true }, 'math-probability-theory': { done: true } },
    }));
    await runCommand(page, 'ML Roadmap: Import Progress…');
    const input = page.locator('.quick-input-widget input.input');
    await input.waitFor();
    // The simple file dialog fills its path in a moment after it appears. (code-server's dialog
    // starts in the workspace even without a defaultUri: the option itself is checked in the
    // integration suite, progressDialogs.)
    const inWorkspace = (v: string): boolean => v.replace(/\/$/, '').endsWith(path.basename(wb.workspace));
    let start = await input.inputValue();
    for (let i = 0; i < 50 && !inWorkspace(start); i++) {
      await page.waitForTimeout(100);
      start = await input.inputValue();
    }
    assert.ok(inWorkspace(start), `the dialog opened in ${start}, not in the workspace`);
    await input.fill(path.join(wb.workspace, 'friend-progress.json'));
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Merge' }).first().waitFor();
    await screenshot(page, 'progress-import-mode');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Merge' }).first().click();
    const told = page.locator('.notification-toast', { hasText: 'imported friend-progress.json (merge)' });
    await told.waitFor({ timeout: 20_000 });
    // Two new; the two topics ticked above stay as they were (python-oop is done on both sides).
    assert.match(await told.innerText(), /: 2 items added, 2 unchanged\./);
    await screenshot(page, 'progress-import-told');
  });
});
