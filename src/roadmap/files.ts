// Which role a markdown file plays in a roadmap folder, decided by its name alone.

export type FileRole = 'skill' | 'overview' | 'ignored' | 'unexpected' | 'not-markdown';

const SKILL_FILE = /^\d\d-.*\.md$/;
const IGNORED = new Set(['format.md', 'readme.md']);

/** The last path segment; both separators, since paths may come from Windows. */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? '';
}

export function fileRole(path: string): FileRole {
  const name = baseName(path);
  if (SKILL_FILE.test(name)) return 'skill';
  const lower = name.toLowerCase();
  if (!lower.endsWith('.md')) return 'not-markdown';
  if (lower === 'overview.md') return 'overview';
  if (IGNORED.has(lower)) return 'ignored';
  return 'unexpected';
}
