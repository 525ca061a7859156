// The typed roadmap that the markdown in roadmap/ parses into. Pure data: no `vscode` here.

/** A position in a source file, 1-based like an editor shows it. */
export interface SourceRange {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  readonly severity: Severity;
  /** A short stable code, e.g. `duplicate-id`, for tests and filtering. */
  readonly code: string;
  readonly message: string;
  readonly range: SourceRange;
}

export interface Resource {
  readonly title: string;
  readonly url: string;
}

export interface Topic {
  readonly kind: 'topic';
  readonly id: string;
  readonly title: string;
  readonly skillId: string;
  /**
   * What the topic is, why it matters and what to read first: plain text (markup stripped),
   * paragraphs separated by a blank line; '' when the roadmap gives none.
   */
  readonly summary: string;
  readonly range: SourceRange;
}

export interface Project {
  readonly kind: 'project';
  readonly id: string;
  readonly title: string;
  readonly skillId: string;
  readonly description: string;
  readonly includes: readonly string[];
  readonly keyFeatures: readonly string[];
  readonly practice: string;
  readonly range: SourceRange;
}

/** Weeks as a range; `undefined` for ongoing skills. */
export interface Duration {
  readonly text: string;
  readonly minWeeks?: number;
  readonly maxWeeks?: number;
}

export interface Skill {
  readonly kind: 'skill';
  readonly id: string;
  readonly title: string;
  /** 1-based position in the roadmap (from the file name order). */
  readonly order: number;
  readonly duration: Duration;
  readonly description: string;
  readonly resources: readonly Resource[];
  readonly topics: readonly Topic[];
  readonly projects: readonly Project[];
  readonly file: string;
  readonly range: SourceRange;
}

export interface Roadmap {
  readonly skills: readonly Skill[];
  /** The overview markdown, verbatim, when the folder has one. */
  readonly overview?: string;
}

export interface ParseResult {
  readonly roadmap: Roadmap;
  readonly diagnostics: readonly Diagnostic[];
}

/** One markdown file handed to the parser (the caller does the I/O). */
export interface SourceFile {
  /** Path as it should appear in diagnostics (relative to the roadmap folder is best). */
  readonly path: string;
  readonly text: string;
}

export type RoadmapItem = Skill | Topic | Project;
