// The fuzz targets: each takes a seeded Random, builds one input, calls one pure API and returns
// what its oracle found. A thrown exception is a crash (the runner catches it); `silent` names an
// input the API should have refused or reported but did not. Pure: the real files come in a Corpus.
import { parseRoadmap } from '../../src/roadmap/parse';
import { parseMilestones } from '../../src/roadmap/milestones';
import { checkInputLimits } from '../../src/roadmap/limits';
import { normalizeText } from '../../src/roadmap/markdown';
import { ID_PATTERN } from '../../src/shared/safePath';
import type { Diagnostic, SourceFile } from '../../src/roadmap/model';
import { recoverState } from '../../src/progress/state';
import { exportProgress, parseImport, EXPORT_FORMAT } from '../../src/progress/transfer';
import { planScaffold, type PathKind } from '../../src/scaffold/plan';
import { parseJunit, type CaseStatus } from '../../src/checks/junit';
import { isWebviewMessage } from '../../src/shared/labProtocol';
import { isDemoWebviewMessage } from '../../src/shared/demoProtocol';
import { checkModelBytes } from '../../src/shared/inference/validate';
import type { Random } from '../unit/seededRandom';
import { int, mutate, pick, randomChunk, randomValue } from './mutate';

export interface Corpus {
  /** The roadmap folder's files (skill files and overview), paths relative to it. */
  readonly roadmap: readonly SourceFile[];
  /** Every project's milestones.md. */
  readonly milestones: readonly SourceFile[];
  /** The bundled .onnx models. */
  readonly models: readonly Uint8Array[];
}

/** What one case found; both empty means the API behaved. */
export interface Outcome {
  /** An input the API accepted without the refusal or diagnostic it called for. */
  readonly silent?: string;
  /** What the case did, for a replay. */
  readonly note?: string;
}

export interface Target {
  readonly name: string;
  readonly defaultCases: number;
  readonly run: (rnd: Random, index: number) => Outcome;
}

const fail = (why: string): never => { throw new Error(why); };

/** Diagnostics must be well formed; an internal error is the parser catching its own crash. */
function checkDiagnostics(diagnostics: readonly Diagnostic[]): void {
  if (!Array.isArray(diagnostics)) fail('diagnostics is not an array');
  for (const d of diagnostics) {
    if (d.code === 'internal-error') fail(`internal-error: ${d.message}`);
    if (d.severity !== 'error' && d.severity !== 'warning') fail(`severity ${String(d.severity)}`);
    if (typeof d.message !== 'string' || d.message.length === 0) fail(`empty message for ${d.code}`);
    for (const n of [d.range.line, d.range.column, d.range.endLine, d.range.endColumn]) {
      if (!Number.isInteger(n) || n < 1) fail(`bad position ${n} in ${d.code}`);
    }
  }
}

/** A file over a limit must come with an error naming it. */
function limitSilence(path: string, text: string, diagnostics: readonly Diagnostic[]): string | undefined {
  if (!checkInputLimits(path, normalizeText(text)).blocked) return undefined;
  const reported = diagnostics.some((d) => d.severity === 'error' && d.range.file === path);
  return reported ? undefined : `${path} is over an input limit but got no error`;
}

function uniqueIds(ids: readonly string[]): string | undefined {
  const bad = ids.find((id) => !ID_PATTERN.test(id));
  if (bad !== undefined) return `invalid id ${JSON.stringify(bad)} in the model`;
  return new Set(ids).size === ids.length ? undefined : 'duplicate ids in the model';
}

function roadmapTarget(corpus: Corpus): Target {
  const skills = corpus.roadmap.filter((f) => /^\d\d-/.test(f.path));
  return {
    name: 'roadmap parser', defaultCases: 10_000,
    run(rnd, index) {
      const file = pick(rnd, skills);
      // Most cases parse a window of one file (remark is the cost); every 100th the whole folder.
      const whole = index % 100 === 0;
      let text = file.text;
      if (!whole) {
        const ls = text.split('\n');
        const start = int(rnd, ls.length);
        text = ls.slice(start, start + 6 + int(rnd, 30)).join('\n');
        if (rnd() < 0.5) text = `${ls[0] ?? ''}\n\n${text}`;
      }
      const { text: mutated, applied } = mutate(rnd, text);
      const input = whole ? corpus.roadmap.map((f) => (f === file ? { path: f.path, text: mutated } : f)) : [{ path: file.path, text: mutated }];
      const result = parseRoadmap(input);
      if (!Array.isArray(result.roadmap.skills)) fail('roadmap.skills is not an array');
      checkDiagnostics(result.diagnostics);
      const ids = result.roadmap.skills.flatMap((s) => [s.id, ...s.topics.map((t) => t.id), ...s.projects.map((p) => p.id)]);
      const silent = limitSilence(file.path, mutated, result.diagnostics) ?? uniqueIds(ids);
      return { note: `${file.path}${whole ? ' (whole roadmap)' : ''}: ${applied.join(', ')}`, ...(silent ? { silent } : {}) };
    },
  };
}

