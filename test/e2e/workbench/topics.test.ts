// A person reads the roadmap in a side bar of the default width: every skill's progress reads in
// full, hovering a topic shows what it is, clicking it opens the topic page (a markdown preview),
// its checkbox still only ticks it, and resources say they need the internet. Screenshots of each.
import * as assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { openRoadmapView, openWorkbench, screenshot, treeRow, type Workbench } from '../harness';

const SKILLS = [
  'Python & Programming', 'Mathematics for AI', 'ML Fundamentals', 'Deep Learning Basics', 'Computer Vision',
  'Natural Language Processing', 'Advanced Deep Learning', 'MLOps & Production AI', 'Research & Specialization',
];

async function expand(page: Page, label: string): Promise<void> {
  const row = treeRow(page, label);
  if ((await row.getAttribute('aria-expanded')) === 'true') return;
  await row.locator('.label-name').first().click();
  if ((await row.getAttribute('aria-expanded')) !== 'true') await page.keyboard.press('ArrowRight');
}

/** True when the row's label and description are drawn whole, not cut off with an ellipsis. */
function readsInFull(row: Locator): Promise<boolean> {
  return row.locator('.monaco-icon-label-container').first().evaluate((el: { scrollWidth: number; clientWidth: number }) => el.scrollWidth <= el.clientWidth + 1);
}

describe('topic texts and a narrow side bar in the real workbench', function () {
  let wb: Workbench;
  before(async () => { wb = await openWorkbench(); });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && wb) await screenshot(wb.page, `failed-${this.currentTest.title.slice(0, 40).replace(/\W+/g, '-')}`);
  });
  after(async () => wb?.close());

  it('at the default side bar width every skill row shows its progress in full', async () => {
    const { page } = wb;
    await openRoadmapView(page);
    const width = (await page.locator('.part.sidebar').boundingBox())?.width ?? 0;
    assert.ok(width > 200 && width <= 320, `the side bar is ${width}px wide, not the default`);
    for (const title of SKILLS) {
      const row = treeRow(page, title);
      assert.match(await row.innerText(), /(^|\D)0\/13$/, `${title} shows no short progress`);
      assert.ok(await readsInFull(row), `${title}: its row is cut off at ${width}px`);
      assert.match(String(await row.getAttribute('aria-label')), new RegExp(`^${title.replace(/[&]/g, '\\$&')}, skill, 0 of 13 done$`));
    }
    await screenshot(page, 'topics-tree-default-width');
  });

  it('hovering a topic shows its text', async () => {
    const { page } = wb;
    await expand(page, 'Python & Programming');
    const topic = treeRow(page, 'Object-oriented programming');
    await topic.waitFor();
    assert.equal(await topic.getAttribute('aria-label'), 'Object-oriented programming, topic, not done');
    await topic.locator('.label-name').first().hover();
    const hover = page.locator('.monaco-hover, .workbench-hover').filter({ hasText: 'Classes chapter' }).first();
    await hover.waitFor({ timeout: 20_000 });
    assert.match(await hover.innerText(), /Object-oriented programming · Topic[\s\S]*groups data and the functions/);
    await screenshot(page, 'topic-tooltip');
    await page.mouse.move(900, 600);
  });

  it('clicking a topic opens its page; its checkbox still only ticks it, and the page follows', async () => {
    const { page } = wb;
    const topic = treeRow(page, 'Object-oriented programming');
    await topic.locator('.label-name').first().click();
    const tab = page.locator('.tab', { hasText: 'Object-oriented programming.md' }).first();
    await tab.waitFor({ timeout: 30_000 });
    const preview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await preview.locator('h1', { hasText: 'Object-oriented programming' }).waitFor({ timeout: 30_000 });
    assert.match(await preview.locator('body').innerText(), /Python & Programming · topic 2 of 10 · Not done yet/);
    assert.equal(await preview.locator('a', { hasText: 'Python.org Documentation' }).first().getAttribute('href'), 'https://docs.python.org/3/');
    assert.equal(await topic.locator('.custom-view-tree-node-item-checkbox').getAttribute('aria-checked'), 'false', 'the click ticked the topic');
    await screenshot(page, 'topic-page');

    await topic.locator('.custom-view-tree-node-item-checkbox').click();
    await page.locator('.monaco-list-row', { hasText: '1/13' }).waitFor();
    await preview.locator('body', { hasText: 'Done on' }).waitFor({ timeout: 20_000 });
    assert.equal(await treeRow(page, 'Object-oriented programming').getAttribute('aria-label'), 'Object-oriented programming, topic, done');
    await screenshot(page, 'topic-page-done');
  });

  it('resources show their title and say they need the internet', async () => {
    const { page } = wb;
    await expand(page, 'Resources');
    const resource = treeRow(page, 'Python.org Documentation');
    await resource.waitFor();
    assert.match(await resource.innerText(), /Python\.org Documentation\s*\(needs internet\)/);
    assert.doesNotMatch(await resource.innerText(), /https?:/);
    assert.equal(await resource.getAttribute('aria-label'), 'Python.org Documentation, link, needs internet');
    await screenshot(page, 'topics-resources');
  });
});
