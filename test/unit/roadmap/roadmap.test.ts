// parseRoadmap over whole folders given as strings: file roles, ordering, cross-file ids, robustness.
import * as assert from 'node:assert/strict';
import { parseRoadmap } from '../../../src/roadmap/parse';
import type { Diagnostic, SourceFile } from '../../../src/roadmap/model';
import { plain, TIMEOUT_MS } from './helpers';

function skillFile(path: string, id: string, topics: readonly string[] = []): SourceFile {
  const lines = [`# Skill ${id} {#${id}}`, '', 'Duration: 2 weeks', '', `About ${id}.`, '', '## Topics', ''];
  return { path, text: [...lines, ...topics.map((t) => `- [ ] Topic ${t} {#${t}}`), ''].join('\n') };
}

describe('parseRoadmap', function () {
  this.timeout(TIMEOUT_MS);
  it('no-skills: a folder without skill files', () => {
    const r = parseRoadmap([{ path: 'overview.md', text: '# Overview\n' }]);
    assert.deepEqual(plain(r.diagnostics), [
      { severity: 'error', code: 'no-skills', file: '.', line: 1, column: 1, message: 'The roadmap has no skill files: add files named like 01-name.md' },
    ]);
    assert.deepEqual(r.roadmap, { skills: [], overview: '# Overview\n' });
    assert.equal(parseRoadmap([], { folder: 'my/roadmap' }).diagnostics[0]?.range.file, 'my/roadmap');
  });

  it('unexpected-file: other .md files warn; FORMAT.md, README.md and non-markdown are ignored', () => {
    const r = parseRoadmap([
      skillFile('01-a.md', 'a'),
      { path: 'notes.md', text: 'scribbles' },
      { path: 'FORMAT.md', text: '# x' },
      { path: 'readme.md', text: '# x' },
      { path: 'picture.png', text: '' },
      { path: '1-short.md', text: '# Not a skill {#short}' },
    ]);
    assert.deepEqual(plain(r.diagnostics), [
      { severity: 'warning', code: 'unexpected-file', file: '1-short.md', line: 1, column: 1, message: 'Unexpected file "1-short.md": skill files are named like 01-name.md, so it is ignored' },
      { severity: 'warning', code: 'unexpected-file', file: 'notes.md', line: 1, column: 1, message: 'Unexpected file "notes.md": skill files are named like 01-name.md, so it is ignored' },
    ]);
    assert.deepEqual(r.roadmap.skills.map((s) => s.id), ['a']);
    assert.equal(r.roadmap.overview, undefined);
    assert.ok(!('overview' in r.roadmap));
  });

  it('orders skills by file name, whatever order the files come in', () => {
    const r = parseRoadmap([skillFile('10-c.md', 'c'), skillFile('sub/02-b.md', 'b'), skillFile('01-a.md', 'a')]);
    assert.deepEqual(r.roadmap.skills.map((s) => [s.id, s.order, s.file]), [
      ['a', 1, '01-a.md'],
      ['b', 2, 'sub/02-b.md'],
      ['c', 3, '10-c.md'],
    ]);
  });

  it('keeps the file position as the order when an earlier skill is left out', () => {
    const broken = { path: '01-broken.md', text: '# No id\n\nDuration: 1 week\n\nText.\n' };
    const r = parseRoadmap([broken, skillFile('02-b.md', 'b')]);
    assert.deepEqual(r.roadmap.skills.map((s) => [s.id, s.order]), [['b', 2]]);
  });

  it('duplicate-id across files names the first file and place', () => {
    const r = parseRoadmap([skillFile('02-b.md', 'b', ['shared']), skillFile('01-a.md', 'a', ['shared', 'a-own'])]);
    assert.deepEqual(plain(r.diagnostics), [
      { severity: 'error', code: 'duplicate-id', file: '02-b.md', line: 9, column: 20, message: 'Duplicate id "shared": already used by the topic at 01-a.md:9:1' },
    ]);
    assert.deepEqual(r.roadmap.skills.map((s) => s.topics.map((t) => t.id)), [['shared', 'a-own'], []]);
  });

  it('a duplicate skill id leaves the whole later skill out', () => {
    const r = parseRoadmap([skillFile('01-a.md', 'same'), skillFile('02-b.md', 'same', ['b-topic'])]);
    assert.deepEqual(r.diagnostics.map((d) => [d.code, d.range.file, d.range.line, d.range.column]), [['duplicate-id', '02-b.md', 1, 14]]);
    assert.deepEqual(r.roadmap.skills.map((s) => s.file), ['01-a.md']);
  });

  it('reports the same places for CRLF line endings and a byte-order mark', () => {
    const lf = skillFile('01-a.md', 'a', ['t1', 'BAD']);
    const crlf = { path: lf.path, text: `\uFEFF${lf.text.replace(/\n/g, '\r\n')}` };
    assert.deepEqual(plain(parseRoadmap([crlf]).diagnostics), plain(parseRoadmap([lf]).diagnostics));
    assert.deepEqual(parseRoadmap([crlf]).roadmap, parseRoadmap([lf]).roadmap);
    assert.equal(parseRoadmap([lf]).diagnostics[0]?.range.column, 17);
  });

  it('reads markup in titles as plain text and joins wrapped topic lines', () => {
    const text = [
      '# Using `numpy` *well* {#np}',
      '',
      'Duration: 2-3 weeks',
      '',
      'First paragraph',
      'wrapped.',
      '',
      'Second paragraph.',
      '',
      '## topics',
      '',
      '- [x] A topic that is',
      '  wrapped onto two lines {#np-wrapped}',
      '',
      '<!-- a comment is fine anywhere -->',
    ].join('\n');
    const r = parseRoadmap([{ path: '01-np.md', text }]);
    assert.deepEqual(r.diagnostics, []);
    const skill = r.roadmap.skills[0];
    assert.equal(skill?.title, 'Using numpy well');
    assert.deepEqual(skill?.duration, { text: '2-3 weeks', minWeeks: 2, maxWeeks: 3 });
    assert.equal(skill?.description, 'First paragraph wrapped.\n\nSecond paragraph.');
    assert.equal(skill?.topics[0]?.title, 'A topic that is wrapped onto two lines');
  });

  it('never throws on input that is not what the types promise', () => {
    const bad: unknown[] = [null, undefined, 42, 'text', [null], [{}], [{ path: 3, text: 'x' }], [{ path: '01-x.md', text: null }]];
    for (const input of bad) {
      const r = parseRoadmap(input as SourceFile[]);
      assert.ok(Array.isArray(r.roadmap.skills));
      assert.ok(Array.isArray(r.diagnostics));
      assert.ok(!r.diagnostics.some((d: Diagnostic) => d.code === 'internal-error'), JSON.stringify(input));
    }
  });
});