function milestoneTarget(corpus: Corpus): Target {
  return {
    name: 'milestone parser', defaultCases: 10_000,
    run(rnd) {
      const file = pick(rnd, corpus.milestones);
      const { text, applied } = mutate(rnd, file.text);
      const r = parseMilestones(file.path, text);
      if (!Array.isArray(r.milestones)) fail('milestones is not an array');
      checkDiagnostics(r.diagnostics);
      const silent = limitSilence(file.path, text, r.diagnostics) ?? uniqueIds(r.milestones.map((m) => m.id));
      return { note: `${file.path}: ${applied.join(', ')}`, ...(silent ? { silent } : {}) };
    },
  };
}

const ITEM_IDS = ['python-basics', 'mnist-digits', 'a', 'x-1', 'Bad', '', '__proto__', 'constructor', '-x', 'é'];
const FIELD_KEYS = ['done', 'doneAt', 'note', 'scaffoldedAt', 'milestones', 'future', '__proto__'];

/** A stored progress value: realistic in shape, random in its values. */
function randomProgress(rnd: Random): Record<string, unknown> {
  const items: Record<string, unknown> = {};
  for (let n = int(rnd, 5); n > 0; n--) {
    const entry: Record<string, unknown> = {};
    for (let k = 1 + int(rnd, 3); k > 0; k--) {
      const key = pick(rnd, FIELD_KEYS);
      entry[key] = rnd() < 0.5 ? randomValue(rnd, 2) : pick<unknown>(rnd, [true, false, 'note text', '2024-02-03T04:05:06.000Z', { m1: 'passed', m2: 'manual' }]);
    }
    items[pick(rnd, ITEM_IDS)] = rnd() < 0.9 ? entry : randomValue(rnd, 1);
  }
  return { version: rnd() < 0.85 ? 1 : randomValue(rnd, 1), items, ...(rnd() < 0.2 ? { extra: randomValue(rnd, 1) } : {}) };
}

/** Why an independent reading says this progress cannot be read in full, if it cannot. */
function unreadablePart(raw: Record<string, unknown>): string | undefined {
  if (raw.version !== 1 || typeof raw.items !== 'object' || raw.items === null || Array.isArray(raw.items)) return undefined;
  for (const [id, entry] of Object.entries(raw.items)) {
    if (!ID_PATTERN.test(id)) return `item id ${JSON.stringify(id)}`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return `item ${id} is not an object`;
    const e = entry as Record<string, unknown>;
    if (Object.hasOwn(e, 'done') && e.done !== undefined && typeof e.done !== 'boolean') return `${id}.done is ${JSON.stringify(e.done)}`;
    if (Object.hasOwn(e, 'note') && e.note !== undefined && typeof e.note !== 'string') return `${id}.note is not text`;
  }
  return undefined;
}

function recoveryTarget(): Target {
  return {
    name: 'progress recovery', defaultCases: 10_000,
    run(rnd) {
      const raw = rnd() < 0.2 ? randomValue(rnd) : randomProgress(rnd);
      const r = recoverState(raw);
      if (!Array.isArray(r.problems) || typeof r.state?.items !== 'object') fail('recoverState returned a malformed result');
      const bad = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? unreadablePart(raw as Record<string, unknown>) : undefined;
      return bad !== undefined && r.problems.length === 0 ? { silent: `recovered with no problem although ${bad}` } : {};
    },
  };
}

