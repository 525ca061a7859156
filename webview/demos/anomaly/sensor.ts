// The anomaly demo's data side: the held-out sensor readings (media/data/sensor-heldout.json,
// written by scripts/models/sensor-slice.mjs), the sliding windows sensor-ae.onnx scores, and
// precision / recall at a threshold. Pure TypeScript (no DOM): unit-tested.

export interface Mote {
  readonly id: number;
  readonly indoor: boolean;
  readonly humidity: readonly number[];
  readonly temperature: readonly number[];
  /** One character per reading, "1" during a labelled event. */
  readonly labels: string;
}

export interface SensorFile {
  readonly window: number;
  readonly secondsPerReading: number;
  readonly thresholds: { readonly sensitive: number; readonly strict: number };
  readonly motes: readonly Mote[];
}

const isNumbers = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isFinite(x));

/** Checks the file's shape; throws an Error saying what is wrong. */
export function parseSensorFile(value: unknown): SensorFile {
  const v = value as Partial<SensorFile> | null;
  if (!v || typeof v !== 'object') throw new Error('sensor data: not an object');
  if (typeof v.window !== 'number' || v.window < 1) throw new Error('sensor data: bad window size');
  const t = v.thresholds;
  if (!t || typeof t.sensitive !== 'number' || typeof t.strict !== 'number') throw new Error('sensor data: thresholds missing');
  if (!Array.isArray(v.motes) || v.motes.length === 0) throw new Error('sensor data: no motes');
  for (const m of v.motes as readonly Partial<Mote>[]) {
    if (!isNumbers(m.humidity) || !isNumbers(m.temperature) || typeof m.labels !== 'string') throw new Error(`sensor data: mote ${m.id} is malformed`);
    if (m.humidity.length !== m.temperature.length || m.labels.length !== m.humidity.length) throw new Error(`sensor data: mote ${m.id} has series of different lengths`);
  }
  return { window: v.window, secondsPerReading: v.secondsPerReading ?? 5, thresholds: t, motes: v.motes };
}

export interface Windows {
  /** count × 2·size floats: h0, t0, h1, t1, … for readings i … i + size − 1 (the model's input). */
  readonly inputs: Float32Array;
  /** 1 when any reading in the window is labelled an event. */
  readonly labels: Uint8Array;
  readonly count: number;
}

/** Sliding windows with stride 1, as in scripts/models/sensor.py. */
export function slidingWindows(mote: Mote, size: number): Windows {
  const n = mote.humidity.length;
  const count = Math.max(0, n - size + 1);
  const inputs = new Float32Array(count * 2 * size);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    let event = 0;
    for (let k = 0; k < size; k++) {
      inputs[(i * size + k) * 2] = mote.humidity[i + k];
      inputs[(i * size + k) * 2 + 1] = mote.temperature[i + k];
      if (mote.labels.charCodeAt(i + k) === 49 /* "1" */) event = 1;
    }
    labels[i] = event;
  }
  return { inputs, labels, count };
}

export interface Detection {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly tn: number;
  /** Null when nothing is flagged. */
  readonly precision: number | null;
  /** Null when there are no events. */
  readonly recall: number | null;
  readonly f1: number | null;
}

/** Flags every window whose score is above `threshold` and compares with the labels. */
export function detectionAt(scores: ArrayLike<number>, labels: ArrayLike<number>, threshold: number): Detection {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  for (let i = 0; i < scores.length; i++) {
    const flagged = scores[i] > threshold;
    const event = labels[i] === 1;
    if (flagged && event) tp++;
    else if (flagged) fp++;
    else if (event) fn++;
    else tn++;
  }
  const precision = tp + fp > 0 ? tp / (tp + fp) : null;
  const recall = tp + fn > 0 ? tp / (tp + fn) : null;
  const f1 = precision !== null && recall !== null && precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : null;
  return { tp, fp, fn, tn, precision, recall, f1 };
}

/** A log-scale slider: position in [0, 1] ↔ threshold in [min, max] (both > 0). */
export function thresholdAt(position: number, min: number, max: number): number {
  const p = Math.min(1, Math.max(0, position));
  return Math.exp(Math.log(min) + p * (Math.log(max) - Math.log(min)));
}

export function positionOf(threshold: number, min: number, max: number): number {
  const p = (Math.log(threshold) - Math.log(min)) / (Math.log(max) - Math.log(min));
  return Math.min(1, Math.max(0, p));
}
