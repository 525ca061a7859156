// The packaged .vsix, installed like a user would, activates and shows the roadmap: a file that
// .vscodeignore leaves out (a bundle, the roadmap content, the icon, the onnxruntime files) would
// break this.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, host, openRoadmapView, openWorkbench, runCommand, screenshot, treeRow, type Workbench } from '../harness';

describe('packaged .vsix', function () {
  const vsix = path.join(ROOT, 'ml-roadmap.vsix');
  const extensionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlr-vsix-exts-'));
  let wb: Workbench | undefined;
  after(async () => wb?.close());

  it('packages with npm run package', () => {
    const r = spawnSync('npm', ['run', '-s', 'package'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, `npm run package failed:\n${r.stdout}\n${r.stderr}`);
    const size = fs.statSync(vsix).size;
    assert.ok(size < 10 * 1024 * 1024, `the .vsix is ${size} bytes, over 10 MB`);
  });

  it('ships what runs and nothing else', () => {
    const r = spawnSync('/usr/bin/python3', ['-c', 'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', vsix], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const entries = r.stdout.trim().split('\n').filter((e) => e.startsWith('extension/')).map((e) => e.slice('extension/'.length));
    for (const needed of [
      'package.json', 'package.nls.json', 'l10n/bundle.l10n.json', 'dist/extension.js', 'dist/roadmap-parser.js', 'dist/roadmap-worker.js', 'dist/roadmap.json', 'dist/roadmap-milestones.json', 'dist/onnx-check.js',
      'dist/webview/lab.js', 'dist/webview/demos.js', 'dist/webview/ort/ort-wasm-simd-threaded.mjs', 'dist/webview/ort/ort-wasm-simd-threaded.wasm.gz',
      'roadmap/overview.md', 'roadmap/projects/nn-from-scratch/milestones.md', 'media/models/mnist-mlp.onnx', 'media/data/mnist-heldout.bin',
      'media/data/mnist-train.bin.gz', 'roadmap/projects/nn-from-scratch/template/README.md', 'roadmap/projects/nn-from-scratch/solution/scratchnet/train.py',
    ]) assert.ok(entries.includes(needed), `${needed} is missing from the .vsix`);
    const stray = entries.filter((e) => /^(src|test|webview|scripts|node_modules|out|\.vscode-test)\//.test(e) || /^roadmap\/projects\/[^/]+\/cheats\//.test(e) || e.endsWith('.map') || e.endsWith('.ts'));
    assert.deepEqual(stray, [], 'the .vsix ships files that do not run');
  });

  it('installs into the test VS Code', async () => {
    const h = await host();
    const cli = path.join(h.HOST_DIR, 'node_modules/code-server/out/node/entry.js');
    const r = spawnSync(process.execPath, [cli, '--extensions-dir', extensionsDir, '--install-extension', vsix], { encoding: 'utf8' });
    assert.equal(r.status, 0, `install failed:\n${r.stdout}\n${r.stderr}`);
    const installed = fs.readdirSync(extensionsDir).filter((n) => n.startsWith('ml-roadmap.ml-roadmap-'));
    assert.equal(installed.length, 1, `expected the extension in ${extensionsDir}, found ${fs.readdirSync(extensionsDir).join(', ')}`);
  });

  it('activates from the installed copy and shows the roadmap tree', async () => {
    wb = await openWorkbench({ installed: { extensionsDir } });
    await openRoadmapView(wb.page);
    assert.ok(await treeRow(wb.page, 'ML Fundamentals').isVisible());
    await screenshot(wb.page, 'installed-vsix');
  });

  it('runs the demo models from the installed copy (the shipped onnxruntime files load)', async () => {
    assert.ok(wb, 'the previous test did not open the workbench');
    await runCommand(wb.page, 'ML Roadmap: Open ML Demos');
    const frame = wb.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await frame.locator('body[data-ready="true"]').waitFor({ timeout: 60_000 });
    // Every model's session created, or one failed: then say what the gallery says.
    await frame.locator('body[data-models-ready="true"], body[data-models-failed]:not([data-models-failed="0"])').waitFor({ timeout: 60_000 });
    const failed = await frame.locator('body').getAttribute('data-models-failed');
    assert.equal(failed, '0', `models failed to load from the installed copy: ${await frame.locator('body').innerText()}`);
    await screenshot(wb.page, 'installed-vsix-demos');
  });
});
