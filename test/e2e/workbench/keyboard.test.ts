// Onboarding and the keyboard in the real workbench: the walkthrough opens on a first activation
// and ticks its step on the real action; Find in Roadmap reveals an item; Space toggles the
// focused tree row; a lab is run with the keyboard alone. Screenshots of each.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ROOT, openRoadmapView, openWorkbench, runCommand, screenshot, treeRow, type Workbench } from '../harness';

const STEP = (id: string): string => `ml-roadmap.ml-roadmap#mlRoadmap.gettingStarted#${id}`;

async function isChecked(row: Locator): Promise<boolean> {
  const box = row.locator('.custom-view-tree-node-item-checkbox');
  const aria = await box.getAttribute('aria-checked');
  if (aria !== null) return aria === 'true';
  return (await box.getAttribute('class'))?.includes('checked') ?? false;
}

async function until(probe: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Whether the Roadmap tree holds the keyboard focus (a `:focus-within` query: no DOM types here). */
async function treeHasFocus(page: Page): Promise<boolean> {
  return (await page.locator('.monaco-list[aria-label="Roadmap"]:focus-within').count()) > 0;
}

/**
 * Expands a skill row with the keyboard (after a click to focus it) and waits until it is open.
 * A page that was just opened (the walkthrough) can take the focus back a moment after the click:
 * then the row is clicked again.
 */
async function expandSkill(page: Page, title: string): Promise<void> {
  const skill = treeRow(page, title);
  await until(async () => {
    if ((await skill.getAttribute('aria-expanded')) === 'true') return true;
    if (!(await treeHasFocus(page))) await skill.locator('.label-name').first().click();
    await page.keyboard.press('ArrowRight');
    return false;
  }, `${title} to expand`);
}

/** The tree row that has keyboard focus. */
function focusedRow(page: Page): Locator {
  return page.locator('.monaco-list-row.focused').first();
}

describe('walkthrough, find and keyboard in the real workbench', function () {
  let wb: Workbench | undefined;
  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && wb) await screenshot(wb.page, `failed-keyboard-${this.currentTest.title.slice(0, 30).replace(/\W+/g, '-')}`);
    await wb?.close();
    wb = undefined;
  });

  it('opens the walkthrough on first activation and completes "Tick a topic" when a topic is ticked with Space', async () => {
    wb = await openWorkbench({ walkthrough: true, userSettings: { 'workbench.welcomePage.walkthroughs.openOnInstall': true } });
    const { page } = wb;
    await openRoadmapView(page);
    const walkthrough = page.locator('.tab', { hasText: 'Walkthrough' }).first();
    await walkthrough.waitFor({ timeout: 30_000 });
    const stepBadge = (id: string): Locator => page.locator(`[data-done-step-id="${STEP(id)}"]`);
    await stepBadge('pickPython').waitFor({ timeout: 30_000 });
    for (const id of ['pickPython', 'tickTopic', 'scaffoldProject', 'runLab', 'tryDemo']) {
      assert.equal(await stepBadge(id).getAttribute('aria-checked'), 'false', `${id} is done before anything happened`);
    }
    await page.locator(`button.getting-started-step[data-step-id="${STEP('tickTopic')}"]`).click();
    await page.locator('.getting-started-step.expanded', { hasText: 'Tick a topic' }).waitFor();
    await screenshot(page, 'walkthrough-first-activation');

    // The real action: tick a topic, with the keyboard.
    await expandSkill(page, 'Python & Programming');
    const topic = 'Object-oriented programming';
    await treeRow(page, 'Advanced language features').locator('.label-name').click();
    await page.keyboard.press('ArrowDown');
    await until(async () => (await focusedRow(page).innerText()).includes(topic), `the focus to move to "${topic}"`);
    await page.keyboard.press('Space');
    await until(() => isChecked(treeRow(page, topic)), 'the focused topic to be ticked');
    // The click on a topic opened its page over the walkthrough: back to the walkthrough's tab.
    await walkthrough.click();
    await until(async () => (await stepBadge('tickTopic').getAttribute('aria-checked')) === 'true', 'the walkthrough step to complete');
    assert.equal(await stepBadge('scaffoldProject').getAttribute('aria-checked'), 'false');
    await screenshot(page, 'walkthrough-step-done');
  });

  it('Find in Roadmap from the title bar reveals and selects a topic of a collapsed skill', async () => {
    wb = await openWorkbench();
    const { page } = wb;
    await openRoadmapView(page);
    await page.locator('.pane-header .action-label[aria-label^="Find in Roadmap"], .title-actions .action-label[aria-label^="Find in Roadmap"]').first().click();
    const input = page.locator('.quick-input-widget input.input');
    await input.waitFor();
    await input.pressSequentially('attention mechanism');
    const rows = page.locator('.quick-input-list .monaco-list-row');
    await rows.filter({ hasText: 'The attention mechanism' }).first().waitFor();
    assert.match(await rows.first().innerText(), /The attention mechanism[\s\S]*6\. Natural Language Processing[\s\S]*topic · not done/);
    await screenshot(page, 'find-quickpick');
    await page.keyboard.press('Enter');
    const revealed = page.locator('.monaco-list-row.selected', { hasText: 'The attention mechanism' });
    await revealed.waitFor({ timeout: 20_000 });
    assert.ok(await revealed.isVisible());
    await screenshot(page, 'find-revealed');
  });

  it('Space toggles the focused row, not the selected one, again and again; Ctrl+Enter marks it done', async () => {
    wb = await openWorkbench();
    const { page } = wb;
    await openRoadmapView(page);
    await expandSkill(page, 'Mathematics for AI');
    // Click (focus and select) one row: that opens its topic page, which must leave the keyboard in
    // the tree (it took the focus once, so the next key went to the page). Then arrow down twice:
    // the arrows move the focus, not the selection, and the toggle must follow the focus.
    const clicked = treeRow(page, 'Linear algebra');
    await clicked.locator('.label-name').click();
    await page.locator('.tab', { hasText: 'Linear algebra' }).first().waitFor({ timeout: 30_000 });
    await page.frameLocator('iframe.webview.ready').frameLocator('#active-frame').locator('h1', { hasText: 'Linear algebra' }).waitFor({ timeout: 30_000 });
    assert.ok(await treeHasFocus(page), 'opening the topic page took the keyboard focus from the tree');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const label = 'Calculus of several variables';
    await until(async () => (await focusedRow(page).innerText()).includes(label), `the focus to move to "${label}"`);
    await page.keyboard.press('Space');
    const row = treeRow(page, label);
    await until(() => isChecked(row), `"${label}" to be ticked by Space`);
    assert.equal(await isChecked(clicked), false, 'Space ticked the selected row instead of the focused one');
    assert.equal(await isChecked(treeRow(page, 'Matrix calculus')), false, 'Space ticked another row');
    await screenshot(page, 'tree-space-toggle');
    // The focus stays on the row: Space again unticks it, and the next row is one ArrowDown away.
    assert.ok(await treeHasFocus(page), 'the toggle took the keyboard focus from the tree');
    await page.keyboard.press('Space');
    await until(async () => !(await isChecked(row)), `"${label}" to be unticked by a second Space`);
    await page.keyboard.press('ArrowDown');
    const next = 'Optimization theory';
    await until(async () => (await focusedRow(page).innerText()).includes(next), `the focus to move to "${next}"`);
    await page.keyboard.press('Control+Enter');
    await until(() => isChecked(treeRow(page, next)), `"${next}" to be marked done by Ctrl+Enter`);
    assert.equal(await isChecked(row), false, 'Ctrl+Enter ticked the row the focus left');
    await until(async () => (await treeRow(page, 'Mathematics for AI').innerText()).includes('1/13'), 'the skill to count one done');
    await screenshot(page, 'tree-space-toggle-twice');
  });

  it('runs a project lab with the keyboard alone', async () => {
    const id = 'probability-distributions';
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'mlr-kb-ws-'));
    fs.cpSync(path.join(ROOT, 'roadmap/projects', id, 'template'), path.join(ws, id), { recursive: true });
    fs.mkdirSync(path.join(ws, '.vscode'));
    fs.writeFileSync(path.join(ws, '.vscode/settings.json'), JSON.stringify({ 'mlRoadmap.pythonPath': '/usr/bin/python3' }));
    wb = await openWorkbench({ workspace: ws });
    const { page } = wb;
    await page.locator('.activitybar a[aria-label^="ML Roadmap"]').waitFor({ timeout: 60_000 });
    await runCommand(page, 'ML Roadmap: Open Project Lab');
    const input = page.locator('.quick-input-widget input.input');
    await input.waitFor();
    await input.pressSequentially('Probability Distributions');
    await page.keyboard.press('Enter');
    const frame = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await frame.locator('body[data-ready="true"] section.cell').first().waitFor({ timeout: 60_000 });
    // Into the webview with the keyboard: focus the editor group, then Tab until Run All has focus.
    await frame.locator('body').waitFor();
    const focusedTestId = (): Promise<string | null> => frame.locator(':focus').first().getAttribute('data-testid').catch(() => null);
    let found = false;
    for (let i = 0; i < 30 && !found; i++) {
      await page.keyboard.press('Tab');
      found = (await focusedTestId()) === 'run-all';
    }
    assert.ok(found, 'Run All is not reachable with Tab');
    await screenshot(page, 'lab-keyboard-focus');
    await page.keyboard.press('Enter');
    await until(async () => {
      const s = await frame.locator('section.cell [data-testid="status"]').allInnerTexts();
      return s.length > 0 && s.every((x) => x === 'failed');
    }, 'every milestone to fail on the starter', 120_000);
    // The focus is back on Run All after the redraws: Space runs it again.
    await until(async () => (await focusedTestId()) === 'run-all', 'the focus to come back to Run All');
    // Tab on to the first cell's Run, and run it with Space.
    let run = false;
    for (let i = 0; i < 30 && !run; i++) {
      await page.keyboard.press('Tab');
      run = (await focusedTestId()) === 'run';
    }
    assert.ok(run, 'a cell\'s Run is not reachable with Tab');
    await page.keyboard.press('Space');
    await frame.locator('section.cell [data-testid="status"]', { hasText: 'running' }).first().waitFor({ timeout: 30_000 }).catch(() => undefined);
    await until(async () => (await frame.locator('section.cell [data-testid="status"]').allInnerTexts()).every((x) => x === 'failed'), 'the single run to end', 120_000);
    await screenshot(page, 'lab-keyboard-run');
    assert.deepEqual(wb.cspViolations, [], 'the lab page broke its Content Security Policy');
  });
});
