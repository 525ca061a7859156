// The webviews' one translation function: `t('Ran {0} checks', n)` looks the English message up in
// the bundle the host writes on <body data-l10n> (`vscode.l10n.bundle`, or `{}` for English) and
// fills the {0}-style placeholders. `npm run l10n` collects every `t('…')` of the webviews into
// l10n/bundle.l10n.json with the host's messages.

/** The translations in `json` (a JSON object of strings); anything else is ignored: English then. */
export function parseBundle(json: string | undefined): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  let parsed: unknown;
  try {
    parsed = JSON.parse(json ?? '{}');
  } catch {
    return out;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return out;
  for (const [key, value] of Object.entries(parsed)) if (typeof value === 'string') out.set(key, value);
  return out;
}

/** `message` from `bundle` (or as it is), with `{0}`, `{1}`… replaced by `args`. */
export function translate(bundle: ReadonlyMap<string, string>, message: string, args: readonly (string | number)[]): string {
  return (bundle.get(message) ?? message).replace(/\{(\d+)\}/g, (whole, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : whole));
}

let pageBundle: ReadonlyMap<string, string> | undefined;
/** The page, typed by hand: unit tests import this module outside a browser. */
const page = globalThis as { document?: { body?: { dataset: Record<string, string | undefined> } } };

/** The page's text for the English `message`; the message must be a string literal (scripts/l10n.mjs checks). */
export function t(message: string, ...args: readonly (string | number)[]): string {
  pageBundle ??= parseBundle(page.document?.body?.dataset.l10n);
  return translate(pageBundle, message, args);
}