function importTarget(): Target {
  return {
    name: 'progress import', defaultCases: 10_000,
    run(rnd) {
      const value = rnd() < 0.15 ? randomValue(rnd) : { format: rnd() < 0.9 ? EXPORT_FORMAT : randomChunk(rnd), exportedAt: '2024-01-01T00:00:00.000Z', ...randomProgress(rnd) };
      let text = JSON.stringify(value, null, rnd() < 0.5 ? 2 : undefined) ?? 'undefined';
      let applied: string[] = [];
      if (rnd() < 0.4) ({ text, applied } = mutate(rnd, text));
      const r = parseImport(text);
      if (typeof r.ok !== 'boolean') fail('parseImport returned a malformed result');
      if (!r.ok) {
        if (typeof r.reason !== 'string' || r.reason === '') fail('a refusal without a reason');
        return {};
      }
      let parsed: unknown;
      try { parsed = JSON.parse(text.replace(/^\uFEFF/, '')); } catch { return { silent: 'accepted text that is not JSON' }; }
      const bad = unreadablePart(parsed as Record<string, unknown>);
      if (bad !== undefined) return { silent: `imported although ${bad}` };
      // The learner's own export of what was imported must import again.
      const again = parseImport(exportProgress(r.state, new Date(0)));
      return again.ok ? { note: applied.join(', ') } : { silent: `the re-export of an import is refused: ${again.reason}` };
    },
  };
}

const SEGMENTS = ['src', 'tests', 'a', 'A', 'data.csv', '..', '.', '', ' ', 'x.', 'CON', 'nul.txt', 'a:b', 'a\\b', 'C:', '~', 'é', 'e\u0301', '\u0000', 'q?', 'a'.repeat(256), '🙂', '__pycache__'];
const KINDS: readonly PathKind[] = ['missing', 'missing', 'missing', 'file', 'directory', 'symlink'];

/** `s` without the characters XML 1.0 cannot hold (controls, lone surrogates, U+FFFE/U+FFFF). */
function xmlText(s: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  return s.replace(/[\u0000-\u001f\uD800-\uDFFF\uFFFE\uFFFF]/g, '');
}

/** Whether an independent check finds `path` a plain relative path inside the target. */
function staysInside(path: string): boolean {
  // eslint-disable-next-line no-control-regex -- a control character is one of the things refused
  return !/^[/~]|^[A-Za-z]:|\\|[\u0000-\u001f]/.test(path) && path.split('/').every((s) => s !== '' && s !== '.' && s !== '..');
}

function scaffoldTarget(): Target {
  return {
    name: 'scaffold planner', defaultCases: 10_000,
    run(rnd) {
      // A template folder lists each file once.
      const files = [...new Set(Array.from({ length: 1 + int(rnd, 6) }, () => {
        const p = Array.from({ length: 1 + int(rnd, 4) }, () => (rnd() < 0.8 ? pick(rnd, SEGMENTS) : randomChunk(rnd))).join('/');
        return rnd() < 0.1 ? `/${p}` : p;
      }))];
      const kinds = new Map<string, PathKind>();
      const kindOf = (p: string): PathKind => {
        if (!kinds.has(p)) kinds.set(p, pick(rnd, KINDS));
        return kinds.get(p) as PathKind;
      };
      const plan = planScaffold(files, kindOf);
      const planned = [...plan.writes, ...plan.conflicts, ...plan.refused.map((r) => r.path)];
      if ([...planned].sort().join('\0') !== [...files].sort().join('\0')) return { silent: 'a template file is neither written, kept nor refused' };
      for (const w of [...plan.writes, ...plan.conflicts]) {
        if (!staysInside(w)) return { silent: `planned ${JSON.stringify(w)}, which is not inside the target` };
      }
      for (const w of plan.writes) {
        const parts = w.split('/');
        const under = parts.slice(1).map((_, i) => parts.slice(0, i + 1).join('/')).find((p) => kinds.get(p) === 'symlink');
        if (under !== undefined) return { silent: `writes ${JSON.stringify(w)} through the symbolic link ${JSON.stringify(under)}` };
        if (kinds.get(w) !== undefined && kinds.get(w) !== 'missing') return { silent: `writes over the existing ${JSON.stringify(w)}` };
      }
      const folded = plan.writes.map((w) => w.normalize('NFC').toLowerCase());
      const twin = plan.writes.find((w, i) => folded.indexOf(folded[i]) !== i);
      if (twin !== undefined) return { silent: `writes ${JSON.stringify(plan.writes.filter((w) => w.normalize('NFC').toLowerCase() === twin.normalize('NFC').toLowerCase()))}, which collide on Windows or macOS` };
      return {};
    },
  };
}

const STATUSES: readonly CaseStatus[] = ['passed', 'failed', 'error', 'skipped'];
const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

