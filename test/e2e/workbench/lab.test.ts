// A learner opens a project's lab from the tree, clicks Run All inside the webview, sees every
// milestone fail with its reason, completes the project (the reference solution) and sees them
// pass. In Restricted Mode the lab explains why nothing runs.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { ROOT, openRoadmapView, openWorkbench, screenshot, treeRow, type Workbench } from '../harness';

const ID = 'probability-distributions';
const TITLE = 'Probability Distributions Library';

function projectWorkspace(): string {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'mlr-lab-ws-'));
  fs.cpSync(path.join(ROOT, 'roadmap/projects', ID, 'template'), path.join(ws, ID), { recursive: true });
  fs.mkdirSync(path.join(ws, '.vscode'));
  fs.writeFileSync(path.join(ws, '.vscode/settings.json'), JSON.stringify({ 'mlRoadmap.pythonPath': '/usr/bin/python3' }));
  return ws;
}

async function openLabFromTree(page: Page): Promise<FrameLocator> {
  await openRoadmapView(page);
  const skill = treeRow(page, 'Mathematics for AI');
  await skill.locator('.label-name').first().click();
  if ((await skill.getAttribute('aria-expanded')) !== 'true') await page.keyboard.press('ArrowRight');
  const row = treeRow(page, TITLE);
  await row.hover();
  await row.locator('.action-label[aria-label^="Open Project Lab"]').click();
  const frame = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  await frame.locator('body[data-ready="true"] section.cell').first().waitFor({ timeout: 60_000 });
  return frame;
}

async function statuses(frame: FrameLocator): Promise<string[]> {
  return frame.locator('section.cell [data-testid="status"]').allInnerTexts();
}

async function waitForStatuses(frame: FrameLocator, want: string, timeoutMs = 120_000): Promise<string[]> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const s = await statuses(frame);
    if (s.length && s.every((x) => x === want)) return s;
    if (Date.now() > end) throw new Error(`statuses stayed ${JSON.stringify(s)}, wanted all "${want}"`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('project lab in the real workbench', function () {
  let wb: Workbench | undefined;
  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && wb) await screenshot(wb.page, `failed-lab-${this.currentTest.title.slice(0, 30).replace(/\W+/g, '-')}`);
    await wb?.close();
    wb = undefined;
  });

  it('Run All: milestones fail with reasons on the starter and pass with the solution', async () => {
    const workspace = projectWorkspace();
    wb = await openWorkbench({ workspace });
    const frame = await openLabFromTree(wb.page);
    await frame.locator('[data-testid="run-all"]').click();
    const failed = await waitForStatuses(frame, 'failed');
    assert.ok(failed.length >= 3);
    const firstFailure = frame.locator('section.cell .failures li').first();
    assert.match(await firstFailure.locator('.name').innerText(), /tests\/test_\w+\.py::/);
    assert.ok((await firstFailure.locator('.message').innerText()).length > 0);
    assert.ok(await frame.locator('.hints li').first().isVisible(), 'no hint unlocked after a failed run');
    await screenshot(wb.page, 'lab-failed');

    fs.cpSync(path.join(ROOT, 'roadmap/projects', ID, 'solution'), path.join(workspace, ID), { recursive: true });
    await frame.locator('[data-testid="run-all"]').click();
    await waitForStatuses(frame, 'passed');
    assert.match(await frame.locator('.lab-header .summary').innerText(), /project done/);
    await screenshot(wb.page, 'lab-passed');

    // A learner who "fixes" a test instead of the code is told the checks are not the original ones.
    const edited = path.join(workspace, ID, 'tests/test_bayes.py');
    fs.writeFileSync(edited, 'def test_everything():\n    assert True\n');
    await frame.locator('[data-testid="run-all"]').click();
    // The notice comes with the run's first state; Run All is back once the run is over.
    const notice = frame.locator('[data-testid="test-drift"]');
    await notice.waitFor({ timeout: 30_000 });
    await frame.locator('[data-testid="run-all"]').waitFor({ timeout: 120_000 });
    // The Bayes milestone names tests that the edited file no longer has.
    assert.equal((await statuses(frame)).at(-1), 'error');
    assert.match(await notice.innerText(), /tests\/test_bayes\.py \(edited\)/);
    await screenshot(wb.page, 'lab-tests-edited');
    await frame.locator('[data-testid="restore-tests"]').click();
    await wb.page.getByRole('button', { name: 'Restore Tests' }).click();
    await notice.waitFor({ state: 'detached', timeout: 30_000 });
    assert.equal(fs.readFileSync(edited, 'utf8'), fs.readFileSync(path.join(ROOT, 'roadmap/projects', ID, 'template/tests/test_bayes.py'), 'utf8'));
    assert.ok(fs.existsSync(`${edited}.edited`), 'the edited copy was not kept');
    assert.deepEqual(wb.cspViolations, [], 'the lab page broke its Content Security Policy');
  });

  it('in Restricted Mode explains why checks do not run', async () => {
    wb = await openWorkbench({ workspace: projectWorkspace(), trust: false });
    const { page } = wb;
    // The workbench asks whether to trust the folder: say no, like a careful learner would.
    const noTrust = page.getByRole('button', { name: "No, I don't trust the authors" });
    await noTrust.waitFor({ timeout: 60_000 });
    await noTrust.click();
    const frame = await openLabFromTree(page);
    await frame.locator('[data-testid="restricted"]').waitFor();
    assert.match(await frame.locator('[data-testid="restricted"]').innerText(), /Restricted Mode/);
    assert.equal(await frame.locator('[data-testid="run-all"]').getAttribute('disabled'), '');
    await screenshot(page, 'lab-restricted');
  });
});
