// The schema version step: older values step up, newer ones are read as current and keep their number.
import * as assert from 'node:assert/strict';
import { migrate, SCHEMA_VERSION, type Steps } from '../../../src/progress/migrate';

describe('progress migrate', () => {
  it('leaves a current value as it is', () => {
    const raw = { version: SCHEMA_VERSION, items: { a: { done: true } } };
    assert.deepEqual(migrate(raw), { value: raw, version: SCHEMA_VERSION, problems: [] });
  });

  it('steps an older value up one version at a time, in order', () => {
    const steps: Steps = new Map([
      [1, (v) => ({ ...v, items: v.entries, entries: undefined, trail: ['1→2'] })],
      [2, (v) => ({ ...v, trail: [...(v.trail as string[]), '2→3'] })],
    ]);
    const r = migrate({ version: 1, entries: { a: {} } }, steps, 3);
    assert.deepEqual(r.value.items, { a: {} });
    assert.deepEqual(r.value.trail, ['1→2', '2→3']);
    assert.equal(r.version, 3);
    assert.deepEqual(r.problems, []);
  });

  it('says so when a step is missing, and reads the value as current', () => {
    const r = migrate({ version: 1, items: {} }, new Map(), 2);
    assert.equal(r.version, 2);
    assert.match(r.problems[0], /no migration from progress version 1/);
  });

  it('reads a newer value as current and keeps its version number', () => {
    const raw = { version: SCHEMA_VERSION + 3, items: {}, extra: 1 };
    assert.deepEqual(migrate(raw), { value: raw, version: SCHEMA_VERSION + 3, newer: SCHEMA_VERSION + 3, problems: [] });
  });

  for (const version of [undefined, 0, -1, 1.5, '1', null]) {
    it(`reads version ${JSON.stringify(version) ?? 'missing'} as current and says so`, () => {
      const r = migrate({ version, items: {} });
      assert.equal(r.version, SCHEMA_VERSION);
      assert.equal(r.newer, undefined);
      assert.match(r.problems[0], /unknown progress version/);
    });
  }
});
