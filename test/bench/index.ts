// Benchmarks inside the real extension host (the test-electron contract: VS Code awaits `run()`).
// Prints one marker line with the measurements; scripts/bench/run.mjs collects and tabulates them.
import * as vscode from 'vscode';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import type { ExtensionApi } from '../../src/extension';
import { Commands } from '../../src/ids';
import type { ScaffoldResult } from '../../src/scaffold/command';

const MARKER = '@@mlr-bench';

async function waitFor<T>(probe: () => T | undefined): Promise<T> {
  for (let i = 0; i < 2000; i++) {
    const v = probe();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('timed out');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Lab: open → first paint, and what a lab run costs over running the same pytest directly. */
async function labBench(ext: ExtensionApi, root: vscode.Uri): Promise<Record<string, number>> {
  const id = 'probability-distributions';
  const out: Record<string, number> = {};
  await vscode.commands.executeCommand(Commands.scaffoldProject, id, { folderName: id, quiet: true, workspaceFolder: root });
  const dir = path.join(root.fsPath, id);
  fs.cpSync(path.join(ext.roadmap.builtInFolder(), 'projects', id, 'solution'), dir, { recursive: true });
  await vscode.workspace.getConfiguration('mlRoadmap').update('pythonPath', '/usr/bin/python3', vscode.ConfigurationTarget.Workspace);

  const t0 = performance.now();
  await vscode.commands.executeCommand(Commands.openLab, id);
  const panel = await waitFor(() => ext.labs.panels.get(id));
  const painted = await waitFor(() => panel.firstPaintAt);
  out.labFirstPaintMs = painted - t0;

  const lab = (await ext.labs.controller(id))!;
  const labRuns: number[] = [];
  const direct: number[] = [];
  for (let i = 0; i < 3; i++) {
    let t = performance.now();
    await lab.run();
    labRuns.push(performance.now() - t);
    t = performance.now();
    await new Promise<void>((resolve, reject) => {
      const child = spawn('/usr/bin/python3', ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', 'tests'], { cwd: dir, stdio: 'ignore' });
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`pytest exited ${code}`))));
    });
    direct.push(performance.now() - t);
  }
  out.labRunMs = median(labRuns);
  out.directPytestMs = median(direct);
  return out;
}

export async function run(): Promise<void> {
  const out: Record<string, number | string> = {};
  const baseline = vscode.extensions.getExtension<{ timings: ExtensionApi['timings'] }>('ml-roadmap.bench-baseline');
  const ours = vscode.extensions.getExtension<ExtensionApi>('ml-roadmap.ml-roadmap');
  const target = baseline ?? ours;
  if (!target) throw new Error('no extension to measure');
  const view = baseline ? 'benchBaseline.tree' : 'mlRoadmap.tree';

  const opened = performance.now();
  await vscode.commands.executeCommand(`${view}.focus`);
  const api = await waitFor(() => (target.isActive ? target.exports : undefined));
  const firstItemsAt = await waitFor(() => api.timings.firstTreeItemsAt);
  out.activateMs = api.timings.activateMs;
  out.viewToItemsMs = firstItemsAt - opened;

  if (!baseline && ours) {
    const ext = ours.exports;
    const { roadmap } = await ext.roadmap.get();
    // Building the full tree: every node's children and TreeItem.
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      const t0 = performance.now();
      let n = 0;
      for (const skill of await ext.tree.getChildren()) {
        ext.tree.getTreeItem(skill); n++;
        for (const child of await ext.tree.getChildren(skill)) { ext.tree.getTreeItem(child); n++; }
      }
      times.push(performance.now() - t0);
      out.treeNodes = n;
    }
    out.fullTreeMs = median(times);
    // A tick through the command → the tree's change event → the refreshed item.
    const topic = roadmap.skills[0]!.topics[0]!;
    const ticks: number[] = [];
    for (let i = 0; i < 15; i++) {
      const t0 = performance.now();
      const refreshed = new Promise<void>((r) => { const d = ext.tree.onDidChangeTreeData(() => { d.dispose(); r(); }); });
      await vscode.commands.executeCommand(i % 2 ? Commands.markNotDone : Commands.markDone, topic.id);
      await refreshed;
      ext.tree.getTreeItem(topic);
      ticks.push(performance.now() - t0);
    }
    out.tickRefreshMs = median(ticks);
    // Scaffolding each template (median of 3), into fresh folders.
    const root = vscode.workspace.workspaceFolders![0]!.uri;
    const projects = process.env.MLR_BENCH_SCAFFOLD !== '1' ? [] : roadmap.skills.flatMap((s) => s.projects).filter((p) => fs.existsSync(path.join(ext.roadmap.builtInFolder(), 'projects', p.id, 'template')));
    const perTemplate: Record<string, number> = {};
    for (const p of projects) {
      const runs: number[] = [];
      let files = 0;
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        const r = await vscode.commands.executeCommand<ScaffoldResult>(Commands.scaffoldProject, p.id, { folderName: `bench-${p.id}-${i}`, quiet: true, workspaceFolder: root });
        runs.push(performance.now() - t0);
        files = r?.written.length ?? 0;
      }
      perTemplate[p.id] = median(runs);
      out[`scaffoldFiles:${p.id}`] = files;
    }
    for (const [id, ms] of Object.entries(perTemplate)) out[`scaffoldMs:${id}`] = ms;
    if (process.env.MLR_BENCH_SCAFFOLD === '1') Object.assign(out, await labBench(ext, root));
  }
  console.log(`${MARKER} ${JSON.stringify(out)}`);
}
