import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeNewFile } from '../../../src/scaffold/writeNewFile';

describe('scaffold: writing a new file, checked at write time', () => {
  let base: string;
  let outside: string;
  beforeEach(() => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mlr-write-'));
    base = path.join(root, 'ws');
    outside = path.join(root, 'outside');
    fs.mkdirSync(base);
    fs.mkdirSync(outside);
  });
  afterEach(() => fs.rmSync(path.dirname(base), { recursive: true, force: true }));
  const bytes = (s: string) => new TextEncoder().encode(s);

  it('creates the file and its folders', async () => {
    assert.equal(await writeNewFile(base, ['p', 'src', 'a.py'], bytes('starter')), 'written');
    assert.equal(fs.readFileSync(path.join(base, 'p', 'src', 'a.py'), 'utf8'), 'starter');
  });

  it('leaves a file that appeared after planning as it is, and says so', async () => {
    fs.mkdirSync(path.join(base, 'p'));
    fs.writeFileSync(path.join(base, 'p', 'README.md'), 'mine, written a moment ago');
    assert.equal(await writeNewFile(base, ['p', 'README.md'], bytes('starter')), 'exists');
    assert.equal(fs.readFileSync(path.join(base, 'p', 'README.md'), 'utf8'), 'mine, written a moment ago');
  });

  it('never writes through a destination that became a symlink, even a dangling one', async () => {
    fs.mkdirSync(path.join(base, 'p'));
    fs.symlinkSync(path.join(outside, 'planted.txt'), path.join(base, 'p', 'a.py'));
    assert.equal(await writeNewFile(base, ['p', 'a.py'], bytes('starter')), 'exists');
    assert.deepEqual(fs.readdirSync(outside), []);
  });

  it('refuses a folder on the way that became a symlink, and writes nothing outside', async () => {
    fs.mkdirSync(path.join(base, 'p'));
    fs.symlinkSync(outside, path.join(base, 'p', 'data'));
    await assert.rejects(writeNewFile(base, ['p', 'data', 'deep', 'x.csv'], bytes('1,2')), /"p\/data" is no longer a plain folder/);
    assert.deepEqual(fs.readdirSync(outside), [], 'something was created outside the target');
  });

  it('refuses a folder on the way that is now a file', async () => {
    fs.writeFileSync(path.join(base, 'p'), 'a file');
    await assert.rejects(writeNewFile(base, ['p', 'a.py'], bytes('x')), /"p" is no longer a plain folder/);
    assert.equal(fs.readFileSync(path.join(base, 'p'), 'utf8'), 'a file');
  });
});
