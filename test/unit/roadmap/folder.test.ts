// Loading folders from disk: the custom fixtures, unreadable folders, and the whole-folder check.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRoadmapFolder } from '../../../src/roadmap/load';
import { checkRoadmapFolder, countRoadmap } from '../../../src/roadmap/checkFolder';
import { errorsOf, FIXTURES_DIR, plain, repoRoot, ROADMAP_DIR, TIMEOUT_MS } from './helpers';

describe('loadRoadmapFolder', function () {
  this.timeout(TIMEOUT_MS);
  it('loads the valid custom roadmap with no diagnostics', async () => {
    const r = await loadRoadmapFolder(join(FIXTURES_DIR, 'custom'));
    assert.deepEqual(r.diagnostics, []);
    assert.deepEqual(countRoadmap(r.roadmap), { skills: 2, topics: 5, projects: 2 });
    assert.deepEqual(r.roadmap.skills.map((s) => [s.id, s.duration]), [
      ['t-basics', { text: '2 weeks', minWeeks: 2, maxWeeks: 2 }],
      ['t-advanced', { text: '1-3 weeks', minWeeks: 1, maxWeeks: 3 }],
    ]);
    assert.match(r.roadmap.overview ?? '', /^# Test Roadmap/);
  });

  it('reports the one duplicate id of custom-broken', async () => {
    const r = await loadRoadmapFolder(join(FIXTURES_DIR, 'custom-broken'));
    assert.deepEqual(plain(r.diagnostics), [
      {
        severity: 'error',
        code: 'duplicate-id',
        file: '02-t-advanced.md',
        line: 15,
        column: 19,
        message: 'Duplicate id "t-arrays": already used by the topic at 02-t-advanced.md:14:1',
      },
    ]);
    assert.deepEqual(countRoadmap(r.roadmap), { skills: 2, topics: 4, projects: 2 });
  });

  it('turns a missing folder into a diagnostic', async () => {
    const missing = join(FIXTURES_DIR, 'does-not-exist');
    const r = await loadRoadmapFolder(missing);
    assert.deepEqual(r.roadmap, { skills: [] });
    assert.deepEqual(r.diagnostics.map((d) => [d.severity, d.code, d.range.file]), [['error', 'unreadable-folder', '.']]);
    assert.match(r.diagnostics[0]?.message ?? '', /^Cannot read the roadmap folder .*does-not-exist: ENOENT/);
  });
});

describe('checkRoadmapFolder', function () {
  this.timeout(TIMEOUT_MS);
  it('validates projects/*/milestones.md and reports folders that match no project', async () => {
    const check = await checkRoadmapFolder(join(FIXTURES_DIR, 'with-projects'));
    assert.deepEqual(plain(check.diagnostics), [
      {
        severity: 'error',
        code: 'unknown-project',
        file: 'projects/t-stray',
        line: 1,
        column: 1,
        message: 'The project folder "projects/t-stray" matches no project id in the skill files',
      },
      {
        severity: 'error',
        code: 'missing-check',
        file: 'projects/t-stray/milestones.md',
        line: 3,
        column: 1,
        message: 'Milestone "A step without a check" has no Check line: add "Check: pytest `tests/…`" (or file, metric, onnx, manual)',
      },
    ]);
    assert.deepEqual(check.milestones.get('t-lab-project')?.map((m) => m.check), [{ kind: 'pytest', nodeIds: ['tests/test_lab.py::test_add'] }]);
  });

  it('finds no error in the built-in roadmap', async () => {
    const check = await checkRoadmapFolder(ROADMAP_DIR);
    assert.deepEqual(plain(errorsOf(check.diagnostics)), []);
    assert.deepEqual(countRoadmap(check.result.roadmap), { skills: 9, topics: 90, projects: 27 });
  });
});

describe('roadmap:check (the built CLI)', function () {
  this.timeout(TIMEOUT_MS);
  const cli = join(repoRoot(), 'dist', 'cli', 'roadmap-check.js');
  function run(folder?: string, env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
    const r = spawnSync(process.execPath, [cli, ...(folder === undefined ? [] : [folder])], { cwd: repoRoot(), encoding: 'utf8', env: { ...process.env, ...env } });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }
  before(function () {
    if (!existsSync(cli)) this.skip(); // built by `node esbuild.mjs`; skipped when only the tests were bundled
  });

  it('prints the summary of the built-in roadmap and exits 0', () => {
    const r = run();
    assert.equal(r.stdout, '{"skills":9,"topics":90,"projects":27,"diagnostics":0}\n');
    assert.equal(r.stderr, '');
    assert.equal(r.status, 0);
  });

  it('prints problems as file:line:col and exits 1 on an error', () => {
    const r = run('test/fixtures/roadmaps/custom-broken');
    assert.equal(r.stdout, '{"skills":2,"topics":4,"projects":2,"diagnostics":1}\n');
    assert.equal(
      r.stderr,
      'test/fixtures/roadmaps/custom-broken/02-t-advanced.md:15:19: error duplicate-id: ' +
        'Duplicate id "t-arrays": already used by the topic at 02-t-advanced.md:14:1\n',
    );
    assert.equal(r.status, 1);
  });

  it('applies the input limits: a file over the size limit, one not UTF-8, a deep milestones.md', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlroadmap-cli-'));
    try {
      const skill = '# Good {#good}\n\nDuration: 1 week\n\nAbout.\n\n## Projects\n\n### P {#p}\n\nWhat.\n';
      writeFileSync(join(dir, '01-good.md'), skill);
      writeFileSync(join(dir, '02-big.md'), `# Big {#big}\n\n${'word '.repeat(60_000)}\n`);
      writeFileSync(join(dir, '03-latin1.md'), Buffer.concat([Buffer.from('# Caf'), Buffer.from([0xe9]), Buffer.from(' {#cafe}\n\nDuration: 1 week\n\nAbout.\n')]));
      mkdirSync(join(dir, 'projects', 'p'), { recursive: true });
      writeFileSync(join(dir, 'projects', 'p', 'milestones.md'), `## Step {#s}\n\nCheck: manual\n\n${'- '.repeat(3_000)}x\n`);
      const r = run(dir);
      assert.equal(r.stdout, '{"skills":2,"topics":0,"projects":1,"diagnostics":3}\n');
      const lines = r.stderr.trim().split('\n').map((l) => l.slice(l.lastIndexOf('/') + 1));
      assert.deepEqual(lines, [
        '02-big.md:1:1: error file-too-large: The file is 300,015 bytes, over the 65,536 bytes a roadmap file may have, so it is not read: split it up',
        '03-latin1.md:1:6: error invalid-utf8: The file is not valid UTF-8: byte 0xE9 on line 1 cannot be read (save the file as UTF-8); unreadable bytes show as \uFFFD',
        'milestones.md:5:1: error nesting-too-deep: Line 5 nests lists or quotes 3000 deep; the limit is 32, so the file is not parsed',
      ]);
      assert.equal(r.status, 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops a parse that overruns its time limit: parse-stopped and exit 1, not a hang', () => {
    // A table within every input limit that remark needs about a second for; MLR_PARSE_TIMEOUT_MS makes the limit 50 ms.
    const dir = mkdtempSync(join(tmpdir(), 'mlroadmap-cli-'));
    try {
      const row = `|${' x |'.repeat(12)}\n`;
      writeFileSync(join(dir, '01-table.md'), `# Table {#table}\n\nDuration: 1 week\n\nAbout.\n\n| a | b |\n| - | - |\n${row.repeat(1_200)}`);
      const r = run(dir, { MLR_PARSE_TIMEOUT_MS: '50' });
      assert.equal(r.stdout, '{"skills":0,"topics":0,"projects":0,"diagnostics":1}\n');
      assert.equal(
        r.stderr.slice(r.stderr.lastIndexOf('/') + 1),
        `${dir.slice(dir.lastIndexOf('/') + 1)}:1:1: error parse-stopped: The roadmap could not be checked: parsing took longer than 50 ms and was stopped. ` +
          'One of its files may have very long or deeply nested content: check them one at a time to find which\n',
      );
      assert.equal(r.status, 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 1 for a folder that does not exist', () => {
    const r = run('test/fixtures/roadmaps/does-not-exist');
    assert.equal(r.stdout, '{"skills":0,"topics":0,"projects":0,"diagnostics":1}\n');
    assert.match(r.stderr, /^test\/fixtures\/roadmaps\/does-not-exist:1:1: error unreadable-folder: /);
    assert.equal(r.status, 1);
  });
});
