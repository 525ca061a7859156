// The one rule for "a safe relative path" and the one id pattern: a security boundary. Paths from
// content files (milestones.md, a template's file list, shared-data.json) and from the webview
// (openFile) end up in file operations and on command lines; ids end up in file paths and storage
// keys. The extension host's guard in labProtocol.ts uses this; the webview never runs it.
//
// A safe relative path is refused when it:
// - is empty, or starts or ends with whitespace (a typo that would name another file);
// - contains a control character (U+0000–U+001F, U+007F–U+009F) or a bidirectional control
//   (U+202A–U+202E, U+2066–U+2069): invisible, and they make one path display as another;
// - is absolute: starts with `/`, a drive letter (`C:`) or `~` (a shell expands it to home);
// - contains a backslash: a separator on Windows and a plain character elsewhere, so `a\..\..\x`
//   could climb out on one system and not on another (and `\\server\share` is a network path);
// - has a `..` segment (climbs out), or an empty or `.` segment (`a//b`, `./a`: the same file
//   under two spellings, which defeats comparing paths);
// - starts with `-`: a command line (pytest, python) would read it as an option.
// Globs (`*`, `?`, `[…]`) pass this rule: content paths may be globs, matched inside the project.
// A path the extension will create (a scaffolded file, a restored test) must also be a portable
// name on every segment (checkPortablePath): no `<>:"|?*`, no Windows device names, no trailing dot
// or space, at most 255 bytes, so a project made on Linux opens on Windows and macOS.

/** What a relative path currently is on disk: the fact a plan checks a safe path against (a symlink could lead out). */
export type PathKind = 'missing' | 'file' | 'directory' | 'symlink';

/** Lowercase letters, digits and dashes, starting with a letter or digit; ids end up in file paths and storage keys. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

export function isValidId(id: string): boolean {
  return ID_PATTERN.test(id);
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Why `path` is not a safe relative path (see the header), or undefined when it is one. Globs pass. */
export function relativePathProblem(path: string): string | undefined {
  if (path.length === 0) return 'the path is empty';
  if (path !== path.trim()) return 'the path starts or ends with a space';
  if (CONTROL.test(path)) return 'the path contains control characters';
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path) || path.startsWith('~')) return 'the path is absolute';
  if (path.startsWith('-')) return 'the path starts with "-", which a command line reads as an option';
  if (path.includes('\\')) return 'the path contains a backslash';
  const segments = path.split('/');
  if (segments.includes('..')) return 'the path climbs out with ".."';
  if (segments.some((s) => s === '' || s === '.')) return 'the path has an empty or "." segment';
  return undefined;
}

/**
 * True for a relative path or glob inside the project (the rule in the header). Paths in content
 * files (milestone checks) are checked with this.
 */
export function isSafeRelativePath(path: string): boolean {
  return relativePathProblem(path) === undefined;
}

const WINDOWS_RESERVED_CHARACTER = /[<>:"|?*]/;
/** CON, PRN, AUX, NUL, COM1–9, LPT1–9 (and the superscript digits Windows also reserves), with any extension. */
const WINDOWS_DEVICE_NAME = /^(con|prn|aux|nul|com[1-9\u00b9\u00b2\u00b3]|lpt[1-9\u00b9\u00b2\u00b3]) *(\.|$)/i;
/** The longest file name Linux, macOS and Windows all take, in UTF-8 bytes. */
export const MAX_NAME_BYTES = 255;

/** Why one path segment cannot be a file or folder name on Windows or macOS, or undefined when it can. */
function portableNameProblem(name: string): string | undefined {
  const shown = name.length > 40 ? `${name.slice(0, 40)}…` : name;
  const reserved = WINDOWS_RESERVED_CHARACTER.exec(name)?.[0];
  if (reserved !== undefined) {
    const quoted = reserved === '"' ? `'"'` : `"${reserved}"`;
    return `the name "${shown}" contains ${quoted}, which Windows does not allow in file names`;
  }
  const device = WINDOWS_DEVICE_NAME.exec(name)?.[1];
  if (device !== undefined) return `the name "${shown}" is the reserved device name "${device}" on Windows, whatever its extension`;
  if (/[. ]$/.test(name)) return `the name "${shown}" ends with a dot or a space, which Windows drops`;
  const bytes = new TextEncoder().encode(name).length;
  if (bytes > MAX_NAME_BYTES) return `the name "${shown}" is longer than ${MAX_NAME_BYTES} bytes (${bytes}), too long for most file systems`;
  return undefined;
}

/**
 * A path the extension will create: a safe relative path whose every segment is a portable name
 * (no globs then). Returns its segments, or why it is refused.
 */
export function checkPortablePath(path: string): { segments: string[] } | { reason: string } {
  const problem = relativePathProblem(path);
  if (problem !== undefined) return { reason: problem };
  const segments = path.split('/');
  for (const s of segments) {
    const reason = portableNameProblem(s);
    if (reason !== undefined) return { reason };
  }
  return { segments };
}
