// @spec specthread-core#17.1
import { fingerprint } from '../../core/baseline/baseline';
import { RULE_REGISTRY } from '../../core/checks/registry';
import { RuleMeta } from '../../core/checks/rule';
import { ruleAnchor } from '../../core/checks/ruleDocs';
import { Finding, Severity } from '../../core/findings';
import { CheckReport } from './types';

/**
 * What the CI formats say about one finding beyond its fields: one-based positions, the flagged
 * line, the baseline fingerprint and the rule's documentation. Pure functions of the report.
 */

/** The published rule reference; each rule has an anchor there (docs/rules.md, generated). */
export const RULE_DOCS_URL = 'https://example.invalid/specthread/blob/main/docs/rules.md';

export function ruleDocUrl(code: string): string {
  return `${RULE_DOCS_URL}#${ruleAnchor(code)}`;
}

const METAS: ReadonlyMap<string, RuleMeta> = new Map(RULE_REGISTRY.map((r) => [r.meta.code, r.meta]));

/** The registered rule of a code; undefined for a code no rule declares. */
export function ruleMetaOf(code: string): RuleMeta | undefined {
  return METAS.get(code);
}

/** One-based start and end, end column exclusive (as SARIF counts it). */
export function position(f: Finding): { line: number; column: number; endLine: number; endColumn: number } {
  return { line: f.range.start.line + 1, column: f.range.start.character + 1, endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1 };
}

/** The text of the finding's first line, when the report carries its file's lines. */
export function flaggedLine(report: CheckReport, f: Finding): string | undefined {
  return report.lines?.get(f.path)?.[f.range.start.line];
}

/**
 * The finding's baseline fingerprint: rule-independent hash of the normalised line and the
 * flagged words, so it stays the same when lines move. Files whose lines the report lacks (code
 * files) hash the empty line, exactly as the baseline does.
 */
export function fingerprintOf(report: CheckReport, f: Finding): string {
  return fingerprint(f, report.lines?.get(f.path) ?? []);
}

/** SARIF's and GitLab's words for a severity. */
export const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