function junitTarget(): Target {
  return {
    name: 'junit reader', defaultCases: 10_000,
    run(rnd) {
      const expected = new Map<string, CaseStatus>();
      const cases = Array.from({ length: int(rnd, 6) }, (_, i) => {
        const status = pick(rnd, STATUSES);
        const name = `test_${i}${rnd() < 0.3 ? `[${escapeXml(xmlText(randomChunk(rnd)))}]` : ''}`;
        const body = status === 'passed' ? '' : `<${status === 'error' ? 'error' : status === 'failed' ? 'failure' : 'skipped'} message="m${i}">${escapeXml(xmlText(randomChunk(rnd)))}</${status === 'error' ? 'error' : status === 'failed' ? 'failure' : 'skipped'}>`;
        expected.set(`test_${i}`, status);
        return `<testcase classname="tests.test_x" name="${name}" file="tests/test_x.py" time="0.${i}">${body}</testcase>`;
      });
      let xml = `<?xml version="1.0" encoding="utf-8"?><testsuites><testsuite name="pytest" tests="${cases.length}">${cases.join('\n')}</testsuite></testsuites>`;
      const clean = rnd() < 0.4;
      let applied: string[] = [];
      if (!clean) ({ text: xml, applied } = mutate(rnd, xml));
      const report = parseJunit(xml);
      if (!Array.isArray(report.cases) || !Array.isArray(report.collectionErrors)) fail('parseJunit returned a malformed report');
      for (const c of report.cases) {
        if (!STATUSES.includes(c.status) || typeof c.nodeId !== 'string' || !Number.isFinite(c.durationS) || c.durationS < 0) fail(`malformed case ${JSON.stringify(c)}`);
      }
      if (clean) {
        if (report.cases.length !== expected.size || report.collectionErrors.length) return { silent: `a clean report read as ${report.cases.length} cases, ${report.collectionErrors.length} errors` };
        for (const c of report.cases) {
          const want = expected.get(/::(test_\d+)/.exec(c.nodeId)?.[1] ?? '');
          if (want !== c.status) return { silent: `${c.nodeId} read as ${c.status}, written as ${String(want)}` };
        }
      }
      return { note: applied.join(', ') };
    },
  };
}

/** The valid message of each type, from which a case builds a broken one. */
const LAB_MESSAGES: readonly Record<string, unknown>[] = [
  { type: 'ready' }, { type: 'painted' }, { type: 'cancel' }, { type: 'scaffold' }, { type: 'trust' }, { type: 'installEnvironment' },
  { type: 'selectInterpreter' }, { type: 'setPythonPath' }, { type: 'openDemo' }, { type: 'showTestChanges' }, { type: 'restoreTests' },
  { type: 'startOver' }, { type: 'run' }, { type: 'run', milestoneId: 'm1' },
  { type: 'markManual', milestoneId: 'm1', done: true }, { type: 'compare', milestoneId: 'm-2' },
  { type: 'openFile', path: 'src/a.py' }, { type: 'openLink', url: 'https://example.org/x' },
];
const DEMO_MESSAGES: readonly Record<string, unknown>[] = [
  { type: 'ready' }, { type: 'shown', demo: 'draw' }, { type: 'listModels', requestId: 0 }, { type: 'pickModel', requestId: 3, purpose: 'generator' },
  { type: 'loadModel', requestId: 4, id: 'models/a.onnx' }, { type: 'openModelCard', model: 'mnist-mlp' },
];
/** Values each message key must not take. */
const INVALID: Readonly<Record<string, readonly unknown[]>> = {
  requestId: [-1, 1.5, NaN, Infinity, 2 ** 53, '1', null, {}, []],
  milestoneId: ['', 'Bad Id', '-x', 'M1', 'x'.repeat(101), 1, null, ['m1']],
  done: ['true', 1, 0, null],
  path: ['', '/etc/passwd', 'C:\\x', 'a\\b', 'a/../b', '..', 'a//b', './a', 'x'.repeat(301), 1, null],
  url: ['javascript:alert(1)', 'file:///etc/passwd', 'https://a b', `https://${'x'.repeat(2000)}`, 1, null],
  demo: ['Draw', 'nope', '', 1, null],
  purpose: ['Classifier', '', 1, null],
  id: ['', 'x'.repeat(4097), 1, null, {}],
  model: ['mnist', 'MNIST-MLP', 1, null],
};
/** Keys a message may leave out. */
const OPTIONAL = new Set(['run.milestoneId', 'pickModel.purpose']);

