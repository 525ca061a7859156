// The `metric` check kind: `Check: metric \`metrics.json\` \`accuracy\` \`>= 0.9\`` passes when the
// JSON file the learner's code wrote has that number at that key. Read after pytest ran, so files
// the tests write are seen.
import { join } from 'node:path';
import { MAX_METRICS_BYTES, metricsTooLargeMessage, readMetric } from '../metricJson';
import { failure, type Outcome } from '../outcome';
import { fileSize, readText } from '../quietFs';
import type { CheckKind } from './kind';
import { badThreshold, compare, parseThreshold, type CompareOp } from './threshold';

export interface MetricCheck {
  readonly kind: 'metric';
  readonly file: string;
  readonly key: string;
  readonly op: CompareOp;
  readonly threshold: number;
}

export const metric: CheckKind<MetricCheck> = {
  name: 'metric',
  parse(args) {
    if (args.length !== 3) {
      return { invalid: 'A metric check needs a JSON file, a key and a threshold in backticks, like `metrics.json` `accuracy` `>= 0.9`' };
    }
    const [file = '', key = '', expr = ''] = args;
    const threshold = parseThreshold(expr);
    if (!threshold) return { invalid: badThreshold(expr) };
    if (key === '') return { invalid: 'The metric key is empty' };
    return { check: { kind: 'metric', file, key, ...threshold } };
  },
  paths: (check) => [check.file],
  label: (check, l10n) => l10n.t('metric: {0} in {1} {2} {3}', check.key, check.file, check.op, check.threshold),
  decide: (checks, run) => Promise.resolve(new Map(checks.map((c) => [c.id, readAndEvaluate(run.projectDir, c.check)]))),
};

function readAndEvaluate(projectDir: string, check: MetricCheck): Outcome {
  const path = join(projectDir, ...check.file.split('/'));
  // Refused before reading: a 50 MB "metrics" file would hold the extension host for seconds.
  const size = fileSize(path);
  if (size !== undefined && size > MAX_METRICS_BYTES) return metricProblem(check, metricsTooLargeMessage(check.file, size));
  return evaluateMetric(check, readText(path));
}

/** A metric check; `jsonText` is undefined when the file does not exist. */
export function evaluateMetric(check: MetricCheck, jsonText: string | undefined): Outcome {
  const fail = (message: string): Outcome => metricProblem(check, message);
  if (jsonText === undefined) return fail(`${check.file} was not found: run your code to write it first`);
  const read = readMetric(jsonText, check.key, check.file);
  if (!read.ok) return fail(read.message);
  const needs = `needs ${check.op} ${formatNumber(check.threshold)}`;
  const is = `${check.key} is ${formatNumber(read.value)}`;
  if (compare(read.value, check.op, check.threshold)) return { status: 'passed', headline: `${is} (${needs})`, failures: [] };
  return fail(`${is}, ${needs}`);
}

/** A metric check that failed before any comparison (no file, a file too large, not a number). */
function metricProblem(check: MetricCheck, message: string): Outcome {
  return { status: 'failed', headline: message, failures: [failure(check.file, message)] };
}

function formatNumber(n: number): string {
  return Number.isFinite(n) ? String(Number(n.toPrecision(6))) : String(n);
}
