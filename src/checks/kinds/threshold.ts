// The comparison of metric and onnx checks: `>= 0.9` in a Check line → an operator and a number,
// and the test of a measured value against it. Pure.

export type CompareOp = '>=' | '>' | '<=' | '<';

export interface Threshold {
  readonly op: CompareOp;
  readonly threshold: number;
}

const THRESHOLD = /^(>=|<=|>|<)\s*([-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)$/;

export function parseThreshold(expr: string): Threshold | undefined {
  const match = THRESHOLD.exec(expr.trim());
  if (!match) return undefined;
  const threshold = Number(match[2]);
  return Number.isFinite(threshold) ? { op: match[1] as CompareOp, threshold } : undefined;
}

export function badThreshold(expr: string): string {
  return `Invalid threshold "${expr}": write a comparison and a number, like \`>= 0.9\``;
}

export function compare(value: number, op: CompareOp, threshold: number): boolean {
  switch (op) {
    case '>=':
      return value >= threshold;
    case '>':
      return value > threshold;
    case '<=':
      return value <= threshold;
    case '<':
      return value < threshold;
  }
}
