// The real-editor harness reports failure: a suite that throws inside the extension host gives a
// non-zero exit code, so `npm test` can never report green over a broken integration layer.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ROOT, host } from '../harness';

describe('real extension host harness', function () {
  it('returns a non-zero exit code when the suite fails inside VS Code', async () => {
    const h = await host() as unknown as { runSuite(o: object): Promise<{ code: number; lines: string[] }>; freshWorkspace(): string };
    const { code, lines } = await h.runSuite({ suite: path.join(ROOT, 'test/fixtures/harness/failing-suite/index.js'), workspace: h.freshWorkspace(), quiet: true });
    assert.notEqual(code, 0);
    assert.ok(lines.some((l) => /deliberately failing suite in VS Code 1\.100\./.test(l)), 'the suite did not run inside VS Code');
  });
});
