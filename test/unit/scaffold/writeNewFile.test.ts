import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { makeFolders, writeNewFile, writeNewFileIn } from '../../../src/scaffold/writeNewFile';

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
  it('makes every folder a starter needs, parents before children, beside existing ones', async () => {
    fs.mkdirSync(path.join(base, 'p'));
    fs.writeFileSync(path.join(base, 'p', 'keep.txt'), 'mine');
    await makeFolders(base, [['p', 'src'], ['p', 'src', 'deep', 'er'], ['p', 'tests'], ['p', 'src'], ['p'], [], ['q']]);
    for (const dir of ['p/src', 'p/src/deep', 'p/src/deep/er', 'p/tests', 'q']) assert.ok(fs.lstatSync(path.join(base, dir)).isDirectory(), dir);
    assert.equal(fs.readFileSync(path.join(base, 'p', 'keep.txt'), 'utf8'), 'mine');
    // Again, with everything there: nothing to do, nothing refused.
    await makeFolders(base, [['p', 'src', 'deep', 'er'], ['q']]);
  });

  it('refuses a folder that is a symlink, and creates nothing below it or outside', async () => {
    fs.mkdirSync(path.join(base, 'p'));
    fs.symlinkSync(outside, path.join(base, 'p', 'data'));
    await assert.rejects(makeFolders(base, [['p', 'src'], ['p', 'data', 'deep', 'er']]), /"p\/data" is no longer a plain folder/);
    assert.deepEqual(fs.readdirSync(outside), [], 'something was created outside the target');
  });

  it('refuses a folder on the way that is a file, naming the first one', async () => {
    fs.writeFileSync(path.join(base, 'p'), 'a file');
    await assert.rejects(makeFolders(base, [['p', 'a', 'b']]), /"p" is no longer a plain folder/);
    assert.equal(fs.readFileSync(path.join(base, 'p'), 'utf8'), 'a file');
  });

  it('writes into made folders only: a missing folder is an error, not made on the way', async () => {
    await assert.rejects(writeNewFileIn(base, ['p', 'a.py'], bytes('x')), /ENOENT/);
    assert.equal(fs.existsSync(path.join(base, 'p')), false);
    await makeFolders(base, [['p']]);
    assert.equal(await writeNewFileIn(base, ['p', 'a.py'], bytes('x')), 'written');
    assert.equal(await writeNewFileIn(base, ['p', 'a.py'], bytes('y')), 'exists');
    assert.equal(fs.readFileSync(path.join(base, 'p', 'a.py'), 'utf8'), 'x');
  });
});
