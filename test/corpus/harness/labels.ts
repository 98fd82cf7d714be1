// @spec specthread-core#16.5
import * as fs from 'fs';
import * as path from 'path';
import { REPO } from '../../helpers/fixtures';

/**
 * The judged corpus findings in test/corpus/labels.tsv (format and precision formula in
 * test/corpus/LABELS.md). A label names a finding by repository, file, line and rule code, not
 * by severity or message, so that a verdict survives a change of default severity or wording.
 */
export const LABELS_FILE = path.join(REPO, 'test', 'corpus', 'labels.tsv');
export const LABELS_HEADER = ['repo', 'file', 'line', 'code', 'verdict', 'why'] as const;

/** T: the maintainer would thank us; F: a false alarm; B: borderline, reasonable people differ. */
export type Verdict = 'T' | 'F' | 'B';

export interface Label {
  readonly repo: string;
  readonly file: string;
  readonly line: number;
  readonly code: string;
  readonly verdict: Verdict;
  readonly why: string;
}

/** The identity of a finding or label; several findings of one rule on one line share it. */
export function labelKey(f: { readonly repo: string; readonly file: string; readonly line: number; readonly code: string }): string {
  return `${f.repo}\t${f.file}\t${f.line}\t${f.code}`;
}

export interface ParsedLabels {
  readonly labels: Label[];
  /** Malformed rows and duplicate keys, each naming its line of labels.tsv. */
  readonly problems: string[];
}

export function parseLabels(text: string): ParsedLabels {
  const labels: Label[] = [];
  const problems: string[] = [];
  const seen = new Map<string, number>();
  const lines = text.split(/\r?\n/);
  if (lines[0] !== LABELS_HEADER.join('\t')) problems.push(`line 1: the header must be ${LABELS_HEADER.join('<TAB>')}`);
  lines.slice(1).forEach((row, i) => {
    const at = i + 2;
    if (!row.trim()) return;
    const cells = row.split('\t');
    const [repo = '', file = '', line = '', code = '', verdict = '', why = ''] = cells;
    if (cells.length !== LABELS_HEADER.length) return void problems.push(`line ${at}: ${cells.length} cells, expected ${LABELS_HEADER.length}`);
    if (!/^(kiro|speckit|openspec)\/[^/]+$/.test(repo)) return void problems.push(`line ${at}: repo "${repo}" is not <format>/<owner>__<name>`);
    if (!/^[1-9]\d*$/.test(line)) return void problems.push(`line ${at}: line "${line}" is not a positive number`);
    if (verdict !== 'T' && verdict !== 'F' && verdict !== 'B') return void problems.push(`line ${at}: verdict "${verdict}" is not T, F or B`);
    if (!file || !code || !why.trim()) return void problems.push(`line ${at}: file, code and why must not be empty`);
    const label: Label = { repo, file, line: Number(line), code, verdict, why };
    const key = labelKey(label);
    const first = seen.get(key);
    if (first !== undefined) return void problems.push(`line ${at}: the same finding as line ${first}`);
    seen.set(key, at);
    labels.push(label);
  });
  return { labels, problems };
}

export function readLabels(file = LABELS_FILE): ParsedLabels {
  return fs.existsSync(file) ? parseLabels(fs.readFileSync(file, 'utf8')) : { labels: [], problems: [] };
}

/** labels.tsv text, rows sorted by repository, file, line and code so that diffs stay small. */
export function formatLabels(labels: readonly Label[]): string {
  const sorted = [...labels].sort((a, b) => a.repo.localeCompare(b.repo) || a.file.localeCompare(b.file) || a.line - b.line || a.code.localeCompare(b.code));
  return [LABELS_HEADER.join('\t'), ...sorted.map(labelRow)].join('\n') + '\n';
}

export function labelRow(l: Label): string {
  return [l.repo, l.file, String(l.line), l.code, l.verdict, l.why.replace(/[\t\r\n]+/g, ' ')].join('\t');
}

/** Writes labels.tsv atomically (temporary file, then rename), as every write of a user file. */
export function writeLabels(labels: readonly Label[], file = LABELS_FILE): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, formatLabels(labels));
  fs.renameSync(tmp, file);
}

export interface VerdictCounts {
  T: number;
  F: number;
  B: number;
}

export const noVerdicts = (): VerdictCounts => ({ T: 0, F: 0, B: 0 });

/**
 * (T + 0.5·B) / (T + F + B): a borderline finding is one that half of the maintainers would
 * keep, so it counts half. Undefined when nothing is judged: no evidence is not 100 %.
 */
export function precision(c: VerdictCounts): number | undefined {
  const judged = c.T + c.F + c.B;
  return judged ? (c.T + 0.5 * c.B) / judged : undefined;
}
