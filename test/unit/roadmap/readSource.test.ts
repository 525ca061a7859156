// Reading one roadmap file through any file system: an unreadable or oversized file is a
// diagnostic for that file and never a rejection, so the rest of the folder still loads.
import * as assert from 'node:assert/strict';
import { readSource } from '../../../src/roadmap/decode';
import { INPUT_LIMITS } from '../../../src/roadmap/limits';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('readSource', () => {
  it('reads a UTF-8 file', async () => {
    const r = await readSource('01-a.md', { size: async () => 3, read: async () => bytes('# A') });
    assert.deepEqual(r, { file: { path: '01-a.md', text: '# A' }, diagnostics: [] });
  });

  it('makes a file that cannot be read one diagnostic for that file', async () => {
    const r = await readSource('02-b.md', { size: async () => 3, read: async () => { throw new Error('EACCES: permission denied'); } });
    assert.equal(r.file, undefined);
    assert.deepEqual(r.diagnostics.map((d) => [d.code, d.range.file, d.message]), [['unreadable-file', '02-b.md', 'Cannot read 02-b.md: EACCES: permission denied']]);
  });

  it('makes a failing stat and a non-Error throw a diagnostic too', async () => {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- what a non-Error throw becomes is the point
    const r = await readSource('03-c.md', { size: () => { throw 'gone'; }, read: async () => bytes('') });
    assert.deepEqual(r.diagnostics.map((d) => [d.code, d.message]), [['unreadable-file', 'Cannot read 03-c.md: gone']]);
  });

  it('does not read a file over the size limit', async () => {
    let read = false;
    const r = await readSource('04-d.md', { size: async () => INPUT_LIMITS.fileBytes + 1, read: async () => { read = true; return bytes(''); } });
    assert.equal(read, false);
    assert.deepEqual(r.diagnostics.map((d) => d.code), ['file-too-large']);
  });

  it('keeps the text of a file that is not UTF-8, with a diagnostic', async () => {
    const r = await readSource('05-e.md', { size: async () => 2, read: async () => new Uint8Array([0x41, 0xe9]) });
    assert.equal(r.file?.text, 'A\uFFFD');
    assert.deepEqual(r.diagnostics.map((d) => d.code), ['invalid-utf8']);
  });
});
