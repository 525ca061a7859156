// The shipped roadmap/ content parses cleanly into the expected shape.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseRoadmap } from '../../../src/roadmap/parse';
import { loadRoadmapFolder } from '../../../src/roadmap/load';
import { ID_PATTERN } from '../../../src/shared/safePath';
import type { ParseResult, Skill } from '../../../src/roadmap/model';
import { plain, readMarkdownFolder, repoRoot, ROADMAP_DIR, TIMEOUT_MS } from './helpers';

describe('the built-in roadmap', function () {
  this.timeout(TIMEOUT_MS);
  let result: ParseResult;
  let skills: readonly Skill[];
  before(() => {
    result = parseRoadmap(readMarkdownFolder(ROADMAP_DIR));
    skills = result.roadmap.skills;
  });

  it('parses without any diagnostic', () => {
    assert.deepEqual(plain(result.diagnostics), []);
  });

  it('has 9 skills in file order, 90 topics and 27 projects', () => {
    assert.deepEqual(
      skills.map((s) => s.id),
      ['python', 'math', 'ml-fundamentals', 'deep-learning', 'computer-vision', 'nlp', 'advanced-dl', 'mlops', 'research'],
    );
    assert.deepEqual(skills.map((s) => s.order), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.equal(skills.flatMap((s) => s.topics).length, 90);
    assert.equal(skills.flatMap((s) => s.projects).length, 27);
    for (const skill of skills) {
      assert.equal(skill.topics.length, 10, skill.id);
      assert.equal(skill.projects.length, 3, skill.id);
    }
  });

  it('reads the durations 6/10/8/8/8/8/8/6 weeks and ongoing', () => {
    assert.deepEqual(
      skills.map((s) => s.duration.minWeeks),
      [6, 10, 8, 8, 8, 8, 8, 6, undefined],
    );
    assert.deepEqual(skills.map((s) => s.duration.maxWeeks), skills.map((s) => s.duration.minWeeks));
    assert.deepEqual(skills[8]?.duration, { text: 'Ongoing' });
    assert.deepEqual(skills[1]?.duration, { text: '10 weeks', minWeeks: 10, maxWeeks: 10 });
  });

  it('gives every skill, topic and project a valid id, unique across the roadmap', () => {
    const ids = skills.flatMap((s) => [s.id, ...s.topics.map((t) => t.id), ...s.projects.map((p) => p.id)]);
    assert.equal(ids.length, 9 + 90 + 27);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, ID_PATTERN);
  });

  it('strips the {#id} from titles', () => {
    assert.deepEqual(skills.map((s) => s.title), [
      'Python & Programming',
      'Mathematics for AI',
      'ML Fundamentals',
      'Deep Learning Basics',
      'Computer Vision',
      'Natural Language Processing',
      'Advanced Deep Learning',
      'MLOps & Production AI',
      'Research & Specialization',
    ]);
    const python = skills[0];
    const { summary, ...first } = python?.topics[0] ?? {};
    assert.deepEqual(first, {
      kind: 'topic',
      id: 'python-advanced-features',
      title: 'Advanced language features: decorators, generators and context managers',
      skillId: 'python',
      range: { file: '01-python.md', line: 18, column: 1, endLine: 25, endColumn: 60 },
    });
    assert.match(summary ?? '', /^Decorators wrap a function/);
    assert.equal(skills[1]?.topics[0]?.title, 'Linear algebra: vectors, matrices and eigenvalues');
    assert.equal(skills[8]?.topics[9]?.title, 'Choosing one or more areas to specialize in');
    assert.deepEqual(skills[1]?.projects.map((p) => p.title), [
      'Neural Network from Scratch',
      'Optimization Visualizer',
      'Probability Distributions Library',
    ]);
    for (const item of skills.flatMap((s) => [s, ...s.topics, ...s.projects])) {
      assert.doesNotMatch(item.title, /\{#|\}/, item.id);
    }
  });

  it('reads a whole project: description, includes, key features and practice', () => {
    const project = skills[0]?.projects[0];
    assert.equal(project?.id, 'ai-utilities-library');
    assert.equal(project?.skillId, 'python');
    assert.equal(
      project?.description,
      'Create a small library of helpers that you can reuse across your own AI work, from loading data ' +
        'to plotting results, and package it the way a real open-source project would be.',
    );
    assert.deepEqual(project?.includes, [
      'Helpers for loading data',
      'Preprocessing functions',
      'Utilities that support model training',
      'Evaluation metrics',
      'Plotting and visualization tools',
      'Documentation',
      'Unit tests',
    ]);
    assert.equal(project?.keyFeatures.length, 6);
    assert.equal(project?.practice, 'Software engineering, packaging, testing and writing documentation.');
    assert.deepEqual(project?.range, { file: '01-python.md', line: 100, column: 1, endLine: 100, endColumn: 49 });
    for (const p of skills.flatMap((s) => s.projects)) {
      assert.ok(p.description && p.includes.length > 0 && p.keyFeatures.length > 0 && p.practice, p.id);
    }
  });

  it('gives each of the 90 topics a text of 2 to 4 sentences that names one of its skill\'s resources', () => {
    for (const skill of skills) {
      for (const topic of skill.topics) {
        const { summary } = topic;
        assert.ok(summary.length >= 200 && summary.length <= 700, `${topic.id}: ${summary.length} characters`);
        const sentences = summary.split(/(?<=[.!?])\s+(?=[A-Z0-9])/);
        assert.ok(sentences.length >= 2 && sentences.length <= 4, `${topic.id}: ${sentences.length} sentences`);
        assert.ok(skill.resources.some((r) => summary.includes(r.title)), `${topic.id} names none of: ${skill.resources.map((r) => r.title).join(', ')}`);
        assert.doesNotMatch(summary, /\{#|\n(?!\n)/, topic.id);
      }
    }
    assert.equal(new Set(skills.flatMap((s) => s.topics.map((t) => t.summary))).size, 90, 'two topics share a text');
  });

  it('reads descriptions and http(s) resources for every skill', () => {
    assert.match(skills[0]?.description ?? '', /^Almost every AI tool you will use is driven from Python, so this skill/);
    assert.doesNotMatch(skills[0]?.description ?? '', /\n|Duration/);
    assert.deepEqual(skills[0]?.resources[0], { title: 'Python.org Documentation', url: 'https://docs.python.org/3/' });
    for (const skill of skills) {
      assert.ok(skill.description.length > 100, skill.id);
      assert.ok(skill.resources.length >= 3, skill.id);
      for (const r of skill.resources) assert.match(r.url, /^https?:\/\//);
      assert.ok(skill.file.startsWith(`${String(skill.order).padStart(2, '0')}-`), skill.file);
    }
  });

  it('keeps overview.md verbatim', () => {
    assert.equal(result.roadmap.overview, readFileSync(join(ROADMAP_DIR, 'overview.md'), 'utf8'));
  });

  it('loads the same roadmap from the folder', async () => {
    const loaded = await loadRoadmapFolder(ROADMAP_DIR);
    assert.deepEqual(loaded, result);
  });

  it('has a project id for every folder under roadmap/projects/', () => {
    const projectIds = new Set(skills.flatMap((s) => s.projects.map((p) => p.id)));
    const dir = join(ROADMAP_DIR, 'projects');
    for (const name of readdirSync(dir)) {
      if (statSync(join(dir, name)).isDirectory()) assert.ok(projectIds.has(name), name);
    }
  });
});

describe('the parser sources', function () {
  this.timeout(TIMEOUT_MS);
  /** Every source file reachable through relative imports from `entry`. */
  function importGraph(entry: string): string[] {
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const [, spec] of readFileSync(file, 'utf8').matchAll(/from\s+'(\.[^']+)'/g)) {
        const path = join(dirname(file), spec);
        visit(existsSync(`${path}.ts`) ? `${path}.ts` : join(path, 'index.ts'));
      }
    };
    visit(entry);
    return [...seen];
  }

  it('never import vscode, so the parser bundle and the CLI load anywhere', () => {
    const root = repoRoot();
    const files = [
      ...importGraph(join(root, 'src', 'roadmap', 'index.ts')),
      ...importGraph(join(root, 'src', 'cli', 'roadmapCheck.ts')),
    ];
    assert.ok(files.length > 10);
    for (const file of files) {
      assert.doesNotMatch(readFileSync(file, 'utf8'), /from ['"]vscode['"]|require\(['"]vscode['"]\)/, file);
    }
  });
});
