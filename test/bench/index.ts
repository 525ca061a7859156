// Benchmarks inside the real extension host (the test-electron contract: VS Code awaits `run()`).
// Prints one marker line with the measurements; scripts/bench/run.mjs collects and tabulates them.
import * as vscode from 'vscode';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import type { ExtensionApi } from '../../src/extension';
import { Commands } from '../../src/ids';
import type { ScaffoldResult } from '../../src/scaffold/command';
import { filesIn, timeStarterCopy } from './copyFloor';
import { staticLabBody, timeStaticPanel } from './paintFloor';

const MARKER = '@@mlr-bench';
/** Which parts to measure (BENCH_ONLY in scripts/bench/run.mjs); empty: all of them. */
const PARTS = new Set((process.env.MLR_BENCH_PARTS ?? '').split(',').filter(Boolean));
const part = (name: 'tree' | 'scaffold' | 'lab'): boolean => PARTS.size === 0 || PARTS.has(name);

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
  return s[Math.floor(s.length / 2)];
}

const LAB_PROJECT = 'probability-distributions';
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The lab's project scaffolded with its solution, checked with Debian's Python; returns its folder. */
async function prepareLabProject(ext: ExtensionApi, root: vscode.Uri): Promise<string> {
  await vscode.commands.executeCommand(Commands.scaffoldProject, LAB_PROJECT, { folderName: LAB_PROJECT, quiet: true, workspaceFolder: root });
  const dir = path.join(root.fsPath, LAB_PROJECT);
  fs.cpSync(path.join(ext.roadmap.builtInFolder(), 'projects', LAB_PROJECT, 'solution'), dir, { recursive: true });
  await vscode.workspace.getConfiguration('mlRoadmap').update('pythonPath', '/usr/bin/python3', vscode.ConfigurationTarget.Workspace);
  return dir;
}

/** Open Lab → the webview's first paint of its cells. */
async function openLabToPaint(ext: ExtensionApi): Promise<{ ms: number; panel: vscode.Disposable }> {
  const t0 = performance.now();
  await vscode.commands.executeCommand(Commands.openLab, LAB_PROJECT);
  const panel = await waitFor(() => ext.labs.panels.get(LAB_PROJECT));
  const painted = await waitFor(() => panel.firstPaintAt);
  return { ms: painted - t0, panel };
}

/**
 * Lab (the first window only): Open Lab → first paint as the window's first webview, what a lab
 * run costs over running the same pytest directly, then Open Lab again as a later webview.
 */
async function labBench(ext: ExtensionApi, root: vscode.Uri): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const dir = await prepareLabProject(ext, root);
  const first = await openLabToPaint(ext);
  out.labFirstPaintMs = first.ms;

  const lab = (await ext.labs.controller(LAB_PROJECT))!;
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

  // Later webviews of a window take a second longer to paint than its first (seen in this bench):
  // Open Lab again, closing it before each, to set beside the floor's later panels.
  first.panel.dispose();
  const again: number[] = [];
  for (let i = 0; i < 3; i++) {
    await pause(300);
    const opened = await openLabToPaint(ext);
    again.push(opened.ms);
    opened.panel.dispose();
  }
  out.labReopenPaintMs = median(again);
  return out;
}

/**
 * The lab's first-paint floor (every window but the first, which opens the lab): a bare panel with
 * the lab's options and CSP painting a static page of the lab's first state, as the window's first
 * webview, then three more fresh panels (median), each disposed before the next.
 */
async function paintFloorBench(ext: ExtensionApi, extensionUri: vscode.Uri, root: vscode.Uri): Promise<Record<string, number>> {
  await prepareLabProject(ext, root);
  const body = staticLabBody(await (await ext.labs.controller(LAB_PROJECT))!.state());
  const first = await timeStaticPanel(extensionUri, body);
  const later: number[] = [];
  for (let i = 0; i < 3; i++) {
    await pause(300);
    later.push(await timeStaticPanel(extensionUri, body));
  }
  return { labPaintFloorFirstMs: first, labPaintFloorLaterMs: median(later), labPaintFloorBytes: Buffer.byteLength(body) };
}

