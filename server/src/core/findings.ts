import type { Severity } from '../../../shared/settings';
import type { PinChange } from '../../../shared/traceProtocol';
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
  /**
   * Something to show instead of (or after) the edits, as data: the core knows no editor, so the
   * LSP layer maps it to a client command (lsp/convert.ts) and the CLI may ignore it.
   */
  readonly action?: FixAction;
}

/**
 * The non-edit parts of fixes. `show-pin-change`: show a pinned criterion's old and new text;
 * `show-rule-docs`: open the documentation of the finding's rule.
 */
export type FixAction = { readonly kind: 'show-pin-change'; readonly change: PinChange } | { readonly kind: 'show-rule-docs'; readonly code: string };

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
  /**
   * Set only when the engine runs with `keepAccepted` (the CLI, for SARIF): the finding was
   * accepted by a suppression comment or by the baseline, and is reported as suppressed instead
   * of being dropped.
   */
  readonly accepted?: Acceptance;
}

/** Why a finding a user does not need to act on was kept: an inline suppression comment, or the baseline. */
export type Acceptance = 'suppression' | 'baseline';

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

export function severityRank(s: Severity): number {
  return SEVERITY_RANK[s];
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
    // The last keys make the order total, so that reports are byte-identical from run to run.
    a.range.end.line - b.range.end.line ||
    a.range.end.character - b.range.end.character ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

/** Findings by the file they are in, each file's findings in their given order. */
export function groupByPath(findings: Iterable<Finding>): Map<string, Finding[]> {
  const byPath = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byPath.get(f.path);
    if (list) list.push(f);
    else byPath.set(f.path, [f]);
  }
  return byPath;
}

/**
 * A finding's position (1-based, as editors and CI tools count) and rule, as plain data: what every
 * JSON answer shows of a finding next to its file (the CLI's json format, the MCP validate tool).
 */
export function findingFields(f: Finding): {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
} {
  return {
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    severity: f.severity,
    code: f.code,
    message: f.message,
  };
}
