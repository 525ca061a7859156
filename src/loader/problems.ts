// The roadmap's diagnostics in the Problems panel: one collection, replaced whole on each load,
// each diagnostic on the file it names inside the roadmap folder.
import * as vscode from 'vscode';
import type { Diagnostic } from '../roadmap/model';

export class RoadmapProblems implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('ML Roadmap');

  /** Shows `diagnostics` (ranges 1-based, files relative to `folder`) instead of the last load's. */
  publish(folder: vscode.Uri, diagnostics: readonly Diagnostic[]): void {
    this.collection.clear();
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const d of diagnostics) {
      const list = byFile.get(d.range.file) ?? [];
      const range = new vscode.Range(
        Math.max(0, d.range.line - 1), Math.max(0, d.range.column - 1),
        Math.max(0, d.range.endLine - 1), Math.max(0, d.range.endColumn - 1),
      );
      const diagnostic = new vscode.Diagnostic(
        range, d.message,
        d.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
      );
      diagnostic.code = d.code;
      diagnostic.source = 'ML Roadmap';
      list.push(diagnostic);
      byFile.set(d.range.file, list);
    }
    for (const [file, list] of byFile) this.collection.set(vscode.Uri.joinPath(folder, file), list);
  }

  dispose(): void {
    this.collection.dispose();
  }
}
