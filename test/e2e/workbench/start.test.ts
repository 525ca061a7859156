// `npm start` on a machine without the desktop `code` command: it serves the test VS Code with the
// extension loaded and prints the URL; that URL opens a workbench that shows the roadmap.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { ROOT, host, openRoadmapView, screenshot } from '../harness';

describe('npm start', function () {
  it('prints the URL of a running editor with the extension loaded', async () => {
    const child = spawn('npm', ['start'], { cwd: ROOT, env: { ...process.env, MLR_SERVE: '1' }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed in 90 s:\n${out}`)), 90_000);
        child.stdout.on('data', (d) => {
          out += d;
          const m = out.match(/(http:\/\/127\.0\.0\.1:\d+\/\?\S+)/);
          if (m) { clearTimeout(timer); resolve(m[1]); }
        });
        child.stderr.on('data', (d) => (out += d));
        child.on('exit', (code) => reject(new Error(`npm start exited (${code}):\n${out}`)));
      });
      assert.match(url, /extensionDevelopmentPath/);
      const h = await host();
      const browser = await h.launchBrowser();
      try {
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        await page.goto(url);
        await openRoadmapView(page);
        await screenshot(page, 'npm-start');
      } finally {
        await browser.close();
      }
    } finally {
      try { process.kill(-child.pid!, 'SIGTERM'); } catch { /* gone */ }
      await new Promise((r) => (child.exitCode !== null ? r(undefined) : child.once('exit', r)));
    }
  });
});
