// Reader for the bundled held-out MNIST digits, media/data/mnist-heldout.bin (written by
// scripts/models/mnist.py). Pure TypeScript: no Node or DOM APIs, so the webview and Node share it.
//
// File layout, little-endian:
//   offset 0   4 bytes   ASCII magic "MLRD"
//   offset 4   uint8     format version, 1
//   offset 5   uint8     rows (28)
//   offset 6   uint8     cols (28)
//   offset 7   uint8     reserved, 0
//   offset 8   uint32    count N
//   offset 12  N bytes   labels, one per digit, 0..9
//   then       N*rows*cols bytes: the images, row-major, image i at 12 + N + i*rows*cols;
//              each byte is round(pixel * 255) with 0 = background, 255 = full ink.
// Decoded pixels are byte / 255 as float32: the same values the models were trained and
// golden-tested on.

export const MNIST_MAGIC = 'MLRD';
export const MNIST_FORMAT_VERSION = 1;
const HEADER_BYTES = 12;

export interface MnistSet {
  /** Number of digits. */
  readonly count: number;
  readonly rows: number;
  readonly cols: number;
  /** rows * cols, 784 for MNIST. */
  readonly pixelsPerImage: number;
  /** count * pixelsPerImage float32 values in [0, 1], image after image, row-major. */
  readonly images: Float32Array;
  /** count labels, 0..9. */
  readonly labels: Uint8Array;
}

/** Decodes the held-out file. Throws an Error that says what is wrong with a bad file. */
export function decodeMnistSet(bytes: Uint8Array): MnistSet {
  if (bytes.length < HEADER_BYTES) {
    throw new Error(`MNIST data file is too short (${bytes.length} bytes; the header alone is ${HEADER_BYTES})`);
  }
  const magic = String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]);
  if (magic !== MNIST_MAGIC) throw new Error(`not an MNIST data file (magic "${printable(magic)}", expected "${MNIST_MAGIC}")`);
  const version = bytes[4];
  if (version !== MNIST_FORMAT_VERSION) {
    throw new Error(`unsupported MNIST data file version ${version} (this reader knows version ${MNIST_FORMAT_VERSION})`);
  }
  const rows = bytes[5];
  const cols = bytes[6];
  const count = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(8, true);
  const pixelsPerImage = rows * cols;
  const expected = HEADER_BYTES + count + count * pixelsPerImage;
  if (rows === 0 || cols === 0) throw new Error(`MNIST data file declares an empty image size ${rows}×${cols}`);
  if (bytes.length !== expected) {
    throw new Error(`MNIST data file has ${bytes.length} bytes; ${count} digits of ${rows}×${cols} need ${expected}`);
  }
  const labels = bytes.slice(HEADER_BYTES, HEADER_BYTES + count);
  for (let i = 0; i < count; i++) {
    if (labels[i] > 9) throw new Error(`MNIST data file: digit ${i} has label ${labels[i]}, expected 0-9`);
  }
  const pixelStart = HEADER_BYTES + count;
  const total = count * pixelsPerImage;
  const images = new Float32Array(total);
  for (let i = 0; i < total; i++) images[i] = bytes[pixelStart + i] / 255;
  return { count, rows, cols, pixelsPerImage, images, labels };
}

/** A view (no copy) of image `index` of `set`. */
export function mnistImage(set: MnistSet, index: number): Float32Array {
  if (!Number.isInteger(index) || index < 0 || index >= set.count) {
    throw new RangeError(`digit index ${index} is outside 0..${set.count - 1}`);
  }
  return set.images.subarray(index * set.pixelsPerImage, (index + 1) * set.pixelsPerImage);
}

/** The first `n` digits of `set` (views, no copy), e.g. for a quick check. */
export function mnistSubset(set: MnistSet, n: number): MnistSet {
  const count = Math.max(0, Math.min(set.count, Math.floor(n)));
  return {
    ...set,
    count,
    images: set.images.subarray(0, count * set.pixelsPerImage),
    labels: set.labels.subarray(0, count),
  };
}

function printable(s: string): string {
  return s.replace(/[^\x20-\x7e]/g, '?');
}
