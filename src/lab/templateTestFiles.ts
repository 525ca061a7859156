// A project's test files against its template's (src/checks/testIntegrity.ts does the comparing
// and planning): reads the template's once and the learner's on each ask (LabProject caches the
// drift), opens the diffs, and restores the originals after a confirmation, keeping the learner's
// edited copies.
import * as vscode from 'vscode';
import { MAX_BACKUPS, hasDrift, isExpectationFile, planRestore, testDrift, type TestDrift } from '../checks/testIntegrity';
import { listTemplate, probeTarget } from '../scaffold/templateFiles';

export class TemplateTestFiles {
  /** The template's expectation files (tests/, conftest.py) as shipped, read once. */
  private shipped: Promise<Map<string, Uint8Array>> | undefined;

  constructor(private readonly templateRoot: vscode.Uri, private readonly fs: Pick<vscode.FileSystem, 'readFile'>) {}

  private uriIn(root: vscode.Uri, relativePath: string): vscode.Uri {
    return vscode.Uri.joinPath(root, ...relativePath.split('/'));
  }

  private read(): Promise<Map<string, Uint8Array>> {
    this.shipped ??= (async () => {
      const files = await listTemplate(this.templateRoot).catch(() => [] as string[]);
      const out = new Map<string, Uint8Array>();
      for (const f of files.filter(isExpectationFile)) out.set(f, await this.fs.readFile(this.uriIn(this.templateRoot, f)));
      return out;
    })();
    return this.shipped;
  }

  /**
   * The template's own conftest.py files: the only ones the lab's pytest run loads (a conftest the
   * learner adds could rewrite every report). Undefined when the template cannot be read.
   */
  async conftests(): Promise<string[] | undefined> {
    const shipped = await this.read();
    return shipped.size ? [...shipped.keys()].filter((f) => f === 'conftest.py' || f.endsWith('/conftest.py')) : undefined;
  }

  /** How `folder`'s tests differ from the template's; undefined when the template has none. */
  async drift(folder: vscode.Uri): Promise<TestDrift | undefined> {
    const shipped = await this.read();
    if (!shipped.size) return undefined;
    const mine = new Map<string, Uint8Array | undefined>();
    await Promise.all([...shipped.keys()].map(async (f) => {
      mine.set(f, await this.fs.readFile(this.uriIn(folder, f)).then((b) => b, () => undefined));
    }));
    return testDrift(shipped, mine);
  }

  /** Opens a diff per edited test file: the template's on the left, the learner's on the right. */
  async showChanges(folder: vscode.Uri): Promise<void> {
    const drift = await this.drift(folder);
    if (!hasDrift(drift)) return;
    for (const f of drift.changed) {
      await vscode.commands.executeCommand('vscode.diff', this.uriIn(this.templateRoot, f), this.uriIn(folder, f), `${f}: original ↔ yours`, { preview: false });
    }
    if (drift.missing.length) void vscode.window.showInformationMessage(vscode.l10n.t('Missing from your project: {0}.', drift.missing.join(', ')));
  }

  /**
   * Puts the template's tests back into `folder` after a confirmation. Each edited file is first
   * copied to `<name>.edited`; nothing is written when a path would leave the project (a symlink on
   * the way). Returns the files written, or undefined when the learner said no.
   */
  async restore(folder: vscode.Uri, projectTitle: string, confirmed: boolean): Promise<string[] | undefined> {
    const drift = await this.drift(folder);
    if (!hasDrift(drift)) return [];
    if (!confirmed) {
      const n = drift.changed.length + drift.missing.length;
      const restoreTests = vscode.l10n.t('Restore Tests');
      const answer = await vscode.window.showWarningMessage(
        n > 1 ? vscode.l10n.t('Restore {0} test files of "{1}" as the template ships them?', n, projectTitle) : vscode.l10n.t('Restore 1 test file of "{0}" as the template ships it?', projectTitle),
        { modal: true, detail: `${[...drift.changed, ...drift.missing].join('\n')}\n\n${vscode.l10n.t('Your edited copies are kept beside them as *.edited files, which pytest does not collect.')}` },
        restoreTests);
      if (answer !== restoreTests) return undefined;
    }
    const candidates = drift.changed.flatMap((f) => [`${f}.edited`, ...Array.from({ length: MAX_BACKUPS - 1 }, (_, i) => `${f}.edited-${i + 2}`)]);
    const kinds = await probeTarget(folder, [...drift.changed, ...drift.missing, ...candidates]);
    // Whatever was not probed counts as taken: a backup never lands on an unchecked name.
    const plan = planRestore(drift, (p) => kinds.get(p) ?? 'file');
    if (plan.refused.length) throw new Error(vscode.l10n.t('Tests not restored: {0}.', plan.refused.map((r) => `${r.path}: ${r.reason}`).join('; ')));
    for (const b of plan.backups) await vscode.workspace.fs.copy(this.uriIn(folder, b.path), this.uriIn(folder, b.backup), { overwrite: false });
    const shipped = await this.read();
    for (const f of plan.writes) await vscode.workspace.fs.writeFile(this.uriIn(folder, f), shipped.get(f)!);
    return plan.writes.slice();
  }
}
