// A person opens the roadmap from the activity bar and sees the skills.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { openWorkbench, openRoadmapView, screenshot, treeRow, type Workbench } from '../harness';

describe('roadmap view in the real workbench', function () {
  let wb: Workbench;
  before(async function () {
    wb = await openWorkbench();
  });
  after(async () => wb?.close());

  it('opens from the activity bar and lists the nine skills', async () => {
    await openRoadmapView(wb.page);
    for (const title of ['Python & Programming', 'Mathematics for AI', 'Research & Specialization']) {
      assert.ok(await treeRow(wb.page, title).isVisible(), `${title} is not shown`);
    }
    const file = await screenshot(wb.page, 'roadmap-view');
    assert.ok(fs.statSync(file).size > 10_000, 'the screenshot is suspiciously small');
  });
});
