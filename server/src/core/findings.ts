import type { Severity } from '../../../shared/settings';
import { Range } from './text/range';

export type { Severity };

export interface FileEdit {
  readonly path: string;
  readonly range: Range;
  readonly newText: string;
}

/** A quick fix: a titled set of edits, applied together. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly FileEdit[];
  readonly preferred?: boolean;
  /** A client command to run instead of (or after) the edits, e.g. to show what changed. */
  readonly command?: { readonly id: string; readonly arguments: readonly unknown[] };
}

export interface RelatedLocation {
  readonly path: string;
  readonly range: Range;
  readonly message: string;
}

/** One diagnostic, transport-neutral: the LSP layer and the CLI render it their own way. */
export interface Finding {
  readonly path: string;
  readonly range: Range;
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
  readonly fixes?: readonly Fix[];
  readonly related?: readonly RelatedLocation[];
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

export function severityRank(s: Severity): number {
  return SEVERITY_RANK[s];
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}
