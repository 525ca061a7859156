// Runs the bundled mocha tests under one folder in plain Node and writes the counts to a file.
// Usage: node scripts/test/mocha.mjs <folder> <results.json> [timeoutMs]
import Mocha from 'mocha';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const [folder, resultsFile, timeout = '10000'] = process.argv.slice(2);
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full);
    else if (name.endsWith('.test.js')) files.push(resolve(full));
  }
})(folder);

const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: Number(timeout), color: process.stdout.isTTY });
if (process.env.MLR_GREP) mocha.grep(process.env.MLR_GREP);
for (const f of files) mocha.addFile(f);
const runner = mocha.run((failures) => {
  const s = runner.stats;
  writeFileSync(resultsFile, JSON.stringify({ passed: s.passes, failed: s.failures, skipped: s.pending }));
  // Like mocha's --exit: a handle a test leaked (a timer, a socket) must not hold the run open.
  process.exit(failures ? 1 : 0);
});
