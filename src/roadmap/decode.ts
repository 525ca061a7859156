// A roadmap file's bytes → its text, with a diagnostic naming the line of the first byte that is
// not UTF-8 (the text keeps U+FFFD for the bad bytes, so nothing else is lost); and reading one file
// through whichever file system the caller has, where a file too large or unreadable is a
// diagnostic, never a rejection. Pure: the caller passes the I/O.
import type { Diagnostic, SourceFile } from './model';
import { error, fileRange } from './diagnostics';
import { describeError } from '../shared/errors';
import { formatCount, INPUT_LIMITS } from './limits';

export interface DecodedFile {
  readonly file: SourceFile;
  readonly diagnostics: Diagnostic[];
}

export function decodeSourceFile(path: string, bytes: Uint8Array): DecodedFile {
  try {
    return { file: { path, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) }, diagnostics: [] };
  } catch {
    const bad = firstInvalidByte(bytes);
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < bad; i++) {
      if (bytes[i] === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    }
    const column = bad - lineStart + 1;
    const message = `The file is not valid UTF-8: byte 0x${(bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0')} on line ${line} cannot be read (save the file as UTF-8); unreadable bytes show as \uFFFD`;
    const d = error('invalid-utf8', message, { file: path, line, column, endLine: line, endColumn: column + 1 });
    return { file: { path, text: new TextDecoder('utf-8').decode(bytes) }, diagnostics: [d] };
  }
}

/** How to get one file's size and bytes: node:fs in the command-line tools, the workspace file system in the editor. */
export interface SourceReader {
  size(): Promise<number>;
  read(): Promise<Uint8Array>;
}

/**
 * One file as the parser wants it: `file` undefined when it is over the size limit (not read at
 * all) or unreadable; the diagnostics say why, `path` is how they name it. Never rejects.
 */
export async function readSource(path: string, reader: SourceReader): Promise<{ file?: SourceFile; diagnostics: Diagnostic[] }> {
  try {
    const size = await reader.size();
    if (size > INPUT_LIMITS.fileBytes) {
      const message = `The file is ${formatCount(size)} bytes, over the ${formatCount(INPUT_LIMITS.fileBytes)} bytes a roadmap file may have, so it is not read: split it up`;
      return { diagnostics: [error('file-too-large', message, fileRange(path))] };
    }
    return decodeSourceFile(path, await reader.read());
  } catch (e) {
    return { diagnostics: [error('unreadable-file', `Cannot read ${path}: ${describeError(e)}`, fileRange(path))] };
  }
}

/** The offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
export function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}