function guardTarget(name: string, valid: readonly Record<string, unknown>[], guard: (v: unknown) => boolean): Target {
  return {
    name, defaultCases: 10_000,
    run(rnd) {
      const base = pick(rnd, valid);
      if (!guard(base)) fail(`the guard refuses the valid ${JSON.stringify(base)}`);
      const m: Record<string, unknown> = { ...base };
      const keys = Object.keys(m).filter((k) => k !== 'type');
      const required = keys.filter((k) => !OPTIONAL.has(`${String(base.type)}.${k}`));
      const how = int(rnd, 4);
      if (how === 0 || keys.length === 0) {
        const key = rnd() < 0.5 ? pick(rnd, ['extra', 'constructor', 'requestId', 'path', 'url', '__proto__']) : randomChunk(rnd);
        if (Object.hasOwn(m, key)) return {};
        Object.defineProperty(m, key, { value: randomValue(rnd, 1), enumerable: true, writable: true, configurable: true });
        return guard(m) ? { silent: `accepted an extra key ${JSON.stringify(key)}: ${JSON.stringify(m)}` } : {};
      }
      if (how === 1) {
        m.type = pick<unknown>(rnd, [String(m.type).toUpperCase(), `${String(m.type)} `, undefined, 1, randomChunk(rnd)]);
        return guard(m) ? { silent: `accepted type ${JSON.stringify(m.type)}` } : {};
      }
      if (how === 2) {
        if (!required.length) return {};
        delete m[pick(rnd, required)];
        return guard(m) ? { silent: `accepted a message missing a key: ${JSON.stringify(m)}` } : {};
      }
      const key = pick(rnd, keys);
      m[key] = pick(rnd, INVALID[key] ?? [Symbol('no such value')]);
      return guard(m) ? { silent: `accepted ${key}: ${String(JSON.stringify(m[key])).slice(0, 60)}` } : {};
    },
  };
}

/** Where each top-level protobuf field of a (valid) model ends, by an independent walk. */
function fieldEnds(bytes: Uint8Array): Set<number> {
  const ends = new Set<number>([0]);
  const varint = (at: number): [number, number] => {
    let v = 0; let scale = 1; let i = at;
    for (;; i++) { const b = bytes[i] ?? 0; v += (b & 0x7f) * scale; scale *= 128; if (!(b & 0x80)) return [v, i + 1]; }
  };
  for (let pos = 0; pos < bytes.length; ) {
    const [tag, next] = varint(pos);
    const wire = tag % 8;
    if (wire === 0) pos = varint(next)[1];
    else if (wire === 2) { const [len, p] = varint(next); pos = p + len; } else pos = next + (wire === 1 ? 8 : 4);
    ends.add(pos);
  }
  return ends;
}

function modelTarget(corpus: Corpus): Target {
  const ends = corpus.models.map(fieldEnds);
  return {
    name: 'model validator', defaultCases: 10_000,
    run(rnd) {
      const which = int(rnd, corpus.models.length);
      const model = corpus.models[which];
      const how = int(rnd, 4);
      if (how === 0) {
        const cut = int(rnd, model.length);
        const r = checkModelBytes(model.subarray(0, cut));
        return r.ok && !(ends[which]).has(cut) ? { silent: `accepted model ${which} cut inside a field at byte ${cut}` } : { note: `cut at ${cut}` };
      }
      if (how === 1) {
        const r = checkModelBytes(model, { maxBytes: int(rnd, model.length) });
        return r.ok ? { silent: 'accepted a model over maxBytes' } : {};
      }
      const bytes = how === 2 ? Uint8Array.from(model) : Uint8Array.from({ length: int(rnd, 300) }, () => int(rnd, 256));
      for (let n = 1 + int(rnd, 10); n > 0 && bytes.length; n--) bytes[int(rnd, bytes.length)] = int(rnd, 256);
      const r = checkModelBytes(bytes);
      if (typeof r.ok !== 'boolean' || (!r.ok && !r.reason)) fail('a malformed check result');
      return bytes.length === 0 && r.ok ? { silent: 'accepted an empty file' } : {};
    },
  };
}

/** Every target, in the table's order. */
export function allTargets(corpus: Corpus): Target[] {
  return [
    roadmapTarget(corpus), milestoneTarget(corpus), recoveryTarget(), importTarget(), scaffoldTarget(), junitTarget(),
    guardTarget('lab message guard', LAB_MESSAGES, isWebviewMessage), guardTarget('demo message guard', DEMO_MESSAGES, isDemoWebviewMessage),
    modelTarget(corpus),
  ];
}
