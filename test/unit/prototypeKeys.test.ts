// Ids that name Object.prototype members (`constructor`, `toString`, `__proto__`) are plain ids
// outside progress too: in check runs, demo links and requirement names (issue 18 §2).
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importNameOf } from '../../src/checks/importNames';
import { runMilestoneChecks } from '../../src/checks/runChecks';
import { relatedDemo } from '../../src/lab/relatedDemos';
import type { Milestone } from '../../src/roadmap/milestones';

describe('ids that name Object.prototype members', () => {
  it('a milestone id "constructor" gets its own check outcome', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlr-proto-'));
    try {
      writeFileSync(join(dir, 'README.md'), 'x');
      const at = { line: 1, column: 1 };
      const milestone = (id: string, glob: string): Milestone =>
        ({ id, title: id, explanation: '', check: { kind: 'file', glob }, compare: [], hints: [], range: { path: 'milestones.md', start: at, end: at } }) as unknown as Milestone;
      const run = await runMilestoneChecks({
        projectDir: dir, python: 'python3', timeoutMs: 10_000, maxOutputBytes: 1024,
        milestones: [milestone('constructor', 'README.md'), milestone('to-string', 'missing.txt')],
      });
      assert.ok(Object.hasOwn(run.outcomes, 'constructor'), 'no outcome of its own');
      const id: string = 'constructor';
      assert.equal(run.outcomes[id]?.status, 'passed');
      assert.equal(run.outcomes['to-string']?.status, 'failed');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a project id "constructor" or "toString" has no related demo', () => {
    assert.equal(relatedDemo('constructor'), undefined);
    assert.equal(relatedDemo('toString'), undefined);
    assert.deepEqual(relatedDemo('mnist-digits')?.id, 'yours');
  });

  it('a requirement named "constructor" imports as itself', () => {
    assert.equal(importNameOf('constructor'), 'constructor');
  });
});
