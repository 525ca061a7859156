// The lab owns the pytest run: nothing a learner puts in the project (an ini file's addopts, a
// plugin, a stray conftest.py, a sitecustomize.py, a .pth file) nor a PYTEST_ADDOPTS can turn the
// untouched starter's failing checks green. Each attack is planted in a real scaffolded starter.
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseMilestones, type Milestone } from '../../../src/roadmap/milestones';
import { runMilestoneChecks } from '../../../src/checks/runChecks';
import { copyInto, ROOT, SYSTEM_PYTHON, systemPythonProblem, tempDir } from './helpers';

// A plugin that reports every test as passed: what a lazy learner would plant.
const ALWAYS_GREEN = `
import pytest
@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    report.outcome = "passed"
    report.longrepr = None
`;

interface Attack {
  readonly name: string;
  readonly files: Record<string, string>;
  readonly env?: NodeJS.ProcessEnv;
  /** The conftest files the lab allows (the template's own); undefined: the default rule. */
  readonly conftests?: readonly string[];
}

const ATTACKS: readonly Attack[] = [
  { name: 'pytest.ini addopts loading a plugin', files: { 'pytest.ini': '[pytest]\naddopts = -p evilplugin\n', 'evilplugin.py': ALWAYS_GREEN } },
  { name: 'pyproject.toml [tool.pytest.ini_options]', files: { 'pyproject.toml': '[tool.pytest.ini_options]\naddopts = "-p evilplugin"\n', 'evilplugin.py': ALWAYS_GREEN } },
  { name: 'setup.cfg [tool:pytest]', files: { 'setup.cfg': '[tool:pytest]\naddopts = -p evilplugin\n', 'evilplugin.py': ALWAYS_GREEN } },
  { name: 'tox.ini [pytest]', files: { 'tox.ini': '[pytest]\naddopts = -p evilplugin\n', 'evilplugin.py': ALWAYS_GREEN } },
  { name: 'PYTEST_ADDOPTS and PYTEST_PLUGINS', files: { 'evilplugin.py': ALWAYS_GREEN }, env: { PYTEST_ADDOPTS: '-p evilplugin', PYTEST_PLUGINS: 'evilplugin' } },
  { name: 'a conftest.py the template does not have (tests/)', files: { 'tests/conftest.py': ALWAYS_GREEN }, conftests: ['conftest.py'] },
  { name: 'a conftest.py in a folder above the project', files: { '../conftest.py': ALWAYS_GREEN } },
  { name: 'sitecustomize.py and usercustomize.py', files: { 'sitecustomize.py': `import os\nos.environ["PYTEST_PLUGINS"] = "evilplugin"\n`, 'usercustomize.py': `import os\nos.environ["PYTEST_PLUGINS"] = "evilplugin"\n`, 'evilplugin.py': ALWAYS_GREEN } },
  { name: 'a .pth file', files: { 'evil.pth': 'import os; os.environ["PYTEST_PLUGINS"] = "evilplugin"\n', 'evilplugin.py': ALWAYS_GREEN } },
];

describe('the lab-owned pytest run', function () {
  this.timeout(240_000);
  const projectRoot = join(ROOT, 'roadmap', 'projects', 'probability-distributions');
  let milestones: Milestone[];

  before(function () {
    const problem = systemPythonProblem(['pytest', 'numpy', 'scipy', 'matplotlib']);
    if (problem) {
      console.log(`      skipped: ${problem}`);
      this.skip();
    }
    milestones = parseMilestones('milestones.md', readFileSync(join(projectRoot, 'milestones.md'), 'utf8')).milestones
      .filter((m) => m.check.kind === 'pytest');
    assert.ok(milestones.length >= 3);
  });

  it('the planted plugin does turn a plain pytest run green (so the attacks below are real)', async function () {
    const project = tempDir('attack-real');
    try {
      copyInto(join(projectRoot, 'template'), project.dir);
      writeFileSync(join(project.dir, 'evilplugin.py'), ALWAYS_GREEN);
      const { spawnSync } = await import('node:child_process');
      const r = spawnSync(SYSTEM_PYTHON, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', '-p', 'evilplugin', 'tests'], { cwd: project.dir, encoding: 'utf8', env: { ...process.env, MPLBACKEND: 'Agg' } });
      assert.equal(r.status, 0, `the plugin did not make pytest pass:\n${r.stdout}`);
    } finally {
      project.cleanup();
    }
  });

  for (const attack of ATTACKS) {
    it(`still fails every milestone of the starter with ${attack.name}`, async () => {
      const tmp = tempDir('attack');
      const projectDir = join(tmp.dir, 'project');
      try {
        copyInto(join(projectRoot, 'template'), projectDir);
        for (const [rel, text] of Object.entries(attack.files)) {
          mkdirSync(join(projectDir, ...rel.split('/').slice(0, -1)), { recursive: true });
          writeFileSync(join(projectDir, ...rel.split('/')), text);
        }
        const run = await runMilestoneChecks({
          projectDir, milestones, python: SYSTEM_PYTHON, timeoutMs: 120_000, maxOutputBytes: 256 * 1024,
          ...(attack.env ? { env: attack.env } : {}),
          ...(attack.conftests ? { conftests: attack.conftests } : {}),
        });
        for (const m of milestones) {
          assert.equal(run.outcomes[m.id]?.status, 'failed', `${attack.name}: ${m.id} ${run.outcomes[m.id]?.status} (${run.outcomes[m.id]?.headline})\n${run.output.slice(-2000)}`);
        }
      } finally {
        tmp.cleanup();
      }
    });
  }
});
