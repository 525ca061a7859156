// Works out how to feed 28×28 digits to a model from its declared input (and output) metadata.
// Pure TypeScript: usable in the webview and in Node.
//
// Accepted inputs (float32, one input): [N,784], [N,28,28] and [N,1,28,28]. N may be dynamic (a
// string such as "batch", -1, null or undefined) or a fixed number, in which case digits are fed
// in chunks of exactly that many (the last chunk padded with blank images).

/** One declared dimension: a size, a symbolic name, or unknown. */
export type Dim = number | string | null | undefined;

/** The part of onnxruntime's `InferenceSession.ValueMetadata` that is used here. */
export interface ValueMetadataLike {
  readonly name: string;
  readonly isTensor?: boolean;
  readonly type?: string;
  readonly shape?: readonly Dim[];
}

export type LayoutKind = 'flat' | 'image' | 'nchw';

export interface InputLayout {
  readonly kind: LayoutKind;
  /** The accepted form, e.g. "[N,784]" (N is the batch axis, fixed or not). */
  readonly name: '[N,784]' | '[N,28,28]' | '[N,1,28,28]';
  /** The batch size the model insists on, or null when the batch axis is dynamic. */
  readonly fixedBatch: number | null;
  /** The tensor shape for a batch of `n` digits. */
  dims(n: number): number[];
}

export type LayoutResult = { ok: true; layout: InputLayout } | { ok: false; reason: string };

export const ACCEPTED_LAYOUTS = '[N,784], [N,28,28] or [N,1,28,28]';

const FORMS: ReadonlyArray<{ kind: LayoutKind; name: InputLayout['name']; tail: number[] }> = [
  { kind: 'flat', name: '[N,784]', tail: [784] },
  { kind: 'image', name: '[N,28,28]', tail: [28, 28] },
  { kind: 'nchw', name: '[N,1,28,28]', tail: [1, 28, 28] },
];

/** A dimension counts as dynamic when it is not a positive whole number. */
export function isDynamic(d: Dim): boolean {
  return !(typeof d === 'number' && Number.isInteger(d) && d > 0);
}

/** "[N,3,32,32]": the batch axis shown as N when dynamic, other unknown axes by name or "?". */
export function formatShape(dims: readonly Dim[]): string {
  const parts = dims.map((d, i) => {
    if (!isDynamic(d)) return String(d);
    if (i === 0) return 'N';
    return typeof d === 'string' && d.length > 0 ? d : '?';
  });
  return `[${parts.join(',')}]`;
}

/** Detects the layout from the input's declared dims. */
export function detectLayout(dims: readonly Dim[] | undefined | null): LayoutResult {
  if (!dims || dims.length === 0) {
    return { ok: false, reason: `the model does not declare its input shape; expected ${ACCEPTED_LAYOUTS}` };
  }
  for (const form of FORMS) {
    if (dims.length !== form.tail.length + 1) continue;
    // A dynamic non-batch axis accepts the size we need; a fixed one must match exactly.
    const matches = form.tail.every((size, i) => isDynamic(dims[i + 1]) || dims[i + 1] === size);
    if (!matches) continue;
    const batch = dims[0];
    const fixedBatch = isDynamic(batch) ? null : (batch as number);
    const tail = form.tail;
    return {
      ok: true,
      layout: { kind: form.kind, name: form.name, fixedBatch, dims: (n: number) => [n, ...tail] },
    };
  }
  let reason = `input has shape ${formatShape(dims)}; expected ${ACCEPTED_LAYOUTS}`;
  if (dims.length === 4 && dims[3] === 1 && (dims[1] === 28 || isDynamic(dims[1]))) {
    reason += ' (channels-last [N,28,28,1] is not supported: export with channels first)';
  }
  return { ok: false, reason };
}

/**
 * Checks a whole model's inputs and outputs: exactly one float32 tensor input with an accepted
 * layout, and a first output that can hold 10 scores per digit (when its shape is declared).
 */
export function detectModelLayout(
  inputs: readonly ValueMetadataLike[] | undefined,
  outputs?: readonly ValueMetadataLike[],
): LayoutResult {
  if (!inputs || inputs.length === 0) return { ok: false, reason: 'the model has no inputs' };
  if (inputs.length > 1) {
    const names = inputs.map((i) => `"${i.name}"`).join(', ');
    return { ok: false, reason: `the model has ${inputs.length} inputs (${names}); expected exactly one image input` };
  }
  const input = inputs[0];
  if (input.isTensor === false) return { ok: false, reason: `input "${input.name}" is not a tensor` };
  if (input.type !== undefined && input.type !== 'float32') {
    return { ok: false, reason: `input "${input.name}" has type ${input.type}; expected float32` };
  }
  const result = detectLayout(input.shape);
  if (!result.ok) return result;
  if (outputs && outputs.length > 0) {
    const out = outputs[0];
    if (out.isTensor === false) return { ok: false, reason: `output "${out.name}" is not a tensor` };
    const shape = out.shape;
    if (shape && shape.length > 0) {
      const last = shape[shape.length - 1];
      const known = shape.slice(1).every((d) => !isDynamic(d));
      const perDigit = shape.slice(1).reduce<number>((a, d) => a * (isDynamic(d) ? 1 : (d as number)), 1);
      if (!isDynamic(last) && last !== 10 && (known ? perDigit !== 10 : true)) {
        return {
          ok: false,
          reason: `output "${out.name}" has shape ${formatShape(shape)}; expected 10 scores per digit, e.g. [N,10]`,
        };
      }
    }
  } else if (outputs && outputs.length === 0) {
    return { ok: false, reason: 'the model has no outputs' };
  }
  return result;
}
