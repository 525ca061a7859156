// A person ticks a topic in the tree, reloads the window, and finds it still ticked.
import * as assert from 'node:assert/strict';
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
});
