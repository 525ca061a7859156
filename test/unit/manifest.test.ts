// package.json and src/ids.ts must agree: a command registered in code but missing from the
// manifest (or the other way round) breaks menus and the palette silently.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Commands, ContextKeys, EXTENSION_ID, Settings, Views, WALKTHROUGH_ID } from '../../src/ids';

/** The parts of package.json these tests read. */
interface Manifest {
  name: string;
  publisher: string;
  activationEvents?: string[];
  capabilities: { untrustedWorkspaces: { supported: string; description: string } };
  contributes: {
    commands: Array<{ command: string; category: string }>;
    viewsContainers: { activitybar: Array<{ id: string }> };
    views: Record<string, Array<{ id: string }>>;
    menus: Record<string, Array<{ command: string }>>;
    keybindings: Array<{ command: string; key: string; when: string }>;
    walkthroughs: Array<{
      id: string;
      steps: Array<{ id: string; description: string; media: { markdown: string }; completionEvents?: string[] }>;
    }>;
    configuration: { properties: Record<string, unknown> };
  };
}

// As the editor shows it: the "%key%" strings replaced by their English from package.nls.json.
const nls = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.nls.json'), 'utf8')) as Record<string, string>;
const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8'),
  (_key, value: unknown) => (typeof value === 'string' && /^%[\w.-]+%$/.test(value) ? nls[value.slice(1, -1)] ?? value : value)) as Manifest;

describe('manifest', () => {
  it('declares exactly the commands in src/ids.ts, all under one category', () => {
    const declared = manifest.contributes.commands.map((c: { command: string }) => c.command).sort();
    assert.deepEqual(declared, Object.values(Commands).sort());
    for (const c of manifest.contributes.commands) assert.equal(c.category, 'ML Roadmap', `${c.command} has another category`);
  });

  it('declares exactly the settings in src/ids.ts', () => {
    const declared = Object.keys(manifest.contributes.configuration.properties).sort();
    const { section, ...keys } = Settings;
    assert.deepEqual(declared, Object.values(keys).map((k) => `${section}.${k}`).sort());
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

  it('binds keys only to its own commands, scoped to the roadmap tree', () => {
    const known = new Set<string>(Object.values(Commands));
    assert.ok(manifest.contributes.keybindings.length >= 2);
    for (const k of manifest.contributes.keybindings) {
      assert.ok(known.has(k.command), `keybinding for unknown ${k.command}`);
      assert.match(k.when, /focusedView == mlRoadmap\.tree/);
    }
    const space = manifest.contributes.keybindings.find((k: { key: string }) => k.key === 'space');
    assert.equal(space?.command, Commands.toggleDone);
    assert.ok(manifest.contributes.keybindings.some((k: { command: string }) => k.command === Commands.markDone), 'Mark as Done has no keybinding');
  });

  it('has a walkthrough whose steps complete on real actions and show media of their own', () => {
    const [walkthrough, ...others] = manifest.contributes.walkthroughs;
    assert.equal(others.length, 0);
    assert.equal(walkthrough.id, WALKTHROUGH_ID);
    const ours = new Set<string>(Object.values(Commands));
    const keys = new Set<string>(Object.values(ContextKeys));
    assert.deepEqual(walkthrough.steps.map((s: { id: string }) => s.id), ['pickPython', 'tickTopic', 'scaffoldProject', 'runLab', 'tryDemo']);
    for (const step of walkthrough.steps) {
      assert.ok(step.completionEvents?.length, `${step.id} completes when it is merely viewed`);
      for (const event of step.completionEvents) {
        const [kind, value] = event.split(/:(.*)/s) as [string, string];
        if (kind === 'onCommand') assert.ok(ours.has(value) || value === 'python.setInterpreter', `${step.id}: unknown command ${value}`);
        else if (kind === 'onContext') assert.ok(keys.has(value), `${step.id}: no code sets the context key ${value}`);
        else if (kind === 'onSettingChanged') assert.ok(manifest.contributes.configuration.properties[value], `${step.id}: unknown setting ${value}`);
        else assert.fail(`${step.id}: ${event} does not wait for a real action`);
      }
      const media = path.resolve(__dirname, '../../..', step.media.markdown);
      assert.match(step.media.markdown, /^media\/walkthrough\//);
      assert.ok(fs.readFileSync(media, 'utf8').length > 200, `${step.id}: ${step.media.markdown} is missing or empty`);
      for (const [, command] of (step.description).matchAll(/\(command:([\w.]+)/g)) {
        assert.ok(ours.has(command) || command.startsWith('workbench.') || command === 'python.setInterpreter' || command === `${Views.tree}.focus`, `${step.id}: button runs unknown ${command}`);
      }
    }
  });
});
