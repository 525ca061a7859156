// A learner opens a project's lab from the tree, clicks Run All inside the webview, sees every
// milestone fail with its reason, completes the project (the reference solution) and sees them
// pass. With a setting that lacks the packages the lab says so and Select Interpreter goes back to
// choosing automatically, which passes over a bare python3 on PATH. In Restricted Mode the lab
// explains why nothing runs.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { ROOT, openRoadmapView, openWorkbench, screenshot, treeRow, type Workbench } from '../harness';

const ID = 'probability-distributions';
const TITLE = 'Probability Distributions Library';

function projectWorkspace(pythonPath = '/usr/bin/python3'): string {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'mlr-lab-ws-'));
  fs.cpSync(path.join(ROOT, 'roadmap/projects', ID, 'template'), path.join(ws, ID), { recursive: true });
  fs.mkdirSync(path.join(ws, '.vscode'));
  fs.writeFileSync(path.join(ws, '.vscode/settings.json'), JSON.stringify({ 'mlRoadmap.pythonPath': pythonPath }));
  return ws;
}

/** A folder with a python3 and a python that cannot see the system's packages (no pytest, no numpy). */
function pythonsWithoutPackages(): string {
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'mlr-bare-python-'));
  for (const name of ['python3', 'python']) fs.writeFileSync(path.join(bin, name), '#!/bin/sh\nexec /usr/bin/python3 -S "$@"\n', { mode: 0o755 });
  return bin;
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

    // The failure's places are links: the first is the learner's own line that raised, and it
    // opens beside the lab at that line; the test's name opens the test.
    const place = frame.locator('section.cell [data-testid="locations"] a.file-link').first();
    const where = await place.innerText();
    assert.match(where, /^probdist\/\w+\.py:\d+$/, `the first place is not the learner's own code: ${where}`);
    await place.click();
    const [placeFile, placeLine] = where.split(':') as [string, string];
    await wb.page.locator('.tab', { hasText: path.basename(placeFile) }).first().waitFor({ timeout: 30_000 });
    await wb.page.locator('.statusbar-item', { hasText: `Ln ${placeLine}, Col` }).first().waitFor({ timeout: 30_000 });
    assert.ok(await wb.page.locator('.editor-group-container').count() >= 2, 'the file did not open beside the lab');
    assert.ok(await frame.locator('section.cell').first().isVisible(), 'the file covered the lab');
    await screenshot(wb.page, 'lab-failure-place-opened');
    const testLink = frame.locator('section.cell a.test-link').first();
    const testFile = ((await testLink.getAttribute('title')) ?? '').replace(/^Open /, '').replace(/ at line \d+$/, '');
    assert.match(testFile, /^tests\/test_\w+\.py$/);
    await testLink.click();
    await wb.page.locator('.tab', { hasText: path.basename(testFile) }).first().waitFor({ timeout: 30_000 });
    await screenshot(wb.page, 'lab-failure-test-opened');

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

  it('Select Interpreter: from a setting that lacks the packages to choosing automatically, past a bare python3 on PATH', async () => {
    const bin = pythonsWithoutPackages();
    const bare = path.join(bin, 'python3');
    const workspace = projectWorkspace(bare);
    wb = await openWorkbench({ workspace, env: { PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` } });
    const { page } = wb;
    const frame = await openLabFromTree(page);
    // The learner's own setting wins even though it lacks the packages, and the banner says so.
    await frame.locator('[data-testid="run-all"]').click();
    const banner = frame.locator('[data-testid="environment"]');
    await banner.waitFor({ timeout: 120_000 });
    assert.match(await banner.innerText(), /missing pytest/);
    assert.equal(await frame.locator('[data-testid="interpreter"]').innerText(), `Using ${bare}, set in mlRoadmap.pythonPath; it lacks pytest, numpy, scipy, matplotlib.`);
    assert.ok(await banner.locator('[data-testid="set-python-path"]').isVisible(), 'no Set Python Path button');
    await screenshot(page, 'lab-interpreter-setting-lacks');

    // No Python extension here: Select Interpreter lists what was found, with what each has.
    await banner.locator('[data-testid="select-interpreter"]').click();
    const rows = page.locator('.quick-input-list .monaco-list-row');
    const automatic = rows.filter({ hasText: 'Choose Automatically' });
    await automatic.waitFor({ timeout: 60_000 });
    await rows.filter({ hasText: 'has everything' }).first().waitFor();
    await screenshot(page, 'lab-select-interpreter');
    await automatic.click();
    for (let i = 0; i < 100 && fs.readFileSync(path.join(workspace, '.vscode/settings.json'), 'utf8').includes('pythonPath'); i++) await new Promise((r) => setTimeout(r, 100));
    assert.doesNotMatch(fs.readFileSync(path.join(workspace, '.vscode/settings.json'), 'utf8'), /pythonPath/, 'the setting was not cleared');

    // With no setting, the checks run with /usr/bin/python3 and the lab says why.
    await frame.locator('[data-testid="run-all"]').click();
    await waitForStatuses(frame, 'failed');
    assert.equal(await banner.count(), 0, 'the environment banner stayed');
    assert.match(await frame.locator('[data-testid="interpreter"]').innerText(),
      // Which packages the python3 on PATH lacks depends on the machine (the editor may resolve the
      // login shell's PATH beside the one given here): that it lacks something is the point.
      /^Using \/usr\/bin\/python3: it has pytest, numpy, scipy, matplotlib; python3 on PATH lacks [a-z]/);
    await screenshot(page, 'lab-interpreter-chosen');
    fs.rmSync(bin, { recursive: true, force: true });
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
