// The MNIST project in the real editor: scaffolding copies the extension's own digits into the
// project (shared-data.json), the lab's onnx milestone scores an exported model on the held-out
// digits (here the gallery's bundled CNN standing in for the learner's export, and an untrained
// stand-in that must fail), and the lab links to the gallery's "Your model" tab.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Commands } from '../../src/ids';
import type { ExtensionApi } from '../../src/extension';
import { activeApi } from './util';

const ROOT = path.resolve(__dirname, '../../..');
const ID = 'mnist-digits';

describe('the MNIST project in the real editor', function () {
  this.timeout(180_000);
  let api: ExtensionApi;
  let project: string;

  before(async function () {
    if (!fs.existsSync(path.join(ROOT, 'roadmap/projects', ID, 'template'))) this.skip();
    api = await activeApi();
    await vscode.workspace.getConfiguration('mlRoadmap').update('pythonPath', '/usr/bin/python3', vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand(Commands.scaffoldProject, ID, { folderName: ID, quiet: true });
    project = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, ID);
  });

  it('gets the real training and held-out digits copied in at scaffold time', () => {
    const declared = JSON.parse(fs.readFileSync(path.join(ROOT, 'roadmap/projects', ID, 'shared-data.json'), 'utf8')) as Record<string, string>;
    assert.ok(Object.keys(declared).length >= 2);
    for (const [dest, name] of Object.entries(declared)) {
      const copied = path.join(project, ...dest.split('/'));
      assert.ok(fs.existsSync(copied), `${dest} was not scaffolded`);
      assert.ok(fs.readFileSync(copied).equals(fs.readFileSync(path.join(ROOT, 'media/data', name))), `${dest} differs from media/data/${name}`);
    }
  });

  it("scores the exported model with the lab's onnx check, and links to the Your model demo", async () => {
    const lab = (await api.labs.controller(ID))!;
    const state = await lab.state();
    const onnxMilestone = state.milestones.find((m) => m.checkKind === 'onnx');
    assert.ok(onnxMilestone, `no onnx milestone: ${state.milestones.map((m) => m.checkKind).join(', ')}`);
    assert.equal(state.relatedDemo?.id, 'yours');
    const target = /`([^`]+\.onnx)`/.exec(fs.readFileSync(path.join(ROOT, 'roadmap/projects', ID, 'milestones.md'), 'utf8'))![1];
    fs.mkdirSync(path.dirname(path.join(project, target)), { recursive: true });

    // An untrained model (a linear layer with fixed weights) is far below the bar.
    fs.copyFileSync(path.join(ROOT, 'test/fixtures/models/linear-n28x28.onnx'), path.join(project, target));
    await lab.run(onnxMilestone.id);
    let m = (await lab.state()).milestones.find((x) => x.id === onnxMilestone.id)!;
    assert.equal(m.status, 'failed', `${m.status}: ${m.headline}`);

    fs.copyFileSync(path.join(ROOT, 'media/models/mnist-cnn.onnx'), path.join(project, target));
    await lab.run(onnxMilestone.id);
    m = (await lab.state()).milestones.find((x) => x.id === onnxMilestone.id)!;
    assert.equal(m.status, 'passed', `${m.status}: ${m.headline}`);
    assert.match(m.headline ?? '', /97\.\d/);
  });
});
