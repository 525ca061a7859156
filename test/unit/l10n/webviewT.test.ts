// The webviews' t(): the host's bundle when it has the message, else the English, with {0}-style
// placeholders filled either way; a malformed bundle means English, never an error.
import * as assert from 'node:assert/strict';
import { parseBundle, t, translate } from '../../../webview/l10n';

describe('webview t()', () => {
  it('fills placeholders in the English when there is no bundle', () => {
    assert.equal(t('Hints ({0} of {1})', 1, 3), 'Hints (1 of 3)');
    assert.equal(translate(new Map(), 'Open {0} at line {1}', ['a.py', 7]), 'Open a.py at line 7');
  });

  it('uses the translation from the bundle, placeholders in its own order', () => {
    const bundle = parseBundle(JSON.stringify({ 'Open {0} at line {1}': 'Zeile {1} von {0} öffnen' }));
    assert.equal(translate(bundle, 'Open {0} at line {1}', ['a.py', 7]), 'Zeile 7 von a.py öffnen');
  });

  it('leaves a placeholder without an argument as it is, and does not re-read arguments', () => {
    assert.equal(translate(new Map(), '{0} and {1}', ['{1}']), '{1} and {1}');
  });

  it('falls back to English for a malformed bundle or non-string entries', () => {
    for (const bad of ['not json', '[1,2]', 'null', '"x"', undefined]) assert.equal(parseBundle(bad).size, 0, String(bad));
    const mixed = parseBundle('{"a":"b","c":3}');
    assert.deepEqual([...mixed], [['a', 'b']]);
    assert.equal(translate(mixed, 'toString', []), 'toString');
  });
});