export async function run(): Promise<void> {
  const out: Record<string, number | string> = {};
  const baseline = vscode.extensions.getExtension<{ timings: ExtensionApi['timings'] }>('ml-roadmap.bench-baseline');
  const ours = vscode.extensions.getExtension<ExtensionApi>('ml-roadmap.ml-roadmap');
  const target = baseline ?? ours;
  if (!target) throw new Error('no extension to measure');
  // The baseline's view is its own, or ours when it runs with our package.json (scripts/bench/run.mjs).
  const view = baseline ? (process.env.MLR_BENCH_VIEW || 'benchBaseline.tree') : 'mlRoadmap.tree';

  const opened = performance.now();
  await vscode.commands.executeCommand(`${view}.focus`);
  const api = await waitFor(() => (target.isActive ? target.exports : undefined));
  const firstItemsAt = await waitFor(() => api.timings.firstTreeItemsAt);
  out.activateMs = api.timings.activateMs;
  out.viewToItemsMs = firstItemsAt - opened;
  // Where that time goes: the host loading the extension, activate() itself, the window asking
  // for the top items once the view is registered, and the items being given.
  const { activateStartAt, firstTreeAskedAt } = api.timings;
  const viewToActivate = activateStartAt - opened;
  out.viewToActivateMs = viewToActivate;
  if (firstTreeAskedAt !== undefined) {
    const activatedToAsked = firstTreeAskedAt - (activateStartAt + api.timings.activateMs);
    out.activatedToAskedMs = activatedToAsked;
    out.askedToItemsMs = firstItemsAt - firstTreeAskedAt;
    // The editor's own two parts together, the part a floor with our package.json can show.
    out.editorPartsMs = viewToActivate + activatedToAsked;
  }

  // The same tree work for both: every node's children and TreeItem, then a tick through a command
  // → the tree's change event → the refreshed item.
  type Tree = Pick<vscode.TreeDataProvider<unknown>, 'getTreeItem'> & { getChildren(e?: unknown): vscode.ProviderResult<unknown[]>; onDidChangeTreeData: vscode.Event<unknown> };
  interface TreeUnderTest { readonly tree: Tree; readonly item: unknown; readonly setDone: (item: unknown, done: boolean) => Thenable<unknown> }
  /** The baseline's exports (test/fixtures/bench-baseline/extension.js). */
  const baselineTree = (exports: unknown): TreeUnderTest => {
    const b = exports as { tree: Tree; firstChild: unknown; setDone: TreeUnderTest['setDone'] };
    return { tree: b.tree, item: b.firstChild, setDone: b.setDone };
  };
  const treeOf: TreeUnderTest | undefined = baseline ? baselineTree(api) : ours && {
    tree: ours.exports.tree as unknown as Tree,
    item: (await ours.exports.roadmap.get()).roadmap.skills[0].topics[0],
    setDone: (item, done) => vscode.commands.executeCommand(done ? Commands.markDone : Commands.markNotDone, (item as { id: string }).id),
  };
  if (treeOf && part('tree')) {
    const { tree, item, setDone } = treeOf;
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      const t0 = performance.now();
      let n = 0;
      for (const parent of (await tree.getChildren()) ?? []) {
        await tree.getTreeItem(parent); n++;
        for (const child of (await tree.getChildren(parent)) ?? []) { await tree.getTreeItem(child); n++; }
      }
      times.push(performance.now() - t0);
      out.treeNodes = n;
    }
    out.fullTreeMs = median(times);
    const ticks: number[] = [];
    for (let i = 0; i < 15; i++) {
      const t0 = performance.now();
      const refreshed = new Promise<void>((r) => { const d = tree.onDidChangeTreeData(() => { d.dispose(); r(); }); });
      await setDone(item, i % 2 === 0);
      await refreshed;
      await tree.getTreeItem(item);
      ticks.push(performance.now() - t0);
    }
    out.tickRefreshMs = median(ticks);
  }

  if (!baseline && ours) {
    const ext = ours.exports;
    const { roadmap } = await ext.roadmap.get();
    // Scaffolding each template (median of 3), into fresh folders.
    const root = vscode.workspace.workspaceFolders![0].uri;
    const projects = process.env.MLR_BENCH_SCAFFOLD !== '1' || !part('scaffold') ? [] : roadmap.skills.flatMap((s) => s.projects).filter((p) => fs.existsSync(path.join(ext.roadmap.builtInFolder(), 'projects', p.id, 'template')));
    // Its floor, alternating with it: workspace.fs.copy of the same starter into a fresh folder.
    const perTemplate: Record<string, number> = {};
    for (const p of projects) {
      const runs: number[] = [];
      const copies: number[] = [];
      let files = 0;
      const projectFolder = vscode.Uri.file(path.join(ext.roadmap.builtInFolder(), 'projects', p.id));
      for (let i = 0; i < 3; i++) {
        // Each starts in a quiet editor: the file events of the previous writes, and the scaffold's
        // storing of workspace state (which it does not wait for), are over.
        await pause(200);
        const t0 = performance.now();
        const r = await vscode.commands.executeCommand<ScaffoldResult>(Commands.scaffoldProject, p.id, { folderName: `bench-${p.id}-${i}`, quiet: true, workspaceFolder: root });
        runs.push(performance.now() - t0);
        files = r?.written.length ?? 0;
        const copy = vscode.Uri.joinPath(root, `bench-copy-${p.id}-${i}`);
        await pause(200);
        copies.push(await timeStarterCopy(projectFolder, ours.extensionUri, copy));
        // A fair floor copies exactly the files the scaffold wrote.
        const wrote = [...(r?.written ?? [])].sort(), copied = filesIn(copy.fsPath);
        if (wrote.join('\n') !== copied.join('\n')) {
          const only = (a: string[], b: string[]) => a.filter((f) => !b.includes(f)).join(', ') || 'none';
          throw new Error(`${p.id}: the floor copied other files than the scaffold wrote (only copied: ${only(copied, wrote)}; only written: ${only(wrote, copied)})`);
        }
      }
      perTemplate[p.id] = median(runs);
      out[`scaffoldFiles:${p.id}`] = files;
      out[`copyFloorMs:${p.id}`] = median(copies);
    }
    for (const [id, ms] of Object.entries(perTemplate)) out[`scaffoldMs:${id}`] = ms;
    if (part('lab')) Object.assign(out, process.env.MLR_BENCH_SCAFFOLD === '1' ? await labBench(ext, root) : await paintFloorBench(ext, ours.extensionUri, root));
  }
  console.log(`${MARKER} ${JSON.stringify(out)}`);
}
