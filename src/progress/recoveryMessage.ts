// The one message the learner sees when stored progress could not be read completely: a newer
// version's value, or parts that are kept aside. Pure: no `vscode`.
/** One message for everything a read found: a newer version, or parts it could not read. */
export function recoveryMessage(problems: readonly string[], newer: number | undefined): string {
  if (newer) {
    return `ML Roadmap: your progress was saved by a newer version of the extension (progress version ${newer}). ` +
      'Update ML Roadmap to see all of it; until then, what this version does not understand is kept unchanged.';
  }
  const shown = problems.slice(0, 3).join('; ') + (problems.length > 3 ? ` (+${problems.length - 3} more)` : '');
  return `ML Roadmap could not read part of your stored progress: ${shown}. Everything else is used, and the unreadable part is kept unchanged.`;
}
