import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSharedData } from '../../../src/scaffold/sharedData';
import { repoRoot } from '../repoRoot';

describe('parseSharedData', () => {
  it('reads destination → media/data file name pairs', () => {
    assert.deepEqual(parseSharedData('{"data/mnist-train.bin.gz": "mnist-train.bin.gz"}'), { files: [{ destination: 'data/mnist-train.bin.gz', name: 'mnist-train.bin.gz' }] });
  });
  it('refuses destinations outside the project and names that are not plain files', () => {
    for (const bad of ['{"../x": "a.bin"}', '{"/etc/x": "a.bin"}', '{"data/x": "../secret"}', '{"data/x": "sub/a.bin"}', '{"data/x": 3}', '[]', 'not json']) {
      const r = parseSharedData(bad);
      assert.ok('error' in r, `${bad} was accepted`);
      assert.match(r.error, /shared-data\.json/);
    }
  });
  it('every built-in template declares only files the extension ships', () => {
    const projects = join(repoRoot(), 'roadmap', 'projects');
    for (const id of readdirSync(projects)) {
      const file = join(projects, id, 'shared-data.json');
      if (!existsSync(file)) continue;
      const r = parseSharedData(readFileSync(file, 'utf8'));
      assert.ok('files' in r, `${id}: ${'error' in r ? r.error : ''}`);
      for (const f of r.files) assert.ok(existsSync(join(repoRoot(), 'media', 'data', f.name)), `${id} needs media/data/${f.name}`);
    }
  });
});
