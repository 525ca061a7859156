// Each malformed fixture yields exactly the diagnostics listed here: code, place and message.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRoadmap } from '../../../src/roadmap/parse';
import type { ParseResult } from '../../../src/roadmap/model';
import { FIXTURES_DIR, plain, TIMEOUT_MS } from './helpers';

type Expected = [severity: 'error' | 'warning', code: string, line: number, column: number, message: string];

function parseFixture(name: string): ParseResult {
  const text = readFileSync(join(FIXTURES_DIR, 'malformed', name), 'utf8');
  return parseRoadmap([{ path: name, text }]);
}

function expectDiagnostics(name: string, expected: readonly Expected[]): ParseResult {
  const result = parseFixture(name);
  assert.deepEqual(
    plain(result.diagnostics),
    expected.map(([severity, code, line, column, message]) => ({ severity, code, file: name, line, column, message })),
  );
  return result;
}

const ID_RULE = 'use lowercase letters, digits and dashes, starting with a letter or digit';
const SINGLE_LINK = 'A resource is a single link: write "- [Title](https://…)"';

describe('malformed skill files', function () {
  this.timeout(TIMEOUT_MS);
  it('missing-title: no "# " heading, the skill is left out', () => {
    const r = expectDiagnostics('01-missing-title.md', [
      ['error', 'missing-title', 1, 1, 'The skill file has no title: start it with "# Title {#id}"'],
    ]);
    assert.deepEqual(r.roadmap.skills, []);
  });

  it('missing-id: skill, topic and project without {#id}', () => {
    const r = expectDiagnostics('01-missing-id.md', [
      ['error', 'missing-id', 1, 1, 'Skill "Skill Without Id" has no id: end it with {#some-id}'],
      ['error', 'missing-id', 10, 1, 'Topic "Topic without an id" has no id: end it with {#some-id}'],
      ['error', 'missing-id', 14, 1, 'Project "Project Without Id" has no id: end it with {#some-id}'],
    ]);
    assert.deepEqual(r.roadmap.skills, []);
  });

  it('invalid-id: reported at the {#…} marker', () => {
    expectDiagnostics('01-invalid-id.md', [
      ['error', 'invalid-id', 1, 11, `Invalid id "Bad_Id": ${ID_RULE}`],
      ['error', 'invalid-id', 9, 20, `Invalid id "-dash": ${ID_RULE}`],
      ['error', 'invalid-id', 11, 14, `Invalid id "two words": ${ID_RULE}`],
    ]);
  });

  it('duplicate-id: names where the id was first used; the duplicates are left out', () => {
    const r = expectDiagnostics('01-duplicate-id.md', [
      ['error', 'duplicate-id', 10, 28, 'Duplicate id "dup": already used by the skill at 01-duplicate-id.md:1:1'],
      ['error', 'duplicate-id', 14, 24, 'Duplicate id "dup-topic": already used by the topic at 01-duplicate-id.md:9:1'],
    ]);
    const skill = r.roadmap.skills[0];
    assert.deepEqual(skill?.topics.map((t) => t.id), ['dup-topic']);
    assert.deepEqual(skill?.projects, []);
  });

  it('missing-duration: the skill stays, with an empty duration', () => {
    const r = expectDiagnostics('01-missing-duration.md', [
      ['error', 'missing-duration', 1, 1, 'Skill "No Duration" has no duration: add "Duration: N weeks" under the title'],
    ]);
    assert.deepEqual(r.roadmap.skills[0]?.duration, { text: '' });
  });

  it('invalid-duration: a range that runs backwards', () => {
    const r = expectDiagnostics('01-invalid-duration.md', [
      ['error', 'invalid-duration', 3, 1, 'Invalid duration "10-4 weeks": use "N weeks", "N-M weeks" or "Ongoing"'],
    ]);
    assert.deepEqual(r.roadmap.skills[0]?.duration, { text: '10-4 weeks' });
  });

  it('unknown-section: at skill and at project level', () => {
    const r = expectDiagnostics('01-unknown-section.md', [
      ['error', 'unknown-section', 7, 1, 'Unknown section "Notes": a skill has only Resources, Topics and Projects sections'],
      ['error', 'unknown-section', 17, 1, 'Unknown project section "Extras": a project has only Includes, Key features and Practice sections'],
    ]);
    assert.deepEqual(r.roadmap.skills[0]?.projects.map((p) => p.id), ['us-project']);
    assert.deepEqual(r.roadmap.skills[0]?.duration, { text: 'Ongoing' });
  });

  it('empty-topic: a bare checkbox, and a checkbox with only an id', () => {
    const r = expectDiagnostics('01-empty-topic.md', [
      ['error', 'empty-topic', 9, 1, 'Empty topic: write "- [ ] Title {#id}"'],
      ['error', 'empty-topic', 10, 1, 'Empty topic: write "- [ ] Title {#id}"'],
    ]);
    assert.deepEqual(r.roadmap.skills[0]?.topics.map((t) => t.id), ['et-fine']);
  });

  it('invalid-resource: text, link plus text, non-http URL, link without title', () => {
    const r = expectDiagnostics('01-invalid-resource.md', [
      ['error', 'invalid-resource', 9, 1, SINGLE_LINK],
      ['error', 'invalid-resource', 10, 1, SINGLE_LINK],
      ['error', 'invalid-resource', 11, 1, 'Resource "FTP site" must link to an http(s) URL, not "ftp://example.com/file"'],
      ['error', 'invalid-resource', 13, 1, 'The resource link to https://example.com/untitled has no title'],
    ]);
    assert.deepEqual(r.roadmap.skills[0]?.resources, [{ title: 'Good', url: 'https://example.com/good' }]);
  });

  it('missing-description: warnings for a skill and a project', () => {
    const r = expectDiagnostics('01-missing-description.md', [
      ['warning', 'missing-description', 1, 1, 'Skill "Terse" has no description: add a paragraph under the Duration line'],
      ['warning', 'missing-description', 7, 1, 'Project "Terse Project" has no description: add a paragraph under its heading'],
    ]);
    assert.equal(r.roadmap.skills[0]?.projects[0]?.practice, 'Practice without a description.');
  });

  it('multiple-titles: the second "# " heading is ignored, its content kept', () => {
    const r = expectDiagnostics('01-multiple-titles.md', [
      ['error', 'multiple-titles', 7, 1, 'A skill file has a single "# Title {#id}" heading; this one is ignored'],
    ]);
    assert.equal(r.roadmap.skills[0]?.id, 'mtt');
    assert.deepEqual(r.roadmap.skills[0]?.topics.map((t) => t.id), ['mtt-topic']);
  });

  it('not-a-task: a plain bullet under Topics is kept, with a warning', () => {
    const r = expectDiagnostics('01-not-a-task.md', [
      ['warning', 'not-a-task', 9, 1, 'Topic "A plain bullet" is not a task list item: write "- [ ] A plain bullet {#nat-plain}"'],
    ]);
    assert.deepEqual(r.roadmap.skills[0]?.topics.map((t) => t.id), ['nat-plain', 'nat-ticked']);
  });

  it('unexpected-content: blocks where they are not read', () => {
    expectDiagnostics('01-unexpected-content.md', [
      ['warning', 'unexpected-content', 1, 1, 'This paragraph comes before the skill title and is ignored'],
      ['warning', 'unexpected-content', 11, 1, 'Only a list belongs under Topics; this paragraph is ignored'],
      ['warning', 'unexpected-content', 17, 1, 'This paragraph comes before the first "### Project {#id}" heading and is ignored'],
      ['warning', 'unexpected-content', 25, 1, 'Only a list belongs under Includes; this paragraph is ignored'],
    ]);
  });
});
