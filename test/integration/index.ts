// The test-electron contract: VS Code loads this module in the extension host and awaits `run()`.
// It runs every *.test.js beside it with mocha and rejects when any test fails. The last line it
// logs carries the counts, which scripts/test/all.mjs adds to the summary.
import Mocha from 'mocha';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const RESULT_MARKER = '@@mlr-results';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  const only = process.env.MLR_GREP;
  if (only) mocha.grep(only);
  for (const name of fs.readdirSync(__dirname).sort()) {
    if (name.endsWith('.test.js')) mocha.addFile(path.join(__dirname, name));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    }).on('end', function (this: Mocha.Runner) {
      const s = this.stats;
      console.log(`${RESULT_MARKER} ${JSON.stringify({ passed: s?.passes ?? 0, failed: s?.failures ?? 0, skipped: s?.pending ?? 0 })}`);
    });
  });
}
