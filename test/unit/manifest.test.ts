// package.json and src/ids.ts must agree: a command registered in code but missing from the
// manifest (or the other way round) breaks menus and the palette silently.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Commands, EXTENSION_ID, Views } from '../../src/ids';

const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8'));

describe('manifest', () => {
  it('declares exactly the commands in src/ids.ts, all under one category', () => {
    const declared = manifest.contributes.commands.map((c: { command: string }) => c.command).sort();
    assert.deepEqual(declared, Object.values(Commands).sort());
    for (const c of manifest.contributes.commands) assert.equal(c.category, 'ML Roadmap', `${c.command} has another category`);
  });

  it('has the view container and tree view from src/ids.ts', () => {
    assert.equal(manifest.contributes.viewsContainers.activitybar[0].id, Views.container);
    assert.equal(manifest.contributes.views[Views.container][0].id, Views.tree);
    assert.equal(`${manifest.publisher}.${manifest.name}`, EXTENSION_ID);
  });

  it('activates from contributions only, never "*"', () => {
    assert.ok(!(manifest.activationEvents ?? []).includes('*'));
  });

  it('supports untrusted workspaces in a limited way, with a description', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.ok(manifest.capabilities.untrustedWorkspaces.description.length > 20);
  });

  it('only references commands that exist in its menus', () => {
    const known = new Set(Object.values(Commands));
    for (const [menu, entries] of Object.entries(manifest.contributes.menus as Record<string, Array<{ command: string }>>)) {
      for (const e of entries) assert.ok(known.has(e.command as never), `${menu} references unknown ${e.command}`);
    }
  });
});
