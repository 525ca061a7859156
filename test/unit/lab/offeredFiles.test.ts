import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { offeredFiles, resolveOfferedFile } from '../../../src/lab/offeredFiles';
import type { Check } from '../../../src/roadmap/milestones';

const milestone = (check: Check, compare: string[] = []) => ({ check, compare });

describe('lab: the files the lab offers to open', () => {
  it('are the Compare paths, the files the checks read, and the README', () => {
    const offered = offeredFiles([
      milestone({ kind: 'pytest', nodeIds: ['tests/test_a.py::test_x'] }, ['src/model.py', 'src/data.py']),
      milestone({ kind: 'metric', file: 'outputs/metrics.json', key: 'accuracy', op: '>=', threshold: 0.9 }),
      milestone({ kind: 'onnx', model: 'outputs/model.onnx', op: '>=', threshold: 0.9 }),
      milestone({ kind: 'file', glob: 'outputs/report.md' }),
      milestone({ kind: 'file', glob: 'outputs/*.png' }),
      milestone({ kind: 'manual' }, ['notes/design.md']),
    ]);
    assert.deepEqual([...offered].sort(), ['README.md', 'notes/design.md', 'outputs/metrics.json', 'outputs/model.onnx', 'outputs/report.md', 'src/data.py', 'src/model.py']);
  });
});

describe('lab: resolving a file the webview asks to open', () => {
  let project: string;
  let outside: string;
  const offered = new Set(['README.md', 'src/model.py', 'linked.py', 'data', 'missing.py', '.env', 'src/inner.py']);

  before(() => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mlr-offered-'));
    project = path.join(root, 'project');
    outside = path.join(root, 'outside');
    fs.mkdirSync(path.join(project, 'src'), { recursive: true });
    fs.mkdirSync(path.join(project, '.git'));
    fs.mkdirSync(path.join(project, 'data'));
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(project, 'README.md'), '# readme');
    fs.writeFileSync(path.join(project, 'src', 'model.py'), 'x = 1');
    fs.writeFileSync(path.join(project, 'src', 'real.py'), 'y = 2');
    fs.writeFileSync(path.join(project, '.git', 'config'), '[core]');
    fs.writeFileSync(path.join(outside, 'secret.txt'), 'secret');
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(project, 'linked.py'));
    fs.symlinkSync(path.join(project, 'src', 'real.py'), path.join(project, 'src', 'inner.py'));
    fs.writeFileSync(path.join(project, '.env'), 'TOKEN=x');
  });
  after(() => fs.rmSync(path.dirname(project), { recursive: true, force: true }));

  it('opens an offered file at its real path', async () => {
    assert.deepEqual(await resolveOfferedFile(project, 'src/model.py', offered), { path: fs.realpathSync(path.join(project, 'src', 'model.py')) });
    assert.deepEqual(await resolveOfferedFile(project, 'README.md', offered), { path: fs.realpathSync(path.join(project, 'README.md')) });
  });

  it('follows a symlink that stays inside the project, to its real file', async () => {
    assert.deepEqual(await resolveOfferedFile(project, 'src/inner.py', offered), { path: fs.realpathSync(path.join(project, 'src', 'real.py')) });
  });

  for (const asked of ['.env', '.git/config', 'src/real.py', '../outside/secret.txt', '/etc/passwd']) {
    it(`refuses ${JSON.stringify(asked)}, which the lab did not offer, with a clear message`, async () => {
      const result = await resolveOfferedFile(project, asked, new Set(['README.md', 'src/model.py']));
      assert.ok('refused' in result, `${asked} would be opened`);
      assert.match(result.refused, /not one of the files this lab offers/);
      assert.ok(result.refused.includes(asked));
    });
  }

  it('refuses an offered file that is a symlink pointing out of the project, naming where it leads', async () => {
    const result = await resolveOfferedFile(project, 'linked.py', offered);
    assert.ok('refused' in result, 'a symlink out of the project would be opened');
    assert.match(result.refused, /leads outside the project/);
    assert.ok(result.refused.includes(fs.realpathSync(path.join(outside, 'secret.txt'))));
  });

  it('says plainly when an offered file does not exist, or is a folder', async () => {
    const missing = await resolveOfferedFile(project, 'missing.py', offered);
    assert.ok('refused' in missing);
    assert.match(missing.refused, /"missing\.py" does not exist in the project/);
    const folder = await resolveOfferedFile(project, 'data', offered);
    assert.ok('refused' in folder);
    assert.match(folder.refused, /is a folder/);
  });

  it('refuses everything when the project folder itself is missing', async () => {
    const result = await resolveOfferedFile(path.join(project, 'nope'), 'README.md', offered);
    assert.ok('refused' in result);
    assert.match(result.refused, /project folder/);
  });
});
