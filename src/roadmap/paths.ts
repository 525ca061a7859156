// Paths written in content files end up in commands and file operations: only plain relative ones.

/**
 * True for a relative path or glob inside the project: not absolute, no `..`, no leading `-`
 * (which a command line would read as an option), no control characters.
 */
export function isSafeRelativePath(path: string): boolean {
  if (path.trim() === '' || path !== path.trim()) return false;
  if (/^[-/\\~]/.test(path) || /^[a-zA-Z]:/.test(path)) return false;
  if (/[\u0000-\u001f]/.test(path)) return false;
  return !path.split(/[\\/]/).includes('..');
}
