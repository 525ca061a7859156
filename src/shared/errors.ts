// What went wrong, in words for a message: the same words for every error the extension shows,
// on either side of the webview boundary. Never throws, whatever was thrown.

/** The message of anything thrown, without trusting its shape. */
export function describeError(e: unknown): string {
  if (e instanceof Error) return e.message;
  try {
    return String(e);
  } catch {
    return 'unknown error';
  }
}
