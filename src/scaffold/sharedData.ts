// A template's shared data: files the extension already ships in media/data/ (the MNIST digits,
// say) that a project needs, declared in `projects/<id>/shared-data.json` as
// `{ "<project-relative destination>": "<file name in media/data/>" }` and copied in at scaffold
// time instead of being duplicated in every template. Pure: parsing and validation only.
import { checkPortablePath } from '../shared/safePath';
import { describeError } from '../shared/errors';

export interface SharedFile {
  /** Where it lands, relative to the project folder. */
  readonly destination: string;
  /** A plain file name in the extension's media/data/. */
  readonly name: string;
}

const PLAIN_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** The declared files, or an error that says what is wrong with the declaration. */
export function parseSharedData(text: string): { files: SharedFile[] } | { error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { error: `shared-data.json is not JSON: ${describeError(e)}` };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { error: 'shared-data.json must be an object of "destination": "file name"' };
  const files: SharedFile[] = [];
  for (const [destination, name] of Object.entries(raw)) {
    const checked = checkPortablePath(destination);
    if ('reason' in checked) return { error: `shared-data.json: "${destination}": ${checked.reason}` };
    if (typeof name !== 'string' || !PLAIN_NAME.test(name) || name.includes('..')) {
      return { error: `shared-data.json: "${destination}" must name a plain file in media/data/, not ${JSON.stringify(name)}` };
    }
    files.push({ destination, name });
  }
  return { files };
}
